/*
 * json_build.h
 *		Building responses in jsonb, member by member.
 */
#ifndef DYNAMO_JSON_BUILD_H
#define DYNAMO_JSON_BUILD_H

#include "utils/jsonb.h"
#include "utils/numeric.h"

/* Building a response: each takes the key (NULL inside an array) */
extern void jb_key(JsonbParseState **st, const char *key);
extern void jb_begin_object(JsonbParseState **st, const char *key);
extern void jb_end_object(JsonbParseState **st);
extern void jb_begin_array(JsonbParseState **st, const char *key);
extern void jb_end_array(JsonbParseState **st);
extern void jb_string(JsonbParseState **st, const char *key, const char *val);
extern void jb_int(JsonbParseState **st, const char *key, int64 val);
extern void jb_numeric(JsonbParseState **st, const char *key, Numeric val);
extern void jb_bool(JsonbParseState **st, const char *key, bool val);
extern void jb_jsonb(JsonbParseState **st, const char *key, Jsonb *val);
/* The next value (after jb_key) or element, placed whole: see json_build.c */
extern JsonbValue *jb_value(JsonbParseState **st, JsonbValue *v);

/*
 * Close the outermost object (or array) and return it.  A tree holding
 * values placed by jb_jsonb() or jb_value() must be finished by these,
 * not by JsonbValueToJsonb().
 */
extern Jsonb *jb_finish(JsonbParseState **st);
extern Jsonb *jb_finish_array(JsonbParseState **st);

#endif							/* DYNAMO_JSON_BUILD_H */
