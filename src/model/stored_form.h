/*
 * stored_form.h
 *		The one home of the stored form's rules (see attr_value.h for the
 *		format): its tag keys, the order of set members, byte comparison, and
 *		the check that a jsonb document is an item in canonical stored form.
 */
#ifndef DYNAMO_STORED_FORM_H
#define DYNAMO_STORED_FORM_H

#include "attr_value.h"

/* Which tagged type an object key names, if any */
extern bool stored_tag_type(const char *key, int len, DynamoType *type);

/* Push a tagged value's opening: BEGIN_OBJECT and the tag key */
extern void stored_push_tag(JsonbParseState **st, DynamoType t);

/* Unsigned byte order, the shorter first on a common prefix */
extern int	stored_bytes_cmp(const char *a, int la, const char *b, int lb);

/* Order two stored members of a set of type t (SS, NS or BS) */
extern int	stored_set_member_cmp(DynamoType t, const JsonbValue *a, const JsonbValue *b);

/* ValidationException for an item nesting maps and lists too deep */
extern void stored_check_nesting(Jsonb *item);

/*
 * Is a document an item exactly as the engine stores it?  On false, *why
 * (if not NULL) says what is wrong.
 */
extern bool stored_item_is_canonical(Jsonb *item, const char **why);

#endif							/* DYNAMO_STORED_FORM_H */
