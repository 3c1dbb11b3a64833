%{
/*
 * expr_gram.y
 *		Grammar of DynamoDB's expression languages: conditions (also filters
 *		and key conditions), projections and updates.
 *
 * One grammar serves all three; the driver puts a mode token in front of
 * the text's tokens to choose the language.  Actions only build the tree
 * (expr_nodes.h); what the grammar cannot say (known functions, argument
 * counts, reserved words, redundant parentheses) is checked afterwards by
 * expr_check.c, so syntax errors are always reported first.
 */
#include "postgres.h"

#include "expr_parser.h"

#define YYMALLOC palloc
#define YYREALLOC repalloc
#define YYFREE pfree
%}

%code requires {
#include "nodes/pg_list.h"
#include "expr_nodes.h"
struct ExprParseState;
}

%code {
static int	dynexpr_lex(DYNEXPR_STYPE *lval, struct ExprParseState *ps);
static void dynexpr_error(struct ExprParseState *ps, const char *msg);
}

/*
 * GLR: a parenthesised function at the start of a condition is a condition
 * ("(attribute_exists(a))") or an operand ("(size(a)) = :n"), and a
 * parenthesised path an operand ("(a.b) = :n") or the start of a longer
 * path ("(a.b).c = :n"); only the token after the parentheses tells, so
 * both are tried.
 */
%glr-parser
%define api.pure
%define api.prefix {dynexpr_}
%define parse.error simple
%parse-param {struct ExprParseState *ps}
%lex-param {struct ExprParseState *ps}
%expect 2
%expect-rr 1

%union
{
	int			tok;			/* index of a token in ps->tokens */
	int			op;
	ExprNode   *node;
	List	   *list;
	UpdateAction *action;
}

%token MODE_CONDITION MODE_PROJECTION MODE_UPDATE
%token <tok> IDENT NAME_PH VALUE_PH INTEGER OTHER
%token <tok> AND OR NOT BETWEEN IN
%token <tok> SET REMOVE ADD DELETE
%token <tok> NE LE GE

%type <node> condition operand function path ppath dpath set_value arithmetic set_term
%type <list> operand_list path_list set_actions value_actions
%type <action> set_action value_action
%type <op> comparator

%left OR
%left AND
%right NOT

%%

start:
	  MODE_CONDITION condition		{ ps->tree->cond = $2; }
	| MODE_PROJECTION path_list		{ ps->tree->paths = $2; }
	| MODE_UPDATE clauses
	;

condition:
	  condition OR condition
			{ $$ = expr_build_op(ps, EN_OR, 0, $1->location, list_make2($1, $3)); }
	| condition AND condition
			{ $$ = expr_build_op(ps, EN_AND, 0, $1->location, list_make2($1, $3)); }
	| NOT condition
			{ $$ = expr_build_op(ps, EN_NOT, 0, ps->tokens[$1].start, list_make1($2)); }
	| '(' condition ')'
			{ $$ = expr_build_parens(ps, $2); }
	| operand comparator operand
			{ $$ = expr_build_op(ps, EN_COMPARE, $2, $1->location, list_make2($1, $3)); }
	| operand BETWEEN operand AND operand
			{ $$ = expr_build_op(ps, EN_BETWEEN, 0, $1->location, list_make3($1, $3, $5)); }
	| operand IN '(' operand_list ')'
			{ $$ = expr_build_op(ps, EN_IN, 0, $1->location, lcons($1, $4)); }
	| function
			{ $$ = $1; }
	;

comparator:
	  '='		{ $$ = EC_EQ; }
	| NE		{ $$ = EC_NE; }
	| '<'		{ $$ = EC_LT; }
	| LE		{ $$ = EC_LE; }
	| '>'		{ $$ = EC_GT; }
	| GE		{ $$ = EC_GE; }
	;

operand:
	  path		{ $$ = $1; }
	| dpath		{ $$ = $1; }
	| VALUE_PH	{ $$ = expr_build_value(ps, $1); }
	| function	{ $$ = $1; }
	| '(' operand ')'	{ $$ = expr_build_parens(ps, $2); }
	;

function:
	  IDENT '(' operand_list ')'	{ $$ = expr_build_func(ps, $1, $3); }
	;

operand_list:
	  operand						{ $$ = list_make1($1); }
	| operand_list ',' operand		{ $$ = lappend($1, $3); }
	;

