/*
 * index_write.c
 *		Writes to a table with secondary indexes: an item's index key
 *		attributes must have their declared types and not be empty, as
 *		DynamoDB checks them (the item table's CHECK constraints hold the
 *		same rule for plain SQL writes).
 */
#include "postgres.h"

#include "attr_value.h"
#include "capacity.h"
#include "errors.h"
#include "indexes.h"
#include "storage.h"

/*
 * Largest sum of the key attributes of an index entry (index keys and
 * table keys) taken without measuring: a B-tree entry holds at most 2704
 * bytes, and a key that does not compress takes its full size.
 */
#define INDEX_ENTRY_MAX_KEY_BYTES 2600

/*
 * Check one index key attribute of an item, if the item has it; returns its
 * size (-1 when the item has none).
 */
static int64
check_key_attr(DynamoIndex *ix, const DynamoKeyAttr *attr, bool sort_key, Jsonb *item)
{
	JsonbValue	v;
	DynamoType	actual;
	int64		size;

	if (getKeyJsonValueFromContainer(&item->root, attr->name, strlen(attr->name), &v) == NULL)
		return -1;
	actual = attr_type(&v, NULL);
	if (actual != attr->type)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Type mismatch for Index Key %s Expected: %s Actual: %s IndexName: %s",
					 attr->name, DynamoTypeNames[attr->type], DynamoTypeNames[actual], ix->name);
	size = attr_size(&v);
	if (actual != DT_N && size == 0)
		dynamo_error(DYN_VALIDATION,
					 "One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty %s value. IndexName: %s, IndexKey: %s",
					 actual == DT_S ? "string" : "binary", ix->name, attr->name);
	if (!sort_key && size > DYNAMO_MAX_PARTITION_KEY)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Size of hashkey has exceeded the maximum size limit of2048 bytes");
	if (sort_key && size > DYNAMO_MAX_SORT_KEY)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
	return size;
}

/*
 * Refuse an updated item whose index key attributes have another type than
 * declared: a type the request alone did not decide (expr_update_check_index_keys
 * reports those), so DynamoDB's message names no attribute.
 */
void
index_check_update_types(DynamoTable *t, Jsonb *item)
{
	for (int i = 0; i < t->nindexes; i++)
	{
		DynamoIndex *ix = &t->indexes[i];

		for (int k = 0; k < ix->key.nkeys; k++)
		{
			const DynamoKeyAttr *attr = &ix->key.keys[k];
			JsonbValue	v;

			if (getKeyJsonValueFromContainer(&item->root, attr->name, strlen(attr->name), &v) &&
				attr_type(&v, NULL) != attr->type)
				dynamo_error(DYN_VALIDATION,
							 "The update expression attempted to update the secondary index key to unsupported type");
		}
	}
}

/*
 * The key attributes of a table's secondary indexes that are not keys of
 * the table, each once with the first index naming it; returns how many
 */
int
index_key_attrs(DynamoTable *t, ExprIndexKey **out)
{
	ExprIndexKey *keys = palloc(sizeof(ExprIndexKey) * Max(t->nindexes * INDEX_MAX_KEY_ATTRS * 2, 1));
	int			n = 0;

	for (int i = 0; i < t->nindexes; i++)
	{
		DynamoIndex *ix = &t->indexes[i];

		for (int k = 0; k < ix->key.nkeys; k++)
		{
			const DynamoKeyAttr *attr = &ix->key.keys[k];
			bool		seen = strcmp(attr->name, t->partition_key.name) == 0 ||
				(t->sort_key.name && strcmp(attr->name, t->sort_key.name) == 0);

			for (int j = 0; j < n && !seen; j++)
				seen = strcmp(keys[j].name, attr->name) == 0;
			if (seen)
				continue;
			keys[n].name = attr->name;
			keys[n].type = attr->type;
			keys[n++].index = ix->name;
		}
	}
	*out = keys;
	return n;
}

/* Size of the key attributes of an item's entry in an index */
static int64
entry_size(DynamoIndex *ix, Jsonb *item)
{
	int64		size = 0;

	for (int i = 0; i < ix->ncols; i++)
	{
		JsonbValue	v;

		if (getKeyJsonValueFromContainer(&item->root, ix->cols[i].attr->name,
										 strlen(ix->cols[i].attr->name), &v) != NULL)
			size += attr_size(&v);
	}
	return size;
}

