/*
 * capacity.h
 *		Capacity units as DynamoDB counts them, and the ConsumedCapacity
 *		member of responses.
 */
#ifndef DYNAMO_CAPACITY_H
#define DYNAMO_CAPACITY_H

#include "utils/jsonb.h"

#include "table_catalog.h"

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
extern void push_capacity_breakdown(JsonbParseState **st, const char *key, CapacityDetail detail,
									const char *table, double table_units, int n,
									const char *const *names, const bool *locals,
									const double *units);
extern void push_index_read_capacity(JsonbParseState **st, CapacityDetail detail, const char *table,
									 const char *index, bool local, double units,
									 double table_units);
extern void push_capacity(JsonbParseState **st, CapacityDetail detail, const char *table,
						  int64 bytes, bool write, bool consistent);

/*
 * The units an operation charged one table and its indexes (writes charge
 * each index they change; index_units NULL: none counted)
 */
typedef struct TableCapacity
{
	DynamoTable *table;
	const char *name;			/* the table as the request named it (its
								 * name or ARN); NULL: its name */
	double		units;
	double	   *index_units;	/* one per index of table, or NULL */
} TableCapacity;

extern TableCapacity *capacity_of_table(TableCapacity *tables, int *n, DynamoTable *t,
										bool indexes);
extern void capacity_add_write(TableCapacity *tc, int64 bytes, Jsonb *old, Jsonb *new,
							   const double *index_units, double factor);
extern void push_table_capacity(JsonbParseState **st, const char *key, CapacityDetail detail,
								TableCapacity *tc);
extern void push_capacity_list(JsonbParseState **st, CapacityDetail detail, TableCapacity *tables,
							   int n);

#endif							/* DYNAMO_CAPACITY_H */
