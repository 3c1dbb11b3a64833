/*
 * request_constraints.c
 *		The parameter constraints of DynamoDB's model (enum values, lengths,
 *		ranges, patterns, required members) checked over a whole request
 *		before its operation runs, so that every violation is reported in
 *		one ValidationException, in DynamoDB's order of members.
 *
 * Every operation's reader checks them as it reads each member once
 * (exec_read_members).  The operations check the same constraints again
 * where they use the members (the SQL functions share those checks); then
 * they never fire.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"

#include "attr_value.h"
#include "errors.h"
#include "protocol.h"
#include "json_read.h"
#include "table_catalog.h"
#include "validate.h"

typedef enum ConstraintKind
{
	MC_ANY,						/* no constraint of its own */
	MC_ENUM,					/* a string of set */
	MC_NAME,					/* a table or index name */
	MC_INTEGER,					/* a number within [min, max] */
	MC_LENGTH,					/* a string or list of [min, max] */
	MC_CONDITIONS,				/* Expected: ComparisonOperator of set */
	MC_FILTER_CONDITIONS,		/* KeyConditions, ...: required, of set */
	MC_UPDATES,					/* AttributeUpdates: Action of set */
	MC_STRUCT,					/* a structure of members (children) */
	MC_GET_ITEMS,				/* BatchGetItem's RequestItems */
	MC_WRITE_ITEMS,				/* BatchWriteItem's RequestItems */
	MC_TABLE_OP_NAME,			/* CreateTable's and UpdateTable's TableName */
	MC_RESOURCE_ARN,			/* the tags' ResourceArn: missing, before any other */
	MC_TABLE_REF				/* TableName of an item operation, Query, Scan:
								 * a name or an ARN */
} ConstraintKind;

/* A kind with this bit is also a required member */
#define MC_NOT_NULL 0x100
#define MC_REQUIRED (MC_ANY | MC_NOT_NULL)
#define MC_REQUIRED_ENUM (MC_ENUM | MC_NOT_NULL)
#define MC_REQUIRED_NAME (MC_NAME | MC_NOT_NULL)
#define MC_REQUIRED_INTEGER (MC_INTEGER | MC_NOT_NULL)
#define MC_REQUIRED_LENGTH (MC_LENGTH | MC_NOT_NULL)
#define MC_REQUIRED_STRUCT (MC_STRUCT | MC_NOT_NULL)

/*
 * One member of a request and its constraint; children are the members of
 * a structure, or of each element of a list (MC_LENGTH), ended by END
 */
typedef struct MemberConstraint
{
	const char *member;
	int			kind;			/* a ConstraintKind, with MC_NOT_NULL */
	const char *set;
	double		min;
	double		max;
	const struct MemberConstraint *children;
} MemberConstraint;

#define SET_CAPACITY "[INDEXES, TOTAL, NONE]"
#define SET_RETURN_VALUES "[ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]"
#define SET_METRICS "[SIZE, NONE]"
#define SET_CONDITIONAL "[OR, AND]"
#define SET_ON_FAILURE "[ALL_OLD, NONE]"
#define SET_SELECT "[SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]"
#define SET_COMPARISON "[IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]"
#define SET_ACTION "[ADD, PUT, DELETE]"
#define INT_MAX_D 2147483647.0
#define NO_MAX 1e300

#define CAPACITY {"ReturnConsumedCapacity", MC_ENUM, SET_CAPACITY}
#define TABLE {"TableName", MC_REQUIRED_NAME, NULL, 0, 255}
#define ITEM_TABLE {"TableName", MC_TABLE_REF | MC_NOT_NULL}
/* missing, too short or too long: DynamoDB's own message, before any other */
#define TABLE_OP {"TableName", MC_TABLE_OP_NAME, NULL, 0, 255}
#define RESOURCE_ARN {"ResourceArn", MC_RESOURCE_ARN, NULL, 1, 1283}
#define METRICS {"ReturnItemCollectionMetrics", MC_ENUM, SET_METRICS}
#define RETURN_VALUES {"ReturnValues", MC_ENUM, SET_RETURN_VALUES}
#define CONDITIONAL {"ConditionalOperator", MC_ENUM, SET_CONDITIONAL}
#define EXPECTED {"Expected", MC_CONDITIONS, SET_COMPARISON}
#define ON_FAILURE {"ReturnValuesOnConditionCheckFailure", MC_ENUM, SET_ON_FAILURE}
#define TO_GET {"AttributesToGet", MC_LENGTH, NULL, 1, 255}
#define LIMIT {"Limit", MC_INTEGER, NULL, 1, INT_MAX_D}
#define END {NULL}

