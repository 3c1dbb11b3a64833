/*
 * execute_indexes.h
 *		DynamoDB's shapes of secondary index definitions.
 */
#ifndef DYNAMO_EXECUTE_INDEXES_H
#define DYNAMO_EXECUTE_INDEXES_H

#include "index_catalog.h"
#include "table_ops.h"

extern IndexDef *exec_parse_index_def(Jsonb *e, bool local, Jsonb *defs, const char *path,
									  int pay_per_request);
extern List *exec_create_table_indexes(Jsonb *req, Jsonb *defs, CreateTableRequest *ct);

#endif							/* DYNAMO_EXECUTE_INDEXES_H */
