%{
/*
 * partiql_gram.y
 *		Grammar of DynamoDB's PartiQL dialect: SELECT, INSERT, UPDATE,
 *		DELETE, and EXISTS(SELECT ...) for transactions.
 *
 * Actions only build the tree (partiql.h).  What the grammar leaves open
 * (which functions exist, that a bare operand in a WHERE is a function
 * call, that writes name their whole key) is checked by the translation,
 * so syntax errors come first.
 */
#include "postgres.h"

#include "partiql_parser.h"

#define YYMALLOC palloc
#define YYFREE pfree
%}

%code requires {
#include "nodes/pg_list.h"
#include "partiql.h"
struct PqlParseState;
}

%code {
static int	partiql_yylex(PARTIQL_YYSTYPE *lval, struct PqlParseState *ps);
static void partiql_yyerror(struct PqlParseState *ps, const char *msg);
}

%define api.pure full
%define api.prefix {partiql_yy}
%define parse.error simple
%parse-param {struct PqlParseState *ps}
%lex-param {struct PqlParseState *ps}
%expect 0

%union
{
	int			tok;			/* index of a token in ps->tokens */
	int			ival;
	PqlNode    *node;
	List	   *list;
	PqlStatement *stmt;
}

%token <tok> IDENT QIDENT STRING NUMBER BADTOKEN
%token <tok> NE LE GE LSET RSET '?' '[' '{'
%token <tok> ALL AND ASC BETWEEN BY DELETE DESC EXISTS FALSE_P FROM IN INSERT
%token <tok> INTO IS MISSING MODIFIED NEW NOT NULL_P OLD OR ORDER REMOVE
%token <tok> RETURNING SELECT SET TRUE_P UPDATE VALUE WHERE

%type <stmt> statement select insert update delete
%type <node> condition expr value path opt_where
%type <list> expr_list opt_values values pairs path_list projection assigns
%type <list> update_clauses update_clause
%type <ival> comparator opt_returning opt_desc is_test
%type <tok> name

%left OR
%left AND
%right NOT
%left '+' '-'

%%

start:
	  statement						{ ps->stmt = $1; }
	;

statement:
	  select
	| insert
	| update
	| delete
	| EXISTS '(' select ')'			{ $$ = $3; $$->kind = PQL_EXISTS; }
	;

select:
	  SELECT projection FROM target opt_where opt_order
			{
				$$ = ps->stmt;
				$$->kind = PQL_SELECT;
				$$->projection = $2;
				$$->where = $5;
			}
	;

projection:
	  '*'							{ $$ = NIL; }
	| path_list						{ $$ = $1; }
	;

target:
	  name							{ ps->stmt->table = pql_token_text(ps, $1); }
	| name '.' name
			{
				ps->stmt->table = pql_token_text(ps, $1);
				ps->stmt->index = pql_token_text(ps, $3);
			}
	;

name:
	  IDENT
	| QIDENT
	;

opt_where:
	  /* empty */					{ $$ = NULL; }
	| WHERE condition				{ $$ = $2; }
	;

opt_order:
	  /* empty */
	| ORDER BY path opt_desc		{ ps->stmt->order_by = $3; ps->stmt->order_desc = $4; }
	;

opt_desc:
	  /* empty */					{ $$ = false; }
	| ASC							{ $$ = false; }
	| DESC							{ $$ = true; }
	;

insert:
	  INSERT INTO target VALUE value
			{
				$$ = ps->stmt;
				$$->kind = PQL_INSERT;
				$$->value = $5;
			}
	;

update:
	  UPDATE target update_clauses opt_where opt_returning
			{
				$$ = ps->stmt;
				$$->kind = PQL_UPDATE;
				$$->assigns = $3;
				$$->where = $4;
				$$->returning = $5;
			}
	;

update_clauses:
	  update_clause					{ $$ = $1; }
	| update_clauses update_clause	{ $$ = list_concat($1, $2); }
	;

update_clause:
	  SET assigns					{ $$ = $2; }
	| REMOVE path_list
			{
				ListCell   *lc;

				$$ = NIL;
				foreach(lc, $2)
					$$ = lappend($$, pql_assign(lfirst(lc), NULL));
			}
	;

assigns:
	  path '=' expr					{ $$ = list_make1(pql_assign($1, $3)); }
	| assigns ',' path '=' expr		{ $$ = lappend($1, pql_assign($3, $5)); }
	;

delete:
	  DELETE FROM target opt_where opt_returning
			{
				$$ = ps->stmt;
				$$->kind = PQL_DELETE;
				$$->where = $4;
				$$->returning = $5;
			}
	;

opt_returning:
	  /* empty */					{ $$ = PQR_NONE; }
	| RETURNING ALL OLD '*'			{ $$ = PQR_ALL_OLD; }
	| RETURNING MODIFIED OLD '*'	{ $$ = PQR_MODIFIED_OLD; }
	| RETURNING ALL NEW '*'			{ $$ = PQR_ALL_NEW; }
	| RETURNING MODIFIED NEW '*'	{ $$ = PQR_MODIFIED_NEW; }
	;