/*
 * Refuse an item (of key) whose index key attributes break DynamoDB's
 * rules, or that would take its item collection past the limit.
 */
void
index_check_item(DynamoTable *t, ItemKey *key, Jsonb *item)
{
	for (int i = 0; i < t->nindexes; i++)
	{
		DynamoIndex *ix = &t->indexes[i];
		bool		in_index = true;
		int64		range_size = 0;

		for (int k = 0; k < ix->key.nkeys; k++)
		{
			int64		size = check_key_attr(ix, &ix->key.keys[k], k >= ix->key.nhash, item);

			in_index &= size >= 0;
			range_size += k >= ix->key.nhash ? Max(size, 0) : 0;
		}
		if (range_size > DYNAMO_MAX_SORT_KEY)
			dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Aggregated size of all range keys has exceeded the size limit of 1024 bytes");

		/* what PostgreSQL cannot index is refused here, not by a raw error */
		if (in_index && entry_size(ix, item) > INDEX_ENTRY_MAX_KEY_BYTES)
			dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "The index and table key attributes of the item together exceed the %d bytes an entry of index %s can hold",
						 INDEX_ENTRY_MAX_KEY_BYTES, ix->name);
	}
	index_collection_check(t, key, item);
}

/* Whether name is a key attribute of index ix itself (not the table's) */
static bool
is_index_key(DynamoIndex *ix, const char *name)
{
	for (int k = 0; k < ix->key.nkeys; k++)
		if (strcmp(ix->key.keys[k].name, name) == 0)
			return true;
	return false;
}

/* Whether index ix projects attribute name */
static bool
is_projected(DynamoIndex *ix, DynamoTable *t, const char *name)
{
	if (ix->projection == PROJECT_ALL || index_is_key_attr(ix, t, name))
		return true;
	for (int i = 0; i < ix->nnon_key; i++)
		if (strcmp(ix->non_key[i], name) == 0)
			return true;
	return false;
}

/*
 * The attributes of item in its entry of index ix (keys_only: the index's
 * own key attributes); NULL when the item has no entry (a key attribute
 * missing).
 */
static Jsonb *
index_entry(DynamoIndex *ix, DynamoTable *t, Jsonb *item, bool keys_only)
{
	JsonbParseState *st = NULL;
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;

	if (item == NULL)
		return NULL;
	for (int k = 0; k < ix->key.nkeys; k++)
		if (getKeyJsonValueFromContainer(&item->root, ix->key.keys[k].name,
										 strlen(ix->key.keys[k].name), &v) == NULL)
			return NULL;
	pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	it = JsonbIteratorInit(&item->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		char	   *name;
		JsonbValue	value;

		if (tok != WJB_KEY)
			continue;
		name = pnstrdup(v.val.string.val, v.val.string.len);
		tok = JsonbIteratorNext(&it, &value, true);
		if (keys_only ? !is_index_key(ix, name) : !is_projected(ix, t, name))
			continue;
		pushJsonbValue(&st, WJB_KEY, &v);
		pushJsonbValue(&st, WJB_VALUE, &value);
	}
	return JsonbValueToJsonb(pushJsonbValue(&st, WJB_END_OBJECT, NULL));
}

/* Whether two entries (or two absent entries) are equal */
static bool
same_entry(Jsonb *a, Jsonb *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return compareJsonbContainers(&a->root, &b->root) == 0;
}

/*
 * Write units a write (old item replaced by new; NULL: none) costs each
 * index of t, as DynamoDB charges a GSI: one write of the projected entry
 * when the item enters the index or its projected attributes change, one
 * delete of the old entry when it leaves the index or its index key
 * changes, nothing when the entry is unchanged.  units has t->nindexes
 * slots.
 */
void
index_write_units(DynamoTable *t, Jsonb *old, Jsonb *new, double *units)
{
	for (int i = 0; i < t->nindexes; i++)
	{
		DynamoIndex *ix = &t->indexes[i];
		Jsonb	   *old_entry = index_entry(ix, t, old, false);
		Jsonb	   *new_entry = index_entry(ix, t, new, false);
		bool		key_changed = !same_entry(index_entry(ix, t, old, true),
											  index_entry(ix, t, new, true));

		units[i] = 0;
		if (same_entry(old_entry, new_entry))
			continue;
		if (old_entry && (new_entry == NULL || key_changed))
			units[i] += capacity_units(item_size(old_entry), true, true);
		if (new_entry)
			units[i] += capacity_units(item_size(new_entry), true, true);
	}
}
