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

/* Read the expression members of a request's members (typed JSON) */
void
expr_params_read(RequestMembers *m, bool escaped, ExprParams *p)
{
	Jsonb	   *values = req_value_object(request_member(m, "ExpressionAttributeValues"));

	p->condition = req_value_string(request_member(m, "ConditionExpression"));
	p->projection = req_value_string(request_member(m, "ProjectionExpression"));
	p->update = req_value_string(request_member(m, "UpdateExpression"));
	p->names = req_value_object(request_member(m, "ExpressionAttributeNames"));
	p->values = values ? expr_values_from_typed(values, escaped) : NULL;
	p->escaped = escaped;
	p->expected = req_value_object(request_member(m, "Expected"));
	p->conditional_operator = req_value_string(request_member(m, "ConditionalOperator"));
	p->attributes_to_get = req_value_array(request_member(m, "AttributesToGet"));
	p->attribute_updates = req_value_object(request_member(m, "AttributeUpdates"));
}

/* Read the expression members of a DynamoDB request (typed JSON) */
void
expr_params_from_request(Jsonb *req, bool escaped, ExprParams *p)
{
	RequestMembers m = {.req = req,.count = 0};

	expr_params_read(&m, escaped, p);
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
 * order DynamoDB checks its members: first every parameter constraint
 * (exec_read_members, all violations together), then each member's
 * reading.  Expression members of other operations are ignored, as
 * DynamoDB ignores unknown members.  p (optional) receives the expression
 * members.
 */
void
exec_item_request(Jsonb *req, bool escaped, const char *operation, ItemRequest *r,
				  ExprParams *p)
{
	bool		get = strcmp(operation, "GetItem") == 0;
	bool		put = strcmp(operation, "PutItem") == 0;
	ExprParams	local = {0};
	RequestMembers m;
	char	   *metrics;

	if (p == NULL)
		p = &local;
	/* TableName, Item or Key, and the enums are known valid from here on */
	exec_read_members(operation, req, &m);
	memset(r, 0, sizeof(ItemRequest));
	r->table_name = req_value_string(request_member(&m, "TableName"));
	r->capacity = capacity_detail(req_value_string(request_member(&m, "ReturnConsumedCapacity")));
	if (get)
		r->consistent_read = req_value_bool(request_member(&m, "ConsistentRead"), false);
	if (!get)
		r->return_values = parse_return_values(req_value_string(request_member(&m, "ReturnValues")),
											   operation);

	expr_params_read(&m, escaped, p);
	p->operation = operation;
	if (get)
		p->condition = NULL, p->expected = NULL, p->conditional_operator = NULL;
	else
		p->projection = NULL, p->attributes_to_get = NULL;
	if (strcmp(operation, "UpdateItem") != 0)
		p->update = NULL, p->attribute_updates = NULL;
	/* DynamoDB checks the parameter mix before the item's values */
	item_expressions_check_mix(p);
	if (put)
	{
		r->item = item_from_typed(req_value_object(request_member(&m, "Item")), escaped);
		/* the size comes before the expressions and the table */
		item_check_size(r->item);
	}
	else
		r->key = item_from_typed(req_value_object(request_member(&m, "Key")), escaped);
	item_expressions_parse(p, &r->expr);
	if (get)
		return;

	r->return_old_on_failure =
		parse_return_on_failure(req_value_string(request_member(&m, "ReturnValuesOnConditionCheckFailure"))) == RV_ALL_OLD;
	metrics = req_value_string(request_member(&m, "ReturnItemCollectionMetrics"));
	r->collection_metrics = metrics && strcmp(metrics, "SIZE") == 0;
}
