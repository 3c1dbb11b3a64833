/*
 * request_types.c
 *		DynamoDB deserializes a whole request before it validates any of it:
 *		a member of the wrong JSON kind anywhere answers SerializationException
 *		before any ValidationException.  This pass walks a request's members
 *		by their declared shapes (per operation) and raises the first such
 *		type error, before the constraints are checked (exec_read_members).
 */
#include "postgres.h"

#include "miscadmin.h"
#include "utils/jsonb.h"

#include "attr_value.h"
#include "errors.h"
#include "protocol.h"

typedef enum ShapeKind
{
	SH_END,						/* ends a member list */
	SH_STRING,
	SH_BOOL,
	SH_INTEGER,
	SH_LONG,
	SH_TIMESTAMP,				/* epoch seconds, a number */
	SH_BLOB,					/* a base64 string */
	SH_LIST,					/* of children[0] */
	SH_MAP,						/* string to children[0] */
	SH_STRUCT,					/* of members children */
	SH_ITEM						/* map of AttributeValue */
} ShapeKind;

/* A member (or a collection's element) and its shape */
typedef struct TypeShape
{
	const char *member;
	ShapeKind	kind;
	const char *name;			/* a structure's or map value's type name */
	const struct TypeShape *children;
} TypeShape;

#define END {NULL, SH_END}
#define STR(m) {m, SH_STRING}
#define BOOL(m) {m, SH_BOOL}
#define INT(m) {m, SH_INTEGER}
#define ITEM(m) {m, SH_ITEM}

static const TypeShape StringElem[] = {STR(NULL), END};
static const TypeShape BlobElem[] = {{NULL, SH_BLOB}, END};
static const TypeShape ValueElem[2];
static const TypeShape AttributeValueMembers[] = {
	STR("S"), STR("N"), {"B", SH_BLOB}, BOOL("BOOL"), BOOL("NULL"),
	{"SS", SH_LIST, NULL, StringElem}, {"NS", SH_LIST, NULL, StringElem},
	{"BS", SH_LIST, NULL, BlobElem}, {"L", SH_LIST, NULL, ValueElem}, ITEM("M"), END
};
static const TypeShape ValueElem[2] = {{NULL, SH_STRUCT, "AttributeValue", AttributeValueMembers}, END};
static const TypeShape ItemElem[] = {ITEM(NULL), END};

static const TypeShape ConditionMembers[] = {
	{"AttributeValueList", SH_LIST, NULL, ValueElem}, STR("ComparisonOperator"), END
};
static const TypeShape ConditionElem[] = {{NULL, SH_STRUCT, "Condition", ConditionMembers}, END};
static const TypeShape ExpectedMembers[] = {
	{"Value", SH_STRUCT, "AttributeValue", AttributeValueMembers}, BOOL("Exists"), STR("ComparisonOperator"),
	{"AttributeValueList", SH_LIST, NULL, ValueElem}, END
};
static const TypeShape ExpectedElem[] = {{NULL, SH_STRUCT, "ExpectedAttributeValue", ExpectedMembers}, END};
static const TypeShape UpdateMembers[] = {
	{"Value", SH_STRUCT, "AttributeValue", AttributeValueMembers}, STR("Action"), END
};
static const TypeShape UpdateElem[] = {{NULL, SH_STRUCT, "AttributeValueUpdate", UpdateMembers}, END};

#define COMMON_READ \
	STR("TableName"), STR("ReturnConsumedCapacity"), STR("ProjectionExpression"), \
	{"AttributesToGet", SH_LIST, NULL, StringElem}, BOOL("ConsistentRead"), \
	{"ExpressionAttributeNames", SH_MAP, "java.lang.String", StringElem}
#define COMMON_WRITE \
	STR("TableName"), STR("ReturnConsumedCapacity"), STR("ReturnItemCollectionMetrics"), \
	STR("ReturnValues"), STR("ConditionExpression"), STR("ConditionalOperator"), \
	STR("ReturnValuesOnConditionCheckFailure"), ITEM("ExpressionAttributeValues"), \
	{"ExpressionAttributeNames", SH_MAP, "java.lang.String", StringElem}, \
	{"Expected", SH_MAP, "ExpectedAttributeValue", ExpectedElem}