path:
	  IDENT						{ $$ = expr_build_path(ps, NULL, $1, false); }
	| NAME_PH					{ $$ = expr_build_path(ps, NULL, $1, true); }
	| path '.' IDENT			{ $$ = expr_build_path(ps, $1, $3, false); }
	| path '.' NAME_PH			{ $$ = expr_build_path(ps, $1, $3, true); }
	| path '[' INTEGER ']'		{ $$ = expr_build_index(ps, $1, $3); }
	;

/* a path in parentheses, "(a.b)" */
ppath:
	  '(' path ')'		{ $$ = expr_build_parens(ps, $2); }
	| '(' dpath ')'		{ $$ = expr_build_parens(ps, $2); }
	| '(' ppath ')'		{ $$ = expr_build_parens(ps, $2); }
	;

/* a path in parentheses, dereferenced: "(a.b).c" (a condition's operand only) */
dpath:
	  ppath '.' IDENT			{ $$ = expr_build_path(ps, expr_build_deref(ps, $1, $3 - 1), $3, false); }
	| ppath '.' NAME_PH			{ $$ = expr_build_path(ps, expr_build_deref(ps, $1, $3 - 1), $3, true); }
	| ppath '[' INTEGER ']'		{ $$ = expr_build_index(ps, expr_build_deref(ps, $1, $3 - 1), $3); }
	| dpath '.' IDENT			{ $$ = expr_build_path(ps, $1, $3, false); }
	| dpath '.' NAME_PH			{ $$ = expr_build_path(ps, $1, $3, true); }
	| dpath '[' INTEGER ']'		{ $$ = expr_build_index(ps, $1, $3); }
	;

path_list:
	  path						{ $$ = list_make1($1); }
	| path_list ',' path		{ $$ = lappend($1, $3); }
	;

clauses:
	  clause
	| clauses clause
	;

clause:
	  SET set_actions			{ expr_build_clause(ps, UA_SET, $2); }
	| REMOVE path_list			{ expr_build_clause(ps, UA_REMOVE, $2); }
	| ADD value_actions			{ expr_build_clause(ps, UA_ADD, $2); }
	| DELETE value_actions		{ expr_build_clause(ps, UA_DELETE, $2); }
	;

set_actions:
	  set_action				{ $$ = list_make1($1); }
	| set_actions ',' set_action	{ $$ = lappend($1, $3); }
	;

set_action:
	  path '=' set_value		{ $$ = expr_build_action(UA_SET, $1, $3); }
	;

/* a SET value, its operands and the value itself may stand in parentheses */
set_value:
	  set_term					{ $$ = $1; }
	| arithmetic				{ $$ = $1; }
	| '(' arithmetic ')'		{ $$ = expr_build_parens(ps, $2); }
	;

arithmetic:
	  set_term '+' set_term
			{ $$ = expr_build_op(ps, EN_ARITH, '+', $1->location, list_make2($1, $3)); }
	| set_term '-' set_term
			{ $$ = expr_build_op(ps, EN_ARITH, '-', $1->location, list_make2($1, $3)); }
	;

set_term:
	  operand					{ $$ = $1; }
	;

value_actions:
	  value_action				{ $$ = list_make1($1); }
	| value_actions ',' value_action	{ $$ = lappend($1, $3); }
	;

value_action:
	  path VALUE_PH		{ $$ = expr_build_action(UA_ADD, $1, expr_build_value(ps, $2)); }
	;

%%

/* Hand the grammar the mode token, then the scanned tokens */
static int
dynexpr_lex(DYNEXPR_STYPE *lval, struct ExprParseState *ps)
{
	if (ps->next < 0)
	{
		ps->next = 0;
		switch (ps->kind)
		{
			case EXPR_PROJECTION:
				return MODE_PROJECTION;
			case EXPR_UPDATE:
				return MODE_UPDATE;
			default:
				return MODE_CONDITION;
		}
	}
	if (ps->next >= ps->ntokens)
	{
		ps->next = ps->ntokens + 1;
		return 0;
	}
	lval->tok = ps->next;
	return ps->tokens[ps->next++].type;
}

/* Report a syntax error at the token last read */
static void
dynexpr_error(struct ExprParseState *ps, const char *msg)
{
	expr_syntax_error(ps);
}
