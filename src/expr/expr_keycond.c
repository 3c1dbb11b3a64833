/*
 * expr_keycond.c
 *		The parts of a KeyConditionExpression: one condition on the partition
 *		key and at most one on the sort key (one per key attribute of a
 *		multi-attribute index), in the shapes DynamoDB allows (the operators
 *		were checked when parsing).  Which attribute is which
 *		key is for the caller to check against the key schema.
 */
#include "postgres.h"

#include "miscadmin.h"

#include "errors.h"
#include "expr_nodes.h"

/* Flip a comparator written with the value on the left (:v < k) */
static KeyCondOp
flip(KeyCondOp op)
{
	switch (op)
	{
		case KC_LT:
			return KC_GT;
		case KC_LE:
			return KC_GE;
		case KC_GT:
			return KC_LT;
		case KC_GE:
			return KC_LE;
		default:
			return op;
	}
}

/* The attribute a key condition operand names; rejects anything else */
static const char *
key_attribute(ExprBinding *b, ExprNode *n)
{
	ResolvedStep *steps;

	if (n->tag == EN_FUNC)
		dynamo_error(DYN_VALIDATION, "KeyConditionExpressions cannot contain nested operations");
	if (n->tag != EN_PATH)
		dynamo_error(DYN_VALIDATION, "Query key condition not supported");
	steps = expr_resolve_path(b, n);
	if (n->nsteps != 1 || steps[0].index >= 0)
		dynamo_error(DYN_VALIDATION,
					 "KeyConditionExpressions cannot have conditions on nested attributes");
	return pnstrdup(steps[0].name, steps[0].namelen);
}

