/*
 * expr_doc.c
 *		Editable documents (expr_doc.h) and their serialisation back to the
 *		stored form.
 */
#include "postgres.h"

#include "attr_value.h"
#include "expr_doc.h"
#include "expr_nodes.h"
#include "stored_form.h"

/* A document node for a stored value, left as it is */
Doc *
doc_leaf(JsonbValue *v)
{
	Doc		   *d = palloc0(sizeof(Doc));

	d->kind = DOC_LEAF;
	d->leaf = *v;
	return d;
}

/* An empty map or list node */
Doc *
doc_new(DocKind kind)
{
	Doc		   *d = palloc0(sizeof(Doc));

	d->kind = kind;
	return d;
}

/* Make room for one more member */
static void
doc_grow(Doc *d)
{
	if (d->n < d->cap)
		return;
	d->cap = Max(d->cap * 2, 4);
	d->keys = d->keys ? repalloc(d->keys, sizeof(char *) * d->cap) : palloc(sizeof(char *) * d->cap);
	d->keylens = d->keylens ? repalloc(d->keylens, sizeof(int) * d->cap) : palloc(sizeof(int) * d->cap);
	d->indexes = d->indexes ? repalloc(d->indexes, sizeof(int) * d->cap) : palloc(sizeof(int) * d->cap);
	d->members = d->members ? repalloc(d->members, sizeof(Doc *) * d->cap) : palloc(sizeof(Doc *) * d->cap);
}

/* Fill a map or list node with the members of a container, as leaves */
static void
doc_fill(Doc *d, JsonbContainer *c)
{
	JsonbIterator *it = JsonbIteratorInit(c);
	JsonbValue	v;
	JsonbIteratorToken r;
	char	   *key = NULL;
	int			keylen = 0;

	while ((r = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		if (r == WJB_KEY)
		{
			key = v.val.string.val;
			keylen = v.val.string.len;
		}
		else if (r == WJB_VALUE)
		{
			/* keys of a container are unique: append without searching */
			doc_grow(d);
			d->keys[d->n] = key;
			d->keylens[d->n] = keylen;
			d->members[d->n++] = doc_leaf(&v);
		}
		else if (r == WJB_ELEM)
			doc_list_insert(d, d->n, doc_leaf(&v));
	}
}

/* An item (top-level map, never wrapped) as an open map node */
Doc *
doc_from_item(Jsonb *item)
{
	Doc		   *d = doc_new(DOC_MAP);

	if (item)
		doc_fill(d, &item->root);
	return d;
}

/*
 * Open a node as a map or list so its members can change.  False if it is
 * a value of another type.
 */
bool
doc_open(Doc *d, DocKind kind)
{
	JsonbValue	payload;
	DynamoType	t;

	if (d->kind != DOC_LEAF)
		return d->kind == kind;
	t = attr_type(&d->leaf, &payload);
	if (!((kind == DOC_MAP && t == DT_M) || (kind == DOC_LIST && t == DT_L)))
		return false;
	d->kind = kind;
	doc_fill(d, payload.val.binary.data);
	return true;
}

/* Position of a map's member, or -1 */
int
doc_map_find(Doc *d, const char *name, int len)
{
	for (int i = 0; i < d->n; i++)
	{
		if (d->keylens[i] == len && memcmp(d->keys[i], name, len) == 0)
			return i;
	}
	return -1;
}

/* Add or replace a map's member */
void
doc_map_put(Doc *d, const char *name, int len, Doc *member)
{
	int			i = doc_map_find(d, name, len);

	if (i < 0)
	{
		doc_grow(d);
		i = d->n++;
		d->keys[i] = (char *) name;
		d->keylens[i] = len;
	}
	d->members[i] = member;
}

/* Remove a map's member */
void
doc_map_delete(Doc *d, int i)
{
	d->n--;
	for (; i < d->n; i++)
	{
		d->keys[i] = d->keys[i + 1];
		d->keylens[i] = d->keylens[i + 1];
		d->members[i] = d->members[i + 1];
	}
}

/* Position of a list's element by its index in the original list, or -1 */
int
doc_list_find(Doc *d, int index)
{
	for (int i = 0; i < d->n; i++)
	{
		if (d->indexes[i] == index)
			return i;
	}
	return -1;
}

/* Insert an element, keeping elements in the order of their indexes */
void
doc_list_insert(Doc *d, int index, Doc *member)
{
	int			i;

	doc_grow(d);
	for (i = d->n; i > 0 && d->indexes[i - 1] > index; i--)
	{
		d->indexes[i] = d->indexes[i - 1];
		d->members[i] = d->members[i - 1];
	}
	d->indexes[i] = index;
	d->members[i] = member;
	d->n++;
}

/*
 * Push a node as tok; maps get the $M wrapper when their one key is a tag.
 * Returns what the last push returned (the result, at the top level).
 */
static JsonbValue *
doc_push(JsonbParseState **st, JsonbIteratorToken tok, Doc *d, bool top)
{
	JsonbValue	k;
	JsonbValue *res;
	bool		wrap;
	DynamoType	tag;

	if (d->kind == DOC_LEAF)
		return pushJsonbValue(st, tok, &d->leaf);
	if (d->kind == DOC_LIST)
	{
		(void) pushJsonbValue(st, WJB_BEGIN_ARRAY, NULL);
		for (int i = 0; i < d->n; i++)
		{
			if (d->members[i])
				(void) doc_push(st, WJB_ELEM, d->members[i], false);
		}
		return pushJsonbValue(st, WJB_END_ARRAY, NULL);
	}
	wrap = !top && d->n == 1 && stored_tag_type(d->keys[0], d->keylens[0], &tag);
	k.type = jbvString;
	if (wrap)
		stored_push_tag(st, DT_M);
	(void) pushJsonbValue(st, WJB_BEGIN_OBJECT, NULL);
	for (int i = 0; i < d->n; i++)
	{
		k.val.string.val = d->keys[i];
		k.val.string.len = d->keylens[i];
		(void) pushJsonbValue(st, WJB_KEY, &k);
		(void) doc_push(st, WJB_VALUE, d->members[i], false);
	}
	res = pushJsonbValue(st, WJB_END_OBJECT, NULL);
	if (wrap)
		res = pushJsonbValue(st, WJB_END_OBJECT, NULL);
	return res;
}

/* The item a root map node stands for, in the stored form */
Jsonb *
doc_to_item(Doc *root)
{
	JsonbParseState *st = NULL;

	Assert(root->kind == DOC_MAP);
	return JsonbValueToJsonb(doc_push(&st, WJB_VALUE, root, true));
}

/* A node as a stored value standing alone */
JsonbValue *
doc_value(Doc *d)
{
	JsonbParseState *st = NULL;
	JsonbValue *res;

	if (d->kind == DOC_LEAF)
		return &d->leaf;
	(void) pushJsonbValue(&st, WJB_BEGIN_ARRAY, NULL);
	(void) doc_push(&st, WJB_ELEM, d, false);
	res = pushJsonbValue(&st, WJB_END_ARRAY, NULL);
	return getIthJsonbValueFromContainer(&JsonbValueToJsonb(res)->root, 0);
}
