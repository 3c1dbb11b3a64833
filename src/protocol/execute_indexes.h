/*
 * execute_indexes.h
 *		DynamoDB's shapes of secondary index definitions.
 */
#ifndef DYNAMO_EXECUTE_INDEXES_H
#define DYNAMO_EXECUTE_INDEXES_H

#include "index_catalog.h"
#include "item_key.h"
#include "table_ops.h"
#include "transact_ops.h"

extern IndexDef *exec_parse_index_def(Jsonb *e, bool local, Jsonb *defs, const char *path,
									  int pay_per_request);
extern List *exec_create_table_indexes(Jsonb *req, Jsonb *defs, CreateTableRequest *ct);
extern void exec_push_collection_metrics(JsonbParseState **st, Jsonb *req, DynamoTable *t,
										 ItemKey *key, Jsonb *item, bool escaped);
extern Jsonb *exec_batch_write_metrics(Jsonb *req, Jsonb *response, bool escaped);
extern Jsonb *exec_transact_write_metrics(Jsonb *req, TransactRequest *tx, Jsonb *response,
										  bool escaped);

#endif							/* DYNAMO_EXECUTE_INDEXES_H */
