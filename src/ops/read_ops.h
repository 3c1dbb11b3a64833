/*
 * read_ops.h
 *		Query and Scan: reads of many items, a page at a time.
 *
 * A ReadRequest is what both doors (execute() and the ergonomic functions)
 * reduce a Query or Scan to: a key range in one partition, or the whole
 * table (or one segment of it), a start key, a filter, a projection and the
 * page limits.  read_items() runs it in key order, a Query as a walk of its
 * index (src/storage/item_fetch.c), a Scan through an SPI cursor, and hands
 * each matching item to a visitor as it is read, so no more than one batch
 * of rows is ever held.
 */
#ifndef DYNAMO_READ_OPS_H
#define DYNAMO_READ_OPS_H

#include "lib/stringinfo.h"

#include "expression.h"
#include "storage.h"
#include "items.h"

/* DynamoDB's page size limit: scanned items' bytes, before the filter */
#define DYNAMO_PAGE_BYTES (1024 * 1024)

/* One end of a sort key range; value NULL = unbounded */
typedef struct KeyBound
{
	JsonbValue *value;			/* stored form */
	bool		inclusive;
} KeyBound;

/* Select */
typedef enum ReadSelect
{
	SELECT_ALL_ATTRIBUTES,
	SELECT_SPECIFIC_ATTRIBUTES,
	SELECT_COUNT,
	SELECT_ALL_PROJECTED_ATTRIBUTES /* IndexName only */
} ReadSelect;

struct DynamoIndex;				/* src/indexes/indexes.h */

typedef struct ReadRequest
{
	DynamoTable *table;
	bool		query;			/* Query: one partition; false: Scan */
	/* Query */
	JsonbValue *partition;		/* partition key value, stored form */
	KeyBound	lower;			/* sort key range, start key applied */
	KeyBound	upper;
	bool		forward;		/* ScanIndexForward */
	bool		empty;			/* nothing can match (start key at the end) */
	/* Scan */
	ItemKey    *start;			/* ExclusiveStartKey, or NULL */
	int			segment;
	int			total_segments; /* 0: the whole table */
	/* both */
	DynCondition *filter;
	DynProjection *projection;
	ReadSelect	select;
	int64		limit;			/* items evaluated per page; 0: no limit */
	bool		paged;			/* stop at DYNAMO_PAGE_BYTES (one page) */
	bool		transient;		/* the visitor keeps nothing of the items it
								 * is given, even those of a page */
	/* IndexName: the read goes through the index (src/indexes/index_read.c) */
	struct DynamoIndex *index;
	Jsonb	   *index_start;	/* ExclusiveStartKey, stored form */
	/* a Query's values of the index key attributes given by equality, in
	 * key schema order (partition key attributes, then a prefix of the sort
	 * key attributes); lower and upper bound the next one */
	int			nindex_eq;
	JsonbValue *index_eq[8];
	bool		index_fetch;	/* an LSI read that fetches the table's items
								 * (attributes the index does not project) */
	bool		consistent;		/* ConsistentRead, for the capacity counted */
	/* set for the visitor: the item it is given holds no escaped string
	 * (found while sizing it), so it is its own plain form */
	bool		visit_plain;
} ReadRequest;

/* What a read did */
typedef struct ReadResult
{
	int64		count;			/* items that passed the filter */
	int64		scanned_count;	/* items evaluated */
	int64		scanned_bytes;	/* their size (paged reads, or usage tracked) */
	int64		page_bytes;		/* of them, in the page being read */
	double		read_units;		/* capacity units, page by page (usage) */
	int64		index_bytes;	/* an index read: its index entries' size */
	int64		fetched_bytes;	/* ... and of the items it fetched (index_fetch) */
	bool		stopped;		/* at Limit or the page size: more may follow */
	Jsonb	   *last_key;		/* LastEvaluatedKey (stored form) when stopped */
} ReadResult;