#define SET_BILLING "[PROVISIONED, PAY_PER_REQUEST]"
#define SET_PROJECTION "[ALL, INCLUDE, KEYS_ONLY]"
#define SET_KEY_TYPE "[HASH, RANGE]"
#define SET_STREAM_VIEW "[NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]"
#define SET_TABLE_CLASS "[STANDARD, STANDARD_INFREQUENT_ACCESS]"
#define SET_BACKUP_TYPE "[USER, SYSTEM, AWS_BACKUP, ALL]"
#define SET_ITERATOR_TYPE "[AFTER_SEQUENCE_NUMBER, LATEST, AT_SEQUENCE_NUMBER, TRIM_HORIZON]"
#define BACKUP_ARN(m, required) {m, required ? MC_REQUIRED_LENGTH : MC_LENGTH, NULL, 37, 1024}
/* the service answers "Invalid StreamArn" to short ones (no minimum here) */
#define STREAM_ARN(m, required) {m, required ? MC_REQUIRED_LENGTH : MC_LENGTH, NULL, 1, 1024}
#define OPTIONAL_TABLE {"TableName", MC_NAME, NULL, 0, 255}
#define INDEX_NAME {"IndexName", MC_REQUIRED_NAME, NULL, 0, 255}
#define STATEMENT {"Statement", MC_REQUIRED_LENGTH, NULL, 1, 8192}
#define PARAMETERS {"Parameters", MC_LENGTH, NULL, 1, -1}

/* The members of structures, and of the elements of lists */
static const MemberConstraint Throughput[] = {
	{"WriteCapacityUnits", MC_REQUIRED_INTEGER, NULL, 1, NO_MAX},
	{"ReadCapacityUnits", MC_REQUIRED_INTEGER, NULL, 1, NO_MAX}, END
};
static const MemberConstraint KeyElement[] = {
	{"AttributeName", MC_REQUIRED_LENGTH, NULL, 1, 255}, {"KeyType", MC_REQUIRED_ENUM, SET_KEY_TYPE}, END
};
static const MemberConstraint Projection[] = {
	{"ProjectionType", MC_ENUM, SET_PROJECTION}, {"NonKeyAttributes", MC_LENGTH, NULL, 1, 20}, END
};
static const MemberConstraint OnDemand[] = {
	{"MaxReadRequestUnits", MC_ANY}, {"MaxWriteRequestUnits", MC_ANY}, END
};
/* ProvisionedThroughput is required unless OnDemandThroughput is there (set) */
static const MemberConstraint IndexUpdate[] = {
	INDEX_NAME, {"ProvisionedThroughput", MC_REQUIRED_STRUCT, "OnDemandThroughput", .children = Throughput},
	{"OnDemandThroughput", MC_STRUCT, .children = OnDemand}, END
};
static const MemberConstraint IndexCreate[] = {
	INDEX_NAME, {"Projection", MC_REQUIRED_STRUCT, .children = Projection},
	{"ProvisionedThroughput", MC_STRUCT, .children = Throughput},
	/* a GSI: up to four HASH and four RANGE attributes (multi-attribute keys) */
	{"KeySchema", MC_REQUIRED_LENGTH, NULL, 1, 8, KeyElement}, END
};
static const MemberConstraint IndexDelete[] = {INDEX_NAME, END};
static const MemberConstraint AttributeDefinition[] = {
	{"AttributeName", MC_REQUIRED_LENGTH, NULL, 1, 255}, {"AttributeType", MC_REQUIRED_ENUM, "[B, N, S]"}, END
};
#define ATTRIBUTE_DEFINITIONS(kind) {"AttributeDefinitions", kind, NULL, 0, -1, AttributeDefinition}
static const MemberConstraint IndexUpdates[] = {
	{"Update", MC_STRUCT, .children = IndexUpdate}, {"Create", MC_STRUCT, .children = IndexCreate},
	{"Delete", MC_STRUCT, .children = IndexDelete}, END
};
static const MemberConstraint StreamSpecification[] = {
	{"StreamEnabled", MC_REQUIRED}, {"StreamViewType", MC_ENUM, SET_STREAM_VIEW}, END
};
static const MemberConstraint TimeToLive[] = {
	{"Enabled", MC_REQUIRED}, {"AttributeName", MC_REQUIRED_LENGTH, NULL, 1, 255}, END
};
static const MemberConstraint PointInTimeRecovery[] = {
	{"PointInTimeRecoveryEnabled", MC_REQUIRED}, {"RecoveryPeriodInDays", MC_INTEGER, NULL, 1, 35}, END
};
static const MemberConstraint BatchStatement[] = {
	STATEMENT, PARAMETERS, ON_FAILURE, END
};
static const MemberConstraint TransactStatement[] = {
	STATEMENT, PARAMETERS, ON_FAILURE, END
};

