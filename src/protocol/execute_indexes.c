/*
 * execute_indexes.c
 *		DynamoDB's shapes of secondary index definitions: the
 *		GlobalSecondaryIndexes and LocalSecondaryIndexes of CreateTable and
 *		the Create actions of UpdateTable's GlobalSecondaryIndexUpdates,
 *		checked in DynamoDB's order and with its messages.
 */
#include "postgres.h"

#include "lib/stringinfo.h"

#include "errors.h"
#include "protocol.h"
#include "indexes.h"
#include "json_read.h"
#include "validate.h"

/* A required member of an index definition */
static void *
index_member(void *v, const char *path, const char *member)
{
	validate_not_null(NULL, v, psprintf("%s.%s", path, member));
	return v;
}

/* An element of a list member that must be a structure */
static Jsonb *
structure_element(Jsonb *list, int i)
{
	JsonbValue *e = getIthJsonbValueFromContainer(&list->root, i);

	if (e->type != jbvBinary || !JsonContainerIsObject(e->val.binary.data))
		dynamo_kind_error(e, "Structure");
	return jsonb_of_container(e);
}

/* The type AttributeDefinitions gives a name; false if it gives none */
static bool
defined_attr_type(Jsonb *defs, const char *name, DynamoType *type)
{
	for (int i = 0; defs && i < (int) JB_ROOT_COUNT(defs); i++)
	{
		Jsonb	   *d = structure_element(defs, i);
		char	   *n = req_string(d, "AttributeName");
		char	   *ty = req_string(d, "AttributeType");

		if (n && ty && strcmp(n, name) == 0)
			return dynamo_type_from_name(ty, strlen(ty), type);
	}
	return false;
}

/* "a, b" of the AttributeNames of AttributeDefinitions */
static char *
defined_names(Jsonb *defs)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (int i = 0; defs && i < (int) JB_ROOT_COUNT(defs); i++)
		appendStringInfo(&buf, "%s%s", i ? ", " : "",
						 req_string(structure_element(defs, i), "AttributeName"));
	return buf.data;
}

/* "a, b" of the names of a key schema */
static char *
key_names(IndexKeys *k)
{
	StringInfoData buf;

	initStringInfo(&buf);
	for (int i = 0; i < k->nkeys; i++)
		appendStringInfo(&buf, "%s%s", i ? ", " : "", k->keys[i].name);
	return buf.data;
}

/*
 * The KeySchema of an index definition: HASH, then optional RANGE; a GSI
 * may have up to four of each (multi-attribute keys), HASH ones first.
 */
