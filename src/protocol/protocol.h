/*
 * protocol.h
 *		The DynamoDB JSON protocol shared by dynamo.execute() and the HTTP
 *		door: requests read into the engine's structs, the operations'
 *		handlers, errors mapped to DynamoDB's exceptions.
 */
#ifndef DYNAMO_PROTOCOL_H
#define DYNAMO_PROTOCOL_H

#include "lib/stringinfo.h"
#include "utils/jsonb.h"

#include "batch.h"
#include "indexes.h"
#include "items.h"
#include "read_ops.h"
#include "tables.h"
#include "validate.h"

/* ------------------------------------------------------------------------
 * Reading DynamoDB requests into the engine's request structs: each
 * request is read once, member by member in the order DynamoDB checks
 * them, by execute() and the HTTP door (typed JSON) and by the SQL
 * functions that take DynamoDB's members (plain JSON).
 * ------------------------------------------------------------------------
 */

/*
 * The top-level members of a request with parameter constraints, each
 * looked up once and checked as it is read (request_constraints.c)
 */
#define REQUEST_MEMBERS_MAX 12
typedef struct RequestMembers
{
	Jsonb	   *req;
	int			count;
	const char *names[REQUEST_MEMBERS_MAX];
	JsonbValue *values[REQUEST_MEMBERS_MAX];	/* NULL: absent or JSON null */
} RequestMembers;

extern void exec_read_members(const char *operation, Jsonb *req, RequestMembers *m);

/* Raise the first type error (SerializationException) in a request (request_types.c) */
extern void request_check_types(const char *operation, Jsonb *req);
extern JsonbValue *request_member(RequestMembers *m, const char *name);

/* Members every operation may take (request_item.c) */
extern void expr_params_from_request(Jsonb *req, bool escaped, ExprParams *p);
extern void expr_params_read(RequestMembers *m, bool escaped, ExprParams *p);
extern void dialect_expr_params(ItemDialect d, Jsonb *obj, ExprParams *p);

/*
 * PutItem, GetItem, DeleteItem, UpdateItem (typed JSON), their parameter
 * constraints checked in the same pass; p (optional) receives the
 * expression members
 */
extern void exec_item_request(Jsonb *req, bool escaped, const char *operation, ItemRequest *r,
							  ExprParams *p);

/* Batches and transactions (request_batch.c), in either dialect */
extern Jsonb *batch_table_entry(JsonbValue *v, bool list);
extern void batch_check_request_items(DynValidation *v, JsonbValue *m, bool write);
extern void exec_batch_get_request(Jsonb *request_items, ItemDialect d, BatchGetRequest *r);
extern Jsonb *exec_batch_get_response(BatchGetRequest *r, ItemDialect d);
extern void exec_batch_write_request(Jsonb *request_items, ItemDialect d, BatchWriteRequest *r);
extern Jsonb *exec_batch_write_response(BatchWriteRequest *r, bool escaped);
extern void exec_transact_request(Jsonb *items, ItemDialect d, bool writes, TransactRequest *tx);
/* Whole requests (typed JSON), their parameter constraints checked in the same pass */
extern void exec_batch_get_item_request(Jsonb *req, ItemDialect d, BatchGetRequest *r);
extern void exec_batch_write_item_request(Jsonb *req, ItemDialect d, BatchWriteRequest *r);
extern void exec_transact_items_request(Jsonb *req, ItemDialect d, bool writes,
										TransactRequest *tx, bool *metrics);

/* CreateTable's and UpdateTable's settings members, Tags (request_table.c) */
extern void exec_table_settings(Jsonb *req, bool update, TableSettings *s);
extern void exec_tags(Jsonb *list, TableTags *tags);
extern int64 request_capacity_units(Jsonb *pt, const char *member, const char *param,
									bool bounded);
extern int64 request_units_member(Jsonb *odt, const char *member, bool allow_clear,
								  const char *what);

/* ------------------------------------------------------------------------
 * dynamo.execute(): DynamoDB's operations with DynamoDB's JSON shapes.
 * ------------------------------------------------------------------------
 */

/*
 * An operation's handler: request in, response out, both in DynamoDB's
 * typed JSON.  escaped: strings in the request already carry the stored
 * escape (the text form), and the response keeps it.
 */
typedef Jsonb *(*OperationHandler) (Jsonb *request, bool escaped);

/*
 * A text handler (optional) answers the same request with the response
 * written as JSON text into out, for the text doors (execute_text() and the
 * HTTP door): the request's strings carry the stored escape, the response
 * shows U+0000 as \u0000, spaced as style says (JSON_TEXT_* of
 * attr_text.h).  Operations with large responses have one, so they never
 * build a jsonb document only to print it.
 */