/* Each operation's members, in the order DynamoDB reports them */
static const struct
{
	const char *operation;
	MemberConstraint members[12];
}			OperationConstraints[] = {
	{"PutItem", {CAPACITY, ITEM_TABLE, {"Item", MC_REQUIRED}, CONDITIONAL, EXPECTED, RETURN_VALUES,
	METRICS, ON_FAILURE, END}},
	{"GetItem", {CAPACITY, TO_GET, ITEM_TABLE, {"Key", MC_REQUIRED}, END}},
	{"DeleteItem", {CAPACITY, ITEM_TABLE, RETURN_VALUES, METRICS, {"Key", MC_REQUIRED}, CONDITIONAL,
	EXPECTED, ON_FAILURE, END}},
	{"UpdateItem", {CAPACITY, ITEM_TABLE, METRICS, RETURN_VALUES, {"Key", MC_REQUIRED}, CONDITIONAL,
		EXPECTED, {"AttributeUpdates", MC_UPDATES, SET_ACTION}, ON_FAILURE, END}},
	{"Query", {{"Select", MC_ENUM, SET_SELECT}, {"IndexName", MC_NAME, NULL, 0, 255}, CAPACITY,
		{"QueryFilter", MC_FILTER_CONDITIONS, SET_COMPARISON}, ITEM_TABLE, CONDITIONAL, TO_GET, LIMIT,
	{"KeyConditions", MC_FILTER_CONDITIONS, SET_COMPARISON}, END}},
	{"Scan", {{"Select", MC_ENUM, SET_SELECT}, {"IndexName", MC_NAME, NULL, 0, 255},
		{"TotalSegments", MC_INTEGER, NULL, 1, 1000000}, CAPACITY, ITEM_TABLE, CONDITIONAL,
		{"ScanFilter", MC_FILTER_CONDITIONS, SET_COMPARISON},
	{"Segment", MC_INTEGER, NULL, 0, 999999}, LIMIT, TO_GET, END}},
	{"BatchGetItem", {CAPACITY, {"RequestItems", MC_GET_ITEMS | MC_NOT_NULL}, END}},
	{"BatchWriteItem", {CAPACITY, METRICS, {"RequestItems", MC_WRITE_ITEMS | MC_NOT_NULL}, END}},
	{"TransactGetItems", {{"TransactItems", MC_REQUIRED_LENGTH, NULL, 1, 100}, CAPACITY, END}},
	{"TransactWriteItems", {{"TransactItems", MC_REQUIRED_LENGTH, NULL, 1, 100}, CAPACITY, METRICS,
	{"ClientRequestToken", MC_LENGTH, NULL, 1, 36}, END}},
	{"ListTables", {{"ExclusiveStartTableName", MC_NAME, NULL, 0, 255},
	{"Limit", MC_INTEGER, NULL, 1, 100}, END}},
	/* the table API */
	{"CreateTable", {ATTRIBUTE_DEFINITIONS(MC_REQUIRED_LENGTH), TABLE_OP,
		{"GlobalSecondaryIndexes", MC_LENGTH, NULL, 0, -1, IndexCreate},
		{"LocalSecondaryIndexes", MC_LENGTH, NULL, 0, -1, IndexCreate},
		{"BillingMode", MC_ENUM, SET_BILLING},
		{"ProvisionedThroughput", MC_STRUCT, .children = Throughput},
	{"KeySchema", MC_REQUIRED_LENGTH, NULL, 1, 2, KeyElement}, END}},
	{"UpdateTable", {TABLE_OP, ATTRIBUTE_DEFINITIONS(MC_LENGTH),
		{"ProvisionedThroughput", MC_STRUCT, .children = Throughput},
		{"BillingMode", MC_ENUM, SET_BILLING},
		{"GlobalSecondaryIndexUpdates", MC_LENGTH, NULL, 0, -1, IndexUpdates},
		{"StreamSpecification", MC_STRUCT, .children = StreamSpecification},
	{"TableClass", MC_ENUM, SET_TABLE_CLASS}, END}},
	{"UpdateTimeToLive", {TABLE, {"TimeToLiveSpecification", MC_REQUIRED_STRUCT, .children = TimeToLive}, END}},
	{"DescribeTimeToLive", {TABLE, END}},
	{"TagResource", {RESOURCE_ARN, {"Tags", MC_REQUIRED}, END}},
	{"UntagResource", {RESOURCE_ARN, {"TagKeys", MC_REQUIRED}, END}},
	{"ListTagsOfResource", {RESOURCE_ARN, END}},
	/* backups */
	{"CreateBackup", {TABLE, {"BackupName", MC_REQUIRED_NAME, NULL, 0, 255}, END}},
	{"DescribeBackup", {BACKUP_ARN("BackupArn", true), END}},
	{"DeleteBackup", {BACKUP_ARN("BackupArn", true), END}},
	{"ListBackups", {OPTIONAL_TABLE, {"Limit", MC_INTEGER, NULL, 1, 100},
		BACKUP_ARN("ExclusiveStartBackupArn", false),
	{"BackupType", MC_ENUM, SET_BACKUP_TYPE}, END}},
	{"RestoreTableFromBackup", {{"TargetTableName", MC_REQUIRED_NAME, NULL, 0, 255},
		BACKUP_ARN("BackupArn", true),
	{"BillingModeOverride", MC_ENUM, SET_BILLING}, END}},
	{"DescribeContinuousBackups", {TABLE, END}},
	{"UpdateContinuousBackups", {TABLE, {"PointInTimeRecoverySpecification", MC_REQUIRED_STRUCT,
	.children = PointInTimeRecovery}, END}},
	/* streams */
	{"ListStreams", {OPTIONAL_TABLE, {"Limit", MC_INTEGER, NULL, 1, 100},
	STREAM_ARN("ExclusiveStartStreamArn", false), END}},
	{"DescribeStream", {STREAM_ARN("StreamArn", true), {"Limit", MC_INTEGER, NULL, 1, 100},
	{"ExclusiveStartShardId", MC_LENGTH, NULL, 28, 65}, END}},
	{"GetShardIterator", {STREAM_ARN("StreamArn", true), {"ShardId", MC_REQUIRED_LENGTH, NULL, 28, 65},
		{"ShardIteratorType", MC_REQUIRED_ENUM, SET_ITERATOR_TYPE},
	{"SequenceNumber", MC_LENGTH, NULL, 21, 40}, END}},
	{"GetRecords", {{"ShardIterator", MC_REQUIRED_LENGTH, NULL, 1, 2048},
	{"Limit", MC_INTEGER, NULL, 1, 1000}, END}},
	/* PartiQL */
	{"ExecuteStatement", {STATEMENT, PARAMETERS, {"NextToken", MC_LENGTH, NULL, 1, 32768}, CAPACITY,
	{"Limit", MC_INTEGER, NULL, 1, INT_MAX_D}, ON_FAILURE, END}},
	{"BatchExecuteStatement", {{"Statements", MC_REQUIRED_LENGTH, NULL, 1, 25, BatchStatement},
	CAPACITY, END}},
	{"ExecuteTransaction", {{"TransactStatements", MC_REQUIRED_LENGTH, NULL, 1, 100, TransactStatement},
	{"ClientRequestToken", MC_LENGTH, NULL, 1, 36}, CAPACITY, END}},
};

