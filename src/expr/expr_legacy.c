/*
 * expr_legacy.c
 *		The parameters that predate expressions (Expected with
 *		ConditionalOperator, AttributesToGet, AttributeUpdates), translated
 *		into the trees expressions parse into, so one evaluator serves both.
 *
 * Values arrive in DynamoDB's typed form and are converted to the stored
 * form here; the trees name attributes literally, so they need neither
 * placeholders nor the reserved-word check.
 */
#include "postgres.h"

#include "attr_value.h"
#include "errors.h"
#include "expr_nodes.h"
#include "nul_escape.h"
#include "validate.h"

/* A tree being built, with the values its :placeholders stand for */
typedef struct LegacyBuild
{
	ExprTree   *tree;
	List	   *values;			/* JsonbValue *, by placeholder number */
	bool		escaped;		/* names and strings already use the escape */
} LegacyBuild;

/*
 * A legacy comparison operator: its name, how many values it takes and of
 * which types (bits of 1 << DynamoType), as DynamoDB validates them
 */
typedef struct LegacyOp
{
	const char *name;
	int			nargs;			/* -1: one or more (IN) */
	int			types;
} LegacyOp;

#define T_SCALAR ((1 << DT_S) | (1 << DT_N) | (1 << DT_B))
#define T_ANY ((1 << DYNAMO_TYPE_COUNT) - 1)

static const LegacyOp LegacyOps[] = {
	{"EQ", 1, T_ANY}, {"NE", 1, T_ANY}, {"LE", 1, T_SCALAR}, {"LT", 1, T_SCALAR},
	{"GE", 1, T_SCALAR}, {"GT", 1, T_SCALAR}, {"NOT_NULL", 0, 0}, {"NULL", 0, 0},
	{"CONTAINS", 1, T_SCALAR}, {"NOT_CONTAINS", 1, T_SCALAR},
	{"BEGINS_WITH", 1, (1 << DT_S) | (1 << DT_B)},
	{"IN", -1, T_SCALAR}, {"BETWEEN", 2, T_SCALAR}
};

/* A one-step path naming a top-level attribute */
static ExprNode *
legacy_path(LegacyBuild *lb, const char *name, int len)
{
	ExprNode   *n = expr_make_node(EN_PATH, 0);

	attr_check_name_length(len, DYN_INVALID_PARAMS);
	n->nsteps = 1;
	n->steps = palloc(sizeof(PathStep));
	n->steps[0].index = -1;
	n->steps[0].name_ph = -1;
	n->steps[0].name = (char *) name;
	n->steps[0].namelen = len;
	if (!lb->escaped && nul_escape_present(name, len))
		n->steps[0].name = nul_escape(name, len, &n->steps[0].namelen);
	return n;
}

/* A :placeholder operand standing for a typed value, converted */
static ExprNode *
legacy_value(LegacyBuild *lb, JsonbValue *typed)
{
	ExprNode   *n = expr_make_node(EN_VALUE, 0);

	n->value_ph = list_length(lb->values);
	lb->values = lappend(lb->values, attr_from_typed(typed, lb->escaped));
	return n;
}

/* An operator or function node */
static ExprNode *
legacy_node(ExprNodeTag tag, int op, List *args)
{
	ExprNode   *n = expr_make_node(tag, 0);

	n->op = op;
	n->args = args;
	return n;
}

/* A condition function node */
static ExprNode *
legacy_func(ExprFunc f, const char *name, List *args)
{
	ExprNode   *n = legacy_node(EN_FUNC, f, args);

	n->fname = (char *) name;
	return n;
}

/* Bind a built tree to its values */
static void
legacy_bind(ExprBinding *b, LegacyBuild *lb)
{
	int			n = list_length(lb->values);

	lb->tree->nvalues = n;
	lb->tree->values = palloc(sizeof(char *) * Max(n, 1));
	b->tree = lb->tree;
	b->names = NULL;
	b->namelens = NULL;
	b->values = palloc(sizeof(JsonbValue *) * Max(n, 1));
	for (int i = 0; i < n; i++)
	{
		lb->tree->values[i] = psprintf(":legacy%d", i);
		b->values[i] = list_nth(lb->values, i);
	}
}

/* A member of an object, or NULL */
static JsonbValue *
member(JsonbValue *obj, const char *key)
{
	JsonbValue *v = palloc(sizeof(JsonbValue));

	if (obj->type != jbvBinary || !JsonContainerIsObject(obj->val.binary.data))
		return NULL;
	return getKeyJsonValueFromContainer(obj->val.binary.data, key, strlen(key), v);
}

/*
 * Look up a legacy comparison operator by name; member names the request
 * member ("expected", "keyConditions", ...) for the constraint message
 */
