/*
 * expr_nodes.h
 *		Parse trees of DynamoDB's expression languages.
 *
 * A tree is what the grammar builds from the text of one expression.  It
 * refers to ExpressionAttributeNames and ExpressionAttributeValues only by
 * placeholder number, so one tree (cached per backend by kind and text) serves
 * every request that sends the same text; ExprBinding supplies a request's
 * names and values.
 */
#ifndef DYNAMO_EXPR_NODES_H
#define DYNAMO_EXPR_NODES_H

#include "nodes/pg_list.h"
#include "utils/jsonb.h"

#include "attr_value.h"
#include "expression.h"

/* Kinds of tree node */
typedef enum ExprNodeTag
{
	EN_PATH,					/* document path: a.b[1].#c */
	EN_VALUE,					/* :placeholder */
	EN_FUNC,					/* name(args) */
	EN_COMPARE,					/* args[0] op args[1] */
	EN_BETWEEN,					/* args[0] BETWEEN args[1] AND args[2] */
	EN_IN,						/* args[0] IN (args[1..]) */
	EN_AND,
	EN_OR,
	EN_NOT,
	EN_ARITH					/* args[0] + args[1], args[0] - args[1] */
} ExprNodeTag;

/* Comparators */
typedef enum ExprCmp
{
	EC_EQ,
	EC_NE,
	EC_LT,
	EC_LE,
	EC_GT,
	EC_GE
} ExprCmp;

/* Functions DynamoDB knows */
typedef enum ExprFunc
{
	EF_UNKNOWN,
	EF_ATTRIBUTE_EXISTS,
	EF_ATTRIBUTE_NOT_EXISTS,
	EF_ATTRIBUTE_TYPE,
	EF_BEGINS_WITH,
	EF_CONTAINS,
	EF_SIZE,
	EF_IF_NOT_EXISTS,
	EF_LIST_APPEND
} ExprFunc;

/* One step of a document path: a name (literal or #placeholder) or [index] */
typedef struct PathStep
{
	int			index;			/* list index, or -1 for a name */
	int			name_ph;		/* #placeholder number, or -1 */
	char	   *name;			/* literal name (NUL-terminated, escaped) */
	int			namelen;
} PathStep;

typedef struct ExprNode
{
	ExprNodeTag tag;
	int			location;		/* byte offset in the expression text */
	int			parens;			/* parentheses written directly around it */
	int			inner_parens;	/* EN_PATH: most around a part, "((a)).b" */
	int			op;				/* ExprCmp, ExprFunc, or '+' / '-' */
	char	   *fname;			/* EN_FUNC: the name as written */
	List	   *args;			/* operands (ExprNode *) */
	int			nsteps;			/* EN_PATH */
	PathStep   *steps;
	int			value_ph;		/* EN_VALUE: :placeholder number */
} ExprNode;

/* Update actions */
typedef enum UpdateActionKind
{
	UA_SET,
	UA_REMOVE,
	UA_ADD,
	UA_DELETE,
	UA_APPEND					/* legacy AttributeUpdates ADD of a list */
} UpdateActionKind;

typedef struct UpdateAction
{
	UpdateActionKind kind;
	ExprNode   *path;
	ExprNode   *value;			/* NULL for REMOVE */
	bool		legacy;			/* from AttributeUpdates (its own messages) */
} UpdateAction;

/* One parsed expression */
typedef struct ExprTree
{
	ExprKind	kind;
	ExprNode   *cond;			/* condition, filter, key condition */
	List	   *paths;			/* projection: EN_PATH nodes */
	List	   *actions;		/* update: UpdateAction *, clause order */
	int			nnames;			/* distinct #placeholders, by number */
	char	  **names;
	int		   *names_at;		/* where each first stands in the text */
	int			nvalues;		/* distinct :placeholders, by number */
	char	  **values;
	int		   *values_at;
	char	   *deferred_error; /* a check DynamoDB makes once bound */
} ExprTree;

/* A tree with one request's placeholders resolved */
typedef struct ExprBinding
{
	ExprTree   *tree;
	char	  **names;			/* escaped attribute names, by number */
	int		   *namelens;
	JsonbValue **values;		/* stored-form values, by number */
} ExprBinding;

struct DynCondition
{
	ExprBinding b;
};

struct DynProjection
{
	ExprBinding b;
};

struct DynUpdate
{
	ExprBinding b;
};

/* A path resolved against its binding: names and indexes, for messages */
typedef struct ResolvedStep
{
	int			index;			/* -1 for a name */
	const char *name;
	int			namelen;
} ResolvedStep;

/* expr_parse.c */
extern ExprTree *expr_parse_text(const char *text, ExprKind kind);
extern const char *expr_kind_name(ExprKind kind);
extern void expr_bind(ExprBinding *b, ExprTree *tree, ExprAttrs *attrs);
extern ExprNode *expr_make_node(ExprNodeTag tag, int location);

/* expr_check.c */
extern void expr_check_tree(ExprTree *tree);
extern void expr_check_update_names(ExprTree *tree);
extern void expr_check_condition_early(ExprTree *tree);
extern void expr_check_values(ExprBinding *b);
extern void expr_check_bound_condition(ExprBinding *b);
extern void expr_check_add_delete(ExprBinding *b);
extern void expr_check_overlaps(ExprBinding *b, List *paths, ExprKind kind);
extern const char *expr_type_long_name(DynamoType t);

/* expr_path.c */
extern ResolvedStep *expr_resolve_path(ExprBinding *b, ExprNode *path);
extern bool expr_path_value(ExprBinding *b, ExprNode *path, Jsonb *item,
							JsonbValue *result);
extern bool expr_child(JsonbValue *parent, ResolvedStep *step, JsonbValue *result);
extern char *expr_format_path(ResolvedStep *steps, int nsteps);

/* expr_reserved.c */
extern bool expr_is_reserved_word(const char *word, int len);

#endif							/* DYNAMO_EXPR_NODES_H */
