/*
 * advisor_indexes.c
 *		The secondary indexes a suggestion can name: when a request filters
 *		on an attribute that an existing index is keyed by, the advice is a
 *		Query on that index rather than an index to create.
 */
#include "postgres.h"

#include "lib/stringinfo.h"

#include "advisor.h"
#include "indexes.h"

/*
 * The index of t keyed by partition key pk and (when sk is given) sort key
 * sk, NULL when there is none (the index a request reads may be the one:
 * its filter then belongs in its key condition).  A GSI wins over an LSI.
 */
DynamoIndex *
advisor_index_keyed(DynamoTable *t, const char *pk, const char *sk)
{
	DynamoIndex *found = NULL;

	for (int i = 0; i < t->nindexes; i++)
	{
		DynamoIndex *ix = &t->indexes[i];

		if (strcmp(index_partition_key_name(ix), pk) != 0)
			continue;
		if (sk && (index_sort_key_name(ix) == NULL || strcmp(index_sort_key_name(ix), sk) != 0))
			continue;
		if (found == NULL || (found->local && !ix->local))
			found = ix;
	}
	return found;
}

/* "GSI" or "LSI" */
const char *
advisor_index_kind(DynamoIndex *ix)
{
	return ix->local ? "LSI" : "GSI";
}

/* A table's indexes in words ("the GSI ByStatus (Status)"), or NULL */
char *
advisor_index_words(DynamoTable *t)
{
	StringInfoData s;

	if (t->nindexes == 0)
		return NULL;
	initStringInfo(&s);
	for (int i = 0; i < t->nindexes; i++)
	{
		DynamoIndex *ix = &t->indexes[i];

		appendStringInfo(&s, "%sthe %s %s (%s", i == 0 ? "" : i == t->nindexes - 1 ? " and " : ", ",
						 advisor_index_kind(ix), ix->name, index_partition_key_name(ix));
		if (index_sort_key_name(ix))
			appendStringInfo(&s, ", %s", index_sort_key_name(ix));
		appendStringInfoChar(&s, ')');
	}
	return s.data;
}