/*
 * Called for each item that passes the filter, projected, in the memory
 * context read_items() was called in.  The item lives until the visitor
 * returns, or for a paged read as long as that memory context; copy what
 * must outlive it.
 */
typedef void (*ReadVisitor) (void *arg, Jsonb *item);

extern int	read_fewest_reads(ReadRequest *req, bool whole);
extern void read_items(ReadRequest *req, ReadVisitor visit, void *arg, ReadResult *result);

/* How a page shows items: DynamoDB's typed JSON (optionally keeping
 * U+0000 escaped, for execute_text) or plain JSON */
typedef enum ItemForm
{
	FORM_TYPED,
	FORM_TYPED_ESCAPED,
	FORM_PLAIN
} ItemForm;

/*
 * Run a read as one page, pushing its members into the object being built
 * in st: Items (unless Select is COUNT), Count, ScannedCount and
 * LastEvaluatedKey.
 */
extern void read_page(ReadRequest *req, JsonbParseState **st, ItemForm form,
					  ReadResult *result);

/*
 * The same as JSON text in DynamoDB's typed form, for the text doors:
 * writes the opening of the response object and its members Count, Items
 * (unless Select is COUNT) and ScannedCount, leaving it open.  style:
 * see attr_text.h.
 */
extern void read_page_text(ReadRequest *req, StringInfo out, int style,
						   ReadResult *result);

/* The statement read_items() runs for a request, and its parameters */
extern char *read_statement(ReadRequest *req, Datum *values, Oid *types, int *nparams);

/* A value as a typed SQL literal */
extern char *read_sql_literal(Datum value, Oid type);

/* The segment (of total) of a partition key value, as parallel Scan splits */
extern int	read_segment_of(DynamoTable *t, Datum partition, int total);

/* A sort key bound as a condition of a walk of index column col */
extern int	read_range_bound(ItemRangeKey *key, AttrNumber col, DynamoType type, KeyBound *b,
							 bool lower);

/* A statement being built: its text (optional) and its parameters */
typedef struct ReadStatement
{
	StringInfo	sql;			/* NULL: parameters only */
	bool		literals;		/* values in the text instead of $n */
	int			nparams;
	Datum		values[16];
	Oid			types[16];
} ReadStatement;

/* Pieces of a statement, for the index reads that build their own */
extern void read_stmt_text(ReadStatement *s, const char *text);
extern void read_stmt_op(ReadStatement *s, const char *op);
extern void read_stmt_param(ReadStatement *s, Datum value, Oid type);
extern void read_stmt_segment(ReadStatement *s, ReadRequest *req, bool and);

/* ------------------------------------------------------------------------
 * The parameters of a Query or Scan, from either door, checked as
 * DynamoDB checks them and reduced to a ReadRequest.
 * ------------------------------------------------------------------------
 */

typedef struct ReadParams
{
	bool		query;			/* Query; false: Scan */
	char	   *table_name;
	char	   *index_name;		/* IndexName */
	bool		consistent_read;	/* ConsistentRead */
	ExprParams	expr;			/* expressions, placeholders, legacy forms */
	char	   *select;			/* Select */
	bool		has_limit;
	int64		limit;
	Jsonb	   *start_key;		/* ExclusiveStartKey, stored form */
	Jsonb	   *start_key_typed;	/* or typed, read in DynamoDB's order */
	bool		start_key_escaped;	/* start_key_typed's strings use the escape */
	bool		forward;		/* ScanIndexForward */
	bool		has_segment;
	int64		segment;
	bool		has_total_segments;
	int64		total_segments;
	bool		paged;			/* one page (execute, *_page), else all */
	bool		key_filter;		/* PartiQL: a Query's filter may name key attributes */
	bool		unprojected_ok;	/* PartiQL: what a GSI does not project reads as missing */
} ReadParams;

extern void read_request_build(ReadParams *p, ReadRequest *req);

#endif							/* DYNAMO_READ_OPS_H */
