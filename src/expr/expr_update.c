/*
 * expr_update.c
 *		Applying an UpdateExpression (or translated AttributeUpdates) to a
 *		stored item.
 *
 * As in DynamoDB, every right-hand side reads the item as it was before the
 * update; list indexes name positions in the original lists, so REMOVE of
 * several elements removes the ones originally at those indexes, and SET of
 * an index past the end appends.  The item is opened up along the updated
 * paths (expr_doc.h) and serialised again in the stored form.
 */
#include "postgres.h"

#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

#include "attr_value.h"
#include "errors.h"
#include "expr_doc.h"
#include "expr_nodes.h"
#include "stored_form.h"

/* An action with its path resolved and its value computed */
typedef struct PlannedAction
{
	UpdateAction *action;
	ResolvedStep *steps;
	int			nsteps;
	JsonbValue *value;
} PlannedAction;

static void invalid_path(void) pg_attribute_noreturn();
static void incorrect_type(void) pg_attribute_noreturn();

/* Reject a path whose parent is missing or of the wrong type */
static void
invalid_path(void)
{
	dynamo_error(DYN_VALIDATION,
				 "The document path provided in the update expression is invalid for update");
}

/* Reject an operand of the wrong type met while applying the update */
static void
incorrect_type(void)
{
	dynamo_error(DYN_VALIDATION, "An operand in the update expression has an incorrect data type");
}

/* x + y or x - y of two stored numbers */
static JsonbValue *
arithmetic(JsonbValue *x, JsonbValue *y, int op)
{
	JsonbValue *v = palloc(sizeof(JsonbValue));

	if (attr_type(x, NULL) != DT_N || attr_type(y, NULL) != DT_N)
		incorrect_type();
	v->type = jbvNumeric;
	v->val.numeric = dynamo_number_result(DatumGetNumeric(DirectFunctionCall2(op == '+' ? numeric_add : numeric_sub,
																			  NumericGetDatum(x->val.numeric),
																			  NumericGetDatum(y->val.numeric))));
	return v;
}

/* list_append(x, y) of two stored lists */
static JsonbValue *
list_append(JsonbValue *x, JsonbValue *y)
{
	JsonbParseState *st = NULL;
	JsonbValue *res;

	if (attr_type(x, NULL) != DT_L || attr_type(y, NULL) != DT_L)
		incorrect_type();
	(void) pushJsonbValue(&st, WJB_BEGIN_ARRAY, NULL);
	for (int i = 0; i < 2; i++)
	{
		JsonbContainer *c = (i == 0 ? x : y)->val.binary.data;

		for (int j = 0; j < JsonContainerSize(c); j++)
			(void) pushJsonbValue(&st, WJB_ELEM, getIthJsonbValueFromContainer(c, j));
	}
	res = pushJsonbValue(&st, WJB_END_ARRAY, NULL);
	return jsonb_root_value(JsonbValueToJsonb(res));
}

/* The value of a SET right-hand side, read from the item before the update */
static JsonbValue *
update_operand(ExprBinding *b, ExprNode *n, Jsonb *item)
{
	JsonbValue *v = palloc(sizeof(JsonbValue));

	switch (n->tag)
	{
		case EN_PATH:
			if (!expr_path_value(b, n, item, v))
				dynamo_error(DYN_VALIDATION,
							 "The provided expression refers to an attribute that does not exist in the item");
			return v;
		case EN_VALUE:
			return b->values[n->value_ph];
		case EN_ARITH:
			return arithmetic(update_operand(b, linitial(n->args), item),
							  update_operand(b, lsecond(n->args), item), n->op);
		case EN_FUNC:
			if (n->op == EF_IF_NOT_EXISTS)
				return expr_path_value(b, linitial(n->args), item, v) ? v
					: update_operand(b, lsecond(n->args), item);
			Assert(n->op == EF_LIST_APPEND);
			return list_append(update_operand(b, linitial(n->args), item),
							   update_operand(b, lsecond(n->args), item));
		default:
			elog(ERROR, "unexpected expression node %d in an update", n->tag);
	}
	return NULL;
}

/*
 * Union (add) or difference (!add) of two canonical sets of type t, merged
 * in order.  NULL when the result is empty.
 */
