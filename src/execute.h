/*
 * execute.h
 *		dynamo.execute(): DynamoDB's operations with DynamoDB's JSON shapes.
 */
#ifndef DYNAMO_EXECUTE_H
#define DYNAMO_EXECUTE_H

#include "utils/jsonb.h"

/*
 * An operation's handler: request in, response out, both in DynamoDB's
 * typed JSON.  escaped: strings in the request already carry the stored
 * escape (the text form), and the response keeps it.
 */
typedef Jsonb *(*OperationHandler) (Jsonb *request, bool escaped);

typedef struct DynamoOperation
{
	const char *name;
	OperationHandler handler;
} DynamoOperation;

/* Handlers, by family */
extern Jsonb *exec_create_table(Jsonb *req, bool escaped);
extern Jsonb *exec_delete_table(Jsonb *req, bool escaped);
extern Jsonb *exec_describe_table(Jsonb *req, bool escaped);
extern Jsonb *exec_list_tables(Jsonb *req, bool escaped);
extern Jsonb *exec_put_item(Jsonb *req, bool escaped);
extern Jsonb *exec_get_item(Jsonb *req, bool escaped);
extern Jsonb *exec_delete_item(Jsonb *req, bool escaped);
extern Jsonb *exec_update_item(Jsonb *req, bool escaped);
extern Jsonb *exec_batch_get_item(Jsonb *req, bool escaped);
extern Jsonb *exec_batch_write_item(Jsonb *req, bool escaped);
extern Jsonb *exec_transact_get_items(Jsonb *req, bool escaped);
extern Jsonb *exec_transact_write_items(Jsonb *req, bool escaped);
extern Jsonb *exec_query(Jsonb *req, bool escaped);
extern Jsonb *exec_scan(Jsonb *req, bool escaped);

extern char *exec_table_name(Jsonb *req);

/* ReturnConsumedCapacity, and ConsumedCapacity in responses */
typedef enum CapacityDetail
{
	CAPACITY_NONE,
	CAPACITY_TOTAL,
	CAPACITY_INDEXES
} CapacityDetail;

extern CapacityDetail wants_capacity(Jsonb *req);
extern double capacity_units(int64 bytes, bool write, bool consistent);
extern void push_capacity_units(JsonbParseState **st, const char *key, CapacityDetail detail,
								const char *table, double units);
extern void push_capacity(JsonbParseState **st, CapacityDetail detail, const char *table,
						  int64 bytes, bool write, bool consistent);

#endif							/* DYNAMO_EXECUTE_H */
