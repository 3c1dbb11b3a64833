/*
 * json_io.h
 *		Reading DynamoDB request members and building responses in jsonb.
 */
#ifndef DYNAMO_JSON_IO_H
#define DYNAMO_JSON_IO_H

#include "utils/jsonb.h"
#include "utils/numeric.h"

/* Request members; NULL when absent or JSON null */
extern JsonbValue *req_member(Jsonb *req, const char *name);
extern char *req_string(Jsonb *req, const char *name);
extern Jsonb *req_object(Jsonb *req, const char *name);
extern Jsonb *req_array(Jsonb *req, const char *name);
extern bool req_bool(Jsonb *req, const char *name, bool dflt);
extern bool req_int(Jsonb *req, const char *name, int64 *out);
extern void req_check_object(Jsonb *req);
extern Jsonb *jsonb_of_container(JsonbValue *binary);

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
extern Jsonb *jb_finish(JsonbParseState **st);

#endif							/* DYNAMO_JSON_IO_H */
