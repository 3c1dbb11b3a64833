/*
 * item_key.c
 *		Primary keys of items: extraction, DynamoDB's checks, SQL datums.
 */
#include "postgres.h"

#include "utils/builtins.h"

#include "errors.h"
#include "storage.h"
#include "json_build.h"
#include "nul_escape.h"

/* Column datum of a stored key value: text (escaped), numeric or bytea */
Datum
key_datum(DynamoType type, JsonbValue *v)
{
	switch (type)
	{
		case DT_S:
			return PointerGetDatum(cstring_to_text_with_len(v->val.string.val, v->val.string.len));
		case DT_N:
			return NumericGetDatum(v->val.numeric);
		default:
			return PointerGetDatum(attr_binary_bytes(v));
	}
}

/* Stored value of a key column datum */
JsonbValue *
key_value(DynamoType type, Datum d)
{
	JsonbValue *v;

	if (type == DT_B)
	{
		bytea	   *b = DatumGetByteaPP(d);

		return attr_binary_value(VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b));
	}
	v = palloc(sizeof(JsonbValue));
	if (type == DT_N)
	{
		v->type = jbvNumeric;
		v->val.numeric = DatumGetNumeric(d);
	}
	else
	{
		text	   *s = DatumGetTextPP(d);

		v->type = jbvString;
		v->val.string.val = VARDATA_ANY(s);
		v->val.string.len = VARSIZE_ANY_EXHDR(s);
	}
	return v;
}

/*
 * Check one key attribute's value: the declared type, not empty, within the
 * size limit.  in_item selects the messages of an Item (PutItem) over those
 * of a Key (GetItem, DeleteItem, UpdateItem); listed words an empty value as
 * in an Item, as DynamoDB does for the keys of batches and transactions.
 */
void
key_check_value(const DynamoKeyAttr *attr, JsonbValue *v, bool sort_key, bool in_item,
				bool listed)
{
	DynamoType	actual = attr_type(v, NULL);
	int64		size;

	if (actual != attr->type)
	{
		if (in_item)
			dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Type mismatch for key %s expected: %s actual: %s",
						 attr->name, DynamoTypeNames[attr->type], DynamoTypeNames[actual]);
		dynamo_error(DYN_VALIDATION, "The provided key element does not match the schema");
	}
	size = attr_size(v);
	if (size == 0 && actual != DT_N)
		dynamo_error(DYN_VALIDATION,
					 "%sThe AttributeValue for a key attribute cannot contain an empty %s value. Key: %s",
					 in_item || listed ? "One or more parameter values are not valid. " : DYN_INVALID_PARAMS,
					 actual == DT_S ? "string" : "binary", attr->name);
	if (!sort_key && size > DYNAMO_MAX_PARTITION_KEY)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Size of hashkey has exceeded the maximum size limit of2048 bytes");
	if (sort_key && size > DYNAMO_MAX_SORT_KEY)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
}

/* Find a top-level attribute of a stored item */
static bool
find_attr(Jsonb *item, const char *name, JsonbValue *out)
{
	JsonbValue *v = getKeyJsonValueFromContainer(&item->root, name, strlen(name), out);

	return v != NULL;
}

/* Fill key slot i from attribute attr of the item */
static void
key_slot(ItemKey *key, int i, const DynamoKeyAttr *attr)
{
	key->values[i] = key_datum(attr->type, &key->attrs[i]);
}

/*
 * Key of an item being written (PutItem): both key attributes present with
 * the declared types.
 */
void
item_key_from_item(DynamoTable *t, Jsonb *item, ItemKey *key)
{
	const DynamoKeyAttr *attrs[2] = {&t->partition_key, &t->sort_key};

	key->nkeys = dynamo_table_has_sort_key(t) ? 2 : 1;
	for (int i = 0; i < key->nkeys; i++)
	{
		if (!find_attr(item, attrs[i]->name, &key->attrs[i]))
			dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Missing the key %s in the item",
						 attrs[i]->name);
		key_check_value(attrs[i], &key->attrs[i], i == 1, true, false);
		key_slot(key, i, attrs[i]);
	}
}

/* Key from a Key map: exactly the key attributes, of the declared types */
static void
key_from_key_map(DynamoTable *t, Jsonb *key_map, ItemKey *key, bool listed)
{
	const DynamoKeyAttr *attrs[2] = {&t->partition_key, &t->sort_key};

	key->nkeys = dynamo_table_has_sort_key(t) ? 2 : 1;
	if (!JB_ROOT_IS_OBJECT(key_map) || JB_ROOT_COUNT(key_map) != key->nkeys)
		dynamo_error(DYN_VALIDATION, "The provided key element does not match the schema");
	for (int i = 0; i < key->nkeys; i++)
	{
		if (!find_attr(key_map, attrs[i]->name, &key->attrs[i]))
			dynamo_error(DYN_VALIDATION, "The provided key element does not match the schema");
		key_check_value(attrs[i], &key->attrs[i], i == 1, false, listed);
		key_slot(key, i, attrs[i]);
	}
}

/* Key from a Key map (GetItem, DeleteItem, UpdateItem) */
void
item_key_from_key(DynamoTable *t, Jsonb *key_map, ItemKey *key)
{
	key_from_key_map(t, key_map, key, false);
}

/*
 * Key from a Key map of a batch or a transaction (BatchGetItem's Keys, a
 * DeleteRequest, a transaction's Get, Update, Delete or ConditionCheck)
 */
void
item_key_from_listed_key(DynamoTable *t, Jsonb *key_map, ItemKey *key)
{
	key_from_key_map(t, key_map, key, true);
}

/* An item holding just its key attributes (where a missing item starts) */
Jsonb *
item_key_only_item(DynamoTable *t, ItemKey *key)
{
	JsonbParseState *st = NULL;
	const DynamoKeyAttr *attrs[2] = {&t->partition_key, &t->sort_key};

	jb_begin_object(&st, NULL);
	for (int i = 0; i < key->nkeys; i++)
	{
		JsonbValue	k;

		k.type = jbvString;
		k.val.string.val = attrs[i]->name;
		k.val.string.len = strlen(attrs[i]->name);
		(void) pushJsonbValue(&st, WJB_KEY, &k);
		(void) pushJsonbValue(&st, WJB_VALUE, &key->attrs[i]);
	}
	return jb_finish(&st);
}
