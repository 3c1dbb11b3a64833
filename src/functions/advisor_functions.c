/*
 * advisor_functions.c
 *		dynamo.explain(), dynamo.usage_figures() (behind the view
 *		dynamo.usage) and dynamo.usage_reset(): access-pattern insight as
 *		SQL functions (src/advisor/).
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"

#include "advisor.h"
#include "errors.h"

PG_FUNCTION_INFO_V1(dynamo_explain);

/*
 * dynamo.explain(operation text, request jsonb) returns jsonb: what a
 * request (DynamoDB JSON) would read or write and cost, without running it.
 */
Datum
dynamo_explain(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		dynamo_error(DYN_UNKNOWN_OPERATION, "Unknown operation: null");
	if (PG_ARGISNULL(1))
		dynamo_error(DYN_SERIALIZATION, "Start of structure or map expected");
	PG_RETURN_JSONB_P(advisor_explain(text_to_cstring(PG_GETARG_TEXT_PP(0)), PG_GETARG_JSONB_P(1)));
}

PG_FUNCTION_INFO_V1(dynamo_usage_figures);

/* dynamo.usage_figures() returns setof record: the rows of dynamo.usage */
Datum
dynamo_usage_figures(PG_FUNCTION_ARGS)
{
	return advisor_usage_rows(fcinfo);
}

PG_FUNCTION_INFO_V1(dynamo_usage_reset);

/* dynamo.usage_reset(): forget the usage figures counted so far */
Datum
dynamo_usage_reset(PG_FUNCTION_ARGS)
{
	advisor_usage_reset();
	PG_RETURN_VOID();
}
