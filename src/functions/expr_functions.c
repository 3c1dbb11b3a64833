/*
 * expr_sql.c
 *		SQL functions evaluating expressions on plain-JSON items:
 *		dynamo.eval_condition, dynamo.apply_update and dynamo.project.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "attr_value.h"
#include "expression.h"

PG_FUNCTION_INFO_V1(dynamo_eval_condition);
PG_FUNCTION_INFO_V1(dynamo_apply_update);
PG_FUNCTION_INFO_V1(dynamo_project);

/* Argument n as a plain-JSON map in the stored form, or NULL */
static Jsonb *
plain_map_arg(FunctionCallInfo fcinfo, int n)
{
	if (PG_NARGS() <= n || PG_ARGISNULL(n))
		return NULL;
	return item_from_plain(PG_GETARG_JSONB_P(n), false);
}

/* ExpressionAttributeNames and Values from arguments n and n + 1 */
static ExprAttrs *
attrs_args(FunctionCallInfo fcinfo, int n)
{
	Jsonb	   *names = (PG_NARGS() > n && !PG_ARGISNULL(n)) ? PG_GETARG_JSONB_P(n) : NULL;

	return expr_attrs_create(names, plain_map_arg(fcinfo, n + 1), false);
}

/*
 * dynamo.eval_condition(item, condition_expression, names, values): does a
 * plain-JSON item (NULL: no item) satisfy a condition expression?
 */
Datum
dynamo_eval_condition(PG_FUNCTION_ARGS)
{
	Jsonb	   *item = plain_map_arg(fcinfo, 0);
	ExprAttrs  *attrs;
	DynCondition *cond;

	if (PG_ARGISNULL(1))
		PG_RETURN_NULL();
	attrs = attrs_args(fcinfo, 2);
	cond = expr_parse_condition(text_to_cstring(PG_GETARG_TEXT_PP(1)), EXPR_CONDITION, attrs);
	expr_attrs_check_unused(attrs);
	PG_RETURN_BOOL(expr_eval_condition(cond, item));
}

/*
 * dynamo.apply_update(item, update_expression, names, values): a plain-JSON
 * item (NULL: none yet) after an update expression.
 */
Datum
dynamo_apply_update(PG_FUNCTION_ARGS)
{
	Jsonb	   *item = plain_map_arg(fcinfo, 0);
	ExprAttrs  *attrs;
	DynUpdate  *upd;

	if (PG_ARGISNULL(1))
		PG_RETURN_NULL();
	attrs = attrs_args(fcinfo, 2);
	upd = expr_parse_update(text_to_cstring(PG_GETARG_TEXT_PP(1)), attrs);
	expr_attrs_check_unused(attrs);
	PG_RETURN_JSONB_P(item_to_plain(expr_apply_update(upd, item, NULL, 0), false));
}

/*
 * dynamo.project(item, projection_expression, names): the parts of a
 * plain-JSON item a projection expression names.
 */
Datum
dynamo_project(PG_FUNCTION_ARGS)
{
	Jsonb	   *item = plain_map_arg(fcinfo, 0);
	Jsonb	   *names = PG_ARGISNULL(2) ? NULL : PG_GETARG_JSONB_P(2);
	ExprAttrs  *attrs;
	DynProjection *proj;
	Jsonb	   *result;

	if (PG_ARGISNULL(1))
		PG_RETURN_NULL();
	attrs = expr_attrs_create(names, NULL, false);
	proj = expr_parse_projection(text_to_cstring(PG_GETARG_TEXT_PP(1)), attrs);
	expr_attrs_check_unused(attrs);
	result = expr_apply_projection(proj, item);
	if (result == NULL)
		PG_RETURN_NULL();
	PG_RETURN_JSONB_P(item_to_plain(result, false));
}
