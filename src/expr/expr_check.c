/*
 * expr_check.c
 *		What DynamoDB checks beyond the grammar: functions and where they may
 *		appear, argument counts, reserved words, redundant parentheses, the
 *		IN operand limit and key condition operators (once per text, at
 *		parse time); undefined placeholders, operands repeating the first,
 *		operand types of ExpressionAttributeValues and overlapping document
 *		paths (per request, once bound).
 */
#include "postgres.h"

#include "miscadmin.h"

#include "attr_value.h"
#include "errors.h"
#include "expr_nodes.h"

#define EXPR_MAX_IN_OPERANDS 100

/* Where a node stands, which decides what it may be */
typedef enum CheckPlace
{
	CP_CONDITION,				/* a condition of a condition expression */
	CP_OPERAND,					/* an operand of a condition expression */
	CP_UPDATE_VALUE				/* an operand of an update's SET */
} CheckPlace;

typedef struct CheckState
{
	ExprTree   *tree;
	const char *kind;			/* "ConditionExpression" ... */
} CheckState;

/* DynamoDB's long type names, used by ADD and DELETE messages */
const char *
expr_type_long_name(DynamoType t)
{
	static const char *const names[DYNAMO_TYPE_COUNT] = {
		"STRING", "NUMBER", "BINARY", "BOOLEAN", "NULL", "MAP", "LIST",
		"STRING_SET", "NUMBER_SET", "BINARY_SET"
	};

	return names[t];
}

/* Symbol of a comparator, for messages */
static const char *
cmp_symbol(int op)
{
	static const char *const symbols[] = {"=", "<>", "<", "<=", ">", ">="};

	return symbols[op];
}

/* Reject bare path names that are reserved words, and paths too deep */
static void
check_path(CheckState *cs, ExprNode *path)
{
	if (path->nsteps > DYNAMO_MAX_DEPTH)
		dynamo_error(DYN_VALIDATION,
					 "Invalid %s: The document path has too many nesting levels; nesting levels: %d",
					 cs->kind, path->nsteps);
	for (int i = 0; i < path->nsteps; i++)
	{
		PathStep   *s = &path->steps[i];

		if (s->index < 0 && s->name_ph < 0 && expr_is_reserved_word(s->name, s->namelen))
			dynamo_error(DYN_VALIDATION,
						 "Invalid %s: Attribute name is a reserved keyword; reserved keyword: %s",
						 cs->kind, s->name);
	}
}

/* Whether a node, or a part of a path, stands in more than one pair of parentheses */
static bool
redundant_parens(ExprNode *n)
{
	return n->parens > 1 || n->inner_parens > 1;
}

/* Is a function one of the condition functions? */
static bool
is_condition_function(int f)
{
	return f == EF_ATTRIBUTE_EXISTS || f == EF_ATTRIBUTE_NOT_EXISTS ||
		f == EF_ATTRIBUTE_TYPE || f == EF_BEGINS_WITH || f == EF_CONTAINS;
}

/* Where the operands of a node standing at place stand */
static CheckPlace
child_place(ExprNode *n, CheckPlace place)
{
	if (n->tag == EN_AND || n->tag == EN_OR || n->tag == EN_NOT)
		return CP_CONDITION;
	return place == CP_UPDATE_VALUE ? CP_UPDATE_VALUE : CP_OPERAND;
}

