/*
 * attr_jsonb.c
 *		Stored items written straight into DynamoDB's typed form as jsonb
 *		(see attr_jsonb.h): one walk over the stored item's containers, no
 *		iterator, no JsonbValue tree, no sort.
 */
#include "postgres.h"

#include "miscadmin.h"

#include "attr_jsonb.h"
#include "attr_value.h"
#include "jsonb_write.h"
#include "nul_escape.h"
#include "stored_form.h"

/* The walk's state */
typedef struct TypedWriter
{
	StringInfo	buf;
	bool		find_escapes;	/* look for the escape in strings */
	bool		escape_found;
} TypedWriter;

/* A child of a stored container: its JEntry and its data */
typedef struct StoredChild
{
	JEntry		entry;
	char	   *data;			/* numbers and containers: past the padding */
	uint32		len;
} StoredChild;

static JEntry write_value(TypedWriter *w, StoredChild *v);

/* The first byte of a container's children's data */
static inline char *
children_data(JsonbContainer *c)
{
	int			n = JsonContainerSize(c);

	return (char *) &c->children[JsonContainerIsObject(c) ? 2 * n : n];
}

/*
 * Child i of container c, whose data starts *offset bytes into the
 * children's data at base; moves *offset past it.
 */
static inline void
stored_child(JsonbContainer *c, char *base, int i, uint32 *offset, StoredChild *out)
{
	JEntry		e = c->children[i];
	uint32		end = JBE_HAS_OFF(e) ? JBE_OFFLENFLD(e) : *offset + JBE_OFFLENFLD(e);
	uint32		start = *offset;

	if (JBE_ISNUMERIC(e) || JBE_ISCONTAINER(e))
		start = INTALIGN(start);
	out->entry = e;
	out->data = base + start;
	out->len = end - start;
	*offset = end;
}

/* A stored item that is not in the stored form (the table's check forbids it) */
static void
not_stored_form(void)
{
	elog(ERROR, "item is not in pg_dynamo's stored form");
}

/* Note a stored string holding the escape, when asked to look */
static inline void
note_escape(TypedWriter *w, const char *s, uint32 len)
{
	if (w->find_escapes && nul_escape_present(s, len))
		w->escape_found = true;
}

/* {"<type>": value} for a value that is a string, a boolean or null */
static JEntry
typed_scalar(TypedWriter *w, DynamoType t, JEntry type, const char *val, int len)
{
	const char *name = DynamoTypeNames[t];

	return jw_single_pair(w->buf, name, strlen(name), type, val, len);
}

/* A stored number as DynamoDB writes it: the normalised value's digits */
static char *
number_digits(StoredChild *v)
{
	if (!JBE_ISNUMERIC(v->entry))
		not_stored_form();
	return dynamo_number_to_string((Numeric) v->data);
}

/* Open {"<type>": ...} and write its key; the caller writes the value */
static void
open_typed(TypedWriter *w, JsonbWriteFrame *f, DynamoType t)
{
	const char *name = DynamoTypeNames[t];

	jw_begin(w->buf, f, 1 | JB_FOBJECT);
	jw_child(w->buf, f, 0, jw_string(w->buf, name, strlen(name)));
}

/*
 * The children of a stored container, in the typed form of type t: a map's
 * keys as they are (so in order) and its values typed, a list's elements
 * typed, a number set's numbers as strings
 */
static JEntry
write_children(TypedWriter *w, JsonbContainer *c, DynamoType t)
{
	int			n = JsonContainerSize(c);
	bool		object = JsonContainerIsObject(c);
	int			nkeys = object ? n : 0;
	char	   *base = children_data(c);
	uint32		offset = 0;
	JsonbWriteFrame f;
	StoredChild v;

	jw_begin(w->buf, &f, n | (object ? JB_FOBJECT : JB_FARRAY));
	for (int i = 0; i < nkeys + n; i++)
	{
		JEntry		meta;

		stored_child(c, base, i, &offset, &v);
		if (i < nkeys)
		{
			note_escape(w, v.data, v.len);
			meta = jw_string(w->buf, v.data, v.len);
		}
		else if (t == DT_NS)
		{
			char	   *digits = number_digits(&v);

			meta = jw_string(w->buf, digits, strlen(digits));
		}
		else
			meta = write_value(w, &v);
		jw_child(w->buf, &f, i, meta);
	}
	return jw_end(w->buf, &f);
}