static JsonbValue *
set_combine(DynamoType t, JsonbValue *x, JsonbValue *y, bool add)
{
	JsonbValue	px,
				py;
	JsonbParseState *st = NULL;
	JsonbValue *res;
	int			i = 0,
				j = 0,
				nx,
				ny,
				kept = 0;

	(void) attr_type(x, &px);
	(void) attr_type(y, &py);
	nx = JsonContainerSize(px.val.binary.data);
	ny = JsonContainerSize(py.val.binary.data);
	stored_push_tag(&st, t);
	(void) pushJsonbValue(&st, WJB_BEGIN_ARRAY, NULL);
	while (i < nx || j < ny)
	{
		JsonbValue *a = i < nx ? getIthJsonbValueFromContainer(px.val.binary.data, i) : NULL;
		JsonbValue *b = j < ny ? getIthJsonbValueFromContainer(py.val.binary.data, j) : NULL;
		int			c = !a ? 1 : !b ? -1 : stored_set_member_cmp(t, a, b);

		if (c <= 0)
			i++;
		if (c >= 0)
			j++;
		if (c < 0 || (add && c >= 0))
		{
			(void) pushJsonbValue(&st, WJB_ELEM, c <= 0 ? a : b);
			kept++;
		}
	}
	(void) pushJsonbValue(&st, WJB_END_ARRAY, NULL);
	res = pushJsonbValue(&st, WJB_END_OBJECT, NULL);
	return kept ? jsonb_root_value(JsonbValueToJsonb(res)) : NULL;
}

/* ADD or DELETE of a value of another type than the attribute's */
static void
type_mismatch(UpdateAction *a)
{
	if (a->legacy)
		dynamo_error(DYN_VALIDATION, "Type mismatch for attribute to update");
	incorrect_type();
}

/* ADD: a number to a number, a set to a set (legacy: a list to a list) */
static JsonbValue *
add_value(JsonbValue *cur, JsonbValue *v, UpdateAction *a)
{
	DynamoType	t = attr_type(v, NULL);
	UpdateActionKind kind = a->kind;

	if (cur == NULL)
		return v;
	if (attr_type(cur, NULL) != t)
		type_mismatch(a);
	if (kind == UA_APPEND)
		return list_append(cur, v);
	if (t == DT_N)
		return arithmetic(cur, v, '+');
	return set_combine(t, cur, v, true);
}

/* The member of an open node a step names: NULL if none */
static Doc *
doc_member(Doc *parent, ResolvedStep *step, int *pos)
{
	if (!doc_open(parent, step->index < 0 ? DOC_MAP : DOC_LIST))
		invalid_path();
	*pos = step->index < 0 ? doc_map_find(parent, step->name, step->namelen)
		: doc_list_find(parent, step->index);
	return *pos >= 0 ? parent->members[*pos] : NULL;
}

/* Put a value where the last step names, in its open parent */
static void
doc_store(Doc *parent, ResolvedStep *step, int pos, JsonbValue *value)
{
	if (value == NULL)			/* remove */
	{
		if (pos >= 0 && step->index < 0)
			doc_map_delete(parent, pos);
		else if (pos >= 0)
			parent->members[pos] = NULL;
	}
	else if (pos >= 0)
		parent->members[pos] = doc_leaf(value);
	else if (step->index < 0)
		doc_map_put(parent, step->name, step->namelen, doc_leaf(value));
	else
		doc_list_insert(parent, step->index, doc_leaf(value));
}

/* Apply one planned action to the open item */
static void
apply_action(Doc *root, PlannedAction *pa)
{
	Doc		   *parent = root;
	Doc		   *cur;
	int			pos;
	ResolvedStep *last = &pa->steps[pa->nsteps - 1];
	JsonbValue *curval;

	for (int i = 0; i < pa->nsteps - 1; i++)
	{
		parent = doc_member(parent, &pa->steps[i], &pos);
		if (parent == NULL)
			invalid_path();
	}
	cur = doc_member(parent, last, &pos);
	curval = cur ? doc_value(cur) : NULL;
	switch (pa->action->kind)
	{
		case UA_SET:
			doc_store(parent, last, pos, pa->value);
			break;
		case UA_REMOVE:
			doc_store(parent, last, pos, NULL);
			break;
		case UA_ADD:
		case UA_APPEND:
			doc_store(parent, last, pos, add_value(curval, pa->value, pa->action));
			break;
		case UA_DELETE:
			if (curval == NULL)
				break;
			if (attr_type(curval, NULL) != attr_type(pa->value, NULL))
				type_mismatch(pa->action);
			doc_store(parent, last, pos,
					  set_combine(attr_type(curval, NULL), curval, pa->value, false));
			break;
	}
}