static const TypeShape GetItemShape[] = {COMMON_READ, ITEM("Key"), END};
static const TypeShape PutItemShape[] = {COMMON_WRITE, ITEM("Item"), END};
static const TypeShape DeleteItemShape[] = {COMMON_WRITE, ITEM("Key"), END};
static const TypeShape UpdateItemShape[] = {
	COMMON_WRITE, ITEM("Key"), STR("UpdateExpression"),
	{"AttributeUpdates", SH_MAP, "AttributeValueUpdate", UpdateElem}, END
};

#define COMMON_SEARCH \
	COMMON_READ, STR("IndexName"), STR("Select"), INT("Limit"), \
	STR("FilterExpression"), STR("ConditionalOperator"), \
	ITEM("ExclusiveStartKey"), ITEM("ExpressionAttributeValues")
static const TypeShape QueryShape[] = {
	COMMON_SEARCH, STR("KeyConditionExpression"), BOOL("ScanIndexForward"),
	{"KeyConditions", SH_MAP, "Condition", ConditionElem},
	{"QueryFilter", SH_MAP, "Condition", ConditionElem}, END
};
static const TypeShape ScanShape[] = {
	COMMON_SEARCH, INT("Segment"), INT("TotalSegments"),
	{"ScanFilter", SH_MAP, "Condition", ConditionElem}, END
};

static const TypeShape KeysAndAttributesMembers[] = {
	{"Keys", SH_LIST, NULL, ItemElem}, {"AttributesToGet", SH_LIST, NULL, StringElem},
	BOOL("ConsistentRead"), STR("ProjectionExpression"),
	{"ExpressionAttributeNames", SH_MAP, "java.lang.String", StringElem}, END
};
static const TypeShape KeysAndAttributesElem[] = {
	{NULL, SH_STRUCT, "KeysAndAttributes", KeysAndAttributesMembers}, END
};
static const TypeShape BatchGetItemShape[] = {
	STR("ReturnConsumedCapacity"),
	{"RequestItems", SH_MAP, "KeysAndAttributes", KeysAndAttributesElem}, END
};
static const TypeShape PutRequestMembers[] = {ITEM("Item"), END};
static const TypeShape DeleteRequestMembers[] = {ITEM("Key"), END};
static const TypeShape WriteRequestMembers[] = {
	{"PutRequest", SH_STRUCT, "PutRequest", PutRequestMembers},
	{"DeleteRequest", SH_STRUCT, "DeleteRequest", DeleteRequestMembers}, END
};
static const TypeShape WriteRequestElem[] = {{NULL, SH_STRUCT, "WriteRequest", WriteRequestMembers}, END};
static const TypeShape WriteListElem[] = {{NULL, SH_LIST, NULL, WriteRequestElem}, END};
static const TypeShape BatchWriteItemShape[] = {
	STR("ReturnConsumedCapacity"), STR("ReturnItemCollectionMetrics"),
	{"RequestItems", SH_MAP, "java.util.List<com.amazonaws.dynamodb.v20120810.WriteRequest>", WriteListElem}, END
};

static const TypeShape AttributeDefinitionMembers[] = {STR("AttributeName"), STR("AttributeType"), END};
static const TypeShape AttributeDefinitionElem[] = {
	{NULL, SH_STRUCT, "AttributeDefinition", AttributeDefinitionMembers}, END
};
static const TypeShape KeySchemaMembers[] = {STR("AttributeName"), STR("KeyType"), END};
static const TypeShape KeySchemaElem[] = {{NULL, SH_STRUCT, "KeySchemaElement", KeySchemaMembers}, END};
static const TypeShape ThroughputMembers[] = {
	{"ReadCapacityUnits", SH_LONG}, {"WriteCapacityUnits", SH_LONG}, END
};
static const TypeShape ProjectionMembers[] = {
	STR("ProjectionType"), {"NonKeyAttributes", SH_LIST, NULL, StringElem}, END
};
#define INDEX_MEMBERS \
	STR("IndexName"), {"KeySchema", SH_LIST, NULL, KeySchemaElem}, \
	{"Projection", SH_STRUCT, "Projection", ProjectionMembers}
