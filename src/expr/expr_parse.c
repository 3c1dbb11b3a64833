/*
 * expr_parse.c
 *		Parse driver: the per-backend cache of parse trees, the builders the
 *		grammar's actions call, ExpressionAttributeNames / Values and the
 *		binding of a tree's placeholders to them.
 *
 * Trees are cached by (kind, text) in ExprCacheContext, a child of
 * CacheMemoryContext, with placeholders unresolved; a request binds them
 * with expr_bind().  Each tree has a memory context of its own.  When the
 * cache is full one entry is evicted, chosen by the clock algorithm (an
 * entry used since the hand last passed gets another round): its context
 * is handed to the current transaction, which frees it at its end, so a
 * tree the transaction still uses stays valid until then.
 */
#include "postgres.h"

#include "access/xact.h"
#include "common/hashfn.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"

#include "attr_value.h"
#include "errors.h"
#include "expr_parser.h"
#include "nul_escape.h"

#define EXPR_MAX_LENGTH 4096
#define EXPR_MAX_OPERATORS 300
#define EXPR_CACHE_MAX_ENTRIES 1024

typedef struct ExprCacheKey
{
	ExprKind	kind;
	const char *text;
} ExprCacheKey;

typedef struct ExprCacheEntry
{
	ExprCacheKey key;
	ExprTree   *tree;
	MemoryContext cxt;			/* holds the tree and the key's text */
	bool		referenced;		/* used since the clock hand passed */
} ExprCacheEntry;

static MemoryContext ExprCacheContext = NULL;
static HTAB *ExprCache = NULL;

/* The clock: every entry in a slot, and the hand */
static ExprCacheEntry *ExprCacheSlots[EXPR_CACHE_MAX_ENTRIES];
static int	ExprCacheUsed = 0;
static int	ExprCacheHand = 0;

/* One ExpressionAttributeNames or ExpressionAttributeValues entry */
typedef struct AttrEntry
{
	char	   *key;
	int			keylen;
	JsonbValue	value;			/* the name (escaped string), or the value */
	bool		used;
} AttrEntry;

struct ExprAttrs
{
	int			nnames;
	AttrEntry  *names;
	int			nvalues;
	AttrEntry  *values;
};

static const char *const ExprKindNames[EXPR_KIND_COUNT] = {
	"ConditionExpression", "FilterExpression", "KeyConditionExpression",
	"ProjectionExpression", "UpdateExpression"
};

/* The request parameter an expression kind comes in */
const char *
expr_kind_name(ExprKind kind)
{
	return ExprKindNames[kind];
}

/* Hash a cache key: the text, and the kind */
static uint32
cache_key_hash(const void *key, Size keysize)
{
	const ExprCacheKey *k = key;

	return hash_bytes((const unsigned char *) k->text, strlen(k->text)) ^ (uint32) k->kind;
}

/* Compare cache keys, dynahash style (0 when equal) */
static int
cache_key_match(const void *a, const void *b, Size keysize)
{
	const ExprCacheKey *x = a;
	const ExprCacheKey *y = b;

	return (x->kind == y->kind && strcmp(x->text, y->text) == 0) ? 0 : 1;
}

/*
 * Evict one entry of a full cache by the clock; returns its free slot.  The
 * tree goes to the current transaction's memory, freed at its end.
 */
static int
cache_evict(void)
{
	ExprCacheEntry *victim;
	MemoryContext cxt;
	int			slot;

	while (ExprCacheSlots[ExprCacheHand]->referenced)
	{
		ExprCacheSlots[ExprCacheHand]->referenced = false;
		ExprCacheHand = (ExprCacheHand + 1) % EXPR_CACHE_MAX_ENTRIES;
	}
	slot = ExprCacheHand;
	ExprCacheHand = (ExprCacheHand + 1) % EXPR_CACHE_MAX_ENTRIES;
	victim = ExprCacheSlots[slot];
	cxt = victim->cxt;
	hash_search(ExprCache, &victim->key, HASH_REMOVE, NULL);
	if (IsTransactionState())
		MemoryContextSetParent(cxt, TopTransactionContext);
	else
		MemoryContextDelete(cxt);
	ExprCacheSlots[slot] = NULL;
	return slot;
}

