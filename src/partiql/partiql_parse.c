/*
 * partiql_parse.c
 *		Parse driver of PartiQL statements: the per-backend cache of trees,
 *		the builders the grammar's actions call, and DynamoDB's syntax
 *		errors.
 *
 * Trees are cached by statement text in a child of CacheMemoryContext;
 * when the cache is full it is dropped as a whole, its context handed to
 * the current transaction so that trees still in use stay valid until its
 * end (as the expression cache does, src/expr/expr_parse.c).
 */
#include "postgres.h"

#include "access/xact.h"
#include "common/hashfn.h"
#include "mb/pg_wchar.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"

#include "errors.h"
#include "partiql_parser.h"
#include "partiql_gram.h"
#include "validate.h"

#define PQL_CACHE_MAX_ENTRIES 256

typedef struct PqlCacheEntry
{
	char	   *text;			/* key: the statement */
	PqlStatement *stmt;
} PqlCacheEntry;

static MemoryContext PqlCacheContext = NULL;
static HTAB *PqlCache = NULL;

/* Hash a cache key: the text it points to */
static uint32
cache_key_hash(const void *key, Size keysize)
{
	const char *text = *(char *const *) key;

	return hash_bytes((const unsigned char *) text, strlen(text));
}

/* Compare cache keys, dynahash style (0 when equal) */
static int
cache_key_match(const void *a, const void *b, Size keysize)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* Create the cache, or drop a full one and start afresh */
static void
cache_prepare(void)
{
	HASHCTL		ctl;

	if (PqlCache && hash_get_num_entries(PqlCache) >= PQL_CACHE_MAX_ENTRIES)
	{
		if (IsTransactionState())
			MemoryContextSetParent(PqlCacheContext, TopTransactionContext);
		else
			MemoryContextDelete(PqlCacheContext);
		PqlCache = NULL;
	}
	if (PqlCache)
		return;
	PqlCacheContext = AllocSetContextCreate(CacheMemoryContext,
											"pg_dynamo PartiQL cache",
											ALLOCSET_DEFAULT_SIZES);
	ctl.keysize = sizeof(char *);
	ctl.entrysize = sizeof(PqlCacheEntry);
	ctl.hcxt = PqlCacheContext;
	ctl.hash = cache_key_hash;
	ctl.match = cache_key_match;
	PqlCache = hash_create("pg_dynamo PartiQL statements", 64, &ctl,
						   HASH_ELEM | HASH_FUNCTION | HASH_COMPARE | HASH_CONTEXT);
}

/* Parse a statement into a tree in the current memory context */
static PqlStatement *
parse_uncached(const char *text)
{
	PqlParseState ps;

	memset(&ps, 0, sizeof(ps));
	ps.text = text;
	ps.textlen = strlen(text);
	ps.stmt = palloc0(sizeof(PqlStatement));
	pql_scan(&ps);
	if (partiql_yyparse(&ps) != 0)
		pql_syntax_error(&ps);
	ps.stmt->nparams = ps.nparams;
	return ps.stmt;
}

/*
 * The tree of a statement: from the cache, or parsed and cached.  A
 * statement that fails to parse leaves nothing behind.
 */
PqlStatement *
pql_parse(const char *text)
{
	PqlCacheEntry *entry;
	MemoryContext parse_cxt,
				old;
	PqlStatement *stmt;
	int			len = strlen(text);

	validate_length(NULL, text, pg_mbstrlen_with_len(text, len), 1, PQL_MAX_STATEMENT, "statement");
	cache_prepare();
	entry = hash_search(PqlCache, &text, HASH_FIND, NULL);
	if (entry)
		return entry->stmt;

	parse_cxt = AllocSetContextCreate(CurrentMemoryContext, "pg_dynamo PartiQL statement",
									  ALLOCSET_SMALL_SIZES);
	old = MemoryContextSwitchTo(parse_cxt);
	stmt = parse_uncached(text);
	MemoryContextSwitchTo(old);

	MemoryContextSetParent(parse_cxt, PqlCacheContext);
	entry = hash_search(PqlCache, &text, HASH_ENTER, NULL);
	entry->text = MemoryContextStrdup(parse_cxt, text);
	entry->stmt = stmt;
	return stmt;
}

