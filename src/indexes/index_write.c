/*
 * index_write.c
 *		Writes to a table with secondary indexes: an item's index key
 *		attributes must have their declared types and not be empty, as
 *		DynamoDB checks them (the item table's CHECK constraints hold the
 *		same rule for plain SQL writes).
 */
#include "postgres.h"

#include "errors.h"
#include "index_catalog.h"
#include "index_collection.h"
#include "index_write.h"

/* Check one index key attribute of an item, if the item has it */
static void
check_key_attr(DynamoIndex *ix, const DynamoKeyAttr *attr, Jsonb *item)
{
	JsonbValue	v;
	DynamoType	actual;

	if (attr->name == NULL ||
		getKeyJsonValueFromContainer(&item->root, attr->name, strlen(attr->name), &v) == NULL)
		return;
	actual = attr_type(&v, NULL);
	if (actual != attr->type)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Type mismatch for Index Key %s Expected: %s Actual: %s IndexName: %s",
					 attr->name, DynamoTypeNames[attr->type], DynamoTypeNames[actual], ix->name);
	if (actual != DT_N && attr_size(&v) == 0)
		dynamo_error(DYN_VALIDATION,
					 "One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty %s value. IndexName: %s, IndexKey: %s",
					 actual == DT_S ? "string" : "binary", ix->name, attr->name);
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
		check_key_attr(&t->indexes[i], &t->indexes[i].partition_key, item);
		check_key_attr(&t->indexes[i], &t->indexes[i].sort_key, item);
	}
	index_collection_check(t, key, item);
}