/* Create the cache on first use */
static void
cache_prepare(void)
{
	HASHCTL		ctl;

	if (ExprCache)
		return;
	ExprCacheContext = AllocSetContextCreate(CacheMemoryContext,
											 "pg_dynamo expression cache",
											 ALLOCSET_DEFAULT_SIZES);
	ctl.keysize = sizeof(ExprCacheKey);
	ctl.entrysize = sizeof(ExprCacheEntry);
	ctl.hash = cache_key_hash;
	ctl.match = cache_key_match;
	ctl.hcxt = ExprCacheContext;
	ExprCache = hash_create("pg_dynamo expressions", 64, &ctl,
							HASH_ELEM | HASH_FUNCTION | HASH_COMPARE | HASH_CONTEXT);
}

/* Is a text nothing but white space? */
static bool
text_is_blank(const char *text)
{
	for (const char *p = text; *p; p++)
	{
		if (!strchr(" \t\r\n", *p))
			return false;
	}
	return true;
}

/* Reject an empty (or blank) expression text, naming its parameter */
void
expr_check_not_empty(const char *text, ExprKind kind)
{
	if (text[0] == '\0' || text_is_blank(text))
		dynamo_error(DYN_VALIDATION, "Invalid %s: The expression can not be empty;",
					 expr_kind_name(kind));
}

/* expr_check_tree for dynamo_catch_pure */
static void
check_tree(void *tree)
{
	expr_check_tree(tree);
}

/*
 * The message of expr_check_tree's first error on an update's or a
 * condition's tree, or NULL: DynamoDB makes those checks (functions, operand
 * counts) only once the placeholders are bound and the paths checked, so the
 * message waits in the tree.  The checks only read the tree, so their error
 * can be caught.
 */
static char *
deferred_checks(ExprTree *tree)
{
	ErrorData  *error = dynamo_catch_pure(check_tree, tree, DYN_VALIDATION);

	return error ? error->message : NULL;
}

/* Parse a text into a tree allocated in the current memory context */
static ExprTree *
parse_uncached(const char *text, ExprKind kind)
{
	ExprParseState ps;

	memset(&ps, 0, sizeof(ps));
	ps.text = text;
	ps.textlen = strlen(text);
	ps.kind = kind;
	ps.next = -1;
	ps.tree = palloc0(sizeof(ExprTree));
	ps.tree->kind = kind;
	expr_scan(&ps);
	if (ps.ntokens == 0)
		dynamo_error(DYN_VALIDATION, "Invalid %s: The expression can not be empty;",
					 expr_kind_name(kind));
	if (dynexpr_parse(&ps) != 0)
		expr_syntax_error(&ps);
	if (kind == EXPR_UPDATE)
		expr_check_update_names(ps.tree);
	if (ps.clause_twice)
		dynamo_error(DYN_VALIDATION,
					 "Invalid %s: The \"%s\" section can only be used once in an update expression;",
					 expr_kind_name(kind), ps.clause_twice);
	if (ps.operators > EXPR_MAX_OPERATORS)
		dynamo_error(DYN_VALIDATION,
					 "Invalid %s: The expression contains too many operators; operator count: %d",
					 expr_kind_name(kind), ps.operators);
	if (kind == EXPR_CONDITION || kind == EXPR_FILTER || kind == EXPR_KEY_CONDITION)
		expr_check_condition_early(ps.tree);
	if (kind != EXPR_PROJECTION)
		ps.tree->deferred_error = deferred_checks(ps.tree);
	else
		expr_check_tree(ps.tree);
	return ps.tree;
}

/*
 * The tree of an expression text: from the cache, or parsed and cached.
 * A text that fails to parse leaves nothing behind in the cache.
 */