static void
parse_index_keys(IndexDef *d, Jsonb *schema, Jsonb *defs, const char *path)
{
	int			n = JB_ROOT_COUNT(schema);
	int			max = d->local ? 2 : 2 * INDEX_MAX_KEY_ATTRS;
	char	   *types[2 * INDEX_MAX_KEY_ATTRS] = {0};
	IndexKeys  *k = &d->key;
	bool		missing = false;

	validate_length(NULL, JsonbToCString(NULL, &schema->root, VARSIZE(schema)), n, 1, max,
					psprintf("%s.keySchema", path));
	k->nkeys = n;
	k->nhash = 0;
	for (int i = 0; i < n; i++)
	{
		Jsonb	   *e = structure_element(schema, i);
		char	   *p = psprintf("%s.keySchema.%d.member", path, i + 1);

		k->keys[i].name = index_member(req_string(e, "AttributeName"), p, "attributeName");
		types[i] = index_member(req_string(e, "KeyType"), p, "keyType");
		validate_enum(NULL, types[i], psprintf("%s.keyType", p), "[HASH, RANGE]");
		if (types[i][0] == 'H')
			k->nhash++;
	}
	for (int i = 0; i < n; i++)
		missing |= !defined_attr_type(defs, k->keys[i].name, &k->keys[i].type);
	if (missing)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Some index key attributes are not defined in AttributeDefinitions. Keys: [%s], AttributeDefinitions: [%s]",
					 key_names(k), defined_names(defs));
	if (n == 2 && strcmp(k->keys[0].name, k->keys[1].name) == 0)
		dynamo_error(DYN_VALIDATION, "Both the Hash Key and the Range Key element in the KeySchema have the same name");
	if (strcmp(types[0], "HASH") != 0)
		dynamo_error(DYN_VALIDATION, "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
	if (d->local && n == 2 && strcmp(types[1], "RANGE") != 0)
		dynamo_error(DYN_VALIDATION, "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
	for (int i = 1; i < n; i++)
		if (types[i][0] == 'H' && types[i - 1][0] == 'R')
			dynamo_error(DYN_VALIDATION, "Invalid KeySchema: every HASH KeySchemaElement must precede the RANGE KeySchemaElements");
	if (k->nhash > INDEX_MAX_KEY_ATTRS || n - k->nhash > INDEX_MAX_KEY_ATTRS)
		dynamo_error(DYN_VALIDATION, "Invalid KeySchema: a key schema has at most %d HASH and %d RANGE KeySchemaElements",
					 INDEX_MAX_KEY_ATTRS, INDEX_MAX_KEY_ATTRS);
}

/* Projection: ProjectionType and, for INCLUDE, NonKeyAttributes */
static void
parse_projection(IndexDef *d, Jsonb *proj, const char *path)
{
	char	   *type = req_string(proj, "ProjectionType");
	Jsonb	   *non_key = req_array(proj, "NonKeyAttributes");
	int			i;

	if (type == NULL)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Unknown ProjectionType: null");
	for (i = 0; i < lengthof(IndexProjectionNames); i++)
		if (strcmp(type, IndexProjectionNames[i]) == 0)
			break;
	if (i == lengthof(IndexProjectionNames))
		validate_enum(NULL, type, psprintf("%s.projection.projectionType", path), INDEX_PROJECTION_SET);
	d->projection = (IndexProjection) i;
	if (non_key == NULL)
		return;
	validate_length(NULL, "[]", JB_ROOT_COUNT(non_key), 1, -1,
					psprintf("%s.projection.nonKeyAttributes", path));
	for (int k = 0; k < (int) JB_ROOT_COUNT(non_key); k++)
	{
		JsonbValue *v = getIthJsonbValueFromContainer(&non_key->root, k);
		char	   *name;
		ListCell   *lc;

		if (v->type != jbvString)
			dynamo_kind_error(v, "String");
		name = pnstrdup(v->val.string.val, v->val.string.len);
		validate_length(NULL, name, strlen(name), 1, 255,
						psprintf("%s.projection.nonKeyAttributes.%d.member", path, k + 1));
		foreach(lc, d->non_key)
			if (strcmp(lfirst(lc), name) == 0)
				dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Duplicate NonKeyAttributes in Projection: %s", name);
		d->non_key = lappend(d->non_key, name);
	}
}

/*
 * An LSI's key schema against the table's partition key (table_hash):
 * checked before its Projection, as DynamoDB does
 */
static void
check_local_keys(IndexDef *d, const char *table_hash)
{
	if (d->key.nkeys < 2)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Index KeySchema does not have a range key for index: %s",
					 d->name);
	if (strcmp(d->key.keys[0].name, table_hash) != 0)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Index KeySchema does not have the same leading hash key as table KeySchema for index: %s. index hash key: %s, table hash key: %s",
					 d->name, d->key.keys[0].name, table_hash);
}

/*
 * One index definition (an element of GlobalSecondaryIndexes or
 * LocalSecondaryIndexes, or an UpdateTable Create action).
 * pay_per_request: the table's BillingMode is PAY_PER_REQUEST (1) or
 * PROVISIONED (0), for the rule on ProvisionedThroughput; -1: unknown.
 * table_hash: the table's partition key, for an LSI's (NULL: not known).
 */
