/*
 * partiql_functions.c
 *		dynamo.partiql(): one PartiQL statement from psql, its items as rows
 *		of plain JSON.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include "attr_value.h"
#include "errors.h"
#include "json_read.h"
#include "partiql.h"
#include "sql_args.h"

/* Parameters given in plain JSON (an array), in DynamoDB's typed JSON */
static Jsonb *
typed_parameters(Jsonb *plain)
{
	JsonbParseState *st = NULL;
	JsonbValue	key = {.type = jbvString,.val.string = {1, "p"}};
	JsonbValue *list;
	Jsonb	   *typed;

	if (plain == NULL)
		return NULL;
	if (!JB_ROOT_IS_ARRAY(plain) || JB_ROOT_IS_SCALAR(plain))
		ereport(ERROR, (errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						errmsg("parameters must be a JSON array")));
	if (JB_ROOT_COUNT(plain) == 0)
		return NULL;
	pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	pushJsonbValue(&st, WJB_KEY, &key);
	pushJsonbValue(&st, WJB_VALUE, jsonb_root_value(plain));
	typed = item_to_typed(item_from_plain(JsonbValueToJsonb(pushJsonbValue(&st, WJB_END_OBJECT, NULL)),
										  false), false);
	list = req_member(typed, "p");
	return jsonb_of_container(req_member(jsonb_of_container(list), "L"));
}

PG_FUNCTION_INFO_V1(dynamo_partiql);

/*
 * dynamo.partiql(statement text, parameters jsonb DEFAULT NULL)
 * returns setof jsonb: the items a SELECT reads (every page), or the item
 * a write's RETURNING gives.
 */
Datum
dynamo_partiql(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	char	   *statement = sql_text_arg(fcinfo, 0);
	Jsonb	   *parameters = typed_parameters(sql_jsonb_arg(fcinfo, 1));
	PqlOptions	o = {.plain = true};

	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	do
	{
		Jsonb	   *page;
		JsonbValue *items;
		JsonbIterator *it;
		JsonbValue	v;
		JsonbIteratorToken r;

		CHECK_FOR_INTERRUPTS();
		page = pql_execute_statement(statement, parameters, &o);
		items = req_member(page, "Items");
		it = JsonbIteratorInit(items->val.binary.data);
		while ((r = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
		{
			Datum		d;
			bool		isnull = false;

			if (r != WJB_ELEM)
				continue;
			d = JsonbPGetDatum(JsonbValueToJsonb(&v));
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, &d, &isnull);
		}
		o.next_token = req_string(page, "NextToken");
	} while (o.next_token);
	return (Datum) 0;
}