/* A member's name in messages: its first letter lower case */
static char *
member_path(const char *member)
{
	char	   *p = pstrdup(member);

	p[0] = pg_ascii_tolower((unsigned char) p[0]);
	return p;
}

/* A JSON value as text, for "Value '...'" */
static char *
value_text(JsonbValue *v)
{
	if (v->type == jbvString)
		return pnstrdup(v->val.string.val, v->val.string.len);
	if (v->type == jbvNumeric)
		return json_number_text(v->val.numeric);
	return JsonbToCString(NULL, v->val.binary.data, -1);
}

/* A number member within [min, max]; other kinds are the reader's to refuse */
static void
check_integer(DynValidation *v, JsonbValue *m, const MemberConstraint *c, const char *path)
{
	double		d;

	if (m->type != jbvNumeric)
		return;
	d = json_number_double(m->val.numeric);
	validate_range(v, value_text(m), d, c->min, c->max, path);
}

/*
 * The ComparisonOperator (or Action) of each entry of a map member:
 * entries name attributes, each an object with an operator of set
 */
static void
check_entries(DynValidation *v, JsonbValue *m, const MemberConstraint *c, const char *path)
{
	const char *field = c->kind == MC_UPDATES ? "Action" : "ComparisonOperator";
	const char *sub = c->kind == MC_UPDATES ? "action" : "comparisonOperator";
	JsonbIterator *it;
	JsonbValue	k;
	JsonbIteratorToken r;
	char	   *attr = NULL;

	if (m->type != jbvBinary || !JsonContainerIsObject(m->val.binary.data))
		return;
	it = JsonbIteratorInit(m->val.binary.data);
	while ((r = JsonbIteratorNext(&it, &k, true)) != WJB_DONE)
	{
		JsonbValue	op;
		char	   *entry;

		if (r == WJB_KEY)
			attr = pnstrdup(k.val.string.val, k.val.string.len);
		if (r != WJB_VALUE || k.type != jbvBinary || !JsonContainerIsObject(k.val.binary.data))
			continue;
		entry = psprintf("%s.%s.member.%s", path, attr, sub);
		if (getKeyJsonValueFromContainer(k.val.binary.data, field, strlen(field), &op) == NULL ||
			op.type == jbvNull)
		{
			if (c->kind == MC_FILTER_CONDITIONS)
				validate_not_null(v, NULL, entry);
		}
		else if (op.type == jbvString)
			validate_enum(v, value_text(&op), entry, c->set);
	}
}

