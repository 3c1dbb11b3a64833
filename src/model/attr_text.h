/*
 * attr_text.h
 *		Stored items written straight out as DynamoDB's typed JSON text.
 *
 * The read operations with large responses (Query, Scan, GetRecords) write
 * their responses as text for the text doors (execute_text() and the HTTP
 * door) instead of building a jsonb document and printing it; the other
 * operations' jsonb responses are printed here too (json_append_jsonb).
 * Keys come in jsonb's order, strings escaped as escape_json() does.
 *
 * style, flags:
 * JSON_TEXT_SHOW_NUL: a string holding U+0000 is written with \u0000 (the
 * text form); without it, such a string raises the error the jsonb form
 * raises, as jsonb cannot hold it.
 * JSON_TEXT_COMPACT: no space after ':' and ',', as DynamoDB answers (the
 * HTTP door); without it, the spacing of jsonb_out, so the text is what
 * execute() prints (execute_text()).
 */
#ifndef DYNAMO_ATTR_TEXT_H
#define DYNAMO_ATTR_TEXT_H

#include "lib/stringinfo.h"
#include "utils/jsonb.h"

#define JSON_TEXT_SHOW_NUL	0x01
#define JSON_TEXT_COMPACT	0x02

/* A stored string (or key) as a JSON string literal */
extern void json_append_stored_string(StringInfo buf, const char *s, int len,
									  bool show_nul);
/* The separator of members or elements: ", " or "," (compact) */
extern void json_append_comma(StringInfo buf, int style);
/* A member's key and its separator: "key": (after a comma unless first) */
extern void json_append_key(StringInfo buf, const char *key, bool first, int style);
/* The members of a jsonb object, each after a comma */
extern void json_append_members(StringInfo buf, Jsonb *object, int style);
/* A jsonb document as text, its strings' stored escape undone */
extern void json_append_jsonb(StringInfo buf, Jsonb *jb, int style);

/* A stored value, and a whole stored item, in DynamoDB's typed JSON */
extern void attr_append_typed_text(StringInfo buf, JsonbValue *stored, int style);
extern void item_append_typed_text(StringInfo buf, Jsonb *stored, int style);

#endif							/* DYNAMO_ATTR_TEXT_H */
