/*
 * execute.h
 *		dynamo.execute(): DynamoDB's operations with DynamoDB's JSON shapes.
 */
#ifndef DYNAMO_EXECUTE_H
#define DYNAMO_EXECUTE_H

#include "utils/jsonb.h"

#include "capacity.h"

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
extern char *exec_read_to_sql(const char *operation, Jsonb *req);
/* streams: DynamoDB Streams (execute_streams.c) */
extern Jsonb *exec_list_streams(Jsonb *req, bool escaped);
extern Jsonb *exec_describe_stream(Jsonb *req, bool escaped);
extern Jsonb *exec_get_shard_iterator(Jsonb *req, bool escaped);
extern Jsonb *exec_get_records(Jsonb *req, bool escaped);

extern char *exec_table_name(Jsonb *req);

/* The protocol's entry points (dispatch.c) */
extern Jsonb *dynamo_run_operation(const char *operation, Jsonb *request, bool escaped);
extern Jsonb *dynamo_parse_request_text(const char *json);
extern char *dynamo_run_operation_text(const char *operation, const char *body, size_t len);

extern CapacityDetail wants_capacity(Jsonb *req);

#endif							/* DYNAMO_EXECUTE_H */