/* Check a function itself: known, allowed where it stands, its operands' kinds */
static void
check_function(CheckState *cs, ExprNode *n, CheckPlace place)
{
	static const int nargs[] = {
		[EF_ATTRIBUTE_EXISTS] = 1,[EF_ATTRIBUTE_NOT_EXISTS] = 1,
		[EF_ATTRIBUTE_TYPE] = 2,[EF_BEGINS_WITH] = 2,[EF_CONTAINS] = 2,
		[EF_SIZE] = 1,[EF_IF_NOT_EXISTS] = 2,[EF_LIST_APPEND] = 2
	};
	bool		update_function = (n->op == EF_IF_NOT_EXISTS || n->op == EF_LIST_APPEND);
	ListCell   *lc;

	if (n->op == EF_UNKNOWN)
		dynamo_error(DYN_VALIDATION, "Invalid %s: Invalid function name; function: %s",
					 cs->kind, n->fname);
	if (place == CP_UPDATE_VALUE && !update_function)
		dynamo_error(DYN_VALIDATION,
					 "Invalid %s: The function is not allowed in an update expression; function: %s",
					 cs->kind, n->fname);
	if (place != CP_UPDATE_VALUE && update_function)
		dynamo_error(DYN_VALIDATION,
					 "Invalid %s: The function is not allowed in a condition expression; function: %s",
					 cs->kind, n->fname);
	if ((place == CP_CONDITION) != is_condition_function(n->op) && place != CP_UPDATE_VALUE)
		dynamo_error(DYN_VALIDATION,
					 "Invalid %s: The function is not allowed to be used this way in an expression; function: %s",
					 cs->kind, n->fname);
	if (list_length(n->args) != nargs[n->op])
		dynamo_error(DYN_VALIDATION,
					 "Invalid %s: Incorrect number of operands for operator or function; operator or function: %s, number of operands: %d",
					 cs->kind, n->fname, list_length(n->args));
	/* the others take a value too: attribute_type(:v, :t), size(:v) */
	if ((n->op == EF_ATTRIBUTE_EXISTS || n->op == EF_ATTRIBUTE_NOT_EXISTS ||
		 n->op == EF_IF_NOT_EXISTS) && ((ExprNode *) linitial(n->args))->tag != EN_PATH)
		dynamo_error(DYN_VALIDATION,
					 "Invalid %s: Operator or function requires a document path; operator or function: %s",
					 cs->kind, n->fname);
	/* the type attribute_type asks about is a value, never a path */
	if (n->op == EF_ATTRIBUTE_TYPE && ((ExprNode *) lsecond(n->args))->tag != EN_VALUE)
		dynamo_error(DYN_VALIDATION,
					 "Invalid %s: Incorrect operand type for operator or function; operator or function: %s, operand type: %s",
					 cs->kind, n->fname,
					 ((ExprNode *) lsecond(n->args))->tag == EN_FUNC ? "N" : "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}");
	foreach(lc, n->args)
	{
		ExprNode   *arg = lfirst(lc);

		/* size() is a number: no prefix, no size of its own */
		if ((n->op == EF_BEGINS_WITH || n->op == EF_SIZE) && arg->tag == EN_FUNC)
			dynamo_error(DYN_VALIDATION,
						 "Invalid %s: Incorrect operand type for operator or function; operator or function: %s, operand type: N",
						 cs->kind, n->fname);
	}
	foreach(lc, n->args)
	{
		ExprNode   *arg = lfirst(lc);

		/* DynamoDB refuses a list_append directly inside a list_append */
		if (n->op == EF_LIST_APPEND && arg->tag == EN_FUNC && arg->op == EF_LIST_APPEND)
			dynamo_error(DYN_VALIDATION,
						 "Invalid %s: The function is not allowed to be used this way in an expression; function: %s",
						 cs->kind, arg->fname);
	}
}

/* Check a node of a condition or of a SET value itself, not its operands */
static void
check_node_itself(CheckState *cs, ExprNode *n, CheckPlace place)
{
	if (redundant_parens(n))
		dynamo_error(DYN_VALIDATION, "Invalid %s: The expression has redundant parentheses;",
					 cs->kind);
	if (n->tag == EN_PATH)
		check_path(cs, n);
	else if (n->tag == EN_FUNC)
		check_function(cs, n, place);
	else if (n->tag == EN_IN && list_length(n->args) - 1 > EXPR_MAX_IN_OPERANDS)
		dynamo_error(DYN_VALIDATION,
					 "Invalid %s: The IN operator is provided with too many operands; number of operands: %d",
					 cs->kind, list_length(n->args) - 1);
}

/* Check a node of a condition or of a SET value, then its operands */
static void
check_node(CheckState *cs, ExprNode *n, CheckPlace place)
{
	ListCell   *lc;

	check_stack_depth();
	check_node_itself(cs, n, place);
	foreach(lc, n->args)
		check_node(cs, lfirst(lc), child_place(n, place));
}