static const LegacyOp *
find_op(JsonbValue *name, const char *member, const char *attr)
{
	if (name->type == jbvString)
	{
		for (int i = 0; i < lengthof(LegacyOps); i++)
		{
			if (strlen(LegacyOps[i].name) == name->val.string.len &&
				memcmp(LegacyOps[i].name, name->val.string.val, name->val.string.len) == 0)
				return &LegacyOps[i];
		}
	}
	validate_enum(NULL, name->type == jbvString ? pnstrdup(name->val.string.val, name->val.string.len) : "",
				  psprintf("%s.%s.member.comparisonOperator", member, attr),
				  "[IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
	return NULL;
}

/* The condition of one ComparisonOperator with its arguments */
static ExprNode *
comparison_condition(LegacyBuild *lb, const LegacyOp *op, ExprNode *path, List *args)
{
	const char *name = op->name;

	if (strcmp(name, "NOT_NULL") == 0)
		return legacy_func(EF_ATTRIBUTE_EXISTS, "attribute_exists", list_make1(path));
	if (strcmp(name, "NULL") == 0)
		return legacy_func(EF_ATTRIBUTE_NOT_EXISTS, "attribute_not_exists", list_make1(path));
	if (strcmp(name, "CONTAINS") == 0)
		return legacy_func(EF_CONTAINS, "contains", lcons(path, args));
	/* a missing attribute neither contains nor does not contain */
	if (strcmp(name, "NOT_CONTAINS") == 0)
		return legacy_node(EN_AND, 0,
						   list_make2(legacy_func(EF_ATTRIBUTE_EXISTS, "attribute_exists", list_make1(path)),
									  legacy_node(EN_NOT, 0,
												  list_make1(legacy_func(EF_CONTAINS, "contains",
																		 lcons(path, args))))));
	if (strcmp(name, "BEGINS_WITH") == 0)
		return legacy_func(EF_BEGINS_WITH, "begins_with", lcons(path, args));
	if (strcmp(name, "IN") == 0)
		return legacy_node(EN_IN, 0, lcons(path, args));
	if (strcmp(name, "BETWEEN") == 0)
		return legacy_node(EN_BETWEEN, 0, lcons(path, args));
	return legacy_node(EN_COMPARE,
					   strcmp(name, "EQ") == 0 ? EC_EQ : strcmp(name, "NE") == 0 ? EC_NE :
					   strcmp(name, "LE") == 0 ? EC_LE : strcmp(name, "LT") == 0 ? EC_LT :
					   strcmp(name, "GE") == 0 ? EC_GE : EC_GT,
					   lcons(path, args));
}

/*
 * Convert a ComparisonOperator's arguments, checked as DynamoDB checks
 * them: their count, one type for all, a type the operator takes, and
 * BETWEEN's bounds in order
 */
static List *
comparison_args(LegacyBuild *lb, const LegacyOp *op, List *typed)
{
	List	   *args = NIL;
	int			first = list_length(lb->values);
	ListCell   *lc;
	DynamoType	t = DT_NULL;

	foreach(lc, typed)
		args = lappend(args, legacy_value(lb, lfirst(lc)));
	if (op->nargs >= 0 ? list_length(typed) != op->nargs : list_length(typed) == 0)
		dynamo_error(DYN_VALIDATION,
					 DYN_INVALID_PARAMS "Invalid number of argument(s) for the %s ComparisonOperator",
					 op->name);
	for (int i = first; i < list_length(lb->values); i++)
	{
		DynamoType	ti = attr_type(list_nth(lb->values, i), NULL);

		if (i > first && ti != t)
			dynamo_error(DYN_VALIDATION,
						 DYN_INVALID_PARAMS "AttributeValues inside AttributeValueList must be of same type");
		t = ti;
	}
	if (args != NIL && (op->types & (1 << t)) == 0)
		dynamo_error(DYN_VALIDATION,
					 DYN_INVALID_PARAMS "ComparisonOperator %s is not valid for %s AttributeValue type",
					 op->name, DynamoTypeNames[t]);
	if (op->nargs == 2 &&
		attr_compare(list_nth(lb->values, first), list_nth(lb->values, first + 1)) > 0)
		dynamo_error(DYN_VALIDATION,
					 "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
	return args;
}

/* The elements of a JSON array value, as a List of JsonbValue * */
static List *
array_elements(JsonbValue *arr)
{
	List	   *out = NIL;

	if (arr == NULL)
		return NIL;
	if (arr->type != jbvBinary || !JsonContainerIsArray(arr->val.binary.data))
		dynamo_error(DYN_SERIALIZATION, "Start of structure or map found where not expected.");
	for (int i = 0; i < JsonContainerSize(arr->val.binary.data); i++)
		out = lappend(out, getIthJsonbValueFromContainer(arr->val.binary.data, i));
	return out;
}

/*
 * The condition of one Condition entry (KeyConditions, QueryFilter,
 * ScanFilter): a ComparisonOperator with its AttributeValueList
 */
static ExprNode *
filter_condition(LegacyBuild *lb, const char *param, const char *attr, int attrlen,
				 JsonbValue *entry)
{
	JsonbValue *opname = member(entry, "ComparisonOperator");
	const LegacyOp *op;

	if (opname == NULL || opname->type == jbvNull)
		validate_not_null(NULL, NULL, psprintf("%s.%s.member.comparisonOperator", param, attr));
	op = find_op(opname, param, attr);
	return comparison_condition(lb, op, legacy_path(lb, attr, attrlen),
								comparison_args(lb, op, array_elements(member(entry, "AttributeValueList"))));
}

/* The condition of one Expected entry */
static ExprNode *
expected_condition(LegacyBuild *lb, const char *attr, int attrlen, JsonbValue *eav)
{
	JsonbValue *value = member(eav, "Value");
	JsonbValue *exists = member(eav, "Exists");
	JsonbValue *opname = member(eav, "ComparisonOperator");
	JsonbValue *list = member(eav, "AttributeValueList");
	ExprNode   *path = legacy_path(lb, attr, attrlen);
	bool		exists_true = exists == NULL || (exists->type == jbvBool && exists->val.boolean);

	if (value && list)
		dynamo_error(DYN_VALIDATION,
					 DYN_INVALID_PARAMS "Value and AttributeValueList cannot be used together for Attribute: %s",
					 attr);
	if (opname)
	{
		const LegacyOp *op = find_op(opname, "expected", attr);

		if (exists)
			dynamo_error(DYN_VALIDATION,
						 DYN_INVALID_PARAMS "Exists and ComparisonOperator cannot be used together for Attribute: %s",
						 attr);
		if (op->nargs != 0 && value == NULL && list == NULL)
			dynamo_error(DYN_VALIDATION,
						 DYN_INVALID_PARAMS "Value or AttributeValueList must be used with ComparisonOperator: %s for Attribute: %s",
						 op->name, attr);
		return comparison_condition(lb, op, path,
									comparison_args(lb, op, value ? list_make1(value) : array_elements(list)));
	}
	if (list)
		dynamo_error(DYN_VALIDATION,
					 DYN_INVALID_PARAMS "AttributeValueList can only be used with a ComparisonOperator for Attribute: %s",
					 attr);
	if (!exists_true)
	{
		if (value)
			dynamo_error(DYN_VALIDATION,
						 DYN_INVALID_PARAMS "Value cannot be used when Exists is false for Attribute: %s",
						 attr);
		return legacy_func(EF_ATTRIBUTE_NOT_EXISTS, "attribute_not_exists", list_make1(path));
	}
	if (value == NULL)
		dynamo_error(DYN_VALIDATION,
					 DYN_INVALID_PARAMS "Value must be provided when Exists is %s for Attribute: %s",
					 exists ? "true" : "null", attr);
	return legacy_node(EN_COMPARE, EC_EQ, list_make2(path, legacy_value(lb, value)));
}

/*
 * Legacy conditions (typed values) joined by ConditionalOperator (NULL:
 * AND): Expected when member is NULL, else the Condition map member
 * ("keyConditions", "queryFilter", "scanFilter").  NULL when empty.
 */
static DynCondition *
legacy_condition(Jsonb *conds, const char *member, const char *conditional_operator,
				 bool escaped)
{
	LegacyBuild lb = {palloc0(sizeof(ExprTree)), NIL, escaped};
	DynCondition *cond = palloc0(sizeof(DynCondition));
	bool		or = false;
	JsonbIterator *it;
	JsonbValue	k;
	JsonbIteratorToken r;
	char	   *attr = NULL;

	if (validate_enum(NULL, conditional_operator, "conditionalOperator", "[OR, AND]") &&
		conditional_operator)
		or = strcmp(conditional_operator, "OR") == 0;
	lb.tree->kind = EXPR_CONDITION;
	it = JsonbIteratorInit(&conds->root);
	while ((r = JsonbIteratorNext(&it, &k, true)) != WJB_DONE)
	{
		if (r == WJB_KEY)
			attr = pnstrdup(k.val.string.val, k.val.string.len);
		else if (r == WJB_VALUE)
		{
			ExprNode   *c = member ? filter_condition(&lb, member, attr, strlen(attr), &k)
				: expected_condition(&lb, attr, strlen(attr), &k);

			lb.tree->cond = lb.tree->cond == NULL ? c
				: legacy_node(or ? EN_OR : EN_AND, 0, list_make2(lb.tree->cond, c));
		}
	}
	if (lb.tree->cond == NULL)
		return NULL;
	legacy_bind(&cond->b, &lb);
	return cond;
}

/* Expected with ConditionalOperator as a condition (NULL when empty) */
DynCondition *
expr_condition_from_expected(Jsonb *expected, const char *conditional_operator,
							 bool escaped)
{
	return legacy_condition(expected, NULL, conditional_operator, escaped);
}

/*
 * KeyConditions, QueryFilter or ScanFilter (member names it for messages:
 * "keyConditions", ...) as a condition (NULL when empty)
 */
DynCondition *
expr_condition_from_conditions(Jsonb *conditions, const char *member,
							   const char *conditional_operator, bool escaped)
{
	return legacy_condition(conditions, member, conditional_operator, escaped);
}

/* AttributesToGet (an array of names) as a projection */
DynProjection *
expr_projection_from_attributes_to_get(Jsonb *array, bool escaped)
{
	LegacyBuild lb = {palloc0(sizeof(ExprTree)), NIL, escaped};
	DynProjection *proj = palloc0(sizeof(DynProjection));
	JsonbValue	root = {.type = jbvBinary};
	List	   *names;
	ListCell   *lc;

	root.val.binary.data = &array->root;
	names = array_elements(&root);
	validate_length(NULL, JsonbToCString(NULL, &array->root, VARSIZE(array)), list_length(names),
					1, 255, "attributesToGet");
	lb.tree->kind = EXPR_PROJECTION;
	foreach(lc, names)
	{
		JsonbValue *name = lfirst(lc);

		if (name->type != jbvString)
			dynamo_kind_error(name, "String");
		for (ListCell *prev = list_head(names); prev != lc; prev = lnext(names, prev))
		{
			JsonbValue *p = lfirst(prev);

			if (p->val.string.len == name->val.string.len &&
				memcmp(p->val.string.val, name->val.string.val, p->val.string.len) == 0)
				dynamo_error(DYN_VALIDATION,
							 DYN_INVALID_PARAMS "Duplicate value in attribute name: %.*s",
							 name->val.string.len, name->val.string.val);
		}
		lb.tree->paths = lappend(lb.tree->paths,
								 legacy_path(&lb, name->val.string.val, name->val.string.len));
	}
	legacy_bind(&proj->b, &lb);
	return proj;
}

/* One AttributeUpdates entry as an update action */
static UpdateAction *
attribute_update_action(LegacyBuild *lb, const char *attr, JsonbValue *update)
{
	JsonbValue *action = member(update, "Action");
	JsonbValue *value = member(update, "Value");
	UpdateAction *a = palloc0(sizeof(UpdateAction));
	const char *act = "PUT";
	DynamoType	t;

	if (action && action->type == jbvString)
		act = pnstrdup(action->val.string.val, action->val.string.len);
	validate_enum(NULL, act, psprintf("attributeUpdates.%s.member.action", attr), "[ADD, PUT, DELETE]");
	a->path = legacy_path(lb, attr, strlen(attr));
	a->legacy = true;
	if (value == NULL)
	{
		if (strcmp(act, "DELETE") != 0)
			dynamo_error(DYN_VALIDATION,
						 DYN_INVALID_PARAMS "Only DELETE action is allowed when no attribute value is specified");
		a->kind = UA_REMOVE;
		return a;
	}
	a->value = legacy_value(lb, value);
	t = attr_type(llast(lb->values), NULL);
	if (strcmp(act, "PUT") == 0)
		a->kind = UA_SET;
	else if (strcmp(act, "ADD") == 0)
	{
		if (t != DT_N && t != DT_SS && t != DT_NS && t != DT_BS && t != DT_L)
			dynamo_error(DYN_VALIDATION,
						 DYN_INVALID_PARAMS "ADD action is not supported for the type %s",
						 DynamoTypeNames[t]);
		a->kind = (t == DT_L) ? UA_APPEND : UA_ADD;
	}
	else
	{
		if (t != DT_SS && t != DT_NS && t != DT_BS)
			dynamo_error(DYN_VALIDATION,
						 DYN_INVALID_PARAMS "DELETE action with value is not supported for the type %s",
						 DynamoTypeNames[t]);
		a->kind = UA_DELETE;
	}
	return a;
}

/* AttributeUpdates (typed values) as an update */
DynUpdate *
expr_update_from_attribute_updates(Jsonb *attribute_updates, bool escaped)
{
	LegacyBuild lb = {palloc0(sizeof(ExprTree)), NIL, escaped};
	DynUpdate  *upd = palloc0(sizeof(DynUpdate));
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken r;
	char	   *attr = NULL;

	lb.tree->kind = EXPR_UPDATE;
	it = JsonbIteratorInit(&attribute_updates->root);
	while ((r = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (r == WJB_KEY)
			attr = pnstrdup(v.val.string.val, v.val.string.len);
		else if (r == WJB_VALUE)
			lb.tree->actions = lappend(lb.tree->actions,
									   attribute_update_action(&lb, attr, &v));
	}
	legacy_bind(&upd->b, &lb);
	return upd;
}
