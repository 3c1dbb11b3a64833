/*
 * jsonb_write.c
 *		Writing jsonb's binary form directly (see jsonb_write.h).
 */
#include "postgres.h"

#include "miscadmin.h"
#include "utils/numeric.h"
#ifdef USE_ASSERT_CHECKING
#include "utils/fmgrprotos.h"
#endif

#include "jsonb_write.h"

/* Reserve len bytes at the end of buf; returns where they start */
static inline int
reserve(StringInfo buf, int len)
{
	int			at = buf->len;

	if (buf->len + len >= buf->maxlen)
		enlargeStringInfo(buf, len);
	buf->len += len;
	buf->data[buf->len] = '\0';
	return at;
}

/* Zero bytes up to the next 4-byte boundary; returns how many */
static inline int
pad_to_int(StringInfo buf)
{
	int			n = INTALIGN(buf->len) - buf->len;
	int			at = reserve(buf, n);

	for (int i = 0; i < n; i++)
		buf->data[at + i] = '\0';
	return n;
}

/* The error jsonb raises for a container past its size limit */
static void
check_total(uint32 total, bool object)
{
	if (total > JENTRY_OFFLENMASK)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("total size of jsonb %s elements exceeds the maximum of %u bytes",
						object ? "object" : "array", JENTRY_OFFLENMASK)));
}

/* Start a Jsonb of about size bytes: room for its varlena header */
void
jw_begin_jsonb(StringInfo buf, int size)
{
	buf->maxlen = Max(size, 64);
	buf->data = palloc(buf->maxlen);
	buf->len = 0;
	buf->cursor = 0;
	(void) reserve(buf, VARHDRSZ);
}

/*
 * The Jsonb written into buf (its root written after jw_begin_jsonb).  An
 * assert-enabled build checks it against what jsonb_in makes of its text.
 */
Jsonb *
jw_finish_jsonb(StringInfo buf)
{
	Jsonb	   *res = (Jsonb *) buf->data;

	SET_VARSIZE(res, buf->len);
#ifdef USE_ASSERT_CHECKING
	{
		char	   *text = JsonbToCString(NULL, &res->root, VARSIZE(res));
		Jsonb	   *canon = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(text)));

		if (VARSIZE(canon) != VARSIZE(res) || memcmp(canon, res, VARSIZE(res)) != 0)
			elog(ERROR, "jsonb written unlike jsonb_in writes it: %s", text);
	}
#endif
	return res;
}

/* Open a container: padding, header, room for its JEntries */
void
jw_begin(StringInfo buf, JsonbWriteFrame *f, uint32 header)
{
	uint32		n = header & JB_CMASK;
	int			at;

	f->start = buf->len;
	(void) pad_to_int(buf);
	at = reserve(buf, sizeof(uint32));
	memcpy(buf->data + at, &header, sizeof(uint32));
	if (header & JB_FOBJECT)
		n *= 2;
	f->entries = reserve(buf, sizeof(JEntry) * n);
	f->total = 0;
	f->object = (header & JB_FOBJECT) != 0;
}

/*
 * Record the JEntry of child i (counted over keys then values) whose data
 * has just been written; every JB_OFFSET_STRIDE'th holds its end offset.
 */
void
jw_child(StringInfo buf, JsonbWriteFrame *f, int i, JEntry meta)
{
	f->total += JBE_OFFLENFLD(meta);
	check_total(f->total, f->object);
	if (i % JB_OFFSET_STRIDE == 0)
		meta = (meta & JENTRY_TYPEMASK) | f->total | JENTRY_HAS_OFF;
	memcpy(buf->data + f->entries + i * sizeof(JEntry), &meta, sizeof(JEntry));
}

/* Close a container; its JEntry in its parent */
JEntry
jw_end(StringInfo buf, JsonbWriteFrame *f)
{
	uint32		total = buf->len - f->start;

	check_total(total, f->object);
	return JENTRY_ISCONTAINER | total;
}

/* A string's data */
JEntry
jw_string(StringInfo buf, const char *s, int len)
{
	int			at = reserve(buf, len);

	memcpy(buf->data + at, s, len);
	return JENTRY_ISSTRING | len;
}

