/*
 * execute_tables.c
 *		execute()'s table operations: DynamoDB's request and response shapes
 *		for CreateTable, DeleteTable, DescribeTable and ListTables.
 */
#include "postgres.h"

#include "errors.h"
#include "validate.h"
#include "protocol.h"
#include "json_read.h"
#include "json_build.h"
#include "streams.h"
#include "tables.h"

#define LIST_TABLES_MAX 100

/* A string member of an array element (KeySchema, AttributeDefinitions) */
static char *
element_string(JsonbValue *elem, const char *member, const char *param)
{
	Jsonb	   *obj;
	char	   *s;

	if (elem->type != jbvBinary || !JsonContainerIsObject(elem->val.binary.data))
		dynamo_kind_error(elem, "Structure");
	obj = jsonb_of_container(elem);
	s = req_string(obj, member);
	validate_not_null(NULL, s, param);
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

		validate_enum(NULL, dtype, param, "[B, N, S]");
		(void) dynamo_type_from_name(dtype, strlen(dtype), &t);
		if (strcmp(dname, name) == 0)
			return t;
	}
	dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Some index key attributes are not defined in AttributeDefinitions. Keys: [%s%s%s], AttributeDefinitions: [%s]",
				 ct->partition_key.name, ct->sort_key.name ? ", " : "",
				 ct->sort_key.name ? ct->sort_key.name : "", check_definitions(defs)->data);
}

/*
 * CreateTable: KeySchema (HASH, then optional RANGE) and AttributeDefinitions
 * defining exactly the key attributes.
 */
Jsonb *
exec_create_table(Jsonb *req, bool escaped)
{
	CreateTableRequest ct = {0};
	TableSettings settings;
	TableTags	tags;
	Jsonb	   *schema,
			   *defs;
	char	   *types[2];
	int			nkeys;
	RequestMembers m;

	/* the parameter constraints checked as the members are read */
	exec_read_members("CreateTable", req, &m);
	ct.table_name = req_value_string(request_member(&m, "TableName"));
	dynamo_check_table_op_name(ct.table_name);
	schema = req_value_array(request_member(&m, "KeySchema"));
	validate_not_null(NULL, schema, "keySchema");
	defs = req_value_array(request_member(&m, "AttributeDefinitions"));
	validate_not_null(NULL, defs, "attributeDefinitions");

	nkeys = JB_ROOT_COUNT(schema);
	validate_length(NULL, JsonbToCString(NULL, &schema->root, VARSIZE(schema)), nkeys, 1, 2,
					"keySchema");
	/* BillingMode and throughput are checked before the key schema */
	exec_table_settings(req, false, &settings);
	table_settings_check_create(&settings);

	check_definitions(defs);
	for (int i = 0; i < nkeys; i++)
	{
		JsonbValue *e = getIthJsonbValueFromContainer(&schema->root, i);
		char	   *param = psprintf("keySchema.%d.member.keyType", i + 1);
		char	   *name = element_string(e, "AttributeName",
										  psprintf("keySchema.%d.member.attributeName", i + 1));

		types[i] = element_string(e, "KeyType", param);
		validate_enum(NULL, types[i], param, "[HASH, RANGE]");
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
	ct.indexes = exec_create_table_indexes(req, defs, &ct);
	if (ct.indexes == NIL && (int) JB_ROOT_COUNT(defs) != nkeys)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
	ct.settings = &settings;
	exec_tags(req_array(req, "Tags"), &tags);
	ct.tags = &tags;
	ct.stream_view_type = stream_check_specification(req_object(req, "StreamSpecification"), false, NULL);

	return exec_wrap_response("TableDescription", dynamo_create_table(&ct));
}

/* DeleteTable: the table's last description */
Jsonb *
exec_delete_table(Jsonb *req, bool escaped)
{
	return exec_wrap_response("TableDescription", dynamo_delete_table(req_string(req, "TableName")));
}

/* DescribeTable */
Jsonb *
exec_describe_table(Jsonb *req, bool escaped)
{
	return exec_wrap_response("Table", dynamo_describe_table(req_string(req, "TableName")));
}

/* ListTables: a page of names, with LastEvaluatedTableName if more remain */
Jsonb *
exec_list_tables(Jsonb *req, bool escaped)
{
	int64		limit = LIST_TABLES_MAX;
	char	   *start;
	bool		more;
	List	   *names;
	ListCell   *lc;
	JsonbParseState *st = NULL;
	RequestMembers m;

	/* the parameter constraints checked as the members are read */
	exec_read_members("ListTables", req, &m);
	start = req_value_string(request_member(&m, "ExclusiveStartTableName"));
	if (req_value_int(request_member(&m, "Limit"), "Limit", &limit))
		validate_range(NULL, psprintf(INT64_FORMAT, limit), limit, 1, LIST_TABLES_MAX, "limit");
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