ExprTree *
expr_parse_text(const char *text, ExprKind kind)
{
	ExprCacheKey key;
	ExprCacheEntry *entry;
	MemoryContext parse_cxt,
				old;
	ExprTree   *tree;
	bool		found;
	int			slot;
	int			len = strlen(text);

	expr_check_not_empty(text, kind);
	if (len > EXPR_MAX_LENGTH)
		dynamo_error(DYN_VALIDATION,
					 "Invalid %s: Expression size has exceeded the maximum allowed size; expression size: %d",
					 expr_kind_name(kind), len);
	cache_prepare();
	key.kind = kind;
	key.text = text;
	entry = hash_search(ExprCache, &key, HASH_FIND, NULL);
	if (entry)
	{
		entry->referenced = true;
		return entry->tree;
	}

	parse_cxt = AllocSetContextCreate(CurrentMemoryContext, "pg_dynamo expression",
									  ALLOCSET_SMALL_SIZES);
	old = MemoryContextSwitchTo(parse_cxt);
	tree = parse_uncached(text, kind);
	MemoryContextSwitchTo(old);

	slot = ExprCacheUsed < EXPR_CACHE_MAX_ENTRIES ? ExprCacheUsed++ : cache_evict();
	MemoryContextSetParent(parse_cxt, ExprCacheContext);
	entry = hash_search(ExprCache, &key, HASH_ENTER, &found);
	entry->key.text = MemoryContextStrdup(parse_cxt, text);
	entry->tree = tree;
	entry->cxt = parse_cxt;
	entry->referenced = false;
	ExprCacheSlots[slot] = entry;
	return tree;
}

/*
 * Raise DynamoDB's syntax error at the token the grammar read last, quoting
 * it with its neighbours: the tokens before and after it, or the last token
 * when the text ended too soon.
 */
void
expr_syntax_error(ExprParseState *ps)
{
	int			i = ps->next - 1;
	int			from,
				to;
	char	   *token;

	if (i >= ps->ntokens)
	{
		token = "<EOF>";
		from = to = ps->ntokens - 1;
	}
	else
	{
		token = pnstrdup(ps->text + ps->tokens[i].start, ps->tokens[i].len);
		from = Max(i - 1, 0);
		to = Min(i + 1, ps->ntokens - 1);
	}
	dynamo_error(DYN_VALIDATION, "Invalid %s: Syntax error; token: \"%s\", near: \"%.*s\"",
				 expr_kind_name(ps->kind), token,
				 ps->tokens[to].start + ps->tokens[to].len - ps->tokens[from].start,
				 ps->text + ps->tokens[from].start);
}

/*
 * Number a placeholder, the same number for the same text; at gets where
 * each first stands in the text
 */
static int
intern_placeholder(char ***list, int **at, int *count, const char *text, int len, int pos)
{
	for (int i = 0; i < *count; i++)
	{
		if (strlen((*list)[i]) == len && memcmp((*list)[i], text, len) == 0)
			return i;
	}
	if (*count == 0)
	{
		*list = palloc(sizeof(char *) * 8);
		*at = palloc(sizeof(int) * 8);
	}
	else if ((*count & (*count - 1)) == 0 && *count >= 8)
	{
		*list = repalloc(*list, sizeof(char *) * *count * 2);
		*at = repalloc(*at, sizeof(int) * *count * 2);
	}
	(*list)[*count] = pnstrdup(text, len);
	(*at)[*count] = pos;
	return (*count)++;
}

/* A new node */
ExprNode *
expr_make_node(ExprNodeTag tag, int location)
{
	ExprNode   *n = palloc0(sizeof(ExprNode));

	n->tag = tag;
	n->location = location;
	n->value_ph = -1;
	return n;
}

/* Start a path (path NULL) or extend it with a name or a #placeholder */
ExprNode *
expr_build_path(ExprParseState *ps, ExprNode *path, int tok, bool placeholder)
{
	ExprToken  *t = &ps->tokens[tok];
	PathStep   *step;

	if (path == NULL)
		path = expr_make_node(EN_PATH, t->start);
	path->steps = path->nsteps ? repalloc(path->steps, sizeof(PathStep) * (path->nsteps + 1))
		: palloc(sizeof(PathStep));
	step = &path->steps[path->nsteps++];
	step->index = -1;
	step->name_ph = -1;
	step->name = pnstrdup(ps->text + t->start, t->len);
	step->namelen = t->len;
	if (placeholder)
		step->name_ph = intern_placeholder(&ps->tree->names, &ps->tree->names_at,
										   &ps->tree->nnames, ps->text + t->start, t->len,
										   t->start);
	return path;
}

