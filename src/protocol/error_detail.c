/*
 * error_detail.c
 *		The structured parts of DynamoDB exceptions as the DynamoDB JSON
 *		protocol renders them: the engine raises them with items in plain
 *		JSON (what the SQL functions show); execute() and the HTTP door
 *		give the items in typed JSON, as DynamoDB does.
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

#include "attr_value.h"
#include "errors.h"
#include "protocol.h"
#include "json_build.h"

/* An item of a detail (plain JSON, escapes kept) in typed JSON */
static Jsonb *
typed_item(JsonbValue *plain)
{
	return item_to_typed(item_from_plain(JsonbValueToJsonb(plain), true), true);
}

/* Copy the members of an object into an open one, "Item" typed */
static void
push_with_typed_item(JsonbParseState **st, JsonbContainer *obj)
{
	JsonbIterator *it = JsonbIteratorInit(obj);
	JsonbValue	v;
	JsonbIteratorToken r;
	char	   *member = NULL;

	while ((r = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (r == WJB_KEY)
			member = pnstrdup(v.val.string.val, v.val.string.len);
		else if (r == WJB_VALUE && strcmp(member, "Item") == 0 && v.type == jbvBinary)
			jb_jsonb(st, member, typed_item(&v));
		else if (r == WJB_VALUE && strcmp(member, "CancellationReasons") == 0 &&
				 v.type == jbvBinary && JsonContainerIsArray(v.val.binary.data))
		{
			jb_begin_array(st, member);
			for (int i = 0; i < JsonContainerSize(v.val.binary.data); i++)
			{
				JsonbValue *e = getIthJsonbValueFromContainer(v.val.binary.data, i);

				if (e->type == jbvBinary && JsonContainerIsObject(e->val.binary.data))
				{
					jb_begin_object(st, NULL);
					push_with_typed_item(st, e->val.binary.data);
					jb_end_object(st);
				}
			}
			jb_end_array(st);
		}
		else if (r == WJB_VALUE)
			jb_jsonb(st, member, JsonbValueToJsonb(&v));
	}
}

/*
 * The detail of an exception (a JSON object) with its items in typed JSON:
 * {"Item": ...} of a failed condition, the items of cancellation reasons
 */
char *
exec_typed_error_detail(const char *detail)
{
	Jsonb	   *plain = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(detail)));
	JsonbParseState *st = NULL;
	Jsonb	   *typed;

	if (!JB_ROOT_IS_OBJECT(plain) || JB_ROOT_IS_SCALAR(plain))
		return pstrdup(detail);
	jb_begin_object(&st, NULL);
	push_with_typed_item(&st, &plain->root);
	typed = jb_finish(&st);
	return JsonbToCString(NULL, &typed->root, VARSIZE(typed));
}

/*
 * In a PG_CATCH of the protocol: rethrow the error being handled, its
 * structured detail in typed JSON when it has one.  cxt: the memory
 * context of the code that caught it.
 */
void
exec_rethrow_typed(MemoryContext cxt)
{
	ErrorData  *edata;

	MemoryContextSwitchTo(cxt);
	edata = CopyErrorData();
	if (edata->detail == NULL ||
		(edata->sqlerrcode != dynamo_errcode(DYN_CONDITIONAL_CHECK_FAILED) &&
		 edata->sqlerrcode != dynamo_errcode(DYN_TRANSACTION_CANCELED)))
		PG_RE_THROW();
	FlushErrorState();
	edata->detail = exec_typed_error_detail(edata->detail);
	ReThrowError(edata);
}
