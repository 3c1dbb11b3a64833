/*
 * json_read.c
 *		Reading the members of a DynamoDB request (execute() and the HTTP door).
 */
#include "postgres.h"

#include <math.h>

#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

#include "attr_value.h"
#include "errors.h"
#include "json_read.h"
#include "validate.h"

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

/* A member's value (NULL: absent) as a string, NUL-terminated */
char *
req_value_string(JsonbValue *v)
{
	if (v == NULL)
		return NULL;
	if (v->type != jbvString)
		dynamo_kind_error(v, "String");
	return pnstrdup(v->val.string.val, v->val.string.len);
}

/* A string member, NUL-terminated */
char *
req_string(Jsonb *req, const char *name)
{
	return req_value_string(req_member(req, name));
}

/* A container value as a Jsonb of its own */
Jsonb *
jsonb_of_container(JsonbValue *binary)
{
	return JsonbValueToJsonb(binary);
}

/* A member's value (NULL: absent) as an object */
Jsonb *
req_value_object(JsonbValue *v)
{
	if (v == NULL)
		return NULL;
	if (v->type != jbvBinary || !JsonContainerIsObject(v->val.binary.data))
		dynamo_kind_error(v, "Map");
	return jsonb_of_container(v);
}

/* An object member as a Jsonb */
Jsonb *
req_object(Jsonb *req, const char *name)
{
	return req_value_object(req_member(req, name));
}

/* A member's value (NULL: absent) as an array */
Jsonb *
req_value_array(JsonbValue *v)
{
	if (v == NULL)
		return NULL;
	if (v->type != jbvBinary || !JsonContainerIsArray(v->val.binary.data))
		dynamo_kind_error(v, "List");
	return jsonb_of_container(v);
}

/* An array member as a Jsonb */
Jsonb *
req_array(Jsonb *req, const char *name)
{
	return req_value_array(req_member(req, name));
}

/* A member's value (NULL: absent) as a boolean, dflt when absent */
bool
req_value_bool(JsonbValue *v, bool dflt)
{
	if (v == NULL)
		return dflt;
	return dynamo_bool_value(v);
}

/* A boolean member, dflt when absent */
bool
req_bool(Jsonb *req, const char *name, bool dflt)
{
	return req_value_bool(req_member(req, name), dflt);
}

/* A JSON number as a double (infinite beyond a double's range) */
double
json_number_double(Numeric n)
{
	return DatumGetFloat8(DirectFunctionCall1(numeric_float8_no_overflow, NumericGetDatum(n)));
}

/* A JSON number as text for messages: as written, or 1e+300 when huge */
char *
json_number_text(Numeric n)
{
	double		d = json_number_double(n);

	if (fabs(d) >= 1e15)
		return psprintf("%g", d);
	return DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(n)));
}

/*
 * The value v (NULL: absent) of member name as an integer within [min,
 * max] (beyond: a ValidationException); false when absent
 */
static bool
value_integer(JsonbValue *v, const char *name, int64 *out, double min, double max)
{
	char	   *path;

	if (v == NULL)
		return false;
	if (v->type != jbvNumeric)
		dynamo_kind_error(v, "Integer");
	path = pstrdup(name);
	path[0] = pg_ascii_tolower((unsigned char) path[0]);
	validate_range(NULL, json_number_text(v->val.numeric), json_number_double(v->val.numeric),
				   min, max, path);
	*out = DatumGetInt64(DirectFunctionCall1(numeric_int8, NumericGetDatum(v->val.numeric)));
	return true;
}

/* A member's value (NULL: absent) as an Integer (32 bits); false when absent */
bool
req_value_int(JsonbValue *v, const char *name, int64 *out)
{
	return value_integer(v, name, out, PG_INT32_MIN, PG_INT32_MAX);
}

/* A Long member (DynamoDB's: 64 bits, e.g. capacity units); false when absent */
bool
req_long(Jsonb *req, const char *name, int64 *out)
{
	/* the largest doubles below 2^63 in magnitude, so numeric_int8 cannot fail */
	return value_integer(req_member(req, name), name, out, -9223372036854774784.0,
						 9223372036854774784.0);
}

/*
 * The members of a JSON object, in jsonb's order (by length, then bytes);
 * returns their count.  Values are containers or scalars of the object.
 */
int
object_members(Jsonb *obj, char ***names, JsonbValue **values)
{
	int			n = JB_ROOT_COUNT(obj);
	JsonbIterator *it = JsonbIteratorInit(&obj->root);
	JsonbValue	v;
	JsonbIteratorToken tok;
	int			i = 0;

	*names = palloc(sizeof(char *) * Max(n, 1));
	*values = palloc(sizeof(JsonbValue) * Max(n, 1));
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (tok == WJB_KEY)
			(*names)[i] = pnstrdup(v.val.string.val, v.val.string.len);
		else if (tok == WJB_VALUE)
			(*values)[i++] = v;
	}
	return n;
}

/*
 * Element i of a JSON array, which must be an object.  path names the list
 * in DynamoDB's validation messages.
 */
Jsonb *
element_object(Jsonb *list, int i, const char *path)
{
	JsonbValue *v = getIthJsonbValueFromContainer(&list->root, i);
	Jsonb	   *obj;

	if (v == NULL || v->type == jbvNull)
		validate_not_null(NULL, NULL, psprintf("%s.%d.member", path, i + 1));
	if (v->type != jbvBinary)
		dynamo_error(DYN_SERIALIZATION, "Start of structure or map expected");
	obj = jsonb_of_container(v);
	req_check_object(obj);
	return obj;
}

/* A request member as JSON text, for the values DynamoDB's messages echo */
char *
json_text(Jsonb *jb)
{
	return JsonbToCString(NULL, &jb->root, VARSIZE(jb));
}

/* A required member: DynamoDB's message when it is missing */
void
require_member(const void *member, const char *path)
{
	validate_not_null(NULL, member, path);
}