static const TypeShape LocalIndexMembers[] = {INDEX_MEMBERS, END};
static const TypeShape LocalIndexElem[] = {{NULL, SH_STRUCT, "LocalSecondaryIndex", LocalIndexMembers}, END};
static const TypeShape GlobalIndexMembers[] = {
	INDEX_MEMBERS, {"ProvisionedThroughput", SH_STRUCT, "ProvisionedThroughput", ThroughputMembers}, END
};
static const TypeShape GlobalIndexElem[] = {{NULL, SH_STRUCT, "GlobalSecondaryIndex", GlobalIndexMembers}, END};
static const TypeShape TagMembers[] = {STR("Key"), STR("Value"), END};
static const TypeShape TagElem[] = {{NULL, SH_STRUCT, "Tag", TagMembers}, END};
static const TypeShape StreamMembers[] = {BOOL("StreamEnabled"), STR("StreamViewType"), END};

#define TABLE_SETTINGS \
	STR("TableName"), STR("BillingMode"), \
	{"AttributeDefinitions", SH_LIST, NULL, AttributeDefinitionElem}, \
	{"ProvisionedThroughput", SH_STRUCT, "ProvisionedThroughput", ThroughputMembers}, \
	{"StreamSpecification", SH_STRUCT, "StreamSpecification", StreamMembers}
static const TypeShape CreateTableShape[] = {
	TABLE_SETTINGS, {"KeySchema", SH_LIST, NULL, KeySchemaElem},
	{"LocalSecondaryIndexes", SH_LIST, NULL, LocalIndexElem},
	{"GlobalSecondaryIndexes", SH_LIST, NULL, GlobalIndexElem},
	{"Tags", SH_LIST, NULL, TagElem}, END
};
static const TypeShape OnDemandMembers[] = {
	{"MaxReadRequestUnits", SH_LONG}, {"MaxWriteRequestUnits", SH_LONG}, END
};
static const TypeShape IndexUpdateMembers[] = {
	STR("IndexName"), {"ProvisionedThroughput", SH_STRUCT, "ProvisionedThroughput", ThroughputMembers},
	{"OnDemandThroughput", SH_STRUCT, "OnDemandThroughput", OnDemandMembers}, END
};
static const TypeShape IndexDeleteMembers[] = {STR("IndexName"), END};
static const TypeShape IndexChangeMembers[] = {
	{"Create", SH_STRUCT, "CreateGlobalSecondaryIndexAction", GlobalIndexMembers},
	{"Update", SH_STRUCT, "UpdateGlobalSecondaryIndexAction", IndexUpdateMembers},
	{"Delete", SH_STRUCT, "DeleteGlobalSecondaryIndexAction", IndexDeleteMembers}, END
};
static const TypeShape IndexChangeElem[] = {
	{NULL, SH_STRUCT, "GlobalSecondaryIndexUpdate", IndexChangeMembers}, END
};
static const TypeShape UpdateTableShape[] = {
	TABLE_SETTINGS, {"GlobalSecondaryIndexUpdates", SH_LIST, NULL, IndexChangeElem}, END
};
static const TypeShape TableNameShape[] = {STR("TableName"), END};
static const TypeShape TagResourceShape[] = {
	STR("ResourceArn"), {"Tags", SH_LIST, NULL, TagElem}, {"TagKeys", SH_LIST, NULL, StringElem},
	STR("NextToken"), END
};
static const TypeShape ListTablesShape[] = {STR("ExclusiveStartTableName"), INT("Limit"), END};

