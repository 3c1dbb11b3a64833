/*
 * stored_functions.c
 *		dynamo.item_is_canonical(): the check behind every item table's
 *		item_canonical constraint.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/jsonb.h"

#include "stored_form.h"

PG_FUNCTION_INFO_V1(dynamo_item_is_canonical);

/*
 * dynamo.item_is_canonical(item jsonb): is the document an item exactly as
 * pg_dynamo stores it?  A plain boolean, so a CHECK constraint can
 * use it; the reason for a false answer is given as a DEBUG1 message.
 */
Datum
dynamo_item_is_canonical(PG_FUNCTION_ARGS)
{
	Jsonb	   *item = PG_GETARG_JSONB_P(0);
	const char *why = NULL;
	bool		ok = stored_item_is_canonical(item, &why);

	if (!ok)
		elog(DEBUG1, "item not in pg_dynamo's stored form: %s", why);
	PG_RETURN_BOOL(ok);
}