static void check_members(DynValidation *v, JsonbContainer *obj, const MemberConstraint *cs,
						  const char *prefix);

/* The members of each structure element of a list member */
static void
check_elements(DynValidation *v, JsonbValue *m, const MemberConstraint *c, const char *path)
{
	JsonbContainer *list = m->val.binary.data;

	for (int i = 0; i < (int) JsonContainerSize(list); i++)
	{
		JsonbValue *e = getIthJsonbValueFromContainer(list, i);

		if (e->type == jbvBinary && JsonContainerIsObject(e->val.binary.data))
			check_members(v, e->val.binary.data, c->children,
						  psprintf("%s.%d.member", path, i + 1));
	}
}

/* A member of an object; NULL when absent or JSON null */
static JsonbValue *
find_member(JsonbContainer *obj, const char *member)
{
	JsonbValue *m = getKeyJsonValueFromContainer(obj, member, strlen(member), NULL);

	return m != NULL && m->type == jbvNull ? NULL : m;
}

/* Check the value m (NULL: absent) of a member; path is its name in messages */
static void
check_value(DynValidation *v, JsonbValue *m, const MemberConstraint *c, const char *path)
{
	bool		is_list;

	if (c->kind & MC_NOT_NULL)
		validate_not_null(v, m, path);
	if (m == NULL && c->kind == MC_TABLE_OP_NAME)
		dynamo_check_table_op_name_length(NULL);
	if (m == NULL && c->kind == MC_RESOURCE_ARN)
		dynamo_error(DYN_VALIDATION, "Invalid TableArn");
	if (m == NULL)
		return;
	is_list = m->type == jbvBinary && JsonContainerIsArray(m->val.binary.data);
	switch ((ConstraintKind) (c->kind & ~MC_NOT_NULL))
	{
		case MC_ENUM:
			if (m->type == jbvString)
				validate_enum(v, value_text(m), path, c->set);
			break;
		case MC_TABLE_OP_NAME:
			if (m->type == jbvString)
				dynamo_check_table_op_name_length(value_text(m));
			/* then the pattern, among the other violations */
			/* FALLTHROUGH */
		case MC_NAME:
			if (m->type == jbvString)
				validate_name(v, value_text(m), (int64) c->max, path);
			break;
		case MC_TABLE_REF:
			if (m->type == jbvString)
				validate_table_ref(v, value_text(m), path);
			break;
		case MC_INTEGER:
			check_integer(v, m, c, path);
			break;
		case MC_LENGTH:
		case MC_RESOURCE_ARN:
			if (m->type == jbvString)
				validate_length(v, value_text(m), pg_mbstrlen_with_len(m->val.string.val, m->val.string.len),
								(int64) c->min, (int64) c->max, path);
			else if (is_list)
				validate_length(v, value_text(m), JsonContainerSize(m->val.binary.data),
								(int64) c->min, (int64) c->max, path);
			if (is_list && c->children)
				check_elements(v, m, c, path);
			break;
		case MC_CONDITIONS:
		case MC_FILTER_CONDITIONS:
		case MC_UPDATES:
			check_entries(v, m, c, path);
			break;
		case MC_STRUCT:
			if (m->type == jbvBinary && JsonContainerIsObject(m->val.binary.data))
				check_members(v, m->val.binary.data, c->children, path);
			break;
		case MC_GET_ITEMS:
		case MC_WRITE_ITEMS:
			if (m->type == jbvBinary && JsonContainerIsObject(m->val.binary.data))
				batch_check_request_items(v, m, (c->kind & ~MC_NOT_NULL) == MC_WRITE_ITEMS);
			break;
		case MC_ANY:
			break;
	}
}