condition:
	  condition OR condition		{ $$ = pql_op(PQ_OR, 0, $1, list_make1($3)); }
	| condition AND condition		{ $$ = pql_op(PQ_AND, 0, $1, list_make1($3)); }
	| NOT condition					{ $$ = pql_op(PQ_NOT, 0, $2, NIL); }
	| '(' condition ')'				{ $$ = $2; }
	| expr comparator expr			{ $$ = pql_op(PQ_CMP, $2, $1, list_make1($3)); }
	| expr BETWEEN expr AND expr	{ $$ = pql_op(PQ_BETWEEN, 0, $1, list_make2($3, $5)); }
	| expr IN '[' expr_list ']'		{ $$ = pql_op(PQ_IN, 0, $1, $4); }
	| expr IN '(' expr_list ')'		{ $$ = pql_op(PQ_IN, 0, $1, $4); }
	| expr IS is_test				{ $$ = pql_op(PQ_IS, $3, $1, NIL); }
	| expr							{ $$ = $1; }
	;

is_test:
	  MISSING						{ $$ = PQ_IS_MISSING; }
	| NOT MISSING					{ $$ = PQ_IS_MISSING | PQ_IS_NOT; }
	| NULL_P						{ $$ = 0; }
	| NOT NULL_P					{ $$ = PQ_IS_NOT; }
	;

comparator:
	  '='							{ $$ = PC_EQ; }
	| NE							{ $$ = PC_NE; }
	| '<'							{ $$ = PC_LT; }
	| LE							{ $$ = PC_LE; }
	| '>'							{ $$ = PC_GT; }
	| GE							{ $$ = PC_GE; }
	;

expr:
	  path							{ $$ = $1; }
	| value							{ $$ = $1; }
	| IDENT '(' expr_list ')'
			{
				$$ = pql_node(ps, PQ_FUNC, $1);
				$$->args = $3;
			}
	| expr '+' expr					{ $$ = pql_op(PQ_ARITH, '+', $1, list_make1($3)); }
	| expr '-' expr					{ $$ = pql_op(PQ_ARITH, '-', $1, list_make1($3)); }
	;

expr_list:
	  expr							{ $$ = list_make1($1); }
	| expr_list ',' expr			{ $$ = lappend($1, $3); }
	;

path:
	  name							{ $$ = pql_path_step(ps, NULL, $1, false); }
	| path '.' name					{ $$ = pql_path_step(ps, $1, $3, false); }
	| path '[' NUMBER ']'			{ $$ = pql_path_step(ps, $1, $3, true); }
	| path '[' STRING ']'			{ $$ = pql_path_step(ps, $1, $3, false); }
	;

path_list:
	  path							{ $$ = list_make1($1); }
	| path_list ',' path			{ $$ = lappend($1, $3); }
	;

value:
	  STRING						{ $$ = pql_node(ps, PQ_STRING, $1); }
	| NUMBER						{ $$ = pql_node(ps, PQ_NUMBER, $1); }
	| '-' NUMBER
			{
				$$ = pql_node(ps, PQ_NUMBER, $2);
				$$->text = psprintf("-%s", $$->text);
			}
	| TRUE_P						{ $$ = pql_node(ps, PQ_BOOL, $1); $$->boolval = true; }
	| FALSE_P						{ $$ = pql_node(ps, PQ_BOOL, $1); }
	| NULL_P						{ $$ = pql_node(ps, PQ_NULL, $1); }
	| '?'							{ $$ = pql_node(ps, PQ_PARAM, $1); }
	| '[' opt_values ']'			{ $$ = pql_node(ps, PQ_LIST, $1); $$->args = $2; }
	| LSET opt_values RSET			{ $$ = pql_node(ps, PQ_SET, $1); $$->args = $2; }
	| '{' pairs '}'					{ $$ = pql_node(ps, PQ_MAP, $1); $$->args = $2; }
	| '{' '}'						{ $$ = pql_node(ps, PQ_MAP, $1); }
	;

opt_values:
	  /* empty */					{ $$ = NIL; }
	| values						{ $$ = $1; }
	;

values:
	  value							{ $$ = list_make1($1); }
	| values ',' value				{ $$ = lappend($1, $3); }
	;

pairs:
	  STRING ':' value				{ $$ = list_make2(pql_node(ps, PQ_STRING, $1), $3); }
	| pairs ',' STRING ':' value
			{ $$ = lappend(lappend($1, pql_node(ps, PQ_STRING, $3)), $5); }
	;

%%

/* Hand the grammar the scanned tokens */
static int
partiql_yylex(PARTIQL_YYSTYPE *lval, struct PqlParseState *ps)
{
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
partiql_yyerror(struct PqlParseState *ps, const char *msg)
{
	pql_syntax_error(ps);
}