/* Check the names under a node: reserved words, function names */
static void
check_names(CheckState *cs, ExprNode *n)
{
	ListCell   *lc;

	check_stack_depth();
	if (n->tag == EN_PATH)
		check_path(cs, n);
	if (n->tag == EN_FUNC && n->op == EF_UNKNOWN)
		dynamo_error(DYN_VALIDATION, "Invalid %s: Invalid function name; function: %s",
					 cs->kind, n->fname);
	foreach(lc, n->args)
		check_names(cs, lfirst(lc));
}

/* Check an update's actions: all of each, or only its names */
static void
check_actions(CheckState *cs, List *actions, bool names_only)
{
	ListCell   *lc;

	foreach(lc, actions)
	{
		UpdateAction *a = lfirst(lc);

		check_path(cs, a->path);
		if (a->value && names_only)
			check_names(cs, a->value);
		else if (a->value)
			check_node(cs, a->value, CP_UPDATE_VALUE);
	}
}

/* Check a freshly parsed tree; raises DynamoDB's errors */
void
expr_check_tree(ExprTree *tree)
{
	CheckState	cs = {tree, expr_kind_name(tree->kind)};
	ListCell   *lc;

	if (tree->cond)
		check_node(&cs, tree->cond, CP_CONDITION);
	foreach(lc, tree->paths)
		check_path(&cs, lfirst(lc));
	check_actions(&cs, tree->actions, false);
}

/*
 * What DynamoDB checks of an update expression before anything else but
 * its syntax: reserved words and function names, in the text's order.
 */
void
expr_check_update_names(ExprTree *tree)
{
	CheckState	cs = {tree, expr_kind_name(tree->kind)};

	check_actions(&cs, tree->actions, true);
}

/* The passes over a condition that DynamoDB makes before binding it */
typedef enum EarlyPass
{
	EP_PARENS,					/* redundant parentheses */
	EP_FUNCTION_NAMES,			/* unknown functions */
	EP_FUNCTION_PLACES,			/* functions where they may not stand */
	EP_RESERVED					/* reserved words as names */
} EarlyPass;

/* One early pass over a node of a condition standing at place, and its children */
static void
check_early(CheckState *cs, ExprNode *n, CheckPlace place, EarlyPass pass)
{
	CheckPlace	child = CP_OPERAND;
	ListCell   *lc;

	check_stack_depth();
	if (pass == EP_PARENS && redundant_parens(n))
		dynamo_error(DYN_VALIDATION, "Invalid %s: The expression has redundant parentheses;",
					 cs->kind);
	if (pass == EP_FUNCTION_NAMES && n->tag == EN_FUNC && n->op == EF_UNKNOWN)
		dynamo_error(DYN_VALIDATION, "Invalid %s: Invalid function name; function: %s",
					 cs->kind, n->fname);
	if (pass == EP_FUNCTION_PLACES && n->tag == EN_FUNC &&
		(n->op == EF_IF_NOT_EXISTS || n->op == EF_LIST_APPEND))
		dynamo_error(DYN_VALIDATION,
					 "Invalid %s: The function is not allowed in a condition expression; function: %s",
					 cs->kind, n->fname);
	if (pass == EP_FUNCTION_PLACES && n->tag == EN_FUNC &&
		(place == CP_CONDITION) != is_condition_function(n->op))
		dynamo_error(DYN_VALIDATION,
					 "Invalid %s: The function is not allowed to be used this way in an expression; function: %s",
					 cs->kind, n->fname);
	if (pass == EP_RESERVED && n->tag == EN_PATH)
		check_path(cs, n);
	if (n->tag == EN_AND || n->tag == EN_OR || n->tag == EN_NOT)
		child = CP_CONDITION;
	foreach(lc, n->args)
		check_early(cs, lfirst(lc), child, pass);
}

/*
 * What DynamoDB checks of a condition before binding it, each over the
 * whole tree in turn: redundant parentheses, function names, where the
 * functions stand, reserved words.  The rest waits for the binding.
 */
void
expr_check_condition_early(ExprTree *tree)
{
	CheckState	cs;

	cs.tree = tree;
	cs.kind = expr_kind_name(tree->kind);
	for (EarlyPass pass = EP_PARENS; pass <= EP_RESERVED; pass++)
		check_early(&cs, tree->cond, CP_CONDITION, pass);
}

/* The type of a bound :value operand, or -1 for other operands */
static int
constant_type(ExprBinding *b, ExprNode *n)
{
	if (n->tag != EN_VALUE)
		return -1;
	return (int) attr_type(b->values[n->value_ph], NULL);
}

