/*
 * attr_value.c
 *		Conversions between DynamoDB's typed JSON, the plain JSON of the SQL
 *		functions and the stored form (see attr_value.h for the format).
 *
 * Every conversion into the stored form validates as DynamoDB does and
 * canonicalises (normalised numbers, sorted sets, canonical base64), which is
 * what lets equality of stored values be plain jsonb equality.
 */
#include "postgres.h"

#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

#include "attr_jsonb.h"
#include "attr_value.h"
#include "errors.h"
#include "json_build.h"
#include "jsonb_write.h"
#include "nul_escape.h"
#include "stored_form.h"

const char *const DynamoTypeNames[DYNAMO_TYPE_COUNT] = {
	"S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS"
};

/* A set member on its way into canonical order */
typedef struct SetMember
{
	JsonbValue	value;			/* stored-form scalar */
	bytea	   *bytes;			/* for BS: decoded bytes */
	const char *display;		/* for duplicate messages */
} SetMember;

static void push_string(JsonbParseState **st, JsonbIteratorToken tok,
						const char *s, int len, bool escaped);
static void typed_push(JsonbParseState **st, JsonbIteratorToken tok,
					   JsonbValue *typed, int depth, bool escaped);
static void plain_push(JsonbParseState **st, JsonbIteratorToken tok,
					   JsonbValue *plain, int depth, bool escaped);

/* Look up a type by DynamoDB's name for it */
bool
dynamo_type_from_name(const char *name, int len, DynamoType *type)
{
	for (int i = 0; i < DYNAMO_TYPE_COUNT; i++)
	{
		if (strlen(DynamoTypeNames[i]) == len && memcmp(DynamoTypeNames[i], name, len) == 0)
		{
			*type = (DynamoType) i;
			return true;
		}
	}
	return false;
}

/* Name of a JSON scalar's kind, for SerializationException messages */
static const char *
jsonb_value_kind(const JsonbValue *v)
{
	switch (v->type)
	{
		case jbvString:
			return "STRING_VALUE";
		case jbvNumeric:
			{
				char	   *s = DatumGetCString(DirectFunctionCall1(numeric_out,
																   NumericGetDatum(v->val.numeric)));

				return strpbrk(s, ".eE") ? "DECIMAL_VALUE" : "NUMBER_VALUE";
			}
		case jbvBool:
			return v->val.boolean ? "TRUE_VALUE" : "FALSE_VALUE";
		case jbvNull:
			return "NULL_VALUE";
		default:
			return "VALUE";
	}
}

/* The Java class DynamoDB's deserializer names for a target type */
static const char *
kind_java_class(const char *expected)
{
	if (strcmp(expected, "Blob") == 0)
		return "java.nio.ByteBuffer";
	if (strcmp(expected, "Timestamp") == 0)
		return "java.util.Date";
	if (strcmp(expected, "String") == 0 || strcmp(expected, "Boolean") == 0 ||
		strcmp(expected, "Integer") == 0 || strcmp(expected, "Long") == 0)
		return psprintf("java.lang.%s", expected);
	return psprintf("com.amazonaws.dynamodb.v20120810.%s", expected);
}

/*
 * Raise DynamoDB's SerializationException for a request value of the wrong
 * JSON kind. expected: String, Boolean, Integer, Long, Blob, Timestamp, List,
 * Map (of AttributeValue), AttributeValue, or a structure's shape name.
 */
void
dynamo_kind_error(const JsonbValue *v, const char *expected)
{
	bool		is_scalar_target = strcmp(expected, "String") == 0 ||
		strcmp(expected, "Boolean") == 0 || strcmp(expected, "Integer") == 0 ||
		strcmp(expected, "Long") == 0 || strcmp(expected, "Timestamp") == 0;

	if (v->type == jbvBinary && JsonContainerIsObject(v->val.binary.data))
		dynamo_error(DYN_SERIALIZATION, "Start of structure or map found where not expected");
	if (v->type == jbvBinary)
	{
		if (strcmp(expected, "Map") == 0)
			expected = "Map<AttributeValue>";
		if (strncmp(expected, "Map<", 4) == 0)
		{
			const char *inner = expected + 4;

			dynamo_error(DYN_SERIALIZATION, "Unrecognized collection type java.util.Map<java.lang.String, %s%.*s>",
						 strchr(inner, '.') ? "" : "com.amazonaws.dynamodb.v20120810.",
						 (int) strlen(inner) - 1, inner);
		}
		dynamo_error(DYN_SERIALIZATION, "Unrecognized collection type class %s",
					 kind_java_class(expected));
	}
	if (strcmp(expected, "Blob") == 0)
		dynamo_error(DYN_SERIALIZATION, "only base-64-encoded strings are convertible to bytes");
	if (strcmp(expected, "AttributeValue") == 0)
		dynamo_error(DYN_SERIALIZATION, "Unexpected value type in payload");
	if (!is_scalar_target)
		dynamo_error(DYN_SERIALIZATION, "Unexpected field type");	/* List, Map<..>, a structure */
	if (strcmp(expected, "Boolean") == 0 && v->type == jbvString)
		dynamo_error(DYN_SERIALIZATION, "Unexpected token received from parser");
	dynamo_error(DYN_SERIALIZATION, "%s cannot be converted to %s",
				 jsonb_value_kind(v), expected);
}