/*
 * Raise DynamoDB's error for a statement that is not well formed, naming
 * what stopped the parser.
 */
void
pql_syntax_error(PqlParseState *ps)
{
	int			i = ps->next - 1;
	const char *what;

	if (ps->ntokens == 0)
		what = "Unexpected end of statement";
	else if (i == 0 && ps->tokens[0].type != BADTOKEN)
		what = "Expected data manipulation";
	else if (i >= ps->ntokens)
		what = "Unexpected end of statement";
	else if (ps->tokens[i].type == BADTOKEN)
		what = psprintf("Unexpected term: %.*s", ps->tokens[i].len, ps->text + ps->tokens[i].start);
	else
		what = psprintf("Unexpected %s: %.*s at offset %d",
						ps->tokens[i].keyword ? "keyword" : "token",
						ps->tokens[i].len, ps->text + ps->tokens[i].start,
						ps->tokens[i].start);
	dynamo_error(DYN_VALIDATION, "Statement wasn't well formed, can't be processed: %s", what);
}

/* The text of a token: quotes removed and doubled quotes undone */
char *
pql_token_text(PqlParseState *ps, int tok)
{
	PqlToken   *t = &ps->tokens[tok];
	const char *s = ps->text + t->start;
	char		quote = s[0];
	char	   *out,
			   *o;

	if (quote != '"' && quote != '\'')
		return pnstrdup(s, t->len);
	out = o = palloc(t->len);
	for (int i = 1; i < t->len - 1; i++)
	{
		*o++ = s[i];
		if (s[i] == quote)
			i++;				/* the second of a doubled quote */
	}
	*o = '\0';
	return out;
}

/* A leaf node of a token: a literal, a parameter, a function's name */
PqlNode *
pql_node(PqlParseState *ps, PqlTag tag, int tok)
{
	PqlNode    *n = palloc0(sizeof(PqlNode));

	n->tag = tag;
	n->location = ps->tokens[tok].start;
	if (tag == PQ_STRING || tag == PQ_NUMBER || tag == PQ_FUNC)
		n->text = pql_token_text(ps, tok);
	if (tag == PQ_PARAM)
		n->param = ps->nparams++;
	return n;
}

/* An operator node: first operand, then the others */
PqlNode *
pql_op(PqlTag tag, int op, PqlNode *first, List *args)
{
	PqlNode    *n = palloc0(sizeof(PqlNode));

	n->tag = tag;
	n->location = first->location;
	n->op = op;
	n->args = lcons(first, args);
	return n;
}

/* Start a path (path NULL) or extend it by a name or a list index */
PqlNode *
pql_path_step(PqlParseState *ps, PqlNode *path, int tok, bool index)
{
	PqlStep    *step = palloc0(sizeof(PqlStep));

	if (path == NULL)
	{
		path = palloc0(sizeof(PqlNode));
		path->tag = PQ_PATH;
		path->location = ps->tokens[tok].start;
	}
	step->index = -1;
	if (index)
	{
		char	   *digits = pql_token_text(ps, tok);

		if (strspn(digits, "0123456789") != strlen(digits))
			dynamo_error(DYN_VALIDATION,
						 "Statement wasn't well formed, can't be processed: Invalid list index: %s", digits);
		if (strlen(digits) > 9)
			dynamo_error(DYN_VALIDATION, "List index is not within the allowable range; index: [%s]", digits);
		step->index = atoi(digits);
	}
	else
		step->name = pql_token_text(ps, tok);
	path->steps = lappend(path->steps, step);
	return path;
}

/* One SET (value) or REMOVE (value NULL) of an UPDATE */
PqlAssign *
pql_assign(PqlNode *path, PqlNode *value)
{
	PqlAssign  *a = palloc(sizeof(PqlAssign));

	a->path = path;
	a->value = value;
	return a;
}
