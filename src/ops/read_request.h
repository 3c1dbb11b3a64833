/*
 * read_request.h
 *		The parameters of a Query or Scan, from either door, checked as
 *		DynamoDB checks them and reduced to a ReadRequest.
 */
#ifndef DYNAMO_READ_REQUEST_H
#define DYNAMO_READ_REQUEST_H

#include "item_expressions.h"
#include "read_ops.h"

typedef struct ReadParams
{
	bool		query;			/* Query; false: Scan */
	char	   *table_name;
	char	   *index_name;		/* IndexName (no index exists) */
	ExprParams	expr;			/* expressions, placeholders, legacy forms */
	char	   *select;			/* Select */
	bool		has_limit;
	int64		limit;
	Jsonb	   *start_key;		/* ExclusiveStartKey, stored form */
	bool		forward;		/* ScanIndexForward */
	bool		has_segment;
	int64		segment;
	bool		has_total_segments;
	int64		total_segments;
	bool		paged;			/* one page (execute, *_page), else all */
	bool		consistent;		/* ConsistentRead */
} ReadParams;

extern void read_request_build(ReadParams *p, ReadRequest *req);

#endif							/* DYNAMO_READ_REQUEST_H */