/* Time to Live, backups and continuous backups */
static const TypeShape TimeToLiveMembers[] = {BOOL("Enabled"), STR("AttributeName"), END};
static const TypeShape UpdateTimeToLiveShape[] = {
	STR("TableName"), {"TimeToLiveSpecification", SH_STRUCT, "TimeToLiveSpecification", TimeToLiveMembers}, END
};
static const TypeShape CreateBackupShape[] = {STR("TableName"), STR("BackupName"), END};
static const TypeShape BackupArnShape[] = {STR("BackupArn"), END};
static const TypeShape ListBackupsShape[] = {
	STR("TableName"), INT("Limit"), {"TimeRangeLowerBound", SH_TIMESTAMP},
	{"TimeRangeUpperBound", SH_TIMESTAMP}, STR("ExclusiveStartBackupArn"), STR("BackupType"), END
};
static const TypeShape SseMembers[] = {BOOL("Enabled"), STR("SSEType"), STR("KMSMasterKeyId"), END};
static const TypeShape RestoreTableFromBackupShape[] = {
	STR("TargetTableName"), STR("BackupArn"), STR("BillingModeOverride"),
	{"GlobalSecondaryIndexOverride", SH_LIST, NULL, GlobalIndexElem},
	{"LocalSecondaryIndexOverride", SH_LIST, NULL, LocalIndexElem},
	{"ProvisionedThroughputOverride", SH_STRUCT, "ProvisionedThroughput", ThroughputMembers},
	{"OnDemandThroughputOverride", SH_STRUCT, "OnDemandThroughput", OnDemandMembers},
	{"SSESpecificationOverride", SH_STRUCT, "SSESpecification", SseMembers}, END
};
static const TypeShape RecoveryMembers[] = {
	BOOL("PointInTimeRecoveryEnabled"), INT("RecoveryPeriodInDays"), END
};
static const TypeShape UpdateContinuousBackupsShape[] = {
	STR("TableName"),
	{"PointInTimeRecoverySpecification", SH_STRUCT, "PointInTimeRecoverySpecification", RecoveryMembers}, END
};

/* DynamoDB Streams */
static const TypeShape ListStreamsShape[] = {
	STR("TableName"), INT("Limit"), STR("ExclusiveStartStreamArn"), END
};
static const TypeShape DescribeStreamShape[] = {
	STR("StreamArn"), INT("Limit"), STR("ExclusiveStartShardId"), END
};
static const TypeShape GetShardIteratorShape[] = {
	STR("StreamArn"), STR("ShardId"), STR("ShardIteratorType"), STR("SequenceNumber"), END
};
static const TypeShape GetRecordsShape[] = {STR("ShardIterator"), INT("Limit"), END};

/* Transactions: one kind of action per element */
#define ACTION_COMMON \
	STR("TableName"), STR("ConditionExpression"), STR("ReturnValuesOnConditionCheckFailure"), \
	ITEM("ExpressionAttributeValues"), \
	{"ExpressionAttributeNames", SH_MAP, "java.lang.String", StringElem}
static const TypeShape CheckMembers[] = {ACTION_COMMON, ITEM("Key"), END};
static const TypeShape PutMembers[] = {ACTION_COMMON, ITEM("Item"), END};
static const TypeShape UpdateActionMembers[] = {ACTION_COMMON, ITEM("Key"), STR("UpdateExpression"), END};
static const TypeShape TransactWriteMembers[] = {
	{"ConditionCheck", SH_STRUCT, "ConditionCheck", CheckMembers},
	{"Put", SH_STRUCT, "Put", PutMembers},
	{"Delete", SH_STRUCT, "Delete", CheckMembers},
	{"Update", SH_STRUCT, "Update", UpdateActionMembers}, END
};
static const TypeShape TransactWriteElem[] = {{NULL, SH_STRUCT, "TransactWriteItem", TransactWriteMembers}, END};
static const TypeShape TransactWriteItemsShape[] = {
	STR("ClientRequestToken"), STR("ReturnConsumedCapacity"), STR("ReturnItemCollectionMetrics"),
	{"TransactItems", SH_LIST, NULL, TransactWriteElem}, END
};
static const TypeShape GetMembers[] = {
	STR("TableName"), ITEM("Key"), STR("ProjectionExpression"),
	{"ExpressionAttributeNames", SH_MAP, "java.lang.String", StringElem}, END
};
static const TypeShape TransactGetMembers[] = {{"Get", SH_STRUCT, "Get", GetMembers}, END};
static const TypeShape TransactGetElem[] = {{NULL, SH_STRUCT, "TransactGetItem", TransactGetMembers}, END};
static const TypeShape TransactGetItemsShape[] = {
	STR("ReturnConsumedCapacity"), {"TransactItems", SH_LIST, NULL, TransactGetElem}, END
};
static const TypeShape ExecuteStatementShape[] = {
	STR("Statement"), {"Parameters", SH_LIST, NULL, ValueElem}, BOOL("ConsistentRead"),
	STR("NextToken"), INT("Limit"), STR("ReturnConsumedCapacity"),
	STR("ReturnValuesOnConditionCheckFailure"), END
};

