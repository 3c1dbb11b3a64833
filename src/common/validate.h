/*
 * validate.h
 *		DynamoDB's parameter constraints (not null, enum, length, range,
 *		pattern) and its message for them: "N validation error(s) detected:
 *		A; B", every violation of a request in DynamoDB's order.
 *
 * Each check takes a collector: violations gathered in one are raised
 * together by validate_finish().  A NULL collector raises the violation at
 * once as "1 validation error detected: ...".
 */
#ifndef DYNAMO_VALIDATE_H
#define DYNAMO_VALIDATE_H

#include "lib/stringinfo.h"

typedef struct DynValidation
{
	int			count;
	StringInfoData msgs;
} DynValidation;

/* DynamoDB reports at most this many violations */
#define VALIDATE_MAX_ERRORS 10

#define VALIDATE_NAME_PATTERN "[a-zA-Z0-9_.-]+"
/* The longest TableName of the item operations, which also take an ARN */
#define VALIDATE_TABLE_REF_MAX 1024

/* The value shown for members whose value DynamoDB does not echo */
extern const char VALIDATE_HIDDEN[];

extern void validate_init(DynValidation *v);
extern void validate_finish(DynValidation *v);
extern void validate_fail(DynValidation *v, const char *shown, const char *member,
						  const char *constraint);

/* Each returns whether the value satisfies the constraint */
extern bool validate_not_null(DynValidation *v, const void *value, const char *member);
extern bool validate_enum(DynValidation *v, const char *value, const char *member,
						  const char *set);
extern bool validate_length(DynValidation *v, const char *shown, int64 len,
							int64 min, int64 max, const char *member);
extern bool validate_range(DynValidation *v, const char *shown, double value,
						   double min, double max, const char *member);
extern bool validate_name_pattern(DynValidation *v, const char *value, const char *member);
extern bool validate_table_ref(DynValidation *v, const char *value, const char *member);
extern bool validate_name(DynValidation *v, const char *value, int64 max,
						  const char *member);

#endif							/* DYNAMO_VALIDATE_H */
