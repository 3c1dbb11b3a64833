/*
 * expr_parser.h
 *		State shared by the scanner (expr_scan.l), the grammar (expr_gram.y)
 *		and the parse driver (expr_parse.c).
 *
 * The scanner turns the whole text into an array of tokens first, so that a
 * syntax error can quote the tokens on both sides of the offending one, as
 * DynamoDB's messages do; the grammar then reads tokens from the array.
 */
#ifndef DYNAMO_EXPR_PARSER_H
#define DYNAMO_EXPR_PARSER_H

#include "expr_nodes.h"

/* One token of the text */
typedef struct ExprToken
{
	int			type;			/* grammar token number */
	int			start;			/* byte offset in the text */
	int			len;
} ExprToken;

typedef struct ExprParseState
{
	const char *text;
	int			textlen;
	ExprKind	kind;
	ExprToken  *tokens;
	int			ntokens;
	int			maxtokens;
	int			scan_start;		/* scanner: offsets of the current token */
	int			scan_end;
	int			next;			/* next token for the grammar; -1: the mode */
	ExprTree   *tree;
	const char *clause_twice;	/* an update clause written twice */
	int			operators;		/* operators and functions, for the limit */
} ExprParseState;

/* expr_scan.l: fill ps->tokens from ps->text */
extern void expr_scan(ExprParseState *ps);

/* expr_gram.y */
extern int	dynexpr_parse(ExprParseState *ps);

/* expr_parse.c: what the grammar's actions build */
extern void expr_syntax_error(ExprParseState *ps) pg_attribute_noreturn();
extern ExprNode *expr_build_path(ExprParseState *ps, ExprNode *path, int tok,
								 bool placeholder);
extern ExprNode *expr_build_index(ExprParseState *ps, ExprNode *path, int tok);
extern ExprNode *expr_build_value(ExprParseState *ps, int tok);
extern ExprNode *expr_build_func(ExprParseState *ps, int tok, List *args);
extern ExprNode *expr_build_op(ExprParseState *ps, ExprNodeTag tag, int op,
							   int location, List *args);
extern ExprNode *expr_build_parens(ExprParseState *ps, ExprNode *inner);
extern ExprNode *expr_build_deref(ExprParseState *ps, ExprNode *path, int tok);
extern void expr_build_clause(ExprParseState *ps, UpdateActionKind kind, List *actions);
extern UpdateAction *expr_build_action(UpdateActionKind kind, ExprNode *path,
									   ExprNode *value);

#endif							/* DYNAMO_EXPR_PARSER_H */