typedef void (*OperationTextHandler) (Jsonb *request, StringInfo out, int style);

typedef struct DynamoOperation
{
	const char *name;
	OperationHandler handler;
	OperationTextHandler text_handler;
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
extern void exec_read_build(Jsonb *req, bool query, ReadParams *p, ReadRequest *r);
extern char *exec_placeholders_literal(Jsonb *map, const char *text);

/* PartiQL (execute_partiql.c) */
extern Jsonb *exec_execute_statement(Jsonb *req, bool escaped);
extern Jsonb *exec_batch_execute_statement(Jsonb *req, bool escaped);
extern Jsonb *exec_execute_transaction(Jsonb *req, bool escaped);
extern char *exec_statement_to_sql(Jsonb *req);
/* UpdateTable (secondary indexes: execute_update_table.c) */
extern Jsonb *exec_update_table(Jsonb *req, bool escaped);
/* Time to Live, tags, limits, endpoints, backups (tableapi) */
extern Jsonb *exec_update_time_to_live(Jsonb *req, bool escaped);
extern Jsonb *exec_describe_time_to_live(Jsonb *req, bool escaped);
extern Jsonb *exec_tag_resource(Jsonb *req, bool escaped);
extern Jsonb *exec_untag_resource(Jsonb *req, bool escaped);
extern Jsonb *exec_list_tags_of_resource(Jsonb *req, bool escaped);
extern Jsonb *exec_describe_limits(Jsonb *req, bool escaped);
extern Jsonb *exec_describe_endpoints(Jsonb *req, bool escaped);
extern Jsonb *exec_create_backup(Jsonb *req, bool escaped);
extern Jsonb *exec_describe_backup(Jsonb *req, bool escaped);
extern Jsonb *exec_list_backups(Jsonb *req, bool escaped);
extern Jsonb *exec_delete_backup(Jsonb *req, bool escaped);
extern Jsonb *exec_restore_table_from_backup(Jsonb *req, bool escaped);
extern Jsonb *exec_restore_backup(const char *target, const char *arn, Jsonb *request);
extern Jsonb *exec_describe_continuous_backups(Jsonb *req, bool escaped);
extern Jsonb *exec_update_continuous_backups(Jsonb *req, bool escaped);
extern char *dynamo_endpoint_address;
extern const char *dynamo_request_host;
extern Jsonb *exec_wrap_response(const char *key, Jsonb *value);
/* streams: DynamoDB Streams (execute_streams.c) */
extern Jsonb *exec_list_streams(Jsonb *req, bool escaped);
extern Jsonb *exec_describe_stream(Jsonb *req, bool escaped);
extern Jsonb *exec_get_shard_iterator(Jsonb *req, bool escaped);
extern Jsonb *exec_get_records(Jsonb *req, bool escaped);
/* perf: responses written as text for the text doors */
extern void exec_query_text(Jsonb *req, StringInfo out, int style);
extern void exec_scan_text(Jsonb *req, StringInfo out, int style);
extern void exec_get_records_text(Jsonb *req, StringInfo out, int style);

/* The protocol's entry points (dispatch.c) */
extern Jsonb *dynamo_run_operation(const char *operation, Jsonb *request, bool escaped);
extern Jsonb *dynamo_parse_request_text(const char *json);
extern void dynamo_run_operation_text(const char *operation, const char *body, size_t len,
									  bool compact, StringInfo out);
extern bool dynamo_operation_known(const char *name);

/* fidelity: exception details with typed items */
extern char *exec_typed_error_detail(const char *detail);
extern void exec_rethrow_typed(MemoryContext cxt) pg_attribute_noreturn();

/* ------------------------------------------------------------------------
 * DynamoDB's shapes of secondary index definitions.
 * ------------------------------------------------------------------------
 */

extern IndexDef *exec_parse_index_def(Jsonb *e, bool local, Jsonb *defs, const char *path,
									  int pay_per_request);
extern List *exec_create_table_indexes(Jsonb *req, Jsonb *defs, CreateTableRequest *ct);

/* ------------------------------------------------------------------------
 * PostgreSQL errors that reach the DynamoDB surface, as DynamoDB's
 * exceptions.
 * ------------------------------------------------------------------------
 */

/*
 * Rethrow the error being handled (in a PG_CATCH block) as the DynamoDB
 * exception it stands for, or unchanged when it stands for none.  cxt is
 * the memory context of the PG_TRY.  Never returns.
 */
extern void error_map_rethrow(const char *operation, Jsonb *request,
							  MemoryContext cxt) pg_attribute_noreturn();

/* The same for an error while parsing a request's JSON text */
extern void error_map_rethrow_parse(MemoryContext cxt) pg_attribute_noreturn();

#endif							/* DYNAMO_PROTOCOL_H */