/* Raise DynamoDB's error for an operand of the wrong type */
static void
operand_type_error(ExprBinding *b, const char *op, int type)
{
	dynamo_error(DYN_VALIDATION,
				 "Invalid %s: Incorrect operand type for operator or function; operator or function: %s, operand type: %s",
				 expr_kind_name(b->tree->kind), op, DynamoTypeNames[type]);
}

/* Require constant operands of an ordering operator to be S, N or B */
static void
check_orderable(ExprBinding *b, ExprNode *n, const char *op)
{
	int			t = constant_type(b, n);

	if (t >= 0 && t != DT_S && t != DT_N && t != DT_B)
		operand_type_error(b, op, t);
}

/* A value as DynamoDB quotes it in BETWEEN messages: {N:5} */
static char *
quote_value(JsonbValue *v)
{
	DynamoType	t = attr_type(v, NULL);
	JsonbValue *typed = attr_to_typed(v, false);
	JsonbValue	text;

	(void) getKeyJsonValueFromContainer(typed->val.binary.data, DynamoTypeNames[t],
										strlen(DynamoTypeNames[t]), &text);
	return psprintf("{%s:%.*s}", DynamoTypeNames[t], text.val.string.len,
					text.val.string.val);
}

/* BETWEEN with constant bounds: same type, lower <= upper */
static void
check_between(ExprBinding *b, ExprNode *n)
{
	ExprNode   *lo = lsecond(n->args);
	ExprNode   *hi = lthird(n->args);
	JsonbValue *lv,
			   *hv;

	for (int i = 0; i < 3; i++)
		check_orderable(b, list_nth(n->args, i), "BETWEEN");
	if (lo->tag != EN_VALUE || hi->tag != EN_VALUE)
		return;
	lv = b->values[lo->value_ph];
	hv = b->values[hi->value_ph];
	if (attr_type(lv, NULL) != attr_type(hv, NULL))
		dynamo_error(DYN_VALIDATION,
					 "Invalid %s: The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: %s, upper bound operand: AttributeValue: %s",
					 expr_kind_name(b->tree->kind), quote_value(lv), quote_value(hv));
	if (attr_compare(lv, hv) > 0)
		dynamo_error(DYN_VALIDATION,
					 "Invalid %s: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: %s, upper bound operand: AttributeValue: %s",
					 expr_kind_name(b->tree->kind), quote_value(lv), quote_value(hv));
}

/* attribute_type's second operand, when constant: a string naming a type */
static void
check_type_name(ExprBinding *b, ExprNode *n)
{
	DynamoType	ignored;
	JsonbValue *v;
	int			t = constant_type(b, n);

	if (t < 0)
		return;
	if (t != DT_S)
		operand_type_error(b, "attribute_type", t);
	v = b->values[n->value_ph];
	if (!dynamo_type_from_name(v->val.string.val, v->val.string.len, &ignored))
		dynamo_error(DYN_VALIDATION,
					 "Invalid %s: Invalid attribute type name found; type: %.*s, valid types: {B,BOOL,BS,L,M,N,NS,NULL,S,SS}",
					 expr_kind_name(b->tree->kind), v->val.string.len, v->val.string.val);
}

/* Check the constant operands of a node itself */
static void
check_node_value_types(ExprBinding *b, ExprNode *n)
{
	ListCell   *lc;
	int			t;

	if (n->tag == EN_COMPARE && n->op != EC_EQ && n->op != EC_NE)
	{
		check_orderable(b, linitial(n->args), cmp_symbol(n->op));
		check_orderable(b, lsecond(n->args), cmp_symbol(n->op));
	}
	else if (n->tag == EN_BETWEEN)
		check_between(b, n);
	else if (n->tag == EN_FUNC && n->op == EF_BEGINS_WITH)
	{
		foreach(lc, n->args)
		{
			t = constant_type(b, lfirst(lc));
			if (t >= 0 && t != DT_S && t != DT_B)
				operand_type_error(b, n->fname, t);
		}
	}
	else if (n->tag == EN_FUNC && n->op == EF_SIZE)
	{
		t = constant_type(b, linitial(n->args));
		if (t == DT_N || t == DT_BOOL || t == DT_NULL)
			operand_type_error(b, n->fname, t);
	}
	else if (n->tag == EN_FUNC && n->op == EF_ATTRIBUTE_TYPE)
		check_type_name(b, lsecond(n->args));
	else if (n->tag == EN_FUNC && n->op == EF_LIST_APPEND)
	{
		foreach(lc, n->args)
		{
			t = constant_type(b, lfirst(lc));
			if (t >= 0 && t != DT_L)
				operand_type_error(b, n->fname, t);
		}
	}
	else if (n->tag == EN_ARITH)
	{
		foreach(lc, n->args)
		{
			t = constant_type(b, lfirst(lc));
			if (t >= 0 && t != DT_N)
				operand_type_error(b, n->op == '+' ? "+" : "-", t);
		}
	}
}