/*
 * A Boolean of a request.  DynamoDB's deserializer also reads the strings
 * "true", "yes" and "1" as true and "false", "no" and "0" as false; any
 * other string is a token its parser refuses.
 */
bool
dynamo_bool_value(const JsonbValue *v)
{
	static const char *const words[] = {"false", "no", "0", "true", "yes", "1"};

	if (v->type == jbvBool)
		return v->val.boolean;
	for (int i = 0; v->type == jbvString && i < lengthof(words); i++)
	{
		if (v->val.string.len == strlen(words[i]) &&
			pg_strncasecmp(v->val.string.val, words[i], v->val.string.len) == 0)
			return i >= 3;
	}
	dynamo_kind_error(v, "Boolean");
}

static inline bool
is_object(const JsonbValue *v)
{
	return v->type == jbvBinary && JsonContainerIsObject(v->val.binary.data);
}

static inline bool
is_array(const JsonbValue *v)
{
	return v->type == jbvBinary && JsonContainerIsArray(v->val.binary.data);
}

/* The single key and value of a one-pair object container */
static void
single_pair(JsonbContainer *c, JsonbValue *key, JsonbValue *val)
{
	JsonbIterator *it = JsonbIteratorInit(c);

	(void) JsonbIteratorNext(&it, key, true);	/* BEGIN_OBJECT */
	(void) JsonbIteratorNext(&it, key, true);
	(void) JsonbIteratorNext(&it, val, true);
}

/*
 * Classify a stored value.  For M, L and the tagged types, *payload (if not
 * NULL) receives the container holding the contents: the map's pairs, the
 * list's or set's elements, or B's base64 string.
 */
DynamoType
attr_type(const JsonbValue *v, JsonbValue *payload)
{
	JsonbValue	key,
				val;
	DynamoType	t;

	if (payload)
		*payload = *v;
	switch (v->type)
	{
		case jbvString:
			return DT_S;
		case jbvNumeric:
			return DT_N;
		case jbvBool:
			return DT_BOOL;
		case jbvNull:
			return DT_NULL;
		case jbvBinary:
			break;
		default:
			elog(ERROR, "unexpected jsonb value type %d", v->type);
	}
	if (JsonContainerIsArray(v->val.binary.data))
		return DT_L;
	if (JsonContainerSize(v->val.binary.data) != 1)
		return DT_M;
	single_pair(v->val.binary.data, &key, &val);
	if (!stored_tag_type(key.val.string.val, key.val.string.len, &t))
		return DT_M;
	if (payload)
		*payload = val;
	return t;
}

/*
 * Refuse an attribute name DynamoDB refuses: empty (item attributes), or
 * over 64 KB; prefix starts the message
 */
void
attr_check_name_length(int len, const char *prefix)
{
	if (len == 0)
		dynamo_error(DYN_VALIDATION, "%sEmpty attribute name", prefix);
	if (len > DYNAMO_MAX_ATTR_NAME)
		dynamo_error(DYN_VALIDATION, "%sAttribute name length exceeds %d bytes: %d",
					 prefix, DYNAMO_MAX_ATTR_NAME, len);
}

/* Push an attribute name: at most 64 KB, as DynamoDB allows */
static void
push_attr_name(JsonbParseState **st, JsonbValue *name, bool escaped)
{
	if (name->val.string.len > 0)
		attr_check_name_length(name->val.string.len, DYN_INVALID_PARAMS);
	push_string(st, WJB_KEY, name->val.string.val, name->val.string.len, escaped);
}

/* Push a string, escaping U+0001 unless the caller's strings are escaped */
static void
push_string(JsonbParseState **st, JsonbIteratorToken tok, const char *s, int len,
			bool escaped)
{
	JsonbValue	v;

	v.type = jbvString;
	v.val.string.val = (char *) s;
	v.val.string.len = len;
	if (!escaped && nul_escape_present(s, len))
		v.val.string.val = nul_escape(s, len, &v.val.string.len);
	(void) pushJsonbValue(st, tok, &v);
}