/* Extend a path with a list index token */
ExprNode *
expr_build_index(ExprParseState *ps, ExprNode *path, int tok)
{
	ExprToken  *t = &ps->tokens[tok];
	int64		index = 0;
	PathStep   *step;

	for (int i = 0; i < t->len; i++)
	{
		index = index * 10 + (ps->text[t->start + i] - '0');
		if (index > PG_INT32_MAX)
			dynamo_error(DYN_VALIDATION, "Invalid %s: List index is out of range; index: %.*s",
						 expr_kind_name(ps->kind), t->len, ps->text + t->start);
	}
	path->steps = repalloc(path->steps, sizeof(PathStep) * (path->nsteps + 1));
	step = &path->steps[path->nsteps++];
	step->index = (int) index;
	step->name_ph = -1;
	step->name = NULL;
	step->namelen = 0;
	return path;
}

/* A :placeholder operand */
ExprNode *
expr_build_value(ExprParseState *ps, int tok)
{
	ExprToken  *t = &ps->tokens[tok];
	ExprNode   *n = expr_make_node(EN_VALUE, t->start);

	n->value_ph = intern_placeholder(&ps->tree->values, &ps->tree->values_at,
									 &ps->tree->nvalues, ps->text + t->start, t->len, t->start);
	return n;
}

/* A function call; which function, and whether it fits, is checked later */
ExprNode *
expr_build_func(ExprParseState *ps, int tok, List *args)
{
	static const char *const names[] = {
		[EF_ATTRIBUTE_EXISTS] = "attribute_exists",
		[EF_ATTRIBUTE_NOT_EXISTS] = "attribute_not_exists",
		[EF_ATTRIBUTE_TYPE] = "attribute_type",
		[EF_BEGINS_WITH] = "begins_with",
		[EF_CONTAINS] = "contains",
		[EF_SIZE] = "size",
		[EF_IF_NOT_EXISTS] = "if_not_exists",
		[EF_LIST_APPEND] = "list_append"
	};
	ExprToken  *t = &ps->tokens[tok];
	ExprNode   *n = expr_make_node(EN_FUNC, t->start);

	n->fname = pnstrdup(ps->text + t->start, t->len);
	n->op = EF_UNKNOWN;
	for (int f = EF_ATTRIBUTE_EXISTS; f <= EF_LIST_APPEND; f++)
	{
		if (strcmp(names[f], n->fname) == 0)
			n->op = f;
	}
	n->args = args;
	ps->operators++;
	return n;
}

/* An operator node */
ExprNode *
expr_build_op(ExprParseState *ps, ExprNodeTag tag, int op, int location, List *args)
{
	ExprNode   *n = expr_make_node(tag, location);

	n->op = op;
	n->args = args;
	ps->operators++;
	return n;
}

/* Note parentheses around a condition */
ExprNode *
expr_build_parens(ExprParseState *ps, ExprNode *inner)
{
	inner->parens++;
	return inner;
}

/*
 * A parenthesised path about to be dereferenced at token tok: its
 * parentheses go inside.  Conditions only: in an update's value, DynamoDB
 * sees a syntax error at the dereference.
 */
ExprNode *
expr_build_deref(ExprParseState *ps, ExprNode *path, int tok)
{
	if (ps->kind == EXPR_UPDATE)
	{
		ps->next = tok + 1;
		expr_syntax_error(ps);
	}
	path->inner_parens = Max(path->inner_parens, path->parens);
	path->parens = 0;
	return path;
}

/* Add an update clause's actions (REMOVE's: paths), noting a clause written twice */
void
expr_build_clause(ExprParseState *ps, UpdateActionKind kind, List *actions)
{
	static const char *const clause_names[] = {"SET", "REMOVE", "ADD", "DELETE"};
	ListCell   *lc;

	foreach(lc, ps->tree->actions)
	{
		UpdateAction *a = lfirst(lc);

		if (a->kind == kind && ps->clause_twice == NULL)
			ps->clause_twice = clause_names[kind];
	}
	foreach(lc, actions)
	{
		/* REMOVE lists bare paths */
		if (kind == UA_REMOVE)
			lfirst(lc) = expr_build_action(UA_REMOVE, lfirst(lc), NULL);
		((UpdateAction *) lfirst(lc))->kind = kind;
	}
	ps->tree->actions = list_concat(ps->tree->actions, actions);
}

