/*
 * expr_doc.h
 *		A stored item opened up for change: maps and lists along the paths an
 *		update or a projection touches become editable nodes, everything
 *		else stays a JsonbValue pointing into the original item.
 */
#ifndef DYNAMO_EXPR_DOC_H
#define DYNAMO_EXPR_DOC_H

#include "utils/jsonb.h"

typedef enum DocKind
{
	DOC_LEAF,					/* a stored value, untouched */
	DOC_MAP,
	DOC_LIST
} DocKind;

typedef struct Doc
{
	DocKind		kind;
	JsonbValue	leaf;			/* DOC_LEAF */
	int			n;				/* DOC_MAP, DOC_LIST: members */
	int			cap;
	char	  **keys;			/* DOC_MAP: escaped names */
	int		   *keylens;
	int		   *indexes;		/* DOC_LIST: position in the original list */
	struct Doc **members;		/* NULL: a list element removed */
} Doc;

extern Doc *doc_leaf(JsonbValue *v);
extern Doc *doc_new(DocKind kind);
extern Doc *doc_from_item(Jsonb *item);
extern bool doc_open(Doc *d, DocKind kind);
extern int	doc_map_find(Doc *d, const char *name, int len);
extern void doc_map_put(Doc *d, const char *name, int len, Doc *member);
extern void doc_map_delete(Doc *d, int i);
extern int	doc_list_find(Doc *d, int index);
extern void doc_list_insert(Doc *d, int index, Doc *member);
extern Jsonb *doc_to_item(Doc *root);
extern JsonbValue *doc_value(Doc *d);

#endif							/* DYNAMO_EXPR_DOC_H */
