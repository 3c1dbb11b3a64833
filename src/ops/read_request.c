/*
 * read_request.c
 *		Query and Scan parameters, checked in DynamoDB's order and with its
 *		messages, reduced to a ReadRequest: the key condition and
 *		ExclusiveStartKey become one sort key range, Select and the
 *		expressions become what read_items() applies per item.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"

#include "errors.h"
#include "validate.h"
#include "indexes.h"
#include "read_ops.h"

#define START_INVALID "The provided starting key is invalid"
#define START_MISMATCH "The provided key element does not match the schema"

/* A numeric member out of range: DynamoDB's constraint message */
static void
check_range(int64 v, int64 min, int64 max, const char *member)
{
	validate_range(NULL, psprintf(INT64_FORMAT, v), v, min, max, member);
}

/* Limit, Segment and TotalSegments */
static void
check_numbers(ReadParams *p, ReadRequest *req)
{
	if (p->has_limit)
	{
		check_range(p->limit, 1, PG_INT32_MAX, "limit");
		req->limit = p->limit;
	}
	if (p->query)
		return;
	if (p->has_segment)
		check_range(p->segment, 0, 999999, "segment");
	if (p->has_total_segments)
		check_range(p->total_segments, 1, 1000000, "totalSegments");
	if (p->has_segment && !p->has_total_segments)
		dynamo_error(DYN_VALIDATION,
					 "The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
	if (p->has_total_segments && !p->has_segment)
		dynamo_error(DYN_VALIDATION,
					 "The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
	if (p->has_segment && p->segment >= p->total_segments)
		dynamo_error(DYN_VALIDATION,
					 "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: " INT64_FORMAT " is not less than TotalSegments: " INT64_FORMAT,
					 p->segment, p->total_segments);
	if (p->has_segment)
	{
		req->segment = (int) p->segment;
		req->total_segments = (int) p->total_segments;
	}
}

/* Select, against the projection asked for */
static ReadSelect
parse_select(ReadParams *p)
{
	bool		index = p->index_name != NULL;

	const char *prefix = p->query ? "1 validation error detected: " : "";
	const char *projection = p->expr.projection ? "ProjectionExpression"
		: p->expr.attributes_to_get ? "AttributesToGet" : NULL;
	const char *s = p->select;

	if (s == NULL)
		return projection ? SELECT_SPECIFIC_ATTRIBUTES : SELECT_ALL_ATTRIBUTES;
	if (strcmp(s, "ALL_ATTRIBUTES") == 0 || strcmp(s, "COUNT") == 0)
	{
		bool		count = s[0] == 'C';

		if (projection)
			dynamo_error(DYN_VALIDATION, "%sCannot specify the %s when choosing to get %s",
						 prefix, projection, count ? "only the Count" : "ALL_ATTRIBUTES");
		return count ? SELECT_COUNT : SELECT_ALL_ATTRIBUTES;
	}
	if (strcmp(s, "SPECIFIC_ATTRIBUTES") == 0)
	{
		if (projection == NULL)
			dynamo_error(DYN_VALIDATION,
						 "%sMust specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES",
						 prefix);
		return SELECT_SPECIFIC_ATTRIBUTES;
	}
	if (strcmp(s, "ALL_PROJECTED_ATTRIBUTES") == 0)
	{
		if (projection)
			dynamo_error(DYN_VALIDATION,
						 "%sCannot specify the %s when choosing to get ALL_PROJECTED_ATTRIBUTES",
						 prefix, projection);
		if (index)
			return SELECT_ALL_PROJECTED_ATTRIBUTES;
		dynamo_error(DYN_VALIDATION,
					 "%sALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName",
					 prefix);
	}
	validate_enum(NULL, s, "select", "[SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]");
	pg_unreachable();
}

/*
 * Legacy KeyConditions take only the operators a key range can serve,
 * checked before they are translated like Expected.
 */
static void
check_key_conditions(Jsonb *key_conditions)
{
	static const char *const indexable[] = {"EQ", "LE", "LT", "GE", "GT", "BEGINS_WITH", "BETWEEN"};
	JsonbIterator *it = JsonbIteratorInit(&key_conditions->root);
	JsonbValue	v;
	JsonbIteratorToken r;

	while ((r = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		JsonbValue	op;
		bool		ok = false;

		if (r != WJB_VALUE || v.type != jbvBinary || !JsonContainerIsObject(v.val.binary.data) ||
			getKeyJsonValueFromContainer(v.val.binary.data, "ComparisonOperator", 18, &op) == NULL ||
			op.type != jbvString)
			continue;			/* the translation reports what is missing */
		for (int i = 0; i < lengthof(indexable); i++)
			ok |= strlen(indexable[i]) == op.val.string.len &&
				memcmp(indexable[i], op.val.string.val, op.val.string.len) == 0;
		if (!ok)
			dynamo_error(DYN_VALIDATION, "Attempted conditional constraint is not an indexable operation");
	}
}

/* The smallest stored S or B value above every value that starts with v */
static JsonbValue *
prefix_successor(DynamoType type, JsonbValue *v)
{
	JsonbValue *res;

	if (type == DT_B)
	{
		bytea	   *b = attr_binary_bytes(v);
		unsigned char *d = (unsigned char *) VARDATA_ANY(b);
		int			len = VARSIZE_ANY_EXHDR(b);

		while (len > 0 && d[len - 1] == 0xFF)
			len--;
		if (len == 0)
			return NULL;		/* all 0xFF: nothing above */
		d[len - 1]++;
		return attr_binary_value((char *) d, len);
	}
	else
	{
		/* the next code point after the last one (UTF-8 order is code point order) */
		const char *s = v->val.string.val;
		int			len = v->val.string.len;

		while (len > 0)
		{
			int			start = len - 1;
			pg_wchar	c;
			unsigned char buf[8];
			char	   *out;
			int			clen;

			while (start > 0 && (s[start] & 0xC0) == 0x80)
				start--;
			c = utf8_to_unicode((const unsigned char *) s + start);
			if (c >= 0x10FFFF)
			{
				len = start;	/* no successor: carry into the previous one */
				continue;
			}
			c = (c == 0xD7FF) ? 0xE000 : c + 1;
			unicode_to_utf8(c, buf);
			clen = pg_utf_mblen(buf);
			out = palloc(start + clen);
			memcpy(out, s, start);
			memcpy(out + start, buf, clen);
			res = palloc(sizeof(JsonbValue));
			res->type = jbvString;
			res->val.string.val = out;
			res->val.string.len = start + clen;
			return res;
		}
		return NULL;
	}
}

/* Is a key value of the table's type?  Else DynamoDB's message */
static void
check_condition_type(const DynamoKeyAttr *attr, JsonbValue *v)
{
	if (attr_type(v, NULL) != attr->type)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Condition parameter type does not match schema type");
}

/* The key schema a read goes by: its index's, else its table's (sk NULL: none) */
static void
read_key_schema(ReadRequest *req, const DynamoKeyAttr **pk, const DynamoKeyAttr **sk)
{
	if (req->index)
	{
		*pk = &req->index->key.keys[0];
		*sk = dynamo_index_has_sort_key(req->index) ? &req->index->key.keys[1] : NULL;
	}
	else
	{
		*pk = &req->table->partition_key;
		*sk = dynamo_table_has_sort_key(req->table) ? &req->table->sort_key : NULL;
	}
}

/* The sort key range of a key condition part on sort key attribute sk */
static void
sort_key_range(ReadRequest *req, const DynamoKeyAttr *sk, KeyCondPart *part)
{
	check_condition_type(sk, part->value);
	if (part->value2)
		check_condition_type(sk, part->value2);
	switch (part->op)
	{
		case KC_EQ:
			req->lower = (KeyBound) {part->value, true};
			req->upper = (KeyBound) {part->value, true};
			break;
		case KC_LT:
		case KC_LE:
			req->upper = (KeyBound) {part->value, part->op == KC_LE};
			break;
		case KC_GT:
		case KC_GE:
			req->lower = (KeyBound) {part->value, part->op == KC_GE};
			break;
		case KC_BETWEEN:
			/* reversed bounds: an expression's were rejected when parsed */
			if (attr_compare(part->value, part->value2) > 0)
				dynamo_error(DYN_VALIDATION,
							 "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
			req->lower = (KeyBound) {part->value, true};
			req->upper = (KeyBound) {part->value2, true};
			break;
		case KC_BEGINS_WITH:
			/* a number operand was rejected when parsed; never guess one */
			if (sk->type == DT_N)
				dynamo_error(DYN_VALIDATION,
							 DYN_INVALID_PARAMS "ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type");
			req->lower = (KeyBound) {part->value, true};
			req->upper = (KeyBound) {prefix_successor(sk->type, part->value), false};
			break;
	}
}

/*
 * The key range of a Query on a multi-attribute index: equality on every
 * partition key attribute, and conditions on a left-to-right prefix of the
 * sort key attributes, equality on all but the last one given.  The
 * equalities go to index_eq, the last condition (unless equality too) to
 * the bounds of the attribute after them.
 */
/* The rules of a multi-attribute key's condition, as the errors state them */
#define MULTI_HASH_RULE "Query key condition not supported: every HASH key attribute of the index needs an equality condition; "
#define MULTI_RANGE_RULE "Query key condition not supported: RANGE key attributes are conditioned left to right, with an equality condition on each but the last; "

static void
multi_query_range(ReadRequest *req, DynCondition *key_condition)
{
	IndexKeys  *k = &req->index->key;
	KeyCondPart parts[2 * INDEX_MAX_KEY_ATTRS];
	KeyCondPart *of[2 * INDEX_MAX_KEY_ATTRS] = {0};
	int			n = expr_key_condition_parts(key_condition, parts, k->nkeys);
	bool		non_key = false;
	int			last = -1;

	for (int i = 0; i < n; i++)
	{
		int			a = 0;

		while (a < k->nkeys && strcmp(parts[i].attr_name, k->keys[a].name) != 0)
			a++;
		if (a == k->nkeys)
			non_key = true;
		else
			of[a] = &parts[i];
	}
	for (int a = 0; a < k->nhash; a++)
	{
		if (of[a] == NULL || of[a]->op != KC_EQ)
			dynamo_error(DYN_VALIDATION, MULTI_HASH_RULE "%s has none",
						 k->keys[a].name);
		check_condition_type(&k->keys[a], of[a]->value);
		req->index_eq[req->nindex_eq++] = of[a]->value;
	}
	for (int a = k->nhash; a < k->nkeys; a++)
		if (of[a])
			last = a;
	/* a condition on a non-key attribute: name the first key attribute left out */
	for (int a = k->nhash; non_key && a < k->nkeys; a++)
		if (of[a] == NULL)
			dynamo_error(DYN_VALIDATION, "Query condition missed key schema element: %s",
						 k->keys[a].name);
	for (int a = k->nhash; a <= last; a++)
	{
		if (of[a] == NULL)
			dynamo_error(DYN_VALIDATION, MULTI_RANGE_RULE "%s has none",
						 k->keys[a].name);
		if (of[a]->op == KC_EQ)
		{
			check_condition_type(&k->keys[a], of[a]->value);
			req->index_eq[req->nindex_eq++] = of[a]->value;
		}
		else if (a < last)
			dynamo_error(DYN_VALIDATION, MULTI_RANGE_RULE "%s is not the last",
						 k->keys[a].name);
		else
			sort_key_range(req, &k->keys[a], of[a]);
	}
	req->partition = req->index_eq[0];
}

/* The attribute names of legacy KeyConditions, at most max of them */
static int
legacy_key_names(Jsonb *key_conditions, const char **names, int max)
{
	JsonbIterator *it = JsonbIteratorInit(&key_conditions->root);
	JsonbValue	v;
	JsonbIteratorToken r;
	int			n = 0;

	while ((r = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
		if (r == WJB_KEY && n < max)
			names[n++] = pnstrdup(v.val.string.val, v.val.string.len);
	return n;
}

/*
 * The attributes a key condition names against the key schema: no more
 * conditions than key attributes, the partition key's, and the sort key's
 * when there are two.
 */
static void
check_key_names(const DynamoKeyAttr *pkey, const DynamoKeyAttr *skey, const char **names, int n)
{
	bool		pk = false,
				sk = false;

	if (n > 2)
		dynamo_error(DYN_VALIDATION, "Conditions can be of length 1 or 2 only");
	if (n == 2 && skey == NULL)
		dynamo_error(DYN_VALIDATION, "Query key condition not supported");
	for (int i = 0; i < n; i++)
	{
		pk |= strcmp(names[i], pkey->name) == 0;
		sk |= skey && strcmp(names[i], skey->name) == 0;
	}
	if (!pk)
		dynamo_error(DYN_VALIDATION, "Query condition missed key schema element: %s",
					 pkey->name);
	if (n == 2 && !sk)
		dynamo_error(DYN_VALIDATION, "Query condition missed key schema element: %s",
					 skey->name);
}

/*
 * The partition and sort key range of a Query's key condition, checked key
 * by key (partition, then sort) as DynamoDB does: the attributes named
 * first, then (legacy KeyConditions) the operators, then the values.
 */
static void
query_range(ReadRequest *req, DynCondition *key_condition, Jsonb *legacy)
{
	const DynamoKeyAttr *pkey,
			   *skey;
	KeyCondPart parts[2];
	const char *names[3];
	KeyCondPart *pk = NULL,
			   *sk = NULL;
	int			n;

	if (req->index && (req->index->key.nhash > 1 || req->index->key.nkeys > 2))
	{
		if (legacy)
			check_key_conditions(legacy);
		multi_query_range(req, key_condition);
		return;
	}
	read_key_schema(req, &pkey, &skey);
	if (legacy)
		n = legacy_key_names(legacy, names, lengthof(names));
	else
	{
		n = expr_key_condition_parts(key_condition, parts, 2);
		for (int i = 0; i < n; i++)
			names[i] = parts[i].attr_name;
	}
	check_key_names(pkey, skey, names, n);
	if (legacy)
	{
		check_key_conditions(legacy);
		n = expr_key_condition_parts(key_condition, parts, 2);
	}
	for (int i = 0; i < n; i++)
	{
		if (strcmp(parts[i].attr_name, pkey->name) == 0)
			pk = &parts[i];
		else
			sk = &parts[i];
	}
	check_condition_type(pkey, pk->value);
	if (pk->op != KC_EQ)
		dynamo_error(DYN_VALIDATION, "Query key condition not supported");
	req->partition = pk->value;
	if (sk)
		sort_key_range(req, skey, sk);
	if (req->index)
		req->index_eq[req->nindex_eq++] = pk->value;
}

/* Does a key value lie within a bound?  (lower: v above it) */
static bool
within(JsonbValue *v, KeyBound *b, bool lower)
{
	int			c;

	if (b->value == NULL)
		return true;
	c = attr_compare(v, b->value);
	if (lower)
		return b->inclusive ? c >= 0 : c > 0;
	return b->inclusive ? c <= 0 : c < 0;
}

/*
 * ExclusiveStartKey of a Scan: exactly the table's key attributes, of
 * their types.
 */
static ItemKey *
start_key(ReadRequest *req, Jsonb *start)
{
	DynamoTable *t = req->table;
	const DynamoKeyAttr *attrs[2] = {&t->partition_key, &t->sort_key};
	int			nkeys = dynamo_table_has_sort_key(t) ? 2 : 1;
	const char *invalid = "The provided starting key is invalid: The provided key element does not match the schema";
	ItemKey    *key = palloc(sizeof(ItemKey));

	if (JB_ROOT_COUNT(start) != nkeys)
		dynamo_error(DYN_VALIDATION, "%s", invalid);
	for (int i = 0; i < nkeys; i++)
	{
		JsonbValue	v;

		if (getKeyJsonValueFromContainer(&start->root, attrs[i]->name,
										 strlen(attrs[i]->name), &v) == NULL ||
			attr_type(&v, NULL) != attrs[i]->type)
			dynamo_error(DYN_VALIDATION, "%s", invalid);
	}
	item_key_from_key(t, start, key);
	return key;
}

/*
 * The key attributes of a start key: its key schema's (the index's, or the
 * table's), partition key attributes first, then (an index read) the
 * table's other key attributes.  Returns how many; nhash and nown get how
 * many of them are partition keys and key schema's.
 */
static int
start_attrs(ReadRequest *req, const DynamoKeyAttr **attrs, int *nhash, int *nown)
{
	DynamoTable *t = req->table;
	DynamoIndex *ix = req->index;

	if (ix)
	{
		for (int i = 0; i < ix->ncols; i++)
			attrs[i] = ix->cols[i].attr;
		*nhash = ix->key.nhash;
		*nown = ix->key.nkeys;
		return ix->ncols;
	}
	attrs[0] = &t->partition_key;
	attrs[1] = &t->sort_key;
	*nhash = 1;
	*nown = dynamo_table_has_sort_key(t) ? 2 : 1;
	return *nown;
}

/* Is a start key's attribute there, and of its type?  Else msg */
static void
check_start_attr(Jsonb *start, const DynamoKeyAttr *a, const char *missing, const char *mismatch)
{
	JsonbValue	v;

	if (getKeyJsonValueFromContainer(&start->root, a->name, strlen(a->name), &v) == NULL)
		dynamo_error(DYN_VALIDATION, "%s", missing);
	if (attr_type(&v, NULL) != a->type)
		dynamo_error(DYN_VALIDATION, "%s", mismatch);
}

/* The parts of a Query's or index Scan's start key, in the order checked */
typedef enum StartPart
{
	START_SIZE_AND_HASH,		/* its size, then its partition key attributes */
	START_SORT,					/* its sort key attributes */
	START_TABLE_KEYS			/* an index read's table key attributes */
} StartPart;

/*
 * Check a part of an ExclusiveStartKey against its key schema (the index's,
 * or the table's).  A Query checks its key condition between the first two
 * parts, an index Scan its Select between the last two.
 */
static void
start_check(ReadRequest *req, Jsonb *start, StartPart part)
{
	const DynamoKeyAttr *attrs[2 * INDEX_MAX_KEY_ATTRS + 2];
	int			nhash,
				nown;
	int			n = start_attrs(req, attrs, &nhash, &nown);

	switch (part)
	{
		case START_SIZE_AND_HASH:
			if (JB_ROOT_COUNT(start) != n)
				dynamo_error(DYN_VALIDATION, START_INVALID);
			for (int i = 0; i < nhash; i++)
				check_start_attr(start, attrs[i], START_INVALID, START_MISMATCH);
			break;
		case START_SORT:
			for (int i = nhash; i < nown; i++)
				check_start_attr(start, attrs[i], START_INVALID, START_MISMATCH);
			break;
		case START_TABLE_KEYS:
			for (int i = nown; i < n; i++)
				check_start_attr(start, attrs[i], START_INVALID ": " START_MISMATCH,
								 START_INVALID ": " START_MISMATCH);
			break;
	}
}

/* A Scan starts after its start key, which must lie in its segment */
static void
scan_start(ReadRequest *req, ItemKey *key)
{
	if (req->total_segments > 0 &&
		read_segment_of(req->table, key->values[0], req->total_segments) != req->segment)
		dynamo_error(DYN_VALIDATION,
					 "The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct Segment. TotalSegments: %d Segment: %d",
					 req->total_segments, req->segment);
	req->start = key;
}

/*
 * A Query's start key in another partition than its key condition's;
 * DynamoDB words it otherwise when the condition has a sort key part.
 */
static void
start_outside(bool sort_condition)
{
	if (sort_condition)
		dynamo_error(DYN_VALIDATION, "The query can return at most one row and cannot be restarted");
	dynamo_error(DYN_VALIDATION,
				 "The provided starting key is outside query boundaries based on provided conditions");
}

/*
 * A Query starts after its start key, which must lie in its sort key range
 * and partition (DynamoDB checks in that order); the range then begins
 * (or, backwards, ends) there.
 */
static void
query_start(ReadRequest *req, ItemKey *key)
{
	if (key->nkeys == 2 &&
		(!within(&key->attrs[1], &req->lower, true) || !within(&key->attrs[1], &req->upper, false)))
		dynamo_error(DYN_VALIDATION, "The provided starting key does not match the range key predicate");
	if (!attr_equal(&key->attrs[0], req->partition))
		start_outside(req->lower.value || req->upper.value);
	if (key->nkeys == 1)
	{
		/* a partition of one item: DynamoDB refuses to start after it */
		JsonbValue *v = &key->attrs[0];

		dynamo_error(DYN_VALIDATION,
					 "The provided exclusive start key is invalid: ExclusiveStartKey: {%s=AttributeValue: {%s:%s}}",
					 req->table->partition_key.name, DynamoTypeNames[req->table->partition_key.type],
					 v->type == jbvString ? pnstrdup(v->val.string.val, v->val.string.len)
					 : v->type == jbvNumeric ? DatumGetCString(DirectFunctionCall1(numeric_out,
																				  NumericGetDatum(v->val.numeric)))
					 : "");
	}
	if (req->forward)
		req->lower = (KeyBound) {&key->attrs[1], false};
	else
		req->upper = (KeyBound) {&key->attrs[1], false};
}

/*
 * An index Query starts after its start key, which must lie in its sort
 * key range and its index partition (checked in that order, as above);
 * the statement resumes after it.
 */
static void
index_query_start(ReadRequest *req)
{
	DynamoIndex *ix = req->index;
	JsonbValue *sk;

	if (req->nindex_eq < ix->key.nkeys)
	{
		sk = index_read_start_attr(req, ix->key.keys[req->nindex_eq].name);
		if (!within(sk, &req->lower, true) || !within(sk, &req->upper, false))
			dynamo_error(DYN_VALIDATION, "The provided starting key does not match the range key predicate");
	}
	for (int i = ix->key.nhash; i < req->nindex_eq; i++)
		if (!attr_equal(index_read_start_attr(req, ix->key.keys[i].name), req->index_eq[i]))
			dynamo_error(DYN_VALIDATION, "The provided starting key does not match the range key predicate");
	for (int i = 0; i < ix->key.nhash; i++)
		if (!attr_equal(index_read_start_attr(req, ix->key.keys[i].name), req->index_eq[i]))
			start_outside(req->lower.value || req->upper.value || req->nindex_eq > ix->key.nhash);
	if (ix->ncols <= req->nindex_eq)
		req->empty = true;		/* the only item of these key values came before */
}

/* A Query's filter must leave the key attributes to the key condition */
static void
check_filter_keys(ReadRequest *req, DynCondition *filter, bool legacy)
{
	const DynamoKeyAttr *attrs[2 * INDEX_MAX_KEY_ATTRS];
	int			n = 0;

	read_key_schema(req, &attrs[0], &attrs[1]);
	n = attrs[1] ? 2 : 1;
	for (int i = 0; req->index && i < req->index->key.nkeys; i++)
		attrs[i] = &req->index->key.keys[i];
	if (req->index)
		n = req->index->key.nkeys;
	for (int i = 0; i < n; i++)
	{
		if (expr_condition_names(filter, attrs[i]->name))
			dynamo_error(DYN_VALIDATION,
						 "%s can only contain non-primary key attributes: Primary key attribute: %s",
						 legacy ? "QueryFilter" : "Filter Expression", attrs[i]->name);
	}
}

/* Refuse a path into a key attribute in a filter ("k.x", "k[1]"), as DynamoDB words it */
static void
check_scalar_key(DynCondition *filter, const char *name, const char *label)
{
	if (name && expr_condition_names_nested(filter, name))
		expr_key_path_refused(label, name);
}

/* A filter's paths into key attributes: the table's, then its indexes' */
static void
check_filter_scalar_keys(ReadRequest *req, DynCondition *filter)
{
	DynamoTable *t = req->table;
	ExprIndexKey *keys;
	int			n = index_key_attrs(t, &keys);

	check_scalar_key(filter, t->partition_key.name, "Key");
	if (dynamo_table_has_sort_key(t))
		check_scalar_key(filter, t->sort_key.name, "Key");
	for (int i = 0; i < n; i++)
		check_scalar_key(filter, keys[i].name, "IndexKey");
}

/*
 * The shape of a Query's key condition, checked before its table is looked
 * up: legacy KeyConditions by their number, an expression condition by
 * condition (expr_key_condition_parts).
 */
static void
check_key_condition_shape(ReadParams *p, ItemExpressions *e)
{
	KeyCondPart parts[2 * INDEX_MAX_KEY_ATTRS];
	int			max = p->index_name ? lengthof(parts) : 2;

	if (p->expr.key_conditions && e->key_condition == NULL)
		dynamo_error(DYN_VALIDATION, "Conditions can be of length 1 or 2 only");
	if (p->expr.key_conditions && JB_ROOT_COUNT(p->expr.key_conditions) > max)
		dynamo_error(DYN_VALIDATION, "Conditions can be of length 1 or 2 only");
	if (p->expr.key_condition)
		(void) expr_key_condition_parts(e->key_condition, parts, max);
	if (p->query && e->key_condition == NULL)
		dynamo_error(DYN_VALIDATION,
					 "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
}

/* The rest of a Scan's checks, its table and index known */
static void
scan_build(ReadParams *p, ReadRequest *req)
{
	ItemKey    *start = NULL;

	if (!p->unprojected_ok)
		index_read_check_projection(req);
	if (p->start_key && req->index)
	{
		start_check(req, p->start_key, START_SIZE_AND_HASH);
		start_check(req, p->start_key, START_SORT);
		index_read_check_select(req);
		start_check(req, p->start_key, START_TABLE_KEYS);
		req->index_start = p->start_key;
	}
	else if (p->start_key)
		start = start_key(req, p->start_key);
	else if (req->index)
		index_read_check_select(req);
	if (start)
		scan_start(req, start);
	if (req->index_start && req->total_segments > 0)
	{
		ItemKey    *k = palloc0(sizeof(ItemKey));

		k->values[0] = key_datum(req->table->partition_key.type,
								 index_read_start_attr(req, req->table->partition_key.name));
		scan_start(req, k);
		req->start = NULL;
	}
	if (req->filter && !p->key_filter)
		check_filter_scalar_keys(req, req->filter);
	if (req->index)
		index_read_plan_fetch(req);
}

/*
 * The rest of a Query's checks, its table and index known, in DynamoDB's
 * order: the start key's size and partition key, the key condition, the
 * rest of the start key, where the start key lies, the filter's key
 * attributes, Select, the filter's paths into key attributes.
 */
static void
query_build(ReadParams *p, ReadRequest *req, DynCondition *key_condition)
{
	if (!p->unprojected_ok)
		index_read_check_projection(req);
	if (p->start_key)
		start_check(req, p->start_key, START_SIZE_AND_HASH);
	query_range(req, key_condition, p->expr.key_conditions);
	if (p->start_key)
	{
		start_check(req, p->start_key, START_SORT);
		start_check(req, p->start_key, START_TABLE_KEYS);
	}
	if (p->start_key && req->index)
	{
		req->index_start = p->start_key;
		index_query_start(req);
	}
	else if (p->start_key)
	{
		ItemKey    *key = palloc(sizeof(ItemKey));

		item_key_from_key(req->table, p->start_key, key);
		query_start(req, key);
	}
	if (req->filter && !p->key_filter)
		check_filter_keys(req, req->filter, p->expr.query_filter != NULL);
	if (p->index_name)
		index_read_check_select(req);
	if (req->filter && !p->key_filter)
		check_filter_scalar_keys(req, req->filter);
	if (req->index)
		index_read_plan_fetch(req);
}

/*
 * Does DynamoDB put "The provided starting key is invalid: " before this
 * message of an ExclusiveStartKey value?  Only before some.
 */
static bool
start_message_prefixed(const char *msg)
{
	static const char *const prefixed[] = {
		"Supplied AttributeValue ",
		DYN_INVALID_PARAMS "Null attribute value types",
		DYN_INVALID_PARAMS "An string set ",
		DYN_INVALID_PARAMS "Binary sets ",
	};

	for (int i = 0; i < lengthof(prefixed); i++)
		if (strncmp(msg, prefixed[i], strlen(prefixed[i])) == 0)
			return true;
	return false;
}

/* The conversion of a typed ExclusiveStartKey, run by dynamo_catch_pure */
typedef struct StartKeyConversion
{
	Jsonb	   *typed;
	bool		escaped;
	Jsonb	   *key;
} StartKeyConversion;

static void
convert_start_key(void *arg)
{
	StartKeyConversion *c = arg;

	c->key = item_from_typed(c->typed, c->escaped);
}

/* A typed ExclusiveStartKey in the stored form, its errors worded as DynamoDB's */
static Jsonb *
start_key_from_typed(Jsonb *typed, bool escaped)
{
	StartKeyConversion c = {.typed = typed,.escaped = escaped};
	ErrorData  *error = dynamo_catch_pure(convert_start_key, &c, DYN_VALIDATION);

	if (error == NULL)
		return c.key;
	if (!start_message_prefixed(error->message))
		ReThrowError(error);
	dynamo_error(DYN_VALIDATION, START_INVALID ": %s", error->message);
	return NULL;				/* not reached */
}

/*
 * The expressions and legacy parameters of a Query or Scan, in DynamoDB's
 * order: the legacy filter and AttributesToGet, then ExclusiveStartKey's
 * values, Segment and TotalSegments, legacy KeyConditions, and the
 * expressions last.
 */
static void
read_expressions_parse(ReadParams *p, ReadRequest *req, ItemExpressions *e)
{
	ExprParams	rest = p->expr;
	ItemExpressions parsed;
	Jsonb	   *filter = p->expr.query_filter ? p->expr.query_filter : p->expr.scan_filter;

	memset(e, 0, sizeof(ItemExpressions));
	/* a Scan's AttributesToGet before its filter, a Query's after */
	if (!p->query && p->expr.attributes_to_get)
		e->projection = expr_projection_from_attributes_to_get(p->expr.attributes_to_get,
															   p->expr.escaped);
	if (filter)
		e->filter = expr_condition_from_conditions(filter,
												   p->expr.query_filter ? "queryFilter" : "scanFilter",
												   p->expr.conditional_operator, p->expr.escaped);
	if (p->query && p->expr.attributes_to_get)
		e->projection = expr_projection_from_attributes_to_get(p->expr.attributes_to_get,
															   p->expr.escaped);
	if (p->start_key_typed)
		p->start_key = start_key_from_typed(p->start_key_typed, p->start_key_escaped);
	check_numbers(p, req);
	if (p->expr.key_conditions)
		e->key_condition = expr_condition_from_conditions(p->expr.key_conditions, "keyConditions",
														  NULL, p->expr.escaped);
	/* the expressions (their mix with the legacy forms was checked first) */
	rest.query_filter = rest.scan_filter = rest.key_conditions = rest.attributes_to_get = NULL;
	rest.conditional_operator = NULL;
	item_expressions_parse(&rest, &parsed);
	if (parsed.filter)
		e->filter = parsed.filter;
	if (parsed.projection)
		e->projection = parsed.projection;
	if (parsed.key_condition)
		e->key_condition = parsed.key_condition;
}

/* Check a Query or Scan and reduce it to a ReadRequest */
void
read_request_build(ReadParams *p, ReadRequest *req)
{
	ItemExpressions e;

	memset(req, 0, sizeof(ReadRequest));
	req->query = p->query;
	req->forward = p->forward;
	req->paged = p->paged;
	req->consistent = p->consistent_read;
	/* a name or, as DynamoDB also takes, the table's ARN (see item_table_lookup) */
	validate_not_null(NULL, p->table_name, "tableName");
	validate_table_ref(NULL, p->table_name, "tableName");
	if (p->index_name)
		dynamo_check_table_name(p->index_name, "indexName");
	req->select = parse_select(p);
	read_expressions_parse(p, req, &e);
	if (p->query)
		check_key_condition_shape(p, &e);
	req->table = item_table_lookup(p->table_name);
	if (p->index_name)
		index_read_resolve(req, p->index_name, p->consistent_read, p->select != NULL);
	req->filter = e.filter;
	req->projection = e.projection;
	if (p->query)
		query_build(p, req, e.key_condition);
	else
		scan_build(p, req);
}
