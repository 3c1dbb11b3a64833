/*
 * execute_tables.c
 *		execute()'s table operations: DynamoDB's request and response shapes
 *		for CreateTable, DeleteTable, DescribeTable and ListTables.
 */
#include "postgres.h"

#include "errors.h"
#include "execute.h"
#include "json_io.h"
#include "table_ops.h"

#define LIST_TABLES_MAX 100

/* Complain that a required member is missing */
static void
require(const void *member, const char *param)
{
	if (member == NULL)
		dynamo_error(DYN_VALIDATION,
					 "1 validation error detected: Value null at '%s' failed to satisfy constraint: Member must not be null",
					 param);
}

/* A string member of an array element (KeySchema, AttributeDefinitions) */
static char *
element_string(JsonbValue *elem, const char *member, const char *param)
{
	Jsonb	   *obj;
	char	   *s;

	if (elem->type != jbvBinary || !JsonContainerIsObject(elem->val.binary.data))
		dynamo_error(DYN_SERIALIZATION, "%s can not be converted to Structure",
					 jsonb_value_kind(elem));
	obj = jsonb_of_container(elem);
	s = req_string(obj, member);
	require(s, param);
	return s;
}

/* Type of a key attribute from AttributeDefinitions */
static DynamoType
defined_type(Jsonb *defs, const char *name, StringInfo def_names, StringInfo key_names)
{
	int			n = JB_ROOT_COUNT(defs);

	for (int i = 0; i < n; i++)
	{
		JsonbValue *d = getIthJsonbValueFromContainer(&defs->root, i);
		char	   *param = psprintf("attributeDefinitions.%d.member.attributeType", i + 1);
		char	   *dname = element_string(d, "AttributeName", "attributeDefinitions.member.attributeName");
		char	   *dtype = element_string(d, "AttributeType", param);
		DynamoType	t;

		if (!dynamo_type_from_name(dtype, strlen(dtype), &t) || (t != DT_S && t != DT_N && t != DT_B))
			dynamo_error(DYN_VALIDATION,
						 "1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]",
						 dtype, param);
		if (strcmp(dname, name) == 0)
			return t;
	}
	dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Some index key attributes are not defined in AttributeDefinitions. Keys: [%s], AttributeDefinitions: [%s]",
				 key_names->data, def_names->data);
}

/*
 * CreateTable: KeySchema (HASH, then optional RANGE) and AttributeDefinitions
 * defining exactly the key attributes.
 */
Jsonb *
exec_create_table(Jsonb *req, bool escaped)
{
	CreateTableRequest ct = {0};
	Jsonb	   *schema,
			   *defs;
	StringInfoData def_names,
				key_names;
	JsonbParseState *st = NULL;
	int			nkeys;

	ct.table_name = exec_table_name(req);
	schema = req_array(req, "KeySchema");
	require(schema, "keySchema");
	defs = req_array(req, "AttributeDefinitions");
	require(defs, "attributeDefinitions");
	if (req_member(req, "GlobalSecondaryIndexes") || req_member(req, "LocalSecondaryIndexes"))
		dynamo_error(DYN_VALIDATION, "Secondary indexes are not supported by this version of pg_dynamo");

	nkeys = JB_ROOT_COUNT(schema);
	if (nkeys < 1 || nkeys > 2)
		dynamo_error(DYN_VALIDATION,
					 "1 validation error detected: Value '%s' at 'keySchema' failed to satisfy constraint: Member must have length %s",
					 JsonbToCString(NULL, &schema->root, VARSIZE(schema)),
					 nkeys < 1 ? "greater than or equal to 1" : "less than or equal to 2");

	initStringInfo(&def_names);
	for (int i = 0; i < (int) JB_ROOT_COUNT(defs); i++)
		appendStringInfo(&def_names, "%s%s", i ? ", " : "",
						 element_string(getIthJsonbValueFromContainer(&defs->root, i),
										"AttributeName", "attributeDefinitions.member.attributeName"));
	initStringInfo(&key_names);
	for (int i = 0; i < nkeys; i++)
	{
		JsonbValue *e = getIthJsonbValueFromContainer(&schema->root, i);
		char	   *param = psprintf("keySchema.%d.member.keyType", i + 1);
		char	   *name = element_string(e, "AttributeName", "keySchema.member.attributeName");
		char	   *type = element_string(e, "KeyType", param);

		if (strcmp(type, "HASH") != 0 && strcmp(type, "RANGE") != 0)
			dynamo_error(DYN_VALIDATION,
						 "1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: Member must satisfy enum value set: [HASH, RANGE]",
						 type, param);
		if (i == 0 && strcmp(type, "HASH") != 0)
			dynamo_error(DYN_VALIDATION, "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
		if (i == 1 && strcmp(type, "RANGE") != 0)
			dynamo_error(DYN_VALIDATION, "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
		appendStringInfo(&key_names, "%s%s", i ? ", " : "", name);
		dynamo_check_key_attr_name(name);
		if (i == 0)
			ct.partition_key.name = name;
		else
			ct.sort_key.name = name;
	}
	ct.partition_key.type = defined_type(defs, ct.partition_key.name, &def_names, &key_names);
	if (ct.sort_key.name)
		ct.sort_key.type = defined_type(defs, ct.sort_key.name, &def_names, &key_names);
	if ((int) JB_ROOT_COUNT(defs) != nkeys)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");

	jb_begin_object(&st, NULL);
	jb_jsonb(&st, "TableDescription", dynamo_create_table(&ct));
	return jb_finish(&st);
}

/* DeleteTable: the table's last description */
Jsonb *
exec_delete_table(Jsonb *req, bool escaped)
{
	JsonbParseState *st = NULL;

	jb_begin_object(&st, NULL);
	jb_jsonb(&st, "TableDescription", dynamo_delete_table(exec_table_name(req)));
	return jb_finish(&st);
}

/* DescribeTable */
Jsonb *
exec_describe_table(Jsonb *req, bool escaped)
{
	JsonbParseState *st = NULL;

	jb_begin_object(&st, NULL);
	jb_jsonb(&st, "Table", dynamo_describe_table(exec_table_name(req)));
	return jb_finish(&st);
}

/* ListTables: a page of names, with LastEvaluatedTableName if more remain */
Jsonb *
exec_list_tables(Jsonb *req, bool escaped)
{
	int64		limit = LIST_TABLES_MAX;
	char	   *start = req_string(req, "ExclusiveStartTableName");
	bool		more;
	List	   *names;
	ListCell   *lc;
	JsonbParseState *st = NULL;

	if (req_int(req, "Limit", &limit) && (limit < 1 || limit > LIST_TABLES_MAX))
		dynamo_error(DYN_VALIDATION,
					 "1 validation error detected: Value '%lld' at 'limit' failed to satisfy constraint: Member must have value %s",
					 (long long) limit, limit < 1 ? "greater than or equal to 1" : "less than or equal to 100");
	if (start)
		dynamo_check_table_name(start, "exclusiveStartTableName");
	names = dynamo_list_tables(start, (int) limit, &more);

	jb_begin_object(&st, NULL);
	jb_begin_array(&st, "TableNames");
	foreach(lc, names)
		jb_string(&st, NULL, lfirst(lc));
	jb_end_array(&st);
	if (more)
		jb_string(&st, "LastEvaluatedTableName", llast(names));
	return jb_finish(&st);
}
