/*
 * attr_value.h
 *		DynamoDB attribute values: the stored form and its two JSON dialects.
 *
 * The stored form (also the "plain JSON" of the ergonomic SQL functions) is
 * natural JSON for S, N, BOOL, NULL, M and L.  The types JSON lacks are
 * objects with one tag key:
 *
 *		B	{"$B": "<base64>"}
 *		SS	{"$SS": ["a", "b"]}		members sorted by UTF-8 bytes
 *		NS	{"$NS": [1, 2.5]}		members sorted numerically
 *		BS	{"$BS": ["<base64>"]}	members sorted by their bytes
 *		M	{"$M": {...}}			only for a map whose single key is a tag
 *
 * Numbers are normalised as DynamoDB does (no trailing zeros, no exponent);
 * strings use the escape of nul_escape.h.  The stored form is canonical, so
 * two values are equal exactly when their jsonb is equal.
 *
 * The typed form is DynamoDB's wire JSON: {"S": "x"}, {"N": "1"}, ...
 *
 * Values handed around in C are JsonbValues: scalars, or jbvBinary pointing
 * at a container inside a stored item.
 */
#ifndef DYNAMO_ATTR_VALUE_H
#define DYNAMO_ATTR_VALUE_H

#include "utils/jsonb.h"
#include "utils/numeric.h"

typedef enum DynamoType
{
	DT_S,
	DT_N,
	DT_B,
	DT_BOOL,
	DT_NULL,
	DT_M,
	DT_L,
	DT_SS,
	DT_NS,
	DT_BS
} DynamoType;

#define DYNAMO_TYPE_COUNT 10
#define DYNAMO_MAX_DEPTH 32
#define DYNAMO_MAX_ITEM_SIZE 409600
#define DYNAMO_MAX_NUMBER_DIGITS 38
#define DYNAMO_MAX_ATTR_NAME 65535

extern const char *const DynamoTypeNames[DYNAMO_TYPE_COUNT];
extern bool dynamo_type_from_name(const char *name, int len, DynamoType *type);

/* Classify a stored value; for tagged types *payload gets the tag's value */
extern DynamoType attr_type(const JsonbValue *v, JsonbValue *payload);

/* Whole items (top-level maps), validated, to the stored form and back */
extern Jsonb *item_from_typed(Jsonb *typed, bool strings_escaped);
extern Jsonb *item_from_plain(Jsonb *plain, bool strings_escaped);
extern Jsonb *item_to_typed(Jsonb *stored, bool keep_escapes);
extern Jsonb *item_to_plain(Jsonb *stored, bool keep_escapes);

/* Single values to the stored form (for ExpressionAttributeValues, keys) */
extern JsonbValue *attr_from_typed(JsonbValue *typed, bool strings_escaped);
extern JsonbValue *attr_to_typed(JsonbValue *stored, bool keep_escapes);

/* Push a stored value into a JsonbParseState being built (as VALUE or ELEM) */
extern void attr_push_typed(JsonbParseState **st, JsonbIteratorToken tok,
							JsonbValue *stored, bool keep_escapes);
/* The same for a whole item, typed; returns the last push's result */
extern JsonbValue *item_push_typed(JsonbParseState **st, Jsonb *stored,
								   bool keep_escapes);

/* The root of a Jsonb as a value */
extern JsonbValue *jsonb_root_value(Jsonb *jb);

/* Equality (deep; sets order-free) and ordering (S, N, B of one type) */
extern bool attr_equal(JsonbValue *a, JsonbValue *b);
extern int	attr_compare(JsonbValue *a, JsonbValue *b);

/* DynamoDB's size of a value and of an item (names included) */
extern int64 attr_size(JsonbValue *v);
extern int64 item_size(Jsonb *stored);
extern int64 item_measure(Jsonb *stored, bool *escaped);

/* Numbers: parse, check and normalise as DynamoDB does */
extern Numeric dynamo_number_from_string(const char *s, int len);
extern Numeric dynamo_number_normalize(Numeric n);
extern Numeric dynamo_number_result(Numeric n);
extern char *dynamo_number_to_string(Numeric n);
extern bool dynamo_number_is_canonical(Numeric n);

/* Binary: base64 to bytes (validated) and back */
extern bytea *dynamo_binary_decode(const char *b64, int len);
extern char *dynamo_binary_encode(const char *data, int len);
extern char *dynamo_base64_decode(const char *b64, int *len);

/* Bytes of a stored B value, and the stored value of given bytes */
extern bytea *attr_binary_bytes(JsonbValue *v);
extern JsonbValue *attr_binary_value(const char *data, int len);

/* A request's Boolean (also the strings DynamoDB's deserializer reads as one) */
extern bool dynamo_bool_value(const JsonbValue *v);
/* DynamoDB's SerializationException for a value of the wrong JSON kind */
extern void dynamo_kind_error(const JsonbValue *v, const char *expected) pg_attribute_noreturn();
extern void attr_check_name_length(int len, const char *prefix);

#endif							/* DYNAMO_ATTR_VALUE_H */