/* Reject an action on a key attribute */
static void
check_key_attribute(ResolvedStep *first, const char **key_names, int nkeys)
{
	for (int k = 0; k < nkeys; k++)
	{
		if (strlen(key_names[k]) == first->namelen &&
			memcmp(key_names[k], first->name, first->namelen) == 0)
			dynamo_error(DYN_VALIDATION,
						 DYN_INVALID_PARAMS "Cannot update attribute %s. This attribute is part of the key",
						 key_names[k]);
	}
}

/* Reject a bound update acting on a key attribute, item or no item */
void
expr_update_check_keys(DynUpdate *upd, const char **key_names, int nkeys)
{
	ListCell   *lc;

	foreach(lc, upd->b.tree->actions)
		check_key_attribute(expr_resolve_path(&upd->b, ((UpdateAction *) lfirst(lc))->path),
							key_names, nkeys);
}

/* The index key a resolved path starts with, or NULL */
static const ExprIndexKey *
find_index_key(ResolvedStep *first, const ExprIndexKey *keys, int nkeys)
{
	for (int k = 0; k < nkeys; k++)
	{
		if (first->index < 0 && strlen(keys[k].name) == first->namelen &&
			memcmp(keys[k].name, first->name, first->namelen) == 0)
			return &keys[k];
	}
	return NULL;
}

/*
 * Refuse a path into key attribute name ("k.x", "k[1]") of the table (label
 * "Key") or of a secondary index ("IndexKey"), as DynamoDB words it
 */
void
expr_key_path_refused(const char *label, const char *name)
{
	dynamo_error(DYN_VALIDATION,
				 "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: %s: %s",
				 label, name);
}

/* Refuse a path into an index key attribute ("d.b", "d[1]") */
static void
check_scalar_key_path(ExprBinding *b, ExprNode *path, const ExprIndexKey *keys, int nkeys,
					  const char *label)
{
	ResolvedStep *steps = expr_resolve_path(b, path);
	const ExprIndexKey *k;

	if (path->nsteps > 1 && (k = find_index_key(&steps[0], keys, nkeys)) != NULL)
		expr_key_path_refused(label, k->name);
}

/* Check the operand paths under a SET value */
static void
check_operand_paths(ExprBinding *b, ExprNode *n, const ExprIndexKey *keys, int nkeys)
{
	ListCell   *lc;

	check_stack_depth();
	if (n->tag == EN_PATH)
		check_scalar_key_path(b, n, keys, nkeys, "IndexKey");
	foreach(lc, n->args)
		check_operand_paths(b, lfirst(lc), keys, nkeys);
}

/* The type an action writes, when the request alone decides it; else -1 */
static int
static_result_type(ExprBinding *b, UpdateAction *a)
{
	ExprNode   *v = a->value;

	if (a->kind == UA_SET && v->tag == EN_ARITH)
		return DT_N;
	if (a->kind == UA_SET && v->tag == EN_FUNC && v->op == EF_LIST_APPEND)
		return DT_L;
	if ((a->kind == UA_SET || a->kind == UA_ADD) && v->tag == EN_VALUE)
		return attr_type(b->values[v->value_ph], NULL);
	return -1;
}

/*
 * Check a bound update against the secondary index key attributes before
 * the item is read, as DynamoDB does: a value of a type the request decides
 * written to an index key of another type, then a path into an index key,
 * written or read.
 */