static void
push_numeric(JsonbParseState **st, JsonbIteratorToken tok, Numeric n)
{
	JsonbValue	v;

	v.type = jbvNumeric;
	v.val.numeric = n;
	(void) pushJsonbValue(st, tok, &v);
}

static void
check_depth(int depth)
{
	if (depth >= DYNAMO_MAX_DEPTH)
		dynamo_error(DYN_VALIDATION,
					 "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit");
}

/* Push a binary value as {"$B": canonical base64} */
static void
push_binary(JsonbParseState **st, JsonbIteratorToken tok, bytea *bytes)
{
	char	   *b64 = dynamo_binary_encode(VARDATA_ANY(bytes), VARSIZE_ANY_EXHDR(bytes));

	stored_push_tag(st, DT_B);
	push_string(st, WJB_VALUE, b64, strlen(b64), true);
	(void) pushJsonbValue(st, WJB_END_OBJECT, NULL);
}

/* Order set members as the stored form keeps them (BS by decoded bytes) */
static int
set_member_cmp(const void *a, const void *b, void *arg)
{
	const SetMember *x = a;
	const SetMember *y = b;
	DynamoType	t = *(DynamoType *) arg;

	if (t == DT_BS)
		return stored_bytes_cmp(VARDATA_ANY(x->bytes), VARSIZE_ANY_EXHDR(x->bytes),
								VARDATA_ANY(y->bytes), VARSIZE_ANY_EXHDR(y->bytes));
	return stored_set_member_cmp(t, &x->value, &y->value);
}

/*
 * Sort set members, reject an empty set and duplicates with DynamoDB's
 * messages, and push the set as {"$SS" | "$NS" | "$BS": [...]}.
 */
static void
push_set(JsonbParseState **st, JsonbIteratorToken tok, DynamoType t,
		 SetMember *members, int n)
{
	StringInfoData shown;

	if (n == 0 && t == DT_BS)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Binary sets should not be empty");
	if (n == 0)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "An %s set  may not be empty",
					 t == DT_SS ? "string" : "number");
	/* duplicates are reported with the members in the order given */
	initStringInfo(&shown);
	for (int j = 0; j < n; j++)
		appendStringInfo(&shown, "%s%s", j ? ", " : "", members[j].display);
	qsort_arg(members, n, sizeof(SetMember), set_member_cmp, &t);
	for (int i = 1; i < n; i++)
	{
		if (set_member_cmp(&members[i - 1], &members[i], &t) != 0)
			continue;
		if (t == DT_NS)
			dynamo_error(DYN_VALIDATION, "Input collection contains duplicates");
		if (t == DT_BS)
			dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Input collection [%s]of type BS contains duplicates.",
						 shown.data);
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Input collection [%s] contains duplicates.",
					 shown.data);
	}
	stored_push_tag(st, t);
	(void) pushJsonbValue(st, WJB_BEGIN_ARRAY, NULL);
	for (int i = 0; i < n; i++)
	{
		if (t == DT_BS)
		{
			char	   *b64 = dynamo_binary_encode(VARDATA_ANY(members[i].bytes),
												   VARSIZE_ANY_EXHDR(members[i].bytes));

			push_string(st, WJB_ELEM, b64, strlen(b64), true);
		}
		else
			(void) pushJsonbValue(st, WJB_ELEM, &members[i].value);
	}
	(void) pushJsonbValue(st, WJB_END_ARRAY, NULL);
	(void) pushJsonbValue(st, WJB_END_OBJECT, NULL);
}

/*
 * Read the members of a set from an array container.  Typed sets hold
 * strings (numbers as text, binaries as base64); plain sets hold strings,
 * numbers for NS, base64 strings for BS.
 */
