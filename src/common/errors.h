/*
 * errors.h
 *		DynamoDB exceptions as PostgreSQL errors.
 *
 * Every DynamoDB exception has its own SQLSTATE in class DY; errmsg carries
 * DynamoDB's message.  Structured parts of an exception (the old item of a
 * failed condition, cancellation reasons) travel as a JSON object in
 * errdetail, so SQL callers read them with GET STACKED DIAGNOSTICS and
 * execute()'s text form and the HTTP door can render them.
 */
#ifndef DYNAMO_ERRORS_H
#define DYNAMO_ERRORS_H

#include "utils/elog.h"
#include "utils/resowner.h"

typedef enum DynamoException
{
	DYN_VALIDATION,
	DYN_RESOURCE_NOT_FOUND,
	DYN_RESOURCE_IN_USE,
	DYN_CONDITIONAL_CHECK_FAILED,
	DYN_TRANSACTION_CANCELED,
	DYN_TRANSACTION_CONFLICT,
	DYN_TRANSACTION_IN_PROGRESS,
	DYN_IDEMPOTENT_PARAMETER_MISMATCH,
	DYN_ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED,
	DYN_LIMIT_EXCEEDED,
	DYN_PROVISIONED_THROUGHPUT_EXCEEDED,
	DYN_REQUEST_LIMIT_EXCEEDED,
	DYN_THROTTLING,
	DYN_SERIALIZATION,
	DYN_UNKNOWN_OPERATION,
	DYN_ACCESS_DENIED,
	DYN_UNRECOGNIZED_CLIENT,
	DYN_MISSING_AUTHENTICATION_TOKEN,
	DYN_INVALID_SIGNATURE,
	DYN_DUPLICATE_ITEM,
	DYN_INCOMPLETE_SIGNATURE,
	/* backups (tableapi) */
	DYN_TABLE_NOT_FOUND,
	DYN_TABLE_ALREADY_EXISTS,
	DYN_BACKUP_NOT_FOUND,
	DYN_CONTINUOUS_BACKUPS_UNAVAILABLE,
	/* streams */
	DYN_EXPIRED_ITERATOR,
	DYN_TRIMMED_DATA_ACCESS,
	DYN_INTERNAL_SERVER_ERROR,
	DYN_EXCEPTION_COUNT
} DynamoException;

/* One row of the exception table */
typedef struct DynamoExceptionInfo
{
	const char *name;			/* DynamoDB's exception name */
	const char *sqlstate;		/* five characters, class DY */
	int			http_status;
	const char *type_prefix;	/* namespace of __type in the wire format */
} DynamoExceptionInfo;

extern const DynamoExceptionInfo DynamoExceptions[DYN_EXCEPTION_COUNT];

extern int	dynamo_errcode(DynamoException exc);
extern ErrorData *dynamo_subxact_abort(MemoryContext cxt, ResourceOwner owner);
extern ErrorData *dynamo_catch_pure(void (*fn) (void *), void *arg, DynamoException exc);

/* Raise a DynamoDB exception with DynamoDB's message */
#define dynamo_error(exc, ...) \
	ereport(ERROR, (errcode(dynamo_errcode(exc)), errmsg(__VA_ARGS__)))

/* Raise a DynamoDB exception carrying structured parts (a JSON object) */
#define dynamo_error_detail(exc, detail_json, ...) \
	ereport(ERROR, (errcode(dynamo_errcode(exc)), errmsg(__VA_ARGS__), \
					errdetail("%s", (detail_json))))

/* The message DynamoDB prefixes to most request validation failures */
#define DYN_INVALID_PARAMS "One or more parameter values were invalid: "

#endif							/* DYNAMO_ERRORS_H */