/* One update action; REMOVE's come as bare paths */
UpdateAction *
expr_build_action(UpdateActionKind kind, ExprNode *path, ExprNode *value)
{
	UpdateAction *a = palloc0(sizeof(UpdateAction));

	a->kind = kind;
	a->path = path;
	a->value = value;
	return a;
}

/* Does a placeholder key have DynamoDB's syntax: a sigil and [A-Za-z0-9_]+? */
static bool
placeholder_key_valid(const char *key, int len, char sigil)
{
	if (len < 2 || key[0] != sigil)
		return false;
	for (int i = 1; i < len; i++)
	{
		if (!isalnum((unsigned char) key[i]) && key[i] != '_')
			return false;
	}
	return true;
}

/* Read an ExpressionAttributeNames or ...Values object into entries */
static AttrEntry *
read_attr_object(Jsonb *obj, const char *param, char sigil, int *count)
{
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken r;
	AttrEntry  *entries;
	int			n = 0;

	if (!JB_ROOT_IS_OBJECT(obj) || JB_ROOT_IS_SCALAR(obj))
		dynamo_error(DYN_SERIALIZATION, "Start of list found where not expected");
	if (JB_ROOT_COUNT(obj) == 0)
		dynamo_error(DYN_VALIDATION, "%s must not be empty", param);
	entries = palloc0(sizeof(AttrEntry) * JB_ROOT_COUNT(obj));
	it = JsonbIteratorInit(&obj->root);
	while ((r = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (r == WJB_KEY)
		{
			if (!placeholder_key_valid(v.val.string.val, v.val.string.len, sigil))
				dynamo_error(DYN_VALIDATION, "%s contains invalid key: Syntax error; key: \"%.*s\"",
							 param, v.val.string.len, v.val.string.val);
			entries[n].key = pnstrdup(v.val.string.val, v.val.string.len);
			entries[n].keylen = v.val.string.len;
		}
		else if (r == WJB_VALUE)
			entries[n++].value = v;
	}
	*count = n;
	return entries;
}

/* Reject the first placeholder of obj without DynamoDB's syntax */
static void
check_placeholder_keys(Jsonb *obj, const char *param, char sigil)
{
	JsonbIterator *it = JsonbIteratorInit(&obj->root);
	JsonbValue	v;
	JsonbIteratorToken r;

	while ((r = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (r == WJB_KEY && !placeholder_key_valid(v.val.string.val, v.val.string.len, sigil))
			dynamo_error(DYN_VALIDATION, "%s contains invalid key: Syntax error; key: \"%.*s\"",
						 param, v.val.string.len, v.val.string.val);
	}
}

/* A conversion of typed ExpressionAttributeValues, run by dynamo_catch_pure */
typedef struct ValuesConversion
{
	Jsonb	   *values;
	JsonbValue *value;			/* one value, or NULL: all of values */
	bool		escaped;
	Jsonb	   *result;
} ValuesConversion;

static void
convert_values(void *arg)
{
	ValuesConversion *c = arg;

	if (c->value)
		(void) attr_from_typed(c->value, c->escaped);
	else
		c->result = item_from_typed(c->values, c->escaped);
}

/* The first placeholder of typed ExpressionAttributeValues whose value is invalid */
static char *
first_invalid_value(Jsonb *values, bool escaped)
{
	JsonbIterator *it = JsonbIteratorInit(&values->root);
	JsonbValue	k,
				v;
	JsonbIteratorToken r;
	ValuesConversion c = {.escaped = escaped,.value = &v};

	while ((r = JsonbIteratorNext(&it, &k, true)) != WJB_DONE)
	{
		if (r != WJB_KEY)
			continue;
		(void) JsonbIteratorNext(&it, &v, true);
		if (dynamo_catch_pure(convert_values, &c, DYN_VALIDATION) != NULL)
			return pnstrdup(k.val.string.val, k.val.string.len);
	}
	return NULL;
}

/*
 * Typed ExpressionAttributeValues in the stored form.  DynamoDB checks the
 * placeholders' syntax before the values, and names the placeholder in the
 * ValidationException of an invalid value.
 */
Jsonb *
expr_values_from_typed(Jsonb *values, bool escaped)
{
	ValuesConversion c = {.values = values,.escaped = escaped};
	ErrorData  *error;
	char	   *key;

	if (!JB_ROOT_IS_OBJECT(values) || JB_ROOT_IS_SCALAR(values))
		return item_from_typed(values, escaped);	/* its kind error */
	check_placeholder_keys(values, "ExpressionAttributeValues", ':');
	error = dynamo_catch_pure(convert_values, &c, DYN_VALIDATION);
	if (error == NULL)
		return c.result;
	key = first_invalid_value(values, escaped);
	if (key == NULL)
		ReThrowError(error);
	dynamo_error(DYN_VALIDATION, "ExpressionAttributeValues contains invalid value: %s for key %s",
				 error->message, key);
	return NULL;				/* not reached */
}

/* Check and escape the attribute names of ExpressionAttributeNames */
static void
prepare_names(AttrEntry *names, int n, bool escaped)
{
	for (int i = 0; i < n; i++)
	{
		JsonbValue *v = &names[i].value;

		if (v->type != jbvString)
			dynamo_kind_error(v, "String");
		attr_check_name_length(v->val.string.len, "ExpressionAttributeNames contains invalid value: ");
		if (!escaped && nul_escape_present(v->val.string.val, v->val.string.len))
			v->val.string.val = nul_escape(v->val.string.val, v->val.string.len,
										   &v->val.string.len);
	}
}

/* A request's ExpressionAttributeNames and Values (stored form), checked */
ExprAttrs *
expr_attrs_create(Jsonb *names, Jsonb *values, bool names_escaped)
{
	ExprAttrs  *attrs = palloc0(sizeof(ExprAttrs));

	if (names)
	{
		attrs->names = read_attr_object(names, "ExpressionAttributeNames", '#',
										&attrs->nnames);
		prepare_names(attrs->names, attrs->nnames, names_escaped);
	}
	if (values)
		attrs->values = read_attr_object(values, "ExpressionAttributeValues", ':',
										 &attrs->nvalues);
	return attrs;
}

/* Find a placeholder among entries (in jsonb key order: length, then bytes) */
static AttrEntry *
find_entry(AttrEntry *entries, int n, const char *key)
{
	int			len = strlen(key);
	int			lo = 0,
				hi = n - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;
		int			c = (entries[mid].keylen != len) ? (entries[mid].keylen > len ? 1 : -1)
			: memcmp(entries[mid].key, key, len);

		if (c == 0)
			return &entries[mid];
		if (c > 0)
			hi = mid - 1;
		else
			lo = mid + 1;
	}
	return NULL;
}

/*
 * Bind a tree's placeholders to a request's names and values, leaving NULL
 * those the request does not define; whether it defines them all.
 */
static bool
bind_placeholders(ExprBinding *b, ExprTree *tree, ExprAttrs *attrs)
{
	bool		complete = true;

	b->tree = tree;
	b->names = palloc0(sizeof(char *) * Max(tree->nnames, 1));
	b->namelens = palloc0(sizeof(int) * Max(tree->nnames, 1));
	b->values = palloc0(sizeof(JsonbValue *) * Max(tree->nvalues, 1));
	for (int i = 0; i < tree->nnames; i++)
	{
		AttrEntry  *e = find_entry(attrs->names, attrs->nnames, tree->names[i]);

		if (e == NULL)
		{
			complete = false;
			continue;
		}
		e->used = true;
		b->names[i] = e->value.val.string.val;
		b->namelens[i] = e->value.val.string.len;
	}
	for (int i = 0; i < tree->nvalues; i++)
	{
		AttrEntry  *e = find_entry(attrs->values, attrs->nvalues, tree->values[i]);

		if (e == NULL)
		{
			complete = false;
			continue;
		}
		e->used = true;
		b->values[i] = &e->value;
	}
	return complete;
}

/* Raise the error of the placeholder undefined that comes first in the text */
static void
check_placeholders_bound(ExprBinding *b)
{
	ExprTree   *tree = b->tree;
	int			missing_name = -1,
				missing_value = -1;

	for (int i = tree->nnames - 1; i >= 0; i--)
	{
		if (b->names[i] == NULL &&
			(missing_name < 0 || tree->names_at[i] < tree->names_at[missing_name]))
			missing_name = i;
	}
	for (int i = tree->nvalues - 1; i >= 0; i--)
	{
		if (b->values[i] == NULL &&
			(missing_value < 0 || tree->values_at[i] < tree->values_at[missing_value]))
			missing_value = i;
	}
	if (missing_name >= 0 &&
		(missing_value < 0 || tree->names_at[missing_name] < tree->values_at[missing_value]))
		dynamo_error(DYN_VALIDATION,
					 "Invalid %s: An expression attribute name used in the document path is not defined; attribute name: %s",
					 expr_kind_name(tree->kind), tree->names[missing_name]);
	if (missing_value >= 0)
		dynamo_error(DYN_VALIDATION,
					 "Invalid %s: An expression attribute value used in expression is not defined; attribute value: %s",
					 expr_kind_name(tree->kind), tree->values[missing_value]);
}

/* Bind a tree's placeholders to a request's names and values */
void
expr_bind(ExprBinding *b, ExprTree *tree, ExprAttrs *attrs)
{
	if (!bind_placeholders(b, tree, attrs))
		check_placeholders_bound(b);
}

/* Order placeholder keys for messages */
static int
cstring_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* Raise DynamoDB's error for entries no expression used, if any */
static void
check_unused(AttrEntry *entries, int n, const char *param)
{
	char	  **unused = palloc(sizeof(char *) * Max(n, 1));
	int			nunused = 0;
	StringInfoData buf;

	for (int i = 0; i < n; i++)
	{
		if (!entries[i].used)
			unused[nunused++] = entries[i].key;
	}
	if (nunused == 0)
		return;
	qsort(unused, nunused, sizeof(char *), cstring_cmp);
	initStringInfo(&buf);
	for (int i = 0; i < nunused; i++)
		appendStringInfo(&buf, "%s%s", i ? ", " : "", unused[i]);
	dynamo_error(DYN_VALIDATION, "Value provided in %s unused in expressions: keys: {%s}",
				 param, buf.data);
}

/* After all of a request's expressions are parsed: reject unused entries */
void
expr_attrs_check_unused(ExprAttrs *attrs)
{
	check_unused(attrs->names, attrs->nnames, "ExpressionAttributeNames");
	check_unused(attrs->values, attrs->nvalues, "ExpressionAttributeValues");
}

/* Parse a condition, filter or key condition and bind it */
DynCondition *
expr_parse_condition(const char *text, ExprKind kind, ExprAttrs *attrs)
{
	DynCondition *cond = palloc0(sizeof(DynCondition));

	Assert(kind == EXPR_CONDITION || kind == EXPR_FILTER || kind == EXPR_KEY_CONDITION);
	(void) bind_placeholders(&cond->b, expr_parse_text(text, kind), attrs);
	expr_check_bound_condition(&cond->b);
	/* the walk raises these first: a net for what it would have missed */
	check_placeholders_bound(&cond->b);
	if (cond->b.tree->deferred_error)
		dynamo_error(DYN_VALIDATION, "%s", cond->b.tree->deferred_error);
	return cond;
}

/* Parse a projection and bind it */
DynProjection *
expr_parse_projection(const char *text, ExprAttrs *attrs)
{
	DynProjection *proj = palloc0(sizeof(DynProjection));

	expr_bind(&proj->b, expr_parse_text(text, EXPR_PROJECTION), attrs);
	expr_check_overlaps(&proj->b, proj->b.tree->paths, EXPR_PROJECTION);
	return proj;
}

/* Parse an update and bind it */
DynUpdate *
expr_parse_update(const char *text, ExprAttrs *attrs)
{
	DynUpdate  *upd = palloc0(sizeof(DynUpdate));
	List	   *targets = NIL;
	ListCell   *lc;

	expr_bind(&upd->b, expr_parse_text(text, EXPR_UPDATE), attrs);
	foreach(lc, upd->b.tree->actions)
		targets = lappend(targets, ((UpdateAction *) lfirst(lc))->path);
	expr_check_overlaps(&upd->b, targets, EXPR_UPDATE);
	expr_check_add_delete(&upd->b);
	if (upd->b.tree->deferred_error)
		dynamo_error(DYN_VALIDATION, "%s", upd->b.tree->deferred_error);
	expr_check_values(&upd->b);
	return upd;
}