static SetMember *
read_set_members(JsonbValue *array, DynamoType t, bool escaped, bool typed, int *count)
{
	JsonbContainer *c = array->val.binary.data;
	int			n = JsonContainerSize(c);
	SetMember  *members = palloc0(sizeof(SetMember) * Max(n, 1));

	for (int i = 0; i < n; i++)
	{
		JsonbValue *e = getIthJsonbValueFromContainer(c, i);
		SetMember  *m = &members[i];

		if (t == DT_NS && e->type == jbvNumeric && !typed)
			m->value.val.numeric = dynamo_number_normalize(e->val.numeric);
		else if (e->type != jbvString)
			dynamo_kind_error(e, "String");
		else if (t == DT_NS)
			m->value.val.numeric = dynamo_number_from_string(e->val.string.val, e->val.string.len);
		else if (t == DT_BS)
			m->bytes = dynamo_binary_decode(e->val.string.val, e->val.string.len);
		else
		{
			m->value = *e;
			if (!escaped && nul_escape_present(e->val.string.val, e->val.string.len))
				m->value.val.string.val = nul_escape(e->val.string.val, e->val.string.len,
													 &m->value.val.string.len);
		}
		m->value.type = (t == DT_NS) ? jbvNumeric : jbvString;
		m->display = (t == DT_NS) ? dynamo_number_to_string(m->value.val.numeric)
			: (t == DT_BS) ? pnstrdup(e->val.string.val, e->val.string.len)
			: pnstrdup(m->value.val.string.val, m->value.val.string.len);
	}
	*count = n;
	return members;
}

