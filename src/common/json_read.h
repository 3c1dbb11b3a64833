/*
 * json_read.h
 *		Reading the members of a DynamoDB request.
 */
#ifndef DYNAMO_JSON_READ_H
#define DYNAMO_JSON_READ_H

#include "utils/jsonb.h"
#include "utils/numeric.h"

/* Request members; NULL when absent or JSON null */
extern JsonbValue *req_member(Jsonb *req, const char *name);
extern char *req_string(Jsonb *req, const char *name);
extern Jsonb *req_object(Jsonb *req, const char *name);
extern Jsonb *req_array(Jsonb *req, const char *name);
extern bool req_bool(Jsonb *req, const char *name, bool dflt);
/* The same for a member's value already found (NULL: absent or JSON null) */
extern char *req_value_string(JsonbValue *v);
extern Jsonb *req_value_object(JsonbValue *v);
extern Jsonb *req_value_array(JsonbValue *v);
extern bool req_value_bool(JsonbValue *v, bool dflt);
extern bool req_value_int(JsonbValue *v, const char *name, int64 *out);
extern bool req_long(Jsonb *req, const char *name, int64 *out);
extern double json_number_double(Numeric n);
extern char *json_number_text(Numeric n);
extern void req_check_object(Jsonb *req);
extern Jsonb *jsonb_of_container(JsonbValue *binary);
extern int	object_members(Jsonb *obj, char ***names, JsonbValue **values);
extern Jsonb *element_object(Jsonb *list, int i, const char *path);
extern char *json_text(Jsonb *jb);
extern void require_member(const void *member, const char *path);

#endif							/* DYNAMO_JSON_READ_H */
