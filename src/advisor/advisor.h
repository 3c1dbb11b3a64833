/*
 * advisor.h
 *		Access-pattern insight: what a request costs in DynamoDB's terms and
 *		PostgreSQL's (dynamo.explain), usage figures per table and operation
 *		(dynamo.usage), NOTICE hints when a Scan or a mostly-discarding Query
 *		runs, and PostgreSQL HINTs for a newcomer's first mistakes.
 */
#ifndef DYNAMO_ADVISOR_H
#define DYNAMO_ADVISOR_H

#include "fmgr.h"
#include "utils/jsonb.h"

#include "read_ops.h"
#include "batch.h"

/* The operations usage is counted by */
typedef enum AdvisorOp
{
	ADV_GET_ITEM,
	ADV_PUT_ITEM,
	ADV_UPDATE_ITEM,
	ADV_DELETE_ITEM,
	ADV_QUERY,
	ADV_SCAN,
	ADV_BATCH_GET_ITEM,
	ADV_BATCH_WRITE_ITEM,
	ADV_TRANSACT_GET_ITEMS,
	ADV_TRANSACT_WRITE_ITEMS,
	ADV_OP_COUNT
} AdvisorOp;

extern const char *const AdvisorOpNames[ADV_OP_COUNT];

/* Settings (defined in pg_dynamo.c) */
extern bool advisor_track_usage;
extern bool advisor_access_hints;
extern int	advisor_usage_max;
extern double advisor_read_price;	/* per million read request units */
extern double advisor_write_price;	/* per million write request units */

/* advisor_usage.c: the figures; shared memory when preloaded */
extern void advisor_shmem_request(void);
extern void advisor_count(const char *table, AdvisorOp op, int64 items_read,
						  int64 items_returned, int64 bytes, double rcu, double wcu);
extern void advisor_count_read(ReadRequest *req, ReadResult *res);
extern void advisor_count_units(const char *table, AdvisorOp op, int64 bytes,
								bool write, bool consistent, bool returned);
extern void advisor_count_transact(TransactRequest *tx, bool write);
extern Datum advisor_usage_rows(FunctionCallInfo fcinfo);
/* the access key the HTTP door's current request is signed with (NULL: none) */
#define ADVISOR_MAX_ACCESS_KEY 128
extern void advisor_set_access_key(const char *key_id);
extern void advisor_usage_reset(void);

/* advisor_explain.c: dynamo.explain() */
extern Jsonb *advisor_explain(const char *operation, Jsonb *request);

/* advisor_filter.c: what a filter asks of the items, for suggestions */
typedef struct FilterEquality
{
	const char *attr;			/* a top-level attribute compared with = */
	JsonbValue *value;			/* to this value (stored form) */
} FilterEquality;

extern int	advisor_filter_equalities(DynCondition *filter, FilterEquality *out, int max);
extern char *advisor_filter_attrs(DynCondition *filter);

/* advisor_indexes.c: the existing indexes a suggestion names */
struct DynamoIndex;
extern struct DynamoIndex *advisor_index_keyed(DynamoTable *t, const char *pk, const char *sk);
extern const char *advisor_index_kind(struct DynamoIndex *ix);
extern char *advisor_index_words(DynamoTable *t);

/* advisor_hints.c: the NOTICE hints and the errors that teach */
extern void advisor_read_hint(ReadRequest *req, ReadResult *res);
extern void advisor_read_request_build(ReadParams *p, ReadRequest *req);
extern void advisor_item_expressions_parse(ExprParams *p, ItemExpressions *e,
										   const char *table_name);

#endif							/* DYNAMO_ADVISOR_H */