/* Check the constant operands of a node's operands, then of the node */
static void
check_node_values(ExprBinding *b, ExprNode *n)
{
	ListCell   *lc;

	check_stack_depth();
	foreach(lc, n->args)
		check_node_values(b, lfirst(lc));
	check_node_value_types(b, n);
}

/* ADD takes a number or a set, DELETE a set */
static void
check_add_delete_value(ExprBinding *b, UpdateAction *a)
{
	DynamoType	t = attr_type(b->values[a->value->value_ph], NULL);
	bool		set = (t == DT_SS || t == DT_NS || t == DT_BS);

	if (a->kind == UA_ADD ? !(set || t == DT_N) : !set)
		dynamo_error(DYN_VALIDATION,
					 "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: %s, operand type: %s, typeSet: ALLOWED_FOR_%s_OPERAND",
					 a->kind == UA_ADD ? "ADD" : "DELETE", expr_type_long_name(t),
					 a->kind == UA_ADD ? "ADD" : "DELETE");
}

/*
 * Check a bound tree's constant operands against their operators (those of
 * an update's SET; ADD and DELETE come earlier, expr_check_add_delete)
 */
void
expr_check_values(ExprBinding *b)
{
	ListCell   *lc;

	if (b->tree->cond)
		check_node_values(b, b->tree->cond);
	foreach(lc, b->tree->actions)
	{
		UpdateAction *a = lfirst(lc);

		if (a->kind == UA_SET)
			check_node_values(b, a->value);
	}
}

/* Whether two path operands name the same attribute, their names bound */
static bool
same_bound_path(ExprBinding *b, ExprNode *p, ExprNode *q)
{
	ResolvedStep *ps,
			   *qs;

	if (p->tag != EN_PATH || q->tag != EN_PATH || p->nsteps != q->nsteps)
		return false;
	ps = expr_resolve_path(b, p);
	qs = expr_resolve_path(b, q);
	for (int i = 0; i < p->nsteps; i++)
	{
		if (ps[i].index != qs[i].index ||
			(ps[i].index < 0 && (ps[i].namelen != qs[i].namelen ||
								 memcmp(ps[i].name, qs[i].name, ps[i].namelen) != 0)))
			return false;
	}
	return true;
}

/*
 * Refuse a comparison, contains, begins_with or attribute_type whose first
 * operand, an attribute, is among its other operands (DynamoDB's check)
 */
static void
check_distinct(ExprBinding *b, ExprNode *n)
{
	const char *op;
	ExprNode   *first;
	ListCell   *lc;

	if (n->tag == EN_COMPARE)
		op = cmp_symbol(n->op);
	else if (n->tag == EN_FUNC &&
			 (n->op == EF_CONTAINS || n->op == EF_BEGINS_WITH || n->op == EF_ATTRIBUTE_TYPE))
		op = n->fname;
	else
		return;
	first = linitial(n->args);
	for_each_from(lc, n->args, 1)
	{
		if (same_bound_path(b, first, lfirst(lc)))
			dynamo_error(DYN_VALIDATION,
						 "Invalid %s: The first operand must be distinct from the remaining operands for this operator or function; operator: %s, first operand: %s",
						 expr_kind_name(b->tree->kind), op,
						 expr_format_path(expr_resolve_path(b, first), first->nsteps));
	}
}

/* A walk of a bound condition (expr_check_bound_condition) */
typedef struct BoundCheck
{
	CheckState	cs;
	ExprBinding *b;
	bool		itself;			/* make the checks of each node itself */
	bool		distinct;		/* refuse operands that repeat the first */
} BoundCheck;

