/*
 * expression.h
 *		DynamoDB's expression languages: condition, filter, key condition,
 *		projection and update expressions, and the legacy parameters
 *		(Expected, AttributesToGet, AttributeUpdates) that predate them.
 *
 * Parsing goes through a bison grammar (expr_gram.y) and a flex scanner
 * (expr_scan.l); parse trees are cached per backend by (kind, text), with
 * placeholders left unresolved, and bound per call to an ExprAttrs.  Items
 * and values are in the stored form of attr_value.h throughout.  Every
 * validation failure is a ValidationException carrying DynamoDB's message.
 *
 * A request parses all its expressions against one ExprAttrs, then calls
 * expr_attrs_check_unused() before evaluating anything.
 */
#ifndef DYNAMO_EXPRESSION_H
#define DYNAMO_EXPRESSION_H

#include "utils/jsonb.h"

/* Per request: ExpressionAttributeNames and Values, and which were used */
typedef struct ExprAttrs ExprAttrs;

/*
 * names: jsonb object {"#n": "Name"} or NULL; values: jsonb object
 * {":v": <stored-form value>} or NULL.
 */
extern ExprAttrs *expr_attrs_create(Jsonb *names, Jsonb *values, bool names_escaped);

extern Jsonb *expr_values_from_typed(Jsonb *values, bool escaped);

/* After parsing all of a request's expressions: reject unused placeholders */
extern void expr_attrs_check_unused(ExprAttrs *attrs);

typedef struct DynCondition DynCondition;
typedef struct DynProjection DynProjection;
typedef struct DynUpdate DynUpdate;

/* Which parameter an expression came in, for messages ("Invalid <X>: ...") */
typedef enum ExprKind
{
	EXPR_CONDITION,
	EXPR_FILTER,
	EXPR_KEY_CONDITION,
	EXPR_PROJECTION,
	EXPR_UPDATE
} ExprKind;

#define EXPR_KIND_COUNT 5

extern void expr_check_not_empty(const char *text, ExprKind kind);

/* Conditions (also filters and key conditions) */
extern DynCondition *expr_parse_condition(const char *text, ExprKind kind,
										  ExprAttrs *attrs);
extern bool expr_eval_condition(DynCondition *cond, Jsonb *item);	/* item NULL: no item */

/*
 * Key conditions: the one or two parts of a KeyConditionExpression, checked
 * for the shapes DynamoDB allows.  Which attributes they name is left to
 * the caller, who knows the key schema.
 */
typedef enum KeyCondOp
{
	KC_EQ,
	KC_LT,
	KC_LE,
	KC_GT,
	KC_GE,
	KC_BETWEEN,
	KC_BEGINS_WITH
} KeyCondOp;

typedef struct KeyCondPart
{
	const char *attr_name;		/* escaped top-level attribute name */
	KeyCondOp	op;
	JsonbValue *value;			/* stored form */
	JsonbValue *value2;			/* upper bound of BETWEEN */
} KeyCondPart;

extern int	expr_key_condition_parts(DynCondition *cond, KeyCondPart *parts, int max);

/* Does a condition refer to top-level attribute name (escaped)? */
extern bool expr_condition_names(DynCondition *cond, const char *name);
extern bool expr_condition_names_nested(DynCondition *cond, const char *name);
extern const char *expr_condition_refused(DynCondition *cond,
										  bool (*keep) (void *arg, const char *name, int len),
										  void *arg);

/* Projections: stored form in, stored form out */
extern DynProjection *expr_parse_projection(const char *text, ExprAttrs *attrs);
extern Jsonb *expr_apply_projection(DynProjection *proj, Jsonb *item);
extern const char *expr_projection_refused(DynProjection *proj,
										   bool (*keep) (void *arg, const char *name, int len),
										   void *arg);

/* Updates */
extern DynUpdate *expr_parse_update(const char *text, ExprAttrs *attrs);
extern Jsonb *expr_apply_update(DynUpdate *upd, Jsonb *old_item,
								const char **key_names, int nkeys);
extern DynProjection *expr_update_paths(DynUpdate *upd);
extern bool expr_update_only_removes(DynUpdate *upd);
extern void expr_update_check_keys(DynUpdate *upd, const char **key_names, int nkeys);

/* A secondary index's key attribute (not one of the table's keys) */
typedef struct ExprIndexKey
{
	const char *name;			/* escaped */
	int			type;			/* DynamoType: S, N or B */
	const char *index;
} ExprIndexKey;

extern void expr_key_path_refused(const char *label, const char *name) pg_attribute_noreturn();
extern void expr_update_check_index_keys(DynUpdate *upd, const ExprIndexKey *keys, int nkeys);
extern void expr_projection_check_keys(DynProjection *proj, const char **key_names,
									   int nkeys, const ExprIndexKey *index_keys,
									   int nindex_keys);

/* Legacy parameters, translated into the same trees (typed values in) */
/* (escaped: names and strings already use the escape of nul_escape.h) */
extern DynCondition *expr_condition_from_expected(Jsonb *expected,
												  const char *conditional_operator,
												  bool escaped);
extern DynCondition *expr_condition_from_conditions(Jsonb *conditions, const char *member,
													const char *conditional_operator,
													bool escaped);
extern DynProjection *expr_projection_from_attributes_to_get(Jsonb *array, bool escaped);
extern DynUpdate *expr_update_from_attribute_updates(Jsonb *attribute_updates, bool escaped);

#endif							/* DYNAMO_EXPRESSION_H */
