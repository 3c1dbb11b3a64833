/*
 * exception_functions.c
 *		dynamo.exceptions(): DynamoDB's exceptions and their SQLSTATEs, as a
 *		table SQL can query.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"

#include "errors.h"

PG_FUNCTION_INFO_V1(dynamo_exceptions);

/*
 * dynamo.exceptions(): the exception table, queryable from SQL.
 */
Datum
dynamo_exceptions(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < DYN_EXCEPTION_COUNT; i++)
	{
		const DynamoExceptionInfo *e = &DynamoExceptions[i];
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};

		values[0] = CStringGetTextDatum(e->name);
		values[1] = CStringGetTextDatum(e->sqlstate);
		values[2] = Int32GetDatum(e->http_status);
		values[3] = CStringGetTextDatum(psprintf("%s%s", e->type_prefix, e->name));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