/* Check a bound node's operands, then the node: placeholders first */
static void
check_bound_node(BoundCheck *bc, ExprNode *n, CheckPlace place)
{
	ListCell   *lc;

	check_stack_depth();
	foreach(lc, n->args)
		check_bound_node(bc, lfirst(lc), child_place(n, place));
	for (int i = 0; i < n->nsteps; i++)
	{
		int			ph = n->steps[i].name_ph;

		if (ph >= 0 && bc->b->names[ph] == NULL)
			dynamo_error(DYN_VALIDATION,
						 "Invalid %s: An expression attribute name used in the document path is not defined; attribute name: %s",
						 bc->cs.kind, bc->cs.tree->names[ph]);
	}
	if (n->tag == EN_VALUE && bc->b->values[n->value_ph] == NULL)
		dynamo_error(DYN_VALIDATION,
					 "Invalid %s: An expression attribute value used in expression is not defined; attribute value: %s",
					 bc->cs.kind, bc->cs.tree->values[n->value_ph]);
	if (bc->distinct)
		check_distinct(bc->b, n);
	if (bc->itself)
		check_node_itself(&bc->cs, n, place);
	check_node_value_types(bc->b, n);
}

/*
 * Check a bound condition as DynamoDB does once its early passes are
 * through: node by node, each node's operands before the node, so the
 * first error in that order wins: an undefined placeholder, an operand
 * repeating the first, the node's own checks (when the tree has failed
 * them: deferred_error), its constant operands' types.
 */
void
expr_check_bound_condition(ExprBinding *b)
{
	BoundCheck	bc;

	bc.cs.tree = b->tree;
	bc.cs.kind = expr_kind_name(b->tree->kind);
	bc.b = b;
	bc.itself = b->tree->deferred_error != NULL;
	bc.distinct = b->tree->kind != EXPR_KEY_CONDITION;
	check_bound_node(&bc, b->tree->cond, CP_CONDITION);
}

/* Check the values of a bound update's ADD and DELETE actions */
void
expr_check_add_delete(ExprBinding *b)
{
	ListCell   *lc;

	foreach(lc, b->tree->actions)
	{
		UpdateAction *a = lfirst(lc);

		if (a->kind == UA_ADD || a->kind == UA_DELETE)
			check_add_delete_value(b, a);
	}
}

/*
 * How two paths relate: 0 apart, 1 one contains the other (or equal),
 * 2 they disagree on whether a step is a name or an index.
 */
static int
paths_relation(ResolvedStep *p, int np, ResolvedStep *q, int nq)
{
	for (int i = 0; i < Min(np, nq); i++)
	{
		if ((p[i].index < 0) != (q[i].index < 0))
			return 2;
		if (p[i].index >= 0 ? p[i].index != q[i].index
			: (p[i].namelen != q[i].namelen || memcmp(p[i].name, q[i].name, p[i].namelen) != 0))
			return 0;
	}
	return 1;
}

/* Reject paths of one projection or update that overlap or conflict */
void
expr_check_overlaps(ExprBinding *b, List *paths, ExprKind kind)
{
	int			n = list_length(paths);
	ResolvedStep **steps = palloc(sizeof(ResolvedStep *) * Max(n, 1));

	for (int i = 0; i < n; i++)
		steps[i] = expr_resolve_path(b, list_nth(paths, i));
	/* DynamoDB reports any overlap before any conflict */
	for (int relation = 1; relation <= 2; relation++)
	{
		for (int j = 1; j < n; j++)
		{
			ExprNode   *q = list_nth(paths, j);

			for (int i = 0; i < j; i++)
			{
				ExprNode   *p = list_nth(paths, i);

				if (paths_relation(steps[i], p->nsteps, steps[j], q->nsteps) == relation)
					dynamo_error(DYN_VALIDATION,
								 "Invalid %s: Two document paths %s with each other; must remove or rewrite one of these paths; path one: %s, path two: %s",
								 expr_kind_name(kind), relation == 1 ? "overlap" : "conflict",
								 expr_format_path(steps[i], p->nsteps),
								 expr_format_path(steps[j], q->nsteps));
			}
		}
	}
}
