/*
 * advisor_filter.c
 *		What a filter asks of the items: the attributes it names and the
 *		equalities an index key could serve, for explain's suggestions and
 *		the access hints.
 */
#include "postgres.h"

#include "lib/stringinfo.h"
#include "miscadmin.h"

#include "advisor.h"
#include "expr_nodes.h"

/* The top-level attribute a path names, when it is one name; else NULL */
static const char *
top_level_name(ExprBinding *b, ExprNode *n)
{
	ResolvedStep *steps;

	if (n->tag != EN_PATH || n->nsteps != 1)
		return NULL;
	steps = expr_resolve_path(b, n);
	if (steps[0].index >= 0)
		return NULL;
	return pnstrdup(steps[0].name, steps[0].namelen);
}

/* Collect attr = :value conjuncts of an AND tree */
static int
collect_equalities(ExprBinding *b, ExprNode *n, FilterEquality *out, int count, int max)
{
	check_stack_depth();
	if (n->tag == EN_AND)
	{
		ListCell   *lc;

		foreach(lc, n->args)
			count = collect_equalities(b, lfirst(lc), out, count, max);
		return count;
	}
	if (n->tag == EN_COMPARE && n->op == EC_EQ && count < max)
	{
		ExprNode   *l = linitial(n->args);
		ExprNode   *r = lsecond(n->args);
		const char *name;

		if (l->tag == EN_VALUE)
		{
			ExprNode   *t = l;

			l = r;
			r = t;
		}
		name = top_level_name(b, l);
		if (name && r->tag == EN_VALUE)
		{
			out[count].attr = name;
			out[count].value = b->values[r->value_ph];
			count++;
		}
	}
	return count;
}

/*
 * The "attribute = :value" conjuncts of a filter (at most max), which a
 * Query on an index keyed by that attribute could serve instead.
 */
int
advisor_filter_equalities(DynCondition *filter, FilterEquality *out, int max)
{
	if (filter == NULL || filter->b.tree->cond == NULL)
		return 0;
	return collect_equalities(&filter->b, filter->b.tree->cond, out, 0, max);
}

/* Append the top-level attributes a condition names, comma-separated */
static void
collect_names(ExprBinding *b, ExprNode *n, StringInfo s)
{
	ListCell   *lc;

	check_stack_depth();
	if (n->tag == EN_PATH)
	{
		ResolvedStep *steps = expr_resolve_path(b, n);
		char	   *name = pnstrdup(steps[0].name, steps[0].namelen);
		char	   *listed = psprintf(", %s, ", s->data);

		if (strstr(listed, psprintf(", %s, ", name)) == NULL)
			appendStringInfo(s, "%s%s", s->len ? ", " : "", name);
		return;
	}
	foreach(lc, n->args)
		collect_names(b, lfirst(lc), s);
}

/* The attributes a filter names: "Status, Total" */
char *
advisor_filter_attrs(DynCondition *filter)
{
	StringInfoData s;

	initStringInfo(&s);
	if (filter && filter->b.tree->cond)
		collect_names(&filter->b, filter->b.tree->cond, &s);
	return s.data;
}
