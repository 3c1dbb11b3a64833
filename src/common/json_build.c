/*
 * json_build.c
 *		Building responses in jsonb, member by member.
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

#include "attr_value.h"
#include "json_build.h"

/* Push a member's key (nothing for NULL, inside an array) */
void
jb_key(JsonbParseState **st, const char *key)
{
	JsonbValue	k;

	if (key == NULL)
		return;
	k.type = jbvString;
	k.val.string.val = (char *) key;
	k.val.string.len = strlen(key);
	(void) pushJsonbValue(st, WJB_KEY, &k);
}

/* Push a scalar after its key, as a member or an element */
static void
push_scalar(JsonbParseState **st, const char *key, JsonbValue *v)
{
	jb_key(st, key);
	(void) pushJsonbValue(st, key ? WJB_VALUE : WJB_ELEM, v);
}

void
jb_begin_object(JsonbParseState **st, const char *key)
{
	jb_key(st, key);
	(void) pushJsonbValue(st, WJB_BEGIN_OBJECT, NULL);
}

void
jb_end_object(JsonbParseState **st)
{
	(void) pushJsonbValue(st, WJB_END_OBJECT, NULL);
}

void
jb_begin_array(JsonbParseState **st, const char *key)
{
	jb_key(st, key);
	(void) pushJsonbValue(st, WJB_BEGIN_ARRAY, NULL);
}

void
jb_end_array(JsonbParseState **st)
{
	(void) pushJsonbValue(st, WJB_END_ARRAY, NULL);
}

void
jb_string(JsonbParseState **st, const char *key, const char *val)
{
	JsonbValue	v;

	v.type = jbvString;
	v.val.string.val = (char *) val;
	v.val.string.len = strlen(val);
	push_scalar(st, key, &v);
}

void
jb_numeric(JsonbParseState **st, const char *key, Numeric val)
{
	JsonbValue	v;

	v.type = jbvNumeric;
	v.val.numeric = val;
	push_scalar(st, key, &v);
}

void
jb_int(JsonbParseState **st, const char *key, int64 val)
{
	jb_numeric(st, key, int64_to_numeric(val));
}

void
jb_bool(JsonbParseState **st, const char *key, bool val)
{
	JsonbValue	v;

	v.type = jbvBool;
	v.val.boolean = val;
	push_scalar(st, key, &v);
}

/* Push a whole Jsonb as a member or element */
void
jb_jsonb(JsonbParseState **st, const char *key, Jsonb *val)
{
	push_scalar(st, key, jsonb_root_value(val));
}

/* Close the outermost object and return it */
Jsonb *
jb_finish(JsonbParseState **st)
{
	return JsonbValueToJsonb(pushJsonbValue(st, WJB_END_OBJECT, NULL));
}
