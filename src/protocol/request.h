/*
 * request.h
 *		Reading DynamoDB requests into the engine's request structs: each
 *		request is read once, member by member in the order DynamoDB checks
 *		them, by execute() and the HTTP door (typed JSON) and by the SQL
 *		functions that take DynamoDB's members (plain JSON).
 */
#ifndef DYNAMO_REQUEST_H
#define DYNAMO_REQUEST_H

#include "batch_ops.h"
#include "item_requests.h"
#include "table_ops.h"
#include "transact_ops.h"

/* Members every operation may take (request_item.c) */
extern CapacityDetail wants_capacity(Jsonb *req);
extern void expr_params_from_request(Jsonb *req, bool escaped, ExprParams *p);
extern void dialect_expr_params(ItemDialect d, Jsonb *obj, ExprParams *p);

/* PutItem, GetItem, DeleteItem, UpdateItem (typed JSON) */
extern void exec_item_request(Jsonb *req, bool escaped, const char *operation, ItemRequest *r);

/* Batches and transactions (request_batch.c), in either dialect */
extern Jsonb *batch_table_entry(JsonbValue *v, bool list);
extern void exec_batch_get_request(Jsonb *request_items, ItemDialect d, BatchGetRequest *r);
extern Jsonb *exec_batch_get_response(BatchGetRequest *r, ItemDialect d);
extern void exec_batch_write_request(Jsonb *request_items, ItemDialect d, BatchWriteRequest *r);
extern Jsonb *exec_batch_write_response(BatchWriteRequest *r, bool escaped);
extern void exec_transact_request(Jsonb *items, ItemDialect d, bool writes, TransactRequest *tx);

/* CreateTable's and UpdateTable's settings members, Tags (request_table.c) */
extern void exec_table_settings(Jsonb *req, bool update, TableSettings *s);
extern void exec_tags(Jsonb *list, TableTags *tags);

#endif							/* DYNAMO_REQUEST_H */
