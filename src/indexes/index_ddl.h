/*
 * index_ddl.h
 *		Creating, dropping, checking and describing secondary indexes.
 */
#ifndef DYNAMO_INDEX_DDL_H
#define DYNAMO_INDEX_DDL_H

#include "utils/jsonb.h"

#include "index_catalog.h"
#include "table_ops.h"

extern void index_check_defs(List *defs, const DynamoKeyAttr *table_pk,
							 const DynamoKeyAttr *table_sk, DynamoTable *existing);
extern void index_create(DynamoTable *t, IndexDef *d, bool backfill);
extern void index_create_all(const char *table_name, List *defs);
extern void index_drop(DynamoTable *t, DynamoIndex *ix);
extern void index_update_throughput(DynamoTable *t, DynamoIndex *ix,
									const IndexThroughputUpdate *u);
extern void index_forget_all(DynamoTable *t);
extern void index_push_attribute_definitions(JsonbParseState **st, DynamoTable *t);
extern void index_push_descriptions(JsonbParseState **st, DynamoTable *t);

#endif							/* DYNAMO_INDEX_DDL_H */
