/*
 * batch_request.c
 *		What batch and transactional operations share: request dialects,
 *		item targets and their order.
 */
#include "postgres.h"

#include "batch.h"
#include "errors.h"
#include "validate.h"

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
