/*
 * execute_tables.c
 *		execute()'s table operations: DynamoDB's request and response shapes
 *		for CreateTable, DeleteTable, DescribeTable and ListTables.
 */
#include "postgres.h"

#include "errors.h"
#include "execute.h"
#include "json_read.h"
#include "json_build.h"
#include "streams.h"
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

/* Names of AttributeDefinitions, each checked, none defined twice */
static StringInfo
check_definitions(Jsonb *defs)
{
	StringInfo	names = makeStringInfo();
	int			n = JB_ROOT_COUNT(defs);
	char	  **seen = palloc0(sizeof(char *) * Max(n, 1));

	for (int i = 0; i < n; i++)
	{
		seen[i] = element_string(getIthJsonbValueFromContainer(&defs->root, i), "AttributeName",
								 psprintf("attributeDefinitions.%d.member.attributeName", i + 1));
		for (int j = 0; j < i; j++)
			if (strcmp(seen[j], seen[i]) == 0)
				dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Duplicate AttributeName in AttributeDefinitions: %s",
							 seen[i]);
		appendStringInfo(names, "%s%s", i ? ", " : "", seen[i]);
	}
	return names;
}

/* Type of a key attribute from AttributeDefinitions */
static DynamoType
defined_type(Jsonb *defs, CreateTableRequest *ct, const char *name)
{
	int			n = JB_ROOT_COUNT(defs);

	for (int i = 0; i < n; i++)
	{
		JsonbValue *d = getIthJsonbValueFromContainer(&defs->root, i);
		char	   *param = psprintf("attributeDefinitions.%d.member.attributeType", i + 1);
		char	   *dname = element_string(d, "AttributeName",
										   psprintf("attributeDefinitions.%d.member.attributeName", i + 1));
		char	   *dtype = element_string(d, "AttributeType", param);
		DynamoType	t;

		if (!dynamo_type_from_name(dtype, strlen(dtype), &t) || (t != DT_S && t != DT_N && t != DT_B))
			dynamo_error(DYN_VALIDATION,
						 "1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]",
						 dtype, param);
		if (strcmp(dname, name) == 0)
			return t;
	}
	dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Some index key attributes are not defined in AttributeDefinitions. Keys: [%s%s%s], AttributeDefinitions: [%s]",
				 ct->partition_key.name, ct->sort_key.name ? ", " : "",
				 ct->sort_key.name ? ct->sort_key.name : "", check_definitions(defs)->data);
}

/*
 * BillingMode: PROVISIONED (the default) needs ProvisionedThroughput,
 * PAY_PER_REQUEST refuses it.  Either way pg_dynamo has no capacity to
 * provision; the request is checked as DynamoDB checks it.
 */
static void
check_billing_mode(Jsonb *req)
{
	char	   *mode = req_string(req, "BillingMode");
	bool		throughput = req_member(req, "ProvisionedThroughput") != NULL;

	if (mode && strcmp(mode, "PROVISIONED") != 0 && strcmp(mode, "PAY_PER_REQUEST") != 0)
		dynamo_error(DYN_VALIDATION,
					 "1 validation error detected: Value '%s' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]",
					 mode);
	if ((mode == NULL || strcmp(mode, "PROVISIONED") == 0) && !throughput)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
	if (mode && strcmp(mode, "PAY_PER_REQUEST") == 0 && throughput)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
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
	char	   *types[2];
	JsonbParseState *st = NULL;
	int			nkeys;

	ct.table_name = req_string(req, "TableName");
	dynamo_check_table_op_name(ct.table_name);
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

	check_definitions(defs);
	for (int i = 0; i < nkeys; i++)
	{
		JsonbValue *e = getIthJsonbValueFromContainer(&schema->root, i);
		char	   *param = psprintf("keySchema.%d.member.keyType", i + 1);
		char	   *name = element_string(e, "AttributeName",
										  psprintf("keySchema.%d.member.attributeName", i + 1));

		types[i] = element_string(e, "KeyType", param);
		if (strcmp(types[i], "HASH") != 0 && strcmp(types[i], "RANGE") != 0)
			dynamo_error(DYN_VALIDATION,
						 "1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: Member must satisfy enum value set: [HASH, RANGE]",
						 types[i], param);
		dynamo_check_key_attr_name(name, i + 1);
		if (i == 0)
			ct.partition_key.name = name;
		else
			ct.sort_key.name = name;
	}
	if ((int) JB_ROOT_COUNT(defs) < nkeys)
		dynamo_error(DYN_VALIDATION, "Invalid KeySchema: Some index key attribute have no definition");
	if (nkeys == 2 && strcmp(ct.partition_key.name, ct.sort_key.name) == 0)
		dynamo_error(DYN_VALIDATION, "Both the Hash Key and the Range Key element in the KeySchema have the same name");
	if (strcmp(types[0], "HASH") != 0)
		dynamo_error(DYN_VALIDATION, "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
	if (nkeys == 2 && strcmp(types[1], "RANGE") != 0)
		dynamo_error(DYN_VALIDATION, "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
	ct.partition_key.type = defined_type(defs, &ct, ct.partition_key.name);
	if (ct.sort_key.name)
		ct.sort_key.type = defined_type(defs, &ct, ct.sort_key.name);
	if ((int) JB_ROOT_COUNT(defs) != nkeys)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
	check_billing_mode(req);
	ct.stream_view_type = stream_check_specification(req_object(req, "StreamSpecification"), false, NULL);

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
	jb_jsonb(&st, "TableDescription", dynamo_delete_table(req_string(req, "TableName")));
	return jb_finish(&st);
}

/* DescribeTable */
Jsonb *
exec_describe_table(Jsonb *req, bool escaped)
{
	JsonbParseState *st = NULL;

	jb_begin_object(&st, NULL);
	jb_jsonb(&st, "Table", dynamo_describe_table(req_string(req, "TableName")));
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
