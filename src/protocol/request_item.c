/*
 * request_item.c
 *		Reading the members of item requests: ReturnConsumedCapacity, the
 *		expression members, and PutItem, GetItem, DeleteItem and UpdateItem
 *		as a whole.
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

#include "errors.h"
#include "protocol.h"
#include "json_read.h"
#include "validate.h"

/* ReturnConsumedCapacity of a request */
CapacityDetail
wants_capacity(Jsonb *req)
{
	return capacity_detail(req_string(req, "ReturnConsumedCapacity"));
}

/* Read the expression members of a DynamoDB request (typed JSON) */
void
expr_params_from_request(Jsonb *req, bool escaped, ExprParams *p)
{
	Jsonb	   *values = req_object(req, "ExpressionAttributeValues");

	p->condition = req_string(req, "ConditionExpression");
	p->projection = req_string(req, "ProjectionExpression");
	p->update = req_string(req, "UpdateExpression");
	p->names = req_object(req, "ExpressionAttributeNames");
	p->values = values ? item_from_typed(values, escaped) : NULL;
	p->escaped = escaped;
	p->expected = req_object(req, "Expected");
	p->conditional_operator = req_string(req, "ConditionalOperator");
	p->attributes_to_get = req_array(req, "AttributesToGet");
	p->attribute_updates = req_object(req, "AttributeUpdates");
}

/*
 * The expression members of one request object (a Put, a table's
 * KeysAndAttributes); ExpressionAttributeValues in the request's dialect.
 */
void
dialect_expr_params(ItemDialect d, Jsonb *obj, ExprParams *p)
{
	Jsonb	   *values;

	if (!d.plain)
	{
		expr_params_from_request(obj, d.escaped, p);
		return;
	}
	/* read the other members as execute() does, the values as plain JSON */
	values = req_object(obj, "ExpressionAttributeValues");
	if (values)
		obj = DatumGetJsonbP(DirectFunctionCall2(jsonb_delete, JsonbPGetDatum(obj),
												 CStringGetTextDatum("ExpressionAttributeValues")));
	expr_params_from_request(obj, d.escaped, p);
	p->values = values ? item_from_plain(values, d.escaped) : NULL;
}

/*
 * Read a PutItem, GetItem, DeleteItem or UpdateItem request into r, in the
 * order DynamoDB checks its members.  Expression members of other
 * operations are ignored, as DynamoDB ignores unknown members.
 */
void
exec_item_request(Jsonb *req, bool escaped, const char *operation, ItemRequest *r)
{
	bool		get = strcmp(operation, "GetItem") == 0;
	bool		put = strcmp(operation, "PutItem") == 0;
	ExprParams	p = {0};
	char	   *metrics;

	memset(r, 0, sizeof(ItemRequest));
	r->table_name = exec_table_name(req);
	r->capacity = wants_capacity(req);
	if (get)
		r->consistent_read = req_bool(req, "ConsistentRead", false);
	if (put)
		r->item = item_from_typed(req_required_object(req, "Item", "item"), escaped);
	else
		r->key = item_from_typed(req_required_object(req, "Key", "key"), escaped);
	if (!get)
		r->return_values = parse_return_values(req_string(req, "ReturnValues"), operation);

	expr_params_from_request(req, escaped, &p);
	p.operation = operation;
	if (get)
		p.condition = NULL, p.expected = NULL, p.conditional_operator = NULL;
	else
		p.projection = NULL, p.attributes_to_get = NULL;
	if (strcmp(operation, "UpdateItem") != 0)
		p.update = NULL, p.attribute_updates = NULL;
	item_expressions_parse(&p, &r->expr);
	if (get)
		return;

	r->return_old_on_failure =
		parse_return_on_failure(req_string(req, "ReturnValuesOnConditionCheckFailure")) == RV_ALL_OLD;
	metrics = req_string(req, "ReturnItemCollectionMetrics");
	validate_enum(NULL, metrics, "returnItemCollectionMetrics", "[SIZE, NONE]");
	r->collection_metrics = metrics && strcmp(metrics, "SIZE") == 0;
}
