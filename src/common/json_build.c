/*
 * json_build.c
 *		Building responses in jsonb, member by member.
 *
 * Scalars go through pushJsonbValue(); whole containers (stored or typed
 * items, nested documents) are placed in the tree as jbvBinary values and
 * copied once by jb_finish(), which writes the tree with jsonb_write.h.
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

#include "attr_value.h"
#include "json_build.h"
#include "jsonb_write.h"

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

/*
 * Place a value as the member value (after jb_key) or the element that
 * comes next in the container being built; with nothing being built,
 * return it.  A container (jbvBinary) is placed as it is, not taken apart
 * token by token as pushJsonbValue() would: jb_finish() copies it whole.
 */
JsonbValue *
jb_value(JsonbParseState **st, JsonbValue *v)
{
	JsonbValue	placeholder;
	JsonbValue *cont;
	bool		member;

	if (*st == NULL)
		return v;
	cont = &(*st)->contVal;
	member = cont->type == jbvObject;
	if (v->type != jbvBinary)
		return pushJsonbValue(st, member ? WJB_VALUE : WJB_ELEM, v);
	/* a scalar takes the place (growing the container), then the value */
	placeholder.type = jbvNull;
	(void) pushJsonbValue(st, member ? WJB_VALUE : WJB_ELEM, &placeholder);
	if (member)
		cont->val.object.pairs[cont->val.object.nPairs - 1].value = *v;
	else
		cont->val.array.elems[cont->val.array.nElems - 1] = *v;
	return NULL;
}

/* Place a whole Jsonb as a member or element */
void
jb_jsonb(JsonbParseState **st, const char *key, Jsonb *val)
{
	jb_key(st, key);
	(void) jb_value(st, jsonb_root_value(val));
}

/* Close the outermost object and return it */
Jsonb *
jb_finish(JsonbParseState **st)
{
	return jw_tree_to_jsonb(pushJsonbValue(st, WJB_END_OBJECT, NULL));
}

/* Close the outermost array and return it */
Jsonb *
jb_finish_array(JsonbParseState **st)
{
	return jw_tree_to_jsonb(pushJsonbValue(st, WJB_END_ARRAY, NULL));
}