/* A string set's or binary set's array (len bytes), the same in both forms */
static JEntry
copy_strings(TypedWriter *w, JsonbContainer *c, uint32 len)
{
	char	   *base = children_data(c);
	uint32		offset = 0;
	StoredChild v;

	for (int i = 0; w->find_escapes && i < JsonContainerSize(c); i++)
	{
		stored_child(c, base, i, &offset, &v);
		note_escape(w, v.data, v.len);
	}
	return jw_container_copy(w->buf, c, len);
}

/* Does a stored child hold a container of the kind wanted? */
static inline bool
holds(StoredChild *v, bool object)
{
	return JBE_ISCONTAINER(v->entry) &&
		(object ? JsonContainerIsObject((JsonbContainer *) v->data)
		 : JsonContainerIsArray((JsonbContainer *) v->data));
}

/* The typed form of a stored map, list or tagged value ({"$SS": ...}) */
static JEntry
write_container(TypedWriter *w, JsonbContainer *c)
{
	JsonbWriteFrame f;
	StoredChild tag;
	StoredChild v;
	uint32		offset = 0;
	DynamoType	t = JsonContainerIsArray(c) ? DT_L : DT_M;
	uint32		len = 0;
	JEntry		payload;

	if (t == DT_M && JsonContainerSize(c) == 1)
	{
		stored_child(c, children_data(c), 0, &offset, &tag);
		if (stored_tag_type(tag.data, tag.len, &t))
		{
			stored_child(c, children_data(c), 1, &offset, &v);
			if (t == DT_B && JBE_ISSTRING(v.entry))
				return typed_scalar(w, DT_B, JENTRY_ISSTRING, v.data, v.len);
			if (t == DT_M ? !holds(&v, true) : (t == DT_B || !holds(&v, false)))
				not_stored_form();
			c = (JsonbContainer *) v.data;
			len = v.len;
		}
	}
	open_typed(w, &f, t);
	if (t == DT_SS || t == DT_BS)
		payload = copy_strings(w, c, len);
	else
		payload = write_children(w, c, t);
	jw_child(w->buf, &f, 1, payload);
	return jw_end(w->buf, &f);
}

/* A stored value in typed form: {"<type>": value} */
static JEntry
write_value(TypedWriter *w, StoredChild *v)
{
	JEntry		e = v->entry;
	char	   *digits;

	check_stack_depth();
	if (JBE_ISSTRING(e))
	{
		note_escape(w, v->data, v->len);
		return typed_scalar(w, DT_S, JENTRY_ISSTRING, v->data, v->len);
	}
	if (JBE_ISNUMERIC(e))
	{
		digits = number_digits(v);
		return typed_scalar(w, DT_N, JENTRY_ISSTRING, digits, strlen(digits));
	}
	if (JBE_ISBOOL_TRUE(e) || JBE_ISBOOL_FALSE(e))
		return typed_scalar(w, DT_BOOL, e & JENTRY_TYPEMASK, NULL, 0);
	if (JBE_ISNULL(e))
		return typed_scalar(w, DT_NULL, JENTRY_ISBOOL_TRUE, NULL, 0);
	return write_container(w, (JsonbContainer *) v->data);
}

/* A stored item in typed form at the end of buf (see attr_jsonb.h) */
bool
item_write_typed(StringInfo buf, JsonbContainer *stored, bool find_escapes)
{
	TypedWriter w = {buf, find_escapes, false};

	if (!JsonContainerIsObject(stored) || JsonContainerIsScalar(stored))
		not_stored_form();
	(void) write_children(&w, stored, DT_M);
	return !w.escape_found;
}
