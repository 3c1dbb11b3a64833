/*
 * capacity.h
 *		Capacity units as DynamoDB counts them, and the ConsumedCapacity
 *		member of responses.
 */
#ifndef DYNAMO_CAPACITY_H
#define DYNAMO_CAPACITY_H

#include "utils/jsonb.h"

/* ReturnConsumedCapacity, and ConsumedCapacity in responses */
typedef enum CapacityDetail
{
	CAPACITY_NONE,
	CAPACITY_TOTAL,
	CAPACITY_INDEXES
} CapacityDetail;

extern CapacityDetail capacity_detail(const char *return_consumed_capacity);
extern double capacity_units(int64 bytes, bool write, bool consistent);
extern void push_capacity_units(JsonbParseState **st, const char *key, CapacityDetail detail,
								const char *table, double units);
extern void push_capacity_breakdown(JsonbParseState **st, CapacityDetail detail, const char *table,
									double table_units, int n, const char *const *names,
									const bool *locals, const double *units);
extern void push_index_read_capacity(JsonbParseState **st, CapacityDetail detail, const char *table,
									 const char *index, bool local, double units);
extern void push_capacity(JsonbParseState **st, CapacityDetail detail, const char *table,
						  int64 bytes, bool write, bool consistent);

#endif							/* DYNAMO_CAPACITY_H */