/* A scalar's data, as jsonb writes it (numeric NaN as the string "NaN") */
JEntry
jw_scalar(StringInfo buf, const JsonbValue *v)
{
	switch (v->type)
	{
		case jbvNull:
			return JENTRY_ISNULL;
		case jbvString:
			return jw_string(buf, v->val.string.val, v->val.string.len);
		case jbvNumeric:
			{
				int			len = VARSIZE_ANY(v->val.numeric);
				int			pad;
				int			at;

				if (numeric_is_nan(v->val.numeric))
					return jw_string(buf, "NaN", 3);
				pad = pad_to_int(buf);
				at = reserve(buf, len);
				memcpy(buf->data + at, v->val.numeric, len);
				return JENTRY_ISNUMERIC | (pad + len);
			}
		case jbvBool:
			return v->val.boolean ? JENTRY_ISBOOL_TRUE : JENTRY_ISBOOL_FALSE;
		default:
			elog(ERROR, "unexpected jsonb scalar type %d", v->type);
	}
	return 0;					/* keep the compiler quiet */
}

/*
 * An object of one pair whose value has no padding (a string, a boolean or
 * null; type is its JEntry's type bits), in one piece: the typed form's
 * {"S": "..."} and the like
 */
JEntry
jw_single_pair(StringInfo buf, const char *key, int keylen, JEntry type,
			   const char *val, int len)
{
	int			start = buf->len;
	int			pad = INTALIGN(start) - start;
	int			total = pad + sizeof(uint32) + 2 * sizeof(JEntry) + keylen + len;
	uint32		head[3];
	char	   *d;

	(void) reserve(buf, total);
	d = buf->data + start;
	for (int i = 0; i < pad; i++)
		*d++ = '\0';
	/* the key's JEntry holds its end offset (child 0), the value's its length */
	head[0] = 1 | JB_FOBJECT;
	head[1] = JENTRY_HAS_OFF | keylen;
	head[2] = type | len;
	memcpy(d, head, sizeof(head));
	memcpy(d + sizeof(head), key, keylen);
	memcpy(d + sizeof(head) + keylen, val, len);
	return JENTRY_ISCONTAINER | total;
}

/* A copy of a whole container of len bytes, on a 4-byte boundary */
JEntry
jw_container_copy(StringInfo buf, const JsonbContainer *c, uint32 len)
{
	int			start = buf->len;
	int			at;

	(void) pad_to_int(buf);
	at = reserve(buf, len);
	memcpy(buf->data + at, c, len);
	return JENTRY_ISCONTAINER | (buf->len - start);
}

/* A value of a tree: scalar, array, object or binary container */
static JEntry
tree_value(StringInfo buf, JsonbValue *v)
{
	JsonbWriteFrame f;

	check_stack_depth();
	switch (v->type)
	{
		case jbvBinary:
			return jw_container_copy(buf, v->val.binary.data, v->val.binary.len);
		case jbvArray:
			{
				int			n = v->val.array.nElems;

				jw_begin(buf, &f, n | JB_FARRAY | (v->val.array.rawScalar ? JB_FSCALAR : 0));
				for (int i = 0; i < n; i++)
					jw_child(buf, &f, i, tree_value(buf, &v->val.array.elems[i]));
				return jw_end(buf, &f);
			}
		case jbvObject:
			{
				int			n = v->val.object.nPairs;

				jw_begin(buf, &f, n | JB_FOBJECT);
				for (int i = 0; i < n; i++)
					jw_child(buf, &f, i, jw_scalar(buf, &v->val.object.pairs[i].key));
				for (int i = 0; i < n; i++)
					jw_child(buf, &f, n + i, tree_value(buf, &v->val.object.pairs[i].value));
				return jw_end(buf, &f);
			}
		default:
			return jw_scalar(buf, v);
	}
}

/* A tree as a Jsonb (see jsonb_write.h) */
Jsonb *
jw_tree_to_jsonb(JsonbValue *v)
{
	StringInfoData buf;

	if (v->type != jbvArray && v->type != jbvObject)
		return JsonbValueToJsonb(v);
	jw_begin_jsonb(&buf, 1024);
	(void) tree_value(&buf, v);
	return jw_finish_jsonb(&buf);
}
