/*
 * expr_projection.c
 *		Applying a ProjectionExpression (or AttributesToGet) to a stored item.
 *
 * The result holds the named paths only, with the maps and lists leading to
 * them; elements picked from a list keep their order in the list, and paths
 * that do not exist are left out, as DynamoDB does.
 */
#include "postgres.h"

#include "attr_value.h"
#include "expr_doc.h"
#include "expr_nodes.h"

/* The member of a result node a step names, created (as kind) if missing */
static Doc *
result_member(Doc *node, ResolvedStep *step, DocKind kind)
{
	int			pos;
	Doc		   *member = doc_new(kind);

	if (step->index < 0)
	{
		pos = doc_map_find(node, step->name, step->namelen);
		if (pos >= 0)
			return node->members[pos];
		doc_map_put(node, step->name, step->namelen, member);
	}
	else
	{
		pos = doc_list_find(node, step->index);
		if (pos >= 0)
			return node->members[pos];
		doc_list_insert(node, step->index, member);
	}
	return member;
}

/* Add a value found at a path to the result */
static void
result_add(Doc *root, ResolvedStep *steps, int nsteps, JsonbValue *value)
{
	Doc		   *node = root;
	ResolvedStep *last = &steps[nsteps - 1];

	for (int i = 0; i < nsteps - 1; i++)
		node = result_member(node, &steps[i], steps[i + 1].index < 0 ? DOC_MAP : DOC_LIST);
	if (last->index < 0)
		doc_map_put(node, last->name, last->namelen, doc_leaf(value));
	else
		doc_list_insert(node, last->index, doc_leaf(value));
}

/* The projection of a stored item (NULL: no item, and none returned) */
Jsonb *
expr_apply_projection(DynProjection *proj, Jsonb *item)
{
	ExprBinding *b = &proj->b;
	Doc		   *root;
	ListCell   *lc;

	if (item == NULL)
		return NULL;
	root = doc_new(DOC_MAP);
	foreach(lc, b->tree->paths)
	{
		ExprNode   *path = lfirst(lc);
		JsonbValue	v;

		if (expr_path_value(b, path, item, &v))
			result_add(root, expr_resolve_path(b, path), path->nsteps, &v);
	}
	return doc_to_item(root);
}

/* The first top-level attribute a projection names that keep() refuses, else NULL */
const char *
expr_projection_refused(DynProjection *proj, bool (*keep) (void *arg, const char *name, int len),
						void *arg)
{
	ListCell   *lc;

	foreach(lc, proj->b.tree->paths)
	{
		ResolvedStep *step = expr_resolve_path(&proj->b, lfirst(lc));

		if (!keep(arg, step->name, step->namelen))
			return pnstrdup(step->name, step->namelen);
	}
	return NULL;
}
