/*
 * attr_text.h
 *		Stored items written straight out as DynamoDB's typed JSON text.
 *
 * The read operations with large responses (Query, Scan, GetRecords) write
 * their responses as text for the text doors (execute_text() and the HTTP
 * door) instead of building a jsonb document and printing it.  The text is
 * what jsonb_out would print for the typed jsonb: the same spacing, keys in
 * jsonb's order, strings escaped as escape_json() does.
 *
 * show_nul: a string holding U+0000 is written with \u0000 (the text form);
 * false: such a string raises the error the jsonb form raises, as jsonb
 * cannot hold it.
 */
#ifndef DYNAMO_ATTR_TEXT_H
#define DYNAMO_ATTR_TEXT_H

#include "lib/stringinfo.h"
#include "utils/jsonb.h"

/* A stored string (or key) as a JSON string literal */
extern void json_append_stored_string(StringInfo buf, const char *s, int len,
									  bool show_nul);
/* A member's key and its separator: "key": (after ", " unless first) */
extern void json_append_key(StringInfo buf, const char *key, bool first);
/* The members of a jsonb object, printed, each after ", " */
extern void json_append_members(StringInfo buf, Jsonb *object);

/* A stored value, and a whole stored item, in DynamoDB's typed JSON */
extern void attr_append_typed_text(StringInfo buf, JsonbValue *stored, bool show_nul);
extern void item_append_typed_text(StringInfo buf, Jsonb *stored, bool show_nul);

#endif							/* DYNAMO_ATTR_TEXT_H */
