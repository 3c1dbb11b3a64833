/*
 * index_read.h
 *		Query and Scan with IndexName.
 */
#ifndef DYNAMO_INDEX_READ_H
#define DYNAMO_INDEX_READ_H

#include "index_catalog.h"
#include "read_ops.h"

extern void index_read_statement(ReadRequest *req, ReadStatement *s);
extern SPIPlanPtr *index_read_plan_slot(ReadRequest *req);
extern int	index_read_range_keys(ReadRequest *req, ItemRangeKey *keys);
extern Jsonb *index_read_visible(ReadRequest *req, Jsonb *item);
extern Jsonb *index_read_result(ReadRequest *req, Jsonb *item, Jsonb *visible);
extern Jsonb *index_read_last_key(ReadRequest *req, Jsonb *item);
extern Jsonb *index_project_item(DynamoIndex *ix, Jsonb *item);
extern void index_read_resolve(ReadRequest *req, const char *index_name, bool consistent,
							   bool has_start, bool select_given);
extern void index_read_start_key(ReadRequest *req, Jsonb *start);
extern JsonbValue *index_read_start_attr(ReadRequest *req, const char *name);

#endif							/* DYNAMO_INDEX_READ_H */