static IndexDef *
parse_index_def(Jsonb *e, bool local, const char *table_hash, Jsonb *defs, const char *path,
				int pay_per_request)
{
	IndexDef   *d = palloc0(sizeof(IndexDef));
	Jsonb	   *schema,
			   *proj;

	d->local = local;
	d->name = index_member(req_string(e, "IndexName"), path, "indexName");
	dynamo_check_table_name(d->name, psprintf("%s.indexName", path));
	schema = index_member(req_array(e, "KeySchema"), path, "keySchema");
	proj = index_member(req_object(e, "Projection"), path, "projection");
	d->has_throughput = req_member(e, "ProvisionedThroughput") != NULL;
	if (d->has_throughput && !local)
	{
		Jsonb	   *pt = req_object(e, "ProvisionedThroughput");

		if (pt)
		{
			(void) req_long(pt, "ReadCapacityUnits", &d->read_units);
			(void) req_long(pt, "WriteCapacityUnits", &d->write_units);
		}
	}
	parse_index_keys(d, schema, defs, path);
	if (local && table_hash)
		check_local_keys(d, table_hash);
	parse_projection(d, proj, path);
	if (d->non_key != NIL && d->projection != PROJECT_INCLUDE)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "ProjectionType is %s, but NonKeyAttributes is specified",
					 IndexProjectionNames[d->projection]);
	if (d->non_key == NIL && d->projection == PROJECT_INCLUDE)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
	if (!local && pay_per_request == 1 && d->has_throughput)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "ProvisionedThroughput should not be specified for index: %s when BillingMode is PAY_PER_REQUEST",
					 d->name);
	if (!local && pay_per_request == 0 && !d->has_throughput)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "ProvisionedThroughput must be specified for index: %s",
					 d->name);
	return d;
}

/* One index definition (see parse_index_def), an LSI's checked later */
IndexDef *
exec_parse_index_def(Jsonb *e, bool local, Jsonb *defs, const char *path, int pay_per_request)
{
	return parse_index_def(e, local, NULL, defs, path, pay_per_request);
}

/* The definitions of one list member (LSIs or GSIs) of a CreateTable */
static List *
parse_index_list(Jsonb *req, const char *member, bool local, Jsonb *defs, bool ppr,
				 CreateTableRequest *ct)
{
	Jsonb	   *list = req_array(req, member);
	List	   *result = NIL;
	const char *path = local ? "localSecondaryIndexes" : "globalSecondaryIndexes";

	if (list == NULL)
		return NIL;
	if (JB_ROOT_COUNT(list) == 0)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "List of %s is empty", member);
	if (local && ct->sort_key.name == NULL)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex");
	for (int i = 0; i < (int) JB_ROOT_COUNT(list); i++)
		result = lappend(result, parse_index_def(structure_element(list, i), local,
												 ct->partition_key.name, defs,
												 psprintf("%s.%d.member", path, i + 1), ppr));
	return result;
}

/* Is a name among the key attributes of a table and its index definitions? */
static bool
key_used(const char *name, CreateTableRequest *ct, List *indexes)
{
	ListCell   *lc;

	if (strcmp(name, ct->partition_key.name) == 0 ||
		(ct->sort_key.name && strcmp(name, ct->sort_key.name) == 0))
		return true;
	foreach(lc, indexes)
	{
		IndexDef   *d = lfirst(lc);

		for (int k = 0; k < d->key.nkeys; k++)
			if (strcmp(name, d->key.keys[k].name) == 0)
				return true;
	}
	return false;
}

/*
 * CreateTable's LocalSecondaryIndexes and GlobalSecondaryIndexes, checked;
 * AttributeDefinitions must then define exactly the attributes of all key
 * schemas.  NIL when the request has neither member.
 */
List *
exec_create_table_indexes(Jsonb *req, Jsonb *defs, CreateTableRequest *ct)
{
	char	   *mode = req_string(req, "BillingMode");
	bool		ppr = mode && strcmp(mode, "PAY_PER_REQUEST") == 0;
	List	   *indexes = list_concat(parse_index_list(req, "LocalSecondaryIndexes", true, defs, ppr, ct),
									  parse_index_list(req, "GlobalSecondaryIndexes", false, defs, ppr, ct));
	StringInfoData used;
	bool		unused = false;

	if (indexes == NIL)
		return NIL;
	index_check_defs(indexes, &ct->partition_key, &ct->sort_key, NULL);
	initStringInfo(&used);
	for (int i = 0; i < (int) JB_ROOT_COUNT(defs); i++)
	{
		char	   *name = req_string(structure_element(defs, i), "AttributeName");

		if (key_used(name, ct, indexes))
			appendStringInfo(&used, "%s%s", used.len ? ", " : "", name);
		else
			unused = true;
	}
	if (unused)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Some AttributeDefinitions are not used. AttributeDefinitions: [%s], keys used: [%s]",
					 defined_names(defs), used.data);
	return indexes;
}