void
expr_update_check_index_keys(DynUpdate *upd, const ExprIndexKey *keys, int nkeys)
{
	ExprBinding *b = &upd->b;
	ListCell   *lc;

	foreach(lc, b->tree->actions)
	{
		UpdateAction *a = lfirst(lc);
		ResolvedStep *steps = expr_resolve_path(b, a->path);
		const ExprIndexKey *k = find_index_key(&steps[0], keys, nkeys);
		int			t = (k && a->path->nsteps == 1 && a->value) ? static_result_type(b, a) : -1;

		if (t >= 0 && t != k->type)
			dynamo_error(DYN_VALIDATION,
						 DYN_INVALID_PARAMS "Type mismatch for Index Key %s Expected: %s Actual: %s IndexName: %s",
						 k->name, DynamoTypeNames[k->type], DynamoTypeNames[t], k->index);
	}
	foreach(lc, b->tree->actions)
	{
		UpdateAction *a = lfirst(lc);

		check_scalar_key_path(b, a->path, keys, nkeys, "IndexKey");
		if (a->value)
			check_operand_paths(b, a->value, keys, nkeys);
	}
}

/*
 * Refuse a projection's path into a key attribute of the table (Key) or of
 * a secondary index (IndexKey)
 */
void
expr_projection_check_keys(DynProjection *proj, const char **key_names, int nkeys,
						   const ExprIndexKey *index_keys, int nindex_keys)
{
	ExprIndexKey *table_keys = palloc(sizeof(ExprIndexKey) * Max(nkeys, 1));
	ListCell   *lc;

	for (int k = 0; k < nkeys; k++)
		table_keys[k].name = key_names[k];
	foreach(lc, proj->b.tree->paths)
	{
		check_scalar_key_path(&proj->b, lfirst(lc), table_keys, nkeys, "Key");
		check_scalar_key_path(&proj->b, lfirst(lc), index_keys, nindex_keys, "IndexKey");
	}
}

/*
 * Apply a bound update to a stored item (NULL: none yet) and return the new
 * item.  Updating a key attribute is rejected.
 */
Jsonb *
expr_apply_update(DynUpdate *upd, Jsonb *old_item, const char **key_names, int nkeys)
{
	ExprBinding *b = &upd->b;
	int			n = list_length(b->tree->actions);
	PlannedAction *plan = palloc0(sizeof(PlannedAction) * Max(n, 1));
	Doc		   *root;
	Jsonb	   *result;

	for (int i = 0; i < n; i++)
	{
		UpdateAction *a = list_nth(b->tree->actions, i);

		plan[i].action = a;
		plan[i].steps = expr_resolve_path(b, a->path);
		plan[i].nsteps = a->path->nsteps;
		check_key_attribute(&plan[i].steps[0], key_names, nkeys);
	}
	for (int i = 0; i < n; i++)
	{
		if (plan[i].action->value)
			plan[i].value = update_operand(b, plan[i].action->value, old_item);
	}
	root = doc_from_item(old_item);
	for (int i = 0; i < n; i++)
		apply_action(root, &plan[i]);
	result = doc_to_item(root);
	stored_check_nesting(result);
	return result;
}

/* The paths an update writes, as a projection (for ReturnValues) */
DynProjection *
expr_update_paths(DynUpdate *upd)
{
	DynProjection *proj = palloc0(sizeof(DynProjection));
	ExprTree   *tree = palloc(sizeof(ExprTree));
	ListCell   *lc;

	*tree = *upd->b.tree;
	tree->kind = EXPR_PROJECTION;
	tree->actions = NIL;
	tree->paths = NIL;
	foreach(lc, upd->b.tree->actions)
		tree->paths = lappend(tree->paths, ((UpdateAction *) lfirst(lc))->path);
	proj->b = upd->b;
	proj->b.tree = tree;
	return proj;
}

/* Does an update only remove (REMOVE, DELETE), so never creates an item? */
bool
expr_update_only_removes(DynUpdate *upd)
{
	ListCell   *lc;

	/* no action at all (AttributeUpdates: {}) still writes the key */
	if (upd->b.tree->actions == NIL)
		return false;
	foreach(lc, upd->b.tree->actions)
	{
		UpdateAction *a = lfirst(lc);

		if (a->kind != UA_REMOVE && a->kind != UA_DELETE)
			return false;
	}
	return true;
}
