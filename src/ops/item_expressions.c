/*
 * item_expressions.c
 *		The expression parameters of an item request, parsed once per
 *		request, for every door.
 */
#include "postgres.h"

#include "lib/stringinfo.h"

#include "errors.h"
#include "items.h"

/* Append a parameter name to a "{A, B}" list when present */
static void
list_param(StringInfo buf, const void *present, const char *name)
{
	if (present == NULL)
		return;
	appendStringInfoString(buf, buf->len ? ", " : "");
	appendStringInfoString(buf, name);
}

/*
 * Reject what DynamoDB rejects before parsing: expression and legacy
 * parameters mixed, and placeholders without any expression.
 */
void
item_expressions_check_mix(ExprParams *p)
{
	StringInfoData legacy,
				expr;

	initStringInfo(&legacy);
	initStringInfo(&expr);
	list_param(&legacy, p->attributes_to_get, "AttributesToGet");
	list_param(&legacy, p->attribute_updates, "AttributeUpdates");
	list_param(&legacy, p->query_filter, "QueryFilter");
	list_param(&legacy, p->scan_filter, "ScanFilter");
	list_param(&legacy, p->conditional_operator, "ConditionalOperator");
	list_param(&legacy, p->expected, "Expected");
	/* KeyConditions go with FilterExpression or ProjectionExpression */
	list_param(&legacy, p->key_condition ? p->key_conditions : NULL, "KeyConditions");
	/* UpdateItem names its UpdateExpression first */
	list_param(&expr, p->update, "UpdateExpression");
	list_param(&expr, p->condition, "ConditionExpression");
	list_param(&expr, p->projection, "ProjectionExpression");
	list_param(&expr, p->filter, "FilterExpression");
	list_param(&expr, p->key_condition, "KeyConditionExpression");
	if (legacy.len && expr.len)
		dynamo_error(DYN_VALIDATION,
					 "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {%s} Expression parameters: {%s}",
					 legacy.data, expr.data);
	if (expr.len == 0 && p->names)
		dynamo_error(DYN_VALIDATION,
					 "ExpressionAttributeNames can only be specified when using expressions");
	if (p->values && strcmp(p->operation, "Query") == 0 && !p->filter && !p->key_condition)
		dynamo_error(DYN_VALIDATION,
					 "ExpressionAttributeValues can only be specified when using expressions: FilterExpression and KeyConditionExpression are null");
	if (p->values && strcmp(p->operation, "Scan") == 0 && !p->filter)
		dynamo_error(DYN_VALIDATION,
					 "ExpressionAttributeValues can only be specified when using expressions: FilterExpression is null");
	if (p->values && (strcmp(p->operation, "PutItem") == 0 ||
					  strcmp(p->operation, "DeleteItem") == 0) && !p->condition)
		dynamo_error(DYN_VALIDATION,
					 "ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null");
	if (p->values && strcmp(p->operation, "UpdateItem") == 0 && !p->condition && !p->update)
		dynamo_error(DYN_VALIDATION,
					 "ExpressionAttributeValues can only be specified when using expressions: UpdateExpression and ConditionExpression are null");
	if (expr.len == 0 && p->values)
		dynamo_error(DYN_VALIDATION,
					 "ExpressionAttributeValues can only be specified when using expressions");
	if (p->conditional_operator && (p->expected == NULL || JB_ROOT_COUNT(p->expected) == 0) &&
		p->query_filter == NULL &&
		p->scan_filter == NULL)
		dynamo_error(DYN_VALIDATION,
					 "ConditionalOperator can only be used when Expected has two or more elements");
}

/*
 * Parse a request's expressions against one set of placeholders, then
 * reject unused placeholders; translate legacy parameters into the same
 * trees.
 */
void
item_expressions_parse(ExprParams *p, ItemExpressions *out)
{
	ExprAttrs  *attrs;

	memset(out, 0, sizeof(ItemExpressions));
	item_expressions_check_mix(p);
	attrs = expr_attrs_create(p->names, p->values, p->escaped);
	/* a Query's key condition is parsed before the others are looked at */
	if (p->key_condition)
		out->key_condition = expr_parse_condition(p->key_condition, EXPR_KEY_CONDITION, attrs);
	/* then every other expression's emptiness, in DynamoDB's order */
	if (p->update)
		expr_check_not_empty(p->update, EXPR_UPDATE);
	if (p->filter)
		expr_check_not_empty(p->filter, EXPR_FILTER);
	if (p->condition)
		expr_check_not_empty(p->condition, EXPR_CONDITION);
	if (p->projection)
		expr_check_not_empty(p->projection, EXPR_PROJECTION);
	if (p->condition)
		out->condition = expr_parse_condition(p->condition, EXPR_CONDITION, attrs);
	if (p->projection)
		out->projection = expr_parse_projection(p->projection, attrs);
	if (p->update)
		out->update = expr_parse_update(p->update, attrs);
	if (p->filter)
		out->filter = expr_parse_condition(p->filter, EXPR_FILTER, attrs);
	expr_attrs_check_unused(attrs);

	/* DynamoDB reads an UpdateItem's AttributeUpdates before its Expected */
	if (p->attribute_updates)
		out->update = expr_update_from_attribute_updates(p->attribute_updates, p->escaped);
	if (p->expected)
		out->condition = expr_condition_from_expected(p->expected, p->conditional_operator,
													  p->escaped);
	if (p->attributes_to_get)
		out->projection = expr_projection_from_attributes_to_get(p->attributes_to_get, p->escaped);
	/* DynamoDB checks a Query's filter before its key conditions */
	if (p->query_filter || p->scan_filter)
		out->filter = expr_condition_from_conditions(p->query_filter ? p->query_filter : p->scan_filter,
													 p->query_filter ? "queryFilter" : "scanFilter",
													 p->conditional_operator, p->escaped);
	if (p->key_conditions)
		out->key_condition = expr_condition_from_conditions(p->key_conditions, "keyConditions", NULL,
															  p->escaped);
}

/* ItemCondition adapter: evaluate a parsed condition on the existing item */
static bool
condition_holds(void *arg, Jsonb *old_item)
{
	return expr_eval_condition((DynCondition *) arg, old_item);
}

/* Make an ItemCondition of a parsed condition (none when NULL) */
void
item_condition_init(ItemCondition *c, DynCondition *cond)
{
	c->check = cond ? condition_holds : NULL;
	c->arg = cond;
}

/* Apply the request's projection, if it has one */
Jsonb *
item_project(ItemExpressions *e, Jsonb *item)
{
	if (item == NULL || e->projection == NULL)
		return item;
	return expr_apply_projection(e->projection, item);
}
