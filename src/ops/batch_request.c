/*
 * batch_request.c
 *		What batch and transactional operations share: request dialects,
 *		item targets and their order.
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

#include "batch_request.h"
#include "errors.h"
#include "validate.h"
#include "json_read.h"

/* An item or key of the request, validated, in the stored form */
Jsonb *
dialect_item_in(ItemDialect d, Jsonb *item)
{
	return d.plain ? item_from_plain(item, d.escaped) : item_from_typed(item, d.escaped);
}

/* A stored item in the response's dialect */
Jsonb *
dialect_item_out(ItemDialect d, Jsonb *stored)
{
	return d.plain ? item_to_plain(stored, d.escaped) : item_to_typed(stored, d.escaped);
}

/*
 * The expression members of one request object (a Put, a table's
 * KeysAndAttributes); ExpressionAttributeValues in the request's dialect.
 */
void
dialect_expr_params(ItemDialect d, Jsonb *obj, ExprParams *p)
{
	Jsonb	   *values;

	if (!d.plain)
	{
		expr_params_from_request(obj, d.escaped, p);
		return;
	}
	/* read the other members as execute() does, the values as plain JSON */
	values = req_object(obj, "ExpressionAttributeValues");
	if (values)
		obj = DatumGetJsonbP(DirectFunctionCall2(jsonb_delete, JsonbPGetDatum(obj),
												 CStringGetTextDatum("ExpressionAttributeValues")));
	expr_params_from_request(obj, d.escaped, p);
	p->values = values ? item_from_plain(values, d.escaped) : NULL;
}

/* Order of targets: by table name (bytes), then partition and sort key */
int
item_target_compare(const ItemTarget *a, const ItemTarget *b)
{
	int			c = strcmp(a->table->table_name, b->table->table_name);

	for (int i = 0; c == 0 && i < a->key.nkeys; i++)
		c = attr_compare(unconstify(JsonbValue *, &a->key.attrs[i]),
						 unconstify(JsonbValue *, &b->key.attrs[i]));
	return c;
}

static int
target_ptr_compare(const void *a, const void *b)
{
	return item_target_compare(*(ItemTarget *const *) a, *(ItemTarget *const *) b);
}

/*
 * The targets in lock order: writers that lock items in one order cannot
 * deadlock on each other.
 */
ItemTarget **
item_targets_sorted(ItemTarget **targets, int n)
{
	ItemTarget **sorted = palloc(sizeof(ItemTarget *) * Max(n, 1));

	memcpy(sorted, targets, sizeof(ItemTarget *) * n);
	qsort(sorted, n, sizeof(ItemTarget *), target_ptr_compare);
	return sorted;
}

/* Whether sorted targets name one item twice */
bool
item_targets_have_duplicates(ItemTarget **sorted, int n)
{
	for (int i = 1; i < n; i++)
		if (item_target_compare(sorted[i - 1], sorted[i]) == 0)
			return true;
	return false;
}

/*
 * Whether a stored Item (in_item) or Key map has the table's key attributes
 * with their declared types: NULL when it does, else the message DynamoDB
 * gives for it.  (Empty or oversized key values are left to item_key.c.)
 */
const char *
key_schema_mismatch(DynamoTable *t, Jsonb *map, bool in_item)
{
	const DynamoKeyAttr *attrs[2] = {&t->partition_key, &t->sort_key};
	int			nkeys = dynamo_table_has_sort_key(t) ? 2 : 1;

	if (!in_item && JB_ROOT_COUNT(map) != nkeys)
		return "The provided key element does not match the schema";
	for (int i = 0; i < nkeys; i++)
	{
		JsonbValue	v;
		DynamoType	actual;

		if (!getKeyJsonValueFromContainer(&map->root, attrs[i]->name,
										  strlen(attrs[i]->name), &v))
			return in_item ? psprintf(DYN_INVALID_PARAMS "Missing the key %s in the item", attrs[i]->name)
				: "The provided key element does not match the schema";
		actual = attr_type(&v, NULL);
		if (actual != attrs[i]->type)
			return in_item ? psprintf(DYN_INVALID_PARAMS "Type mismatch for key %s expected: %s actual: %s",
									  attrs[i]->name, DynamoTypeNames[attrs[i]->type],
									  DynamoTypeNames[actual])
				: "The provided key element does not match the schema";
	}
	return NULL;
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

/* Element i of a JSON array */
JsonbValue *
list_element(Jsonb *list, int i)
{
	return getIthJsonbValueFromContainer(&list->root, i);
}

/*
 * Element i of a JSON array, which must be an object.  path names the list
 * in DynamoDB's validation messages.
 */
Jsonb *
element_object(Jsonb *list, int i, const char *path)
{
	JsonbValue *v = list_element(list, i);
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

/*
 * Whether a table name keys a RequestItems map validly (3 to 255 characters
 * of [a-zA-Z0-9_.-]); the map's message differs from TableName's.
 */
bool
table_name_valid(const char *name)
{
	size_t		len = strlen(name);

	if (len < 3 || len > DYNAMO_MAX_TABLE_NAME)
		return false;
	return strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-") == len;
}