/* Push a map's pairs, each value through push, with the $M wrapper if needed */
static void
push_map(JsonbParseState **st, JsonbIteratorToken tok, JsonbContainer *c,
		 int depth, bool escaped,
		 void (*push) (JsonbParseState **, JsonbIteratorToken, JsonbValue *, int, bool))
{
	JsonbIterator *it = JsonbIteratorInit(c);
	JsonbValue	v;
	JsonbIteratorToken r;
	bool		wrap = false;
	DynamoType	ignored;

	if (JsonContainerSize(c) == 1)
	{
		JsonbValue	key,
					val;

		single_pair(c, &key, &val);
		wrap = stored_tag_type(key.val.string.val, key.val.string.len, &ignored);
	}
	if (wrap)
		stored_push_tag(st, DT_M);
	(void) pushJsonbValue(st, WJB_BEGIN_OBJECT, NULL);
	while ((r = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		CHECK_FOR_INTERRUPTS();
		if (r == WJB_KEY)
			push_attr_name(st, &v, escaped);
		else if (r == WJB_VALUE)
			push(st, WJB_VALUE, &v, depth, escaped);
	}
	(void) pushJsonbValue(st, WJB_END_OBJECT, NULL);
	if (wrap)
		(void) pushJsonbValue(st, WJB_END_OBJECT, NULL);
}

/* Push a list's elements, each through push */
static void
push_list(JsonbParseState **st, JsonbContainer *c, int depth, bool escaped,
		  void (*push) (JsonbParseState **, JsonbIteratorToken, JsonbValue *, int, bool))
{
	int			n = JsonContainerSize(c);

	(void) pushJsonbValue(st, WJB_BEGIN_ARRAY, NULL);
	for (int i = 0; i < n; i++)
	{
		CHECK_FOR_INTERRUPTS();
		push(st, WJB_ELEM, getIthJsonbValueFromContainer(c, i), depth, escaped);
	}
	(void) pushJsonbValue(st, WJB_END_ARRAY, NULL);
}

/*
 * The type member of a typed AttributeValue.  Members that name no type,
 * and members set to null, are ignored as DynamoDB ignores them; returns how
 * many members remain (exactly one is valid).
 */
static int
typed_single_member(JsonbContainer *c, DynamoType *type, JsonbValue *val)
{
	JsonbIterator *it = JsonbIteratorInit(c);
	JsonbValue	k,
				v;
	JsonbIteratorToken r;
	DynamoType	t = DT_S;
	int			n = 0;

	while ((r = JsonbIteratorNext(&it, &k, true)) != WJB_DONE)
	{
		if (r != WJB_KEY)
			continue;
		(void) JsonbIteratorNext(&it, &v, true);
		if (v.type == jbvNull || !dynamo_type_from_name(k.val.string.val, k.val.string.len, &t))
			continue;
		if (n++ == 0)
		{
			*type = t;
			*val = v;
		}
	}
	return n;
}

/* Raise the error of the first N or NS member that is not a number */
static void
check_numbers(JsonbContainer *c)
{
	JsonbValue *n = getKeyJsonValueFromContainer(c, "N", 1, NULL);
	JsonbValue *ns = getKeyJsonValueFromContainer(c, "NS", 2, NULL);

	if (n != NULL && n->type == jbvString)
		(void) dynamo_number_from_string(n->val.string.val, n->val.string.len);
	if (ns != NULL && is_array(ns))
	{
		int			count = JsonContainerSize(ns->val.binary.data);

		for (int i = 0; i < count; i++)
		{
			JsonbValue *e = getIthJsonbValueFromContainer(ns->val.binary.data, i);

			if (e->type == jbvString)
				(void) dynamo_number_from_string(e->val.string.val, e->val.string.len);
		}
	}
}

/*
 * Convert one typed AttributeValue ({"S": "x"}, ...) into the stored form,
 * pushing it as tok.  depth counts enclosing documents.
 */
static void
typed_push(JsonbParseState **st, JsonbIteratorToken tok, JsonbValue *typed,
		   int depth, bool escaped)
{
	JsonbValue	val;
	DynamoType	t = DT_NULL;
	int			n;

	if (!is_object(typed))
		dynamo_kind_error(typed, "AttributeValue");
	n = typed_single_member(typed->val.binary.data, &t, &val);
	if (n == 0)
		dynamo_error(DYN_VALIDATION, "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
	if (n > 1)
	{
		/* DynamoDB reads the numbers before it counts the types */
		check_numbers(typed->val.binary.data);
		dynamo_error(DYN_VALIDATION, "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
	}

	switch (t)
	{
		case DT_S:
			if (val.type != jbvString)
				dynamo_kind_error(&val, "String");
			push_string(st, tok, val.val.string.val, val.val.string.len, escaped);
			break;
		case DT_N:
			if (val.type != jbvString)
				dynamo_kind_error(&val, "String");
			push_numeric(st, tok, dynamo_number_from_string(val.val.string.val, val.val.string.len));
			break;
		case DT_B:
			if (val.type != jbvString)
				dynamo_kind_error(&val, "Blob");
			push_binary(st, tok, dynamo_binary_decode(val.val.string.val, val.val.string.len));
			break;
		case DT_BOOL:
			val.val.boolean = dynamo_bool_value(&val);
			val.type = jbvBool;
			(void) pushJsonbValue(st, tok, &val);
			break;
		case DT_NULL:
			if (!dynamo_bool_value(&val))
				dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Null attribute value types must have the value of true");
			val.type = jbvNull;
			(void) pushJsonbValue(st, tok, &val);
			break;
		case DT_M:
			if (!is_object(&val))
				dynamo_kind_error(&val, "Map");
			check_depth(depth + 1);
			push_map(st, tok, val.val.binary.data, depth + 1, escaped, typed_push);
			break;
		case DT_L:
			if (!is_array(&val))
				dynamo_kind_error(&val, "List");
			check_depth(depth + 1);
			push_list(st, val.val.binary.data, depth + 1, escaped, typed_push);
			break;
		case DT_SS:
		case DT_NS:
		case DT_BS:
			{
				SetMember  *members;

				if (!is_array(&val))
					dynamo_kind_error(&val, "List");
				members = read_set_members(&val, t, escaped, true, &n);
				push_set(st, tok, t, members, n);
				break;
			}
	}
}

/*
 * Validate and canonicalise one plain-JSON value into the stored form.
 */
static void
plain_push(JsonbParseState **st, JsonbIteratorToken tok, JsonbValue *plain,
		   int depth, bool escaped)
{
	JsonbValue	key,
				val;
	DynamoType	t;
	int			n;

	switch (plain->type)
	{
		case jbvString:
			push_string(st, tok, plain->val.string.val, plain->val.string.len, escaped);
			return;
		case jbvNumeric:
			push_numeric(st, tok, dynamo_number_normalize(plain->val.numeric));
			return;
		case jbvBool:
		case jbvNull:
			(void) pushJsonbValue(st, tok, plain);
			return;
		default:
			break;
	}
	check_depth(depth + 1);
	if (is_array(plain))
	{
		push_list(st, plain->val.binary.data, depth + 1, escaped, plain_push);
		return;
	}
	if (JsonContainerSize(plain->val.binary.data) == 1)
	{
		single_pair(plain->val.binary.data, &key, &val);
		if (stored_tag_type(key.val.string.val, key.val.string.len, &t))
		{
			if (t == DT_B)
			{
				if (val.type != jbvString)
					dynamo_kind_error(&val, "Blob");
				push_binary(st, tok, dynamo_binary_decode(val.val.string.val, val.val.string.len));
				return;
			}
			if (t == DT_M)
			{
				if (!is_object(&val))
					dynamo_kind_error(&val, "Map");
				push_map(st, tok, val.val.binary.data, depth + 1, escaped, plain_push);
				return;
			}
			if (!is_array(&val))
				dynamo_kind_error(&val, "List");
			{
				SetMember  *members = read_set_members(&val, t, escaped, false, &n);

				push_set(st, tok, t, members, n);
			}
			return;
		}
	}
	push_map(st, tok, plain->val.binary.data, depth + 1, escaped, plain_push);
}

/*
 * A test of one child of a container, read in place: its JEntry, its data
 * (numerics and containers aligned as jsonb aligns them), the data's length,
 * whether it is an object's key, and the depth of the container.
 */
typedef bool (*ChildTest) (JEntry e, char *data, uint32 len, bool is_key, int depth);

/*
 * Does test hold for any child of a container?  Walks the JEntries in place,
 * by the layout jsonb.h documents, so checking a document costs no iterator
 * and no copy.
 */
static bool
container_any(JsonbContainer *c, ChildTest test, int depth)
{
	int			nkeys = JsonContainerIsObject(c) ? JsonContainerSize(c) : 0;
	int			n = JsonContainerSize(c) + nkeys;
	char	   *base = (char *) &c->children[n];
	uint32		offset = 0;

	for (int i = 0; i < n; i++)
	{
		JEntry		e = c->children[i];
		uint32		end = JBE_HAS_OFF(e) ? JBE_OFFLENFLD(e) : offset + JBE_OFFLENFLD(e);
		uint32		start = JBE_ISSTRING(e) ? offset : INTALIGN(offset);

		if (test(e, base + start, end - start, i < nkeys, depth))
			return true;
		offset = end;
	}
	return false;
}

/* ChildTest: a string holding the escape character, at any depth */
static bool
child_has_escape(JEntry e, char *data, uint32 len, bool is_key, int depth)
{
	if (JBE_ISSTRING(e))
		return nul_escape_present(data, len);
	return JBE_ISCONTAINER(e) &&
		container_any((JsonbContainer *) data, child_has_escape, depth + 1);
}

/*
 * Does any string of a container (keys included, nested containers too) hold
 * the escape character?  The raw bytes cannot simply be searched: JEntries
 * and numerics hold 0x01 bytes of their own.
 */
static bool
container_has_escape(JsonbContainer *c)
{
	return container_any(c, child_has_escape, 0);
}

/*
 * ChildTest: a value of a plain item that the stored form would write
 * differently, or that fails DynamoDB's checks: a string holding U+0001, an
 * attribute name too long, a number not normalised or out of range, a
 * tagged value (sets sort, base64 is canonicalised, $M unwraps), or nesting
 * too deep.  The conversion then does the work, and raises the errors.
 */
static bool
child_not_stored_form(JEntry e, char *data, uint32 len, bool is_key, int depth)
{
	JsonbContainer *c = (JsonbContainer *) data;
	DynamoType	t;

	if (JBE_ISSTRING(e))
		return nul_escape_present(data, len) || (is_key && len > DYNAMO_MAX_ATTR_NAME);
	if (JBE_ISNUMERIC(e))
	{
		Numeric		n = (Numeric) data;
		Numeric		normal = dynamo_number_normalize(n);

		return VARSIZE_ANY_EXHDR(normal) != VARSIZE_ANY_EXHDR(n) ||
			memcmp(VARDATA_ANY(normal), VARDATA_ANY(n), VARSIZE_ANY_EXHDR(n)) != 0;
	}
	if (!JBE_ISCONTAINER(e))
		return false;
	if (depth + 1 >= DYNAMO_MAX_DEPTH)
		return true;
	if (JsonContainerIsObject(c) && JsonContainerSize(c) == 1)
	{
		JsonbValue	key,
					val;

		single_pair(c, &key, &val);
		if (stored_tag_type(key.val.string.val, key.val.string.len, &t))
			return true;
	}
	return container_any(c, child_not_stored_form, depth + 1);
}

/* Convert a whole item (a map of attribute values) with push */
static Jsonb *
item_convert(Jsonb *in, bool escaped,
			 void (*push) (JsonbParseState **, JsonbIteratorToken, JsonbValue *, int, bool))
{
	JsonbParseState *st = NULL;
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken r;
	JsonbValue *res;

	if (!JB_ROOT_IS_OBJECT(in))
	{
		JsonbValue *root = jsonb_root_value(in);

		dynamo_kind_error(root, "Map");
	}
	it = JsonbIteratorInit(&in->root);
	(void) pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	(void) JsonbIteratorNext(&it, &v, true);
	while ((r = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (r == WJB_KEY)
		{
			/* an item's attributes have names (a map's keys may be empty) */
			attr_check_name_length(v.val.string.len, DYN_INVALID_PARAMS);
			push_attr_name(&st, &v, escaped);
		}
		else if (r == WJB_VALUE)
			push(&st, WJB_VALUE, &v, 0, escaped);
	}
	res = pushJsonbValue(&st, WJB_END_OBJECT, NULL);
	return JsonbValueToJsonb(res);
}

/* A typed item ({"Name": {"S": "x"}}) in the stored form */
Jsonb *
item_from_typed(Jsonb *typed, bool strings_escaped)
{
	return item_convert(typed, strings_escaped, typed_push);
}

/*
 * A plain-JSON item validated and canonicalised into the stored form.  An
 * item already in it (the usual case) is returned as it is, checked in
 * place without building a copy.
 */
Jsonb *
item_from_plain(Jsonb *plain, bool strings_escaped)
{
	if (!strings_escaped && JB_ROOT_IS_OBJECT(plain) &&
		!container_any(&plain->root, child_not_stored_form, 0))
		return plain;
	return item_convert(plain, strings_escaped, plain_push);
}

/* Convert a single value through push, standing alone */
static JsonbValue *
value_convert(JsonbValue *in, bool escaped,
			  void (*push) (JsonbParseState **, JsonbIteratorToken, JsonbValue *, int, bool))
{
	JsonbParseState *st = NULL;
	JsonbValue *res;

	(void) pushJsonbValue(&st, WJB_BEGIN_ARRAY, NULL);
	push(&st, WJB_ELEM, in, 0, escaped);
	res = pushJsonbValue(&st, WJB_END_ARRAY, NULL);
	return getIthJsonbValueFromContainer(&JsonbValueToJsonb(res)->root, 0);
}

/* One typed AttributeValue in the stored form */
JsonbValue *
attr_from_typed(JsonbValue *typed, bool strings_escaped)
{
	return value_convert(typed, strings_escaped, typed_push);
}

/* Push a stored string for output, undoing the escape unless asked not to */
static void
push_output_string(JsonbParseState **st, JsonbIteratorToken tok, JsonbValue *s,
				   bool keep_escapes)
{
	JsonbValue	v = *s;
	bool		has_nul;

	if (!keep_escapes && nul_escape_present(s->val.string.val, s->val.string.len))
	{
		v.val.string.val = nul_unescape(s->val.string.val, s->val.string.len,
										&v.val.string.len, &has_nul);
		if (has_nul)
			nul_unrepresentable_error();
	}
	(void) pushJsonbValue(st, tok, &v);
}

/* Push {"<type>": <value>} around a scalar already in output form */
static void
push_typed_scalar(JsonbParseState **st, DynamoType t, JsonbValue *v)
{
	JsonbValue	k;

	k.type = jbvString;
	k.val.string.val = (char *) DynamoTypeNames[t];
	k.val.string.len = strlen(DynamoTypeNames[t]);
	(void) pushJsonbValue(st, WJB_KEY, &k);
	(void) pushJsonbValue(st, WJB_VALUE, v);
}

static JsonbValue *
numeric_text_value(Numeric n)
{
	JsonbValue *v = palloc(sizeof(JsonbValue));

	v->type = jbvString;
	v->val.string.val = dynamo_number_to_string(n);
	v->val.string.len = strlen(v->val.string.val);
	return v;
}

/* Push a stored value in DynamoDB's typed form, as tok */
void
attr_push_typed(JsonbParseState **st, JsonbIteratorToken tok, JsonbValue *stored,
				bool keep_escapes)
{
	JsonbValue	payload;
	DynamoType	t = attr_type(stored, &payload);
	JsonbValue	k;

	(void) tok;
	(void) pushJsonbValue(st, WJB_BEGIN_OBJECT, NULL);
	switch (t)
	{
		case DT_S:
			k.type = jbvString;
			k.val.string.val = "S";
			k.val.string.len = 1;
			(void) pushJsonbValue(st, WJB_KEY, &k);
			push_output_string(st, WJB_VALUE, stored, keep_escapes);
			break;
		case DT_N:
			push_typed_scalar(st, t, numeric_text_value(stored->val.numeric));
			break;
		case DT_B:
		case DT_BOOL:
			push_typed_scalar(st, t, &payload);
			break;
		case DT_NULL:
			payload.type = jbvBool;
			payload.val.boolean = true;
			push_typed_scalar(st, t, &payload);
			break;
		case DT_M:
		case DT_L:
		case DT_SS:
		case DT_NS:
		case DT_BS:
			{
				JsonbIterator *it = JsonbIteratorInit(payload.val.binary.data);
				JsonbValue	v;
				JsonbIteratorToken r;

				k.type = jbvString;
				k.val.string.val = (char *) DynamoTypeNames[t];
				k.val.string.len = strlen(k.val.string.val);
				(void) pushJsonbValue(st, WJB_KEY, &k);
				while ((r = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
				{
					if (r == WJB_KEY)
						push_output_string(st, r, &v, keep_escapes);
					else if (r == WJB_VALUE || (r == WJB_ELEM && t == DT_L))
						attr_push_typed(st, r, &v, keep_escapes);
					else if (r == WJB_ELEM && t == DT_NS)
						(void) pushJsonbValue(st, r, numeric_text_value(v.val.numeric));
					else if (r == WJB_ELEM && t == DT_SS)
						push_output_string(st, r, &v, keep_escapes);
					else
						(void) pushJsonbValue(st, r, r == WJB_ELEM ? &v : NULL);
				}
				break;
			}
	}
	(void) pushJsonbValue(st, WJB_END_OBJECT, NULL);
}

/*
 * A stored item in DynamoDB's typed form, pushed token by token, undoing
 * the string escape; returns the last push's result.
 */
static JsonbValue *
item_push_typed_unescaped(JsonbParseState **st, Jsonb *stored)
{
	JsonbIterator *it = JsonbIteratorInit(&stored->root);
	JsonbValue	v;
	JsonbIteratorToken r;
	JsonbValue *res = NULL;

	while ((r = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (r == WJB_KEY)
			push_output_string(st, r, &v, false);
		else if (r == WJB_VALUE)
			attr_push_typed(st, r, &v, false);
		else
			res = pushJsonbValue(st, r, NULL);
	}
	return res;
}

/*
 * A stored item in DynamoDB's typed form.  Written straight from the stored
 * binary form (attr_jsonb.h), unless a string's escape must be undone:
 * that may change the order of keys, so such an item is pushed as a tree.
 */
Jsonb *
item_to_typed(Jsonb *stored, bool keep_escapes)
{
	StringInfoData buf;
	JsonbParseState *st = NULL;

	/* the typed form is about twice the stored form's size */
	jw_begin_jsonb(&buf, 2 * VARSIZE(stored));
	if (item_write_typed(&buf, &stored->root, !keep_escapes))
		return jw_finish_jsonb(&buf);
	pfree(buf.data);
	return JsonbValueToJsonb(item_push_typed_unescaped(&st, stored));
}

/*
 * Push a stored item in DynamoDB's typed form into a JsonbParseState being
 * built (after a key, or in an array), finished by jb_finish(); with
 * nothing being built, returns the item as a value.
 */
JsonbValue *
item_push_typed(JsonbParseState **st, Jsonb *stored, bool keep_escapes)
{
	return jb_value(st, jsonb_root_value(item_to_typed(stored, keep_escapes)));
}

/* One stored value in DynamoDB's typed form, standing alone */
JsonbValue *
attr_to_typed(JsonbValue *stored, bool keep_escapes)
{
	JsonbParseState *st = NULL;
	JsonbValue *res;

	(void) pushJsonbValue(&st, WJB_BEGIN_ARRAY, NULL);
	attr_push_typed(&st, WJB_ELEM, stored, keep_escapes);
	res = pushJsonbValue(&st, WJB_END_ARRAY, NULL);
	return getIthJsonbValueFromContainer(&JsonbValueToJsonb(res)->root, 0);
}

/*
 * A stored item as plain JSON: the same document once the string escape is
 * undone, so an item without escapes is returned as it is.
 */
Jsonb *
item_to_plain(Jsonb *stored, bool keep_escapes)
{
	JsonbParseState *st = NULL;
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken r;
	JsonbValue *res = NULL;

	if (keep_escapes || !container_has_escape(&stored->root))
		return stored;
	it = JsonbIteratorInit(&stored->root);
	while ((r = JsonbIteratorNext(&it, &v, false)) != WJB_DONE)
	{
		if ((r == WJB_KEY || r == WJB_VALUE || r == WJB_ELEM) && v.type == jbvString)
			push_output_string(&st, r, &v, false);
		else
			res = pushJsonbValue(&st, r, (r == WJB_KEY || r == WJB_VALUE || r == WJB_ELEM) ? &v : NULL);
	}
	return JsonbValueToJsonb(res);
}

/* The root of a Jsonb as a value: a scalar, or binary for a container */
JsonbValue *
jsonb_root_value(Jsonb *jb)
{
	JsonbValue *v = palloc(sizeof(JsonbValue));

	if (JB_ROOT_IS_SCALAR(jb))
	{
		(void) JsonbExtractScalar(&jb->root, v);
		return v;
	}
	v->type = jbvBinary;
	v->val.binary.data = &jb->root;
	v->val.binary.len = VARSIZE(jb) - VARHDRSZ;
	return v;
}
