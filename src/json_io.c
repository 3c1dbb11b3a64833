/*
 * json_io.c
 *		Reading DynamoDB request members and building responses in jsonb.
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

#include "attr_value.h"
#include "errors.h"
#include "json_io.h"

/* A request must be a JSON object */
void
req_check_object(Jsonb *req)
{
	if (!JB_ROOT_IS_OBJECT(req) || JB_ROOT_IS_SCALAR(req))
		dynamo_error(DYN_SERIALIZATION, "Start of structure or map expected");
}

/* A member of the request; NULL when absent or JSON null */
JsonbValue *
req_member(Jsonb *req, const char *name)
{
	JsonbValue *v = getKeyJsonValueFromContainer(&req->root, name, strlen(name), NULL);

	if (v == NULL || v->type == jbvNull)
		return NULL;
	return v;
}

/* Complain that a member is of the wrong JSON kind */
static void
member_kind_error(JsonbValue *v, const char *expected)
{
	if (v->type == jbvBinary)
		dynamo_error(DYN_SERIALIZATION, "Start of %s found where not expected",
					 JsonContainerIsArray(v->val.binary.data) ? "list" : "structure or map");
	dynamo_error(DYN_SERIALIZATION, "%s can not be converted to %s",
				 jsonb_value_kind(v), expected);
}

/* A string member, NUL-terminated */
char *
req_string(Jsonb *req, const char *name)
{
	JsonbValue *v = req_member(req, name);

	if (v == NULL)
		return NULL;
	if (v->type != jbvString)
		member_kind_error(v, "String");
	return pnstrdup(v->val.string.val, v->val.string.len);
}

/* A container value as a Jsonb of its own */
Jsonb *
jsonb_of_container(JsonbValue *binary)
{
	return JsonbValueToJsonb(binary);
}

/* An object member as a Jsonb */
Jsonb *
req_object(Jsonb *req, const char *name)
{
	JsonbValue *v = req_member(req, name);

	if (v == NULL)
		return NULL;
	if (v->type != jbvBinary || !JsonContainerIsObject(v->val.binary.data))
		member_kind_error(v, "Map");
	return jsonb_of_container(v);
}

/* An array member as a Jsonb */
Jsonb *
req_array(Jsonb *req, const char *name)
{
	JsonbValue *v = req_member(req, name);

	if (v == NULL)
		return NULL;
	if (v->type != jbvBinary || !JsonContainerIsArray(v->val.binary.data))
		member_kind_error(v, "List");
	return jsonb_of_container(v);
}

/* A boolean member, dflt when absent */
bool
req_bool(Jsonb *req, const char *name, bool dflt)
{
	JsonbValue *v = req_member(req, name);

	if (v == NULL)
		return dflt;
	if (v->type != jbvBool)
		member_kind_error(v, "Boolean");
	return v->val.boolean;
}

/* An integer member; false when absent */
bool
req_int(Jsonb *req, const char *name, int64 *out)
{
	JsonbValue *v = req_member(req, name);

	if (v == NULL)
		return false;
	if (v->type != jbvNumeric)
		member_kind_error(v, "Integer");
	*out = DatumGetInt64(DirectFunctionCall1(numeric_int8, NumericGetDatum(v->val.numeric)));
	return true;
}

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
