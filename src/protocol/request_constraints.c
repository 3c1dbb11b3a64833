/*
 * request_constraints.c
 *		The parameter constraints of DynamoDB's model (enum values, lengths,
 *		ranges, patterns, required members) checked over a whole request
 *		before its operation runs, so that every violation is reported in
 *		one ValidationException, in DynamoDB's order of members.
 *
 * The operations check the same constraints again where they read the
 * members (the SQL functions share those readers); here they never fire.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "attr_value.h"
#include "errors.h"
#include "execute.h"
#include "json_read.h"
#include "validate.h"

typedef enum ConstraintKind
{
	MC_ENUM,					/* a string of set */
	MC_NAME,					/* a table or index name */
	MC_REQUIRED_NAME,			/* a table name, required */
	MC_REQUIRED,				/* not null */
	MC_INTEGER,					/* a number within [min, max] */
	MC_LENGTH,					/* a string or list of [min, max] */
	MC_REQUIRED_LENGTH,			/* both */
	MC_CONDITIONS,				/* Expected: ComparisonOperator of set */
	MC_FILTER_CONDITIONS,		/* KeyConditions, ...: required, of set */
	MC_UPDATES					/* AttributeUpdates: Action of set */
} ConstraintKind;

/* One member of a request and its constraint */
typedef struct MemberConstraint
{
	const char *member;
	ConstraintKind kind;
	const char *set;
	double		min;
	double		max;
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

#define CAPACITY {"ReturnConsumedCapacity", MC_ENUM, SET_CAPACITY}
#define TABLE {"TableName", MC_REQUIRED_NAME, NULL, 0, 255}
#define METRICS {"ReturnItemCollectionMetrics", MC_ENUM, SET_METRICS}
#define RETURN_VALUES {"ReturnValues", MC_ENUM, SET_RETURN_VALUES}
#define CONDITIONAL {"ConditionalOperator", MC_ENUM, SET_CONDITIONAL}
#define EXPECTED {"Expected", MC_CONDITIONS, SET_COMPARISON}
#define ON_FAILURE {"ReturnValuesOnConditionCheckFailure", MC_ENUM, SET_ON_FAILURE}
#define TO_GET {"AttributesToGet", MC_LENGTH, NULL, 1, 255}
#define LIMIT {"Limit", MC_INTEGER, NULL, 1, INT_MAX_D}
#define END {NULL}

/* Each operation's members, in the order DynamoDB reports them */
static const struct
{
	const char *operation;
	MemberConstraint members[12];
}			OperationConstraints[] = {
	{"PutItem", {CAPACITY, TABLE, {"Item", MC_REQUIRED}, CONDITIONAL, EXPECTED, RETURN_VALUES,
	METRICS, ON_FAILURE, END}},
	{"GetItem", {CAPACITY, TO_GET, TABLE, {"Key", MC_REQUIRED}, END}},
	{"DeleteItem", {CAPACITY, TABLE, RETURN_VALUES, METRICS, {"Key", MC_REQUIRED}, CONDITIONAL,
	EXPECTED, ON_FAILURE, END}},
	{"UpdateItem", {CAPACITY, TABLE, METRICS, RETURN_VALUES, {"Key", MC_REQUIRED}, CONDITIONAL,
		EXPECTED, {"AttributeUpdates", MC_UPDATES, SET_ACTION}, ON_FAILURE, END}},
	{"Query", {{"Select", MC_ENUM, SET_SELECT}, {"IndexName", MC_NAME, NULL, 0, 255}, CAPACITY,
		{"QueryFilter", MC_FILTER_CONDITIONS, SET_COMPARISON}, TABLE, CONDITIONAL, TO_GET, LIMIT,
	{"KeyConditions", MC_FILTER_CONDITIONS, SET_COMPARISON}, END}},
	{"Scan", {{"Select", MC_ENUM, SET_SELECT}, {"IndexName", MC_NAME, NULL, 0, 255},
		{"TotalSegments", MC_INTEGER, NULL, 1, 1000000}, CAPACITY, TABLE, CONDITIONAL,
		{"ScanFilter", MC_FILTER_CONDITIONS, SET_COMPARISON},
	{"Segment", MC_INTEGER, NULL, 0, 999999}, LIMIT, TO_GET, END}},
	{"BatchGetItem", {CAPACITY, {"RequestItems", MC_REQUIRED}, END}},
	{"BatchWriteItem", {CAPACITY, METRICS, {"RequestItems", MC_REQUIRED}, END}},
	{"TransactGetItems", {{"TransactItems", MC_REQUIRED_LENGTH, NULL, 1, 100}, CAPACITY, END}},
	{"TransactWriteItems", {{"TransactItems", MC_REQUIRED_LENGTH, NULL, 1, 100}, CAPACITY, METRICS,
	{"ClientRequestToken", MC_LENGTH, NULL, 1, 36}, END}},
	{"ListTables", {{"ExclusiveStartTableName", MC_NAME, NULL, 0, 255},
	{"Limit", MC_INTEGER, NULL, 1, 100}, END}},
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

/* Check one member of a request */
static void
check_member(DynValidation *v, Jsonb *req, const MemberConstraint *c)
{
	JsonbValue *m = req_member(req, c->member);
	char	   *path = member_path(c->member);

	if (c->kind == MC_REQUIRED || c->kind == MC_REQUIRED_LENGTH || c->kind == MC_REQUIRED_NAME)
		validate_not_null(v, m, path);
	if (m == NULL)
		return;
	switch (c->kind)
	{
		case MC_ENUM:
			if (m->type == jbvString)
				validate_enum(v, value_text(m), path, c->set);
			break;
		case MC_NAME:
		case MC_REQUIRED_NAME:
			if (m->type == jbvString)
				validate_name(v, value_text(m), (int64) c->max, path);
			break;
		case MC_INTEGER:
			check_integer(v, m, c, path);
			break;
		case MC_LENGTH:
		case MC_REQUIRED_LENGTH:
			if (m->type == jbvString)
				validate_length(v, value_text(m), pg_mbstrlen_with_len(m->val.string.val, m->val.string.len),
								(int64) c->min, (int64) c->max, path);
			else if (m->type == jbvBinary && JsonContainerIsArray(m->val.binary.data))
				validate_length(v, value_text(m), JsonContainerSize(m->val.binary.data),
								(int64) c->min, (int64) c->max, path);
			break;
		case MC_CONDITIONS:
		case MC_FILTER_CONDITIONS:
		case MC_UPDATES:
			check_entries(v, m, c, path);
			break;
		case MC_REQUIRED:
			break;
	}
}

/*
 * Check the parameter constraints of a request of an operation, raising
 * all violations together; operations without a list pass unchecked.
 */
void
exec_check_constraints(const char *operation, Jsonb *req)
{
	DynValidation v;

	validate_init(&v);
	for (int i = 0; i < lengthof(OperationConstraints); i++)
	{
		if (strcmp(OperationConstraints[i].operation, operation) != 0)
			continue;
		for (const MemberConstraint *c = OperationConstraints[i].members; c->member; c++)
			check_member(&v, req, c);
	}
	validate_finish(&v);
}