/* Check the members of an object (prefix: its path, NULL at the top) */
static void
check_members(DynValidation *v, JsonbContainer *obj, const MemberConstraint *cs, const char *prefix)
{
	check_stack_depth();
	for (const MemberConstraint *c = cs; c->member; c++)
	{
		char	   *name = member_path(c->member);
		MemberConstraint k = *c;

		/* a required structure whose set names its alternative, given */
		if (k.kind == MC_REQUIRED_STRUCT && k.set && find_member(obj, k.set))
			k.kind = MC_STRUCT;
		check_value(v, find_member(obj, c->member), &k,
					prefix ? psprintf("%s.%s", prefix, name) : name);
	}
}

/* The constrained members of an operation; NULL for one without */
static const MemberConstraint *
operation_members(const char *operation)
{
	for (int i = 0; i < lengthof(OperationConstraints); i++)
		if (strcmp(OperationConstraints[i].operation, operation) == 0)
			return OperationConstraints[i].members;
	return NULL;
}

/*
 * Read the constrained members of a request of an operation into m, each
 * looked up once, checking their constraints as they are read and raising
 * all violations together, in DynamoDB's order.  The request's readers then
 * take the members from m (request_member).
 */
void
exec_read_members(const char *operation, Jsonb *req, RequestMembers *m)
{
	const MemberConstraint *cs = operation_members(operation);
	DynValidation v;

	request_check_types(operation, req);
	m->req = req;
	m->count = 0;
	if (cs == NULL || !JB_ROOT_IS_OBJECT(req))
		return;
	validate_init(&v);
	for (const MemberConstraint *c = cs; c->member; c++)
	{
		Assert(m->count < REQUEST_MEMBERS_MAX);
		m->names[m->count] = c->member;
		m->values[m->count] = find_member(&req->root, c->member);
		check_value(&v, m->values[m->count], c, member_path(c->member));
		m->count++;
	}
	validate_finish(&v);
}

/*
 * A member of a request read by exec_read_members (or looked up now); a
 * reader asks for about ten, so names are told apart by their first letter
 * before strcmp
 */
JsonbValue *
request_member(RequestMembers *m, const char *name)
{
	for (int i = 0; i < m->count; i++)
		if (m->names[i][0] == name[0] && strcmp(m->names[i], name) == 0)
			return m->values[i];
	return req_member(m->req, name);
}
