/*
 * partiql.h
 *		DynamoDB's PartiQL dialect: statements parsed by a bison grammar
 *		(partiql_gram.y) and a flex scanner (partiql_scan.l) into trees, and
 *		their translation into the engine's requests.
 *
 * A statement's tree keeps its literals and ? parameters as they were
 * written; translation (partiql_translate.c) turns its WHERE, SET and
 * projection into the expression languages of DynamoDB's API (expression
 * text with ExpressionAttributeNames and Values), which the one expression
 * engine (src/expr) parses, checks and evaluates.  Trees are cached per
 * backend by the statement's text.
 */
#ifndef DYNAMO_PARTIQL_H
#define DYNAMO_PARTIQL_H

#include "nodes/pg_list.h"
#include "utils/jsonb.h"

#include "capacity.h"

#define PQL_MAX_STATEMENT 8192

/* Kinds of expression node */
typedef enum PqlTag
{
	PQ_PATH,					/* a.b[1]."c d" */
	PQ_PARAM,					/* ? */
	PQ_STRING,					/* 'text' */
	PQ_NUMBER,					/* 12.5e3 */
	PQ_BOOL,					/* true, false */
	PQ_NULL,					/* NULL */
	PQ_LIST,					/* [a, b] */
	PQ_MAP,						/* {'k': v} */
	PQ_SET,						/* <<a, b>> */
	PQ_FUNC,					/* name(args) */
	PQ_ARITH,					/* a + b, a - b */
	PQ_CMP,						/* a op b; op: PqlCmp */
	PQ_BETWEEN,
	PQ_IN,						/* args[0] IN (args[1..]) */
	PQ_IS,						/* args[0] IS [NOT] MISSING / NULL */
	PQ_AND,
	PQ_OR,
	PQ_NOT
} PqlTag;

typedef enum PqlCmp
{
	PC_EQ, PC_NE, PC_LT, PC_LE, PC_GT, PC_GE
} PqlCmp;

/* One step of a path: a name, or a list index (index >= 0) */
typedef struct PqlStep
{
	char	   *name;
	int			index;
} PqlStep;

typedef struct PqlNode
{
	PqlTag		tag;
	int			location;		/* byte offset in the statement */
	int			op;				/* PqlCmp; '+' / '-'; PQ_IS: the flags below */
	char	   *text;			/* STRING, NUMBER, FUNC name, MAP key */
	bool		boolval;
	int			param;			/* PQ_PARAM: its number, from 0 */
	List	   *args;			/* operands, elements; MAP: PQ_STRING keys then values, alternating */
	List	   *steps;			/* PQ_PATH: PqlStep * */
} PqlNode;

#define PQ_IS_NOT		1
#define PQ_IS_MISSING	2		/* else NULL */

typedef enum PqlKind
{
	PQL_SELECT,
	PQL_INSERT,
	PQL_UPDATE,
	PQL_DELETE,
	PQL_EXISTS					/* EXISTS(SELECT ...): a transaction's condition check */
} PqlKind;

/* RETURNING */
typedef enum PqlReturning
{
	PQR_NONE,
	PQR_ALL_OLD,
	PQR_MODIFIED_OLD,
	PQR_ALL_NEW,
	PQR_MODIFIED_NEW
} PqlReturning;

/* One SET or REMOVE of an UPDATE */
typedef struct PqlAssign
{
	PqlNode    *path;
	PqlNode    *value;			/* NULL: REMOVE */
} PqlAssign;

typedef struct PqlStatement
{
	PqlKind		kind;
	char	   *table;
	char	   *index;			/* FROM "T"."I" */
	List	   *projection;		/* SELECT: paths; NIL: * */
	PqlNode    *where;
	PqlNode    *order_by;		/* a path, or NULL */
	bool		order_desc;
	PqlNode    *value;			/* INSERT: the item */
	List	   *assigns;		/* UPDATE: PqlAssign *, in order */
	PqlReturning returning;
	int			nparams;
} PqlStatement;

/* partiql_parse.c: the tree of a statement, cached by its text */
extern PqlStatement *pql_parse(const char *text);

/*
 * A statement translated for the engine: the table, the key the WHERE
 * fixes, and the expressions of DynamoDB's API that do the rest.  Values
 * and keys are in DynamoDB's typed JSON.
 */
typedef struct PqlPlan
{
	PqlStatement *stmt;
	char	   *table;
	char	   *index;
	bool		global_index;	/* the index is a GSI */
	bool		query;			/* SELECT: the WHERE fixes the partition key (of the index) */
	bool		full_key;		/* the WHERE fixes the whole primary key */
	Jsonb	   *key;			/* typed key (full_key) or NULL */
	Jsonb	   *item;			/* INSERT: the typed item */
	char	   *key_condition;
	char	   *condition;		/* filter (SELECT) or condition (writes) */
	char	   *projection;
	char	   *update;
	Jsonb	   *names;			/* ExpressionAttributeNames, or NULL */
	Jsonb	   *values;			/* ExpressionAttributeValues (typed), or NULL */
	bool		forward;
	/* a full-key SELECT as a transaction's Get: its projection alone */
	char	   *get_projection;
	Jsonb	   *get_names;
} PqlPlan;

/* partiql_translate.c */
extern void pql_translate(PqlStatement *stmt, Jsonb *parameters, PqlPlan *plan);
typedef struct PqlOptions PqlOptions;
extern Jsonb *pql_write_request(PqlPlan *plan, PqlOptions *opts);

/* partiql_exec.c: run statements (typed JSON in and out) */
struct PqlOptions
{
	bool		escaped;		/* strings carry the stored escape */
	bool		plain;			/* items out in plain JSON (dynamo.partiql) */
	bool		consistent;
	bool		has_limit;
	int64		limit;
	char	   *next_token;
	char	   *return_on_failure;	/* ReturnValuesOnConditionCheckFailure */
	char	   *return_capacity;	/* ReturnConsumedCapacity, as requested */
	bool		in_transaction; /* a statement of ExecuteTransaction */
	int			statement_index;	/* its position in TransactStatements */
};

extern Jsonb *pql_execute_statement(const char *statement, Jsonb *parameters,
									PqlOptions *opts);
extern Jsonb *pql_execute_batch(Jsonb *statements, PqlOptions *opts);
extern Jsonb *pql_execute_transaction(Jsonb *statements, const char *token,
									  PqlOptions *opts);
extern char *pql_to_sql(const char *statement, Jsonb *parameters);

#endif							/* DYNAMO_PARTIQL_H */