static const TypeShape BatchStatementMembers[] = {
	STR("Statement"), {"Parameters", SH_LIST, NULL, ValueElem}, BOOL("ConsistentRead"),
	STR("ReturnValuesOnConditionCheckFailure"), END
};
static const TypeShape BatchStatementElem[] = {
	{NULL, SH_STRUCT, "BatchStatementRequest", BatchStatementMembers}, END
};
static const TypeShape BatchExecuteStatementShape[] = {
	{"Statements", SH_LIST, NULL, BatchStatementElem}, STR("ReturnConsumedCapacity"), END
};
static const TypeShape TransactStatementMembers[] = {
	STR("Statement"), {"Parameters", SH_LIST, NULL, ValueElem},
	STR("ReturnValuesOnConditionCheckFailure"), END
};
static const TypeShape TransactStatementElem[] = {
	{NULL, SH_STRUCT, "ParameterizedStatement", TransactStatementMembers}, END
};
static const TypeShape ExecuteTransactionShape[] = {
	{"TransactStatements", SH_LIST, NULL, TransactStatementElem}, STR("ClientRequestToken"),
	STR("ReturnConsumedCapacity"), END
};

static const struct
{
	const char *operation;
	const TypeShape *members;
}			OperationShapes[] = {
	{"GetItem", GetItemShape},
	{"PutItem", PutItemShape},
	{"DeleteItem", DeleteItemShape},
	{"UpdateItem", UpdateItemShape},
	{"Query", QueryShape},
	{"Scan", ScanShape},
	{"BatchGetItem", BatchGetItemShape},
	{"BatchWriteItem", BatchWriteItemShape},
	{"CreateTable", CreateTableShape},
	{"UpdateTable", UpdateTableShape},
	{"DescribeTable", TableNameShape},
	{"DeleteTable", TableNameShape},
	{"ListTables", ListTablesShape},
	{"TagResource", TagResourceShape},
	{"UntagResource", TagResourceShape},
	{"ListTagsOfResource", TagResourceShape},
	{"DescribeTimeToLive", TableNameShape},
	{"UpdateTimeToLive", UpdateTimeToLiveShape},
	{"CreateBackup", CreateBackupShape},
	{"DescribeBackup", BackupArnShape},
	{"DeleteBackup", BackupArnShape},
	{"ListBackups", ListBackupsShape},
	{"RestoreTableFromBackup", RestoreTableFromBackupShape},
	{"DescribeContinuousBackups", TableNameShape},
	{"UpdateContinuousBackups", UpdateContinuousBackupsShape},
	{"ListStreams", ListStreamsShape},
	{"DescribeStream", DescribeStreamShape},
	{"GetShardIterator", GetShardIteratorShape},
	{"GetRecords", GetRecordsShape},
	{"TransactWriteItems", TransactWriteItemsShape},
	{"TransactGetItems", TransactGetItemsShape},
	{"ExecuteStatement", ExecuteStatementShape},
	{"BatchExecuteStatement", BatchExecuteStatementShape},
	{"ExecuteTransaction", ExecuteTransactionShape},
};

/* The message of Java's deserializer for a parameterized collection element */
#define CAST_MESSAGE "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to class java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and java.lang.Class are in module java.base of loader 'bootstrap')"

static void check_members(JsonbContainer *obj, const TypeShape *members);

static inline bool
is_container(const JsonbValue *v, bool array)
{
	return v->type == jbvBinary &&
		(array ? JsonContainerIsArray(v->val.binary.data) : JsonContainerIsObject(v->val.binary.data));
}

/* Check each element (array) or member value (object) of c against elem */
static void check_elements(JsonbContainer *c, const TypeShape *elem);