/* A :value operand of a key condition */
static JsonbValue *
key_value(ExprBinding *b, ExprNode *n)
{
	if (n->tag == EN_PATH)
		dynamo_error(DYN_VALIDATION,
					 "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
	if (n->tag != EN_VALUE)
		dynamo_error(DYN_VALIDATION, "KeyConditionExpressions cannot contain nested operations");
	return b->values[n->value_ph];
}

/* One simple condition as a part */
static void
key_part(ExprBinding *b, ExprNode *n, KeyCondPart *part)
{
	static const KeyCondOp ops[] = {[EC_EQ] = KC_EQ,[EC_LT] = KC_LT,[EC_LE] = KC_LE,
	[EC_GT] = KC_GT,[EC_GE] = KC_GE};
	ExprNode   *first = linitial(n->args);
	ExprNode   *second = lsecond(n->args);

	part->value2 = NULL;
	if (n->tag == EN_COMPARE && first->tag == EN_VALUE)
	{
		if (second->tag == EN_VALUE)
			dynamo_error(DYN_VALIDATION,
						 "Invalid condition in KeyConditionExpression: No key attribute specified");
		part->attr_name = key_attribute(b, second);
		part->value = key_value(b, first);
		part->op = flip(ops[n->op]);
		return;
	}
	if (n->tag != EN_COMPARE && first->tag != EN_PATH)
		dynamo_error(DYN_VALIDATION,
					 "Invalid condition in KeyConditionExpression: %s operator must have the key attribute as its first operand",
					 n->tag == EN_BETWEEN ? "BETWEEN" : "begins_with");
	part->attr_name = key_attribute(b, first);
	part->value = key_value(b, second);
	if (n->tag == EN_COMPARE)
		part->op = ops[n->op];
	else if (n->tag == EN_BETWEEN)
	{
		part->op = KC_BETWEEN;
		part->value2 = key_value(b, lthird(n->args));
	}
	else
		part->op = KC_BEGINS_WITH;
}

/*
 * Key conditions allow =, <, <=, >, >=, BETWEEN, begins_with and AND only:
 * refuse any other operator, top-down.  (A size() operand is a nested
 * operation, refused with the condition's shape.)
 */
static void
check_operators(ExprNode *n)
{
	const char *op = NULL;
	ListCell   *lc;

	check_stack_depth();
	if (n->tag == EN_OR)
		op = "OR";
	else if (n->tag == EN_NOT)
		op = "NOT";
	else if (n->tag == EN_IN)
		op = "IN";
	else if (n->tag == EN_COMPARE && n->op == EC_NE)
		op = "<>";
	else if (n->tag == EN_FUNC && n->op != EF_BEGINS_WITH && n->op != EF_UNKNOWN &&
			 n->op != EF_SIZE)
		op = n->fname;
	if (op)
		dynamo_error(DYN_VALIDATION, "Invalid operator used in KeyConditionExpression: %s", op);
	foreach(lc, n->args)
		check_operators(lfirst(lc));
}

/* Refuse more than max conditions in a key condition */
static void
check_count(int count, int max)
{
	if (count > max && max <= 2)
		dynamo_error(DYN_VALIDATION, "Conditions can be of length 1 or 2 only");
	if (count > max)
		dynamo_error(DYN_VALIDATION, "Conditions can be of length 1 to %d only", max);
}

/* Collect the simple conditions of an AND tree, at most cap of them */
static void
collect_simple(ExprNode *n, ExprNode **simple, int *count, int cap, int max)
{
	check_stack_depth();
	if (n->tag == EN_AND)
	{
		collect_simple(linitial(n->args), simple, count, cap, max);
		collect_simple(lsecond(n->args), simple, count, cap, max);
		return;
	}
	if (*count >= cap)
		check_count(*count + 1, Min(cap, max));
	simple[(*count)++] = n;
}

/*
 * Split a bound key condition into its parts, one per key attribute: at
 * most max (2, or the key attributes of a multi-attribute index); returns
 * how many.  DynamoDB checks the operators (after parsing every
 * expression of the request), each condition's shape, then that no key has
 * two, then their number.
 */
int
expr_key_condition_parts(DynCondition *cond, KeyCondPart *parts, int max)
{
	ExprNode   *simple[16];
	KeyCondPart all[16];
	int			count = 0;

	check_operators(cond->b.tree->cond);
	collect_simple(cond->b.tree->cond, simple, &count, lengthof(simple), max);
	for (int i = 0; i < count; i++)
		key_part(&cond->b, simple[i], &all[i]);
	for (int i = 1; i < count; i++)
		for (int j = 0; j < i; j++)
			if (strcmp(all[i].attr_name, all[j].attr_name) == 0)
				dynamo_error(DYN_VALIDATION,
							 "KeyConditionExpressions must only contain one condition per key");
	check_count(count, max);
	memcpy(parts, all, sizeof(KeyCondPart) * count);
	return count;
}

/*
 * Does a node (or a node under it) name top-level attribute name?  nested:
 * only by a path into it ("name.x", "name[1]").
 */
static bool
node_names(ExprBinding *b, ExprNode *n, const char *name, bool nested)
{
	ListCell   *lc;

	check_stack_depth();
	if (n->tag == EN_PATH)
	{
		ResolvedStep *steps = expr_resolve_path(b, n);

		return steps[0].namelen == strlen(name) && (!nested || n->nsteps > 1) &&
			memcmp(steps[0].name, name, steps[0].namelen) == 0;
	}
	foreach(lc, n->args)
	{
		if (node_names(b, lfirst(lc), name, nested))
			return true;
	}
	return false;
}

/*
 * Does a condition refer to a top-level attribute (anywhere in it, at any
 * depth below it)?  Query uses it to keep key attributes out of filters.
 */
bool
expr_condition_names(DynCondition *cond, const char *name)
{
	return node_names(&cond->b, cond->b.tree->cond, name, false);
}

/* The first top-level attribute under a node that keep() refuses, else NULL */
static const char *
node_refused(ExprBinding *b, ExprNode *n, bool (*keep) (void *arg, const char *name, int len),
			 void *arg)
{
	ListCell   *lc;

	check_stack_depth();
	if (n->tag == EN_PATH)
	{
		ResolvedStep *steps = expr_resolve_path(b, n);

		return keep(arg, steps[0].name, steps[0].namelen) ? NULL
			: pnstrdup(steps[0].name, steps[0].namelen);
	}
	foreach(lc, n->args)
	{
		const char *name = node_refused(b, lfirst(lc), keep, arg);

		if (name)
			return name;
	}
	return NULL;
}

/* The first top-level attribute a condition names that keep() refuses, else NULL */
const char *
expr_condition_refused(DynCondition *cond, bool (*keep) (void *arg, const char *name, int len),
					   void *arg)
{
	return node_refused(&cond->b, cond->b.tree->cond, keep, arg);
}

/* Does a condition hold a path into a top-level attribute ("name.x", "name[1]")? */
bool
expr_condition_names_nested(DynCondition *cond, const char *name)
{
	return node_names(&cond->b, cond->b.tree->cond, name, true);
}
