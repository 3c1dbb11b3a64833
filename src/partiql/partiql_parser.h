/*
 * partiql_parser.h
 *		State shared by the PartiQL scanner (partiql_scan.l), grammar
 *		(partiql_gram.y) and parse driver (partiql_parse.c).
 *
 * As for the expression languages, the scanner turns the whole statement
 * into an array of tokens first; the grammar reads them from the array, so
 * a syntax error knows the token it stopped at.
 */
#ifndef DYNAMO_PARTIQL_PARSER_H
#define DYNAMO_PARTIQL_PARSER_H

#include "partiql.h"

typedef struct PqlToken
{
	int			type;			/* grammar token number */
	int			start;			/* byte offset in the text */
	int			len;
	bool		keyword;
} PqlToken;

typedef struct PqlParseState
{
	const char *text;
	int			textlen;
	PqlToken   *tokens;
	int			ntokens;
	int			maxtokens;
	int			scan_start;		/* scanner: offsets of the current token */
	int			scan_end;
	int			next;			/* next token for the grammar */
	int			nparams;
	PqlStatement *stmt;
} PqlParseState;

/* partiql_scan.l */
extern void pql_scan(PqlParseState *ps);

/* partiql_gram.y */
extern int	partiql_yyparse(PqlParseState *ps);

/* partiql_parse.c: what the grammar's actions build */
extern void pql_syntax_error(PqlParseState *ps) pg_attribute_noreturn();
extern PqlNode *pql_node(PqlParseState *ps, PqlTag tag, int tok);
extern PqlNode *pql_op(PqlTag tag, int op, PqlNode *first, List *args);
extern char *pql_token_text(PqlParseState *ps, int tok);
extern PqlNode *pql_path_step(PqlParseState *ps, PqlNode *path, int tok, bool index);
extern PqlAssign *pql_assign(PqlNode *path, PqlNode *value);

#endif							/* DYNAMO_PARTIQL_PARSER_H */
