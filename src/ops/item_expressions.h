/*
 * item_expressions.h
 *		The expression parameters of an item request, parsed once per
 *		request: condition, projection, update, with their placeholders, or
 *		the legacy parameters that predate them.
 */
#ifndef DYNAMO_ITEM_EXPRESSIONS_H
#define DYNAMO_ITEM_EXPRESSIONS_H

#include "expression.h"
#include "item_ops.h"

typedef struct ExprParams
{
	const char *operation;		/* for messages */
	char	   *condition;		/* ConditionExpression */
	char	   *projection;		/* ProjectionExpression */
	char	   *update;			/* UpdateExpression */
	char	   *key_condition;	/* KeyConditionExpression (Query) */
	char	   *filter;			/* FilterExpression (Query, Scan) */
	Jsonb	   *names;			/* ExpressionAttributeNames */
	Jsonb	   *values;			/* ExpressionAttributeValues, stored form */
	bool		escaped;		/* names and legacy values use the escape */
	/* legacy parameters, typed JSON as DynamoDB takes them */
	Jsonb	   *expected;
	char	   *conditional_operator;
	Jsonb	   *attributes_to_get;
	Jsonb	   *attribute_updates;
	Jsonb	   *key_conditions; /* Query */
	Jsonb	   *query_filter;
	Jsonb	   *scan_filter;
} ExprParams;

typedef struct ItemExpressions
{
	DynCondition *condition;
	DynProjection *projection;
	DynUpdate  *update;
	DynCondition *key_condition;
	DynCondition *filter;
} ItemExpressions;

extern void item_expressions_parse(ExprParams *p, ItemExpressions *out);
extern void item_condition_init(ItemCondition *c, DynCondition *cond);
extern Jsonb *item_project(ItemExpressions *e, Jsonb *item);

#endif							/* DYNAMO_ITEM_EXPRESSIONS_H */