/* Check one value against its shape; field: a structure's member, not an element */
static void
check_value(JsonbValue *v, const TypeShape *s, bool field)
{
	check_stack_depth();
	if (v->type == jbvNull)
		return;
	switch (s->kind)
	{
		case SH_STRING:
			if (v->type != jbvString)
				dynamo_kind_error(v, "String");
			break;
		case SH_BOOL:
			(void) dynamo_bool_value(v);
			break;
		case SH_BLOB:
			if (v->type != jbvString)
				dynamo_kind_error(v, "Blob");
			pfree(dynamo_binary_decode(v->val.string.val, v->val.string.len));
			break;
		case SH_INTEGER:
		case SH_LONG:
		case SH_TIMESTAMP:
			if (v->type != jbvNumeric)
				dynamo_kind_error(v, s->kind == SH_LONG ? "Long" :
								  s->kind == SH_TIMESTAMP ? "Timestamp" : "Integer");
			break;
		case SH_LIST:
		case SH_MAP:
		case SH_ITEM:
			{
				bool		array = (s->kind == SH_LIST);

				if (!is_container(v, array))
				{
					if (!field && v->type != jbvBinary)
						dynamo_error(DYN_SERIALIZATION, CAST_MESSAGE);
					if (s->kind == SH_LIST)
						dynamo_kind_error(v, "List");
					dynamo_kind_error(v, s->kind == SH_ITEM ? "Map" :
									  psprintf("Map<%s>", s->name));
				}
				check_elements(v->val.binary.data, s->kind == SH_ITEM ? ValueElem : s->children);
				break;
			}
		case SH_STRUCT:
			{
				if (!is_container(v, false))
				{
					if (v->type == jbvBinary)
						dynamo_kind_error(v, s->name);
					dynamo_error(DYN_SERIALIZATION, field ?
								 "Unexpected field type" : "Unexpected value type in payload");
				}
				check_members(v->val.binary.data, s->children);
				break;
			}
		case SH_END:
			break;
	}
}

static void
check_elements(JsonbContainer *c, const TypeShape *elem)
{
	JsonbIterator *it = JsonbIteratorInit(c);
	JsonbValue	v;
	JsonbIteratorToken tok;

	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		CHECK_FOR_INTERRUPTS();
		if (tok == WJB_ELEM || tok == WJB_VALUE)
			check_value(&v, elem, false);
	}
}

/* The most members a structure's shape may declare (Query's has 18) */
#define MAX_SHAPE_MEMBERS 32

/*
 * Check the members of a structure that have a declared shape, in the
 * shape's order.  Most structures hold far fewer members than their shape
 * declares (an AttributeValue one of ten): the object's keys, read in
 * place, say which are there, and only those are looked up.
 */
static void
check_members(JsonbContainer *obj, const TypeShape *members)
{
	bool		present[MAX_SHAPE_MEMBERS] = {false};
	int			npairs = JsonContainerSize(obj);
	const char *keys = (const char *) &obj->children[npairs * 2];
	int			n = 0;

	while (members[n].kind != SH_END)
		n++;
	if (n > MAX_SHAPE_MEMBERS)
		elog(ERROR, "a request shape declares %d members, more than %d", n, MAX_SHAPE_MEMBERS);
	/* the first npairs entries of an object are its keys */
	for (int k = 0; k < npairs; k++)
	{
		const char *key = keys + getJsonbOffset(obj, k);
		int			len = getJsonbLength(obj, k);

		for (int i = 0; i < n && len > 0; i++)
			if (members[i].member[0] == key[0] &&
				strncmp(members[i].member, key, len) == 0 &&
				members[i].member[len] == '\0')
				present[i] = true;
	}
	for (int i = 0; i < n; i++)
	{
		JsonbValue	v;

		if (present[i] &&
			getKeyJsonValueFromContainer(obj, members[i].member, strlen(members[i].member), &v))
			check_value(&v, &members[i], true);
	}
}

/* Raise the first type error in a request of an operation, as DynamoDB would */
void
request_check_types(const char *operation, Jsonb *req)
{
	if (!JB_ROOT_IS_OBJECT(req) || JB_ROOT_IS_SCALAR(req))
		return;
	for (int i = 0; i < lengthof(OperationShapes); i++)
		if (strcmp(OperationShapes[i].operation, operation) == 0)
			check_members(&req->root, OperationShapes[i].members);
}
