/*
 * expr_path.c
 *		Document paths (a.b[3].#c) read from stored items, and printed as
 *		DynamoDB prints them in messages ([a, b, [3], c]).
 */
#include "postgres.h"

#include "lib/stringinfo.h"

#include "attr_value.h"
#include "expr_nodes.h"

/* Resolve one step of a path against its binding */
static inline void
resolve_step(ExprBinding *b, PathStep *s, ResolvedStep *r)
{
	r->index = s->index;
	if (s->name_ph >= 0)
	{
		r->name = b->names[s->name_ph];
		r->namelen = b->namelens[s->name_ph];
	}
	else
	{
		r->name = s->name;
		r->namelen = s->namelen;
	}
}

/* The steps of a path with its #placeholders replaced by the bound names */
ResolvedStep *
expr_resolve_path(ExprBinding *b, ExprNode *path)
{
	ResolvedStep *steps = palloc(sizeof(ResolvedStep) * path->nsteps);

	for (int i = 0; i < path->nsteps; i++)
		resolve_step(b, &path->steps[i], &steps[i]);
	return steps;
}

/*
 * The member of a stored map or list that a step names.  False when the
 * parent is of another type or has no such member.
 */
bool
expr_child(JsonbValue *parent, ResolvedStep *step, JsonbValue *result)
{
	JsonbValue	payload;
	DynamoType	t = attr_type(parent, &payload);

	if (step->index < 0)
	{
		if (t != DT_M)
			return false;
		return getKeyJsonValueFromContainer(payload.val.binary.data, step->name,
											step->namelen, result) != NULL;
	}
	if (t != DT_L)
		return false;
	if (step->index >= JsonContainerSize(payload.val.binary.data))
		return false;
	*result = *getIthJsonbValueFromContainer(payload.val.binary.data, step->index);
	return true;
}

/* The value a path names in a stored item (NULL: no item); false if none */
bool
expr_path_value(ExprBinding *b, ExprNode *path, Jsonb *item, JsonbValue *result)
{
	ResolvedStep step;
	JsonbValue	cur;

	Assert(path->tag == EN_PATH && path->steps[0].index < 0);
	if (item == NULL)
		return false;
	/* The item itself is a map that never has the $M wrapper */
	resolve_step(b, &path->steps[0], &step);
	if (getKeyJsonValueFromContainer(&item->root, step.name, step.namelen, &cur) == NULL)
		return false;
	for (int i = 1; i < path->nsteps; i++)
	{
		JsonbValue	next;

		resolve_step(b, &path->steps[i], &step);
		if (!expr_child(&cur, &step, &next))
			return false;
		cur = next;
	}
	*result = cur;
	return true;
}

/* A path as DynamoDB prints it in messages: [a, b, [3]] */
char *
expr_format_path(ResolvedStep *steps, int nsteps)
{
	StringInfoData buf;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '[');
	for (int i = 0; i < nsteps; i++)
	{
		if (i > 0)
			appendStringInfoString(&buf, ", ");
		if (steps[i].index >= 0)
			appendStringInfo(&buf, "[%d]", steps[i].index);
		else
			appendBinaryStringInfo(&buf, steps[i].name, steps[i].namelen);
	}
	appendStringInfoChar(&buf, ']');
	return buf.data;
}
