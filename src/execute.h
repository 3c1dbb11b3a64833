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

extern Jsonb *exec_query(Jsonb *req, bool escaped);
extern Jsonb *exec_scan(Jsonb *req, bool escaped);
extern char *exec_table_name(Jsonb *req);

/* ReturnConsumedCapacity, and the ConsumedCapacity member of a response */
typedef enum CapacityDetail
{
	CAPACITY_NONE,
	CAPACITY_TOTAL,
	CAPACITY_INDEXES
} CapacityDetail;

extern CapacityDetail wants_capacity(Jsonb *req);
extern void push_capacity(JsonbParseState **st, CapacityDetail detail, const char *table,
						  int64 bytes, bool write, bool consistent);

#endif							/* DYNAMO_EXECUTE_H */
