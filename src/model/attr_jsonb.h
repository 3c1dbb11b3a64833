/*
 * attr_jsonb.h
 *		Stored items written straight into DynamoDB's typed form as jsonb.
 *
 * item_to_typed() (attr_value.h) without a JsonbValue tree: one walk over
 * the stored item's binary form writes the typed item's binary form
 * (jsonb_write.h), with the bytes PostgreSQL's own conversion would write.
 * Wrapping each value as {"<type>": value} keeps every map's keys, so they
 * stay in jsonb's order and nothing is sorted.
 */
#ifndef DYNAMO_ATTR_JSONB_H
#define DYNAMO_ATTR_JSONB_H

#include "lib/stringinfo.h"
#include "utils/jsonb.h"

/*
 * Write the typed form of a stored item (its root container) at the end of
 * buf, strings as stored.  With find_escapes, returns false (having written
 * something unusable) when a string holds the escape of nul_escape.h: the
 * caller, undoing the escape, must take the slower path, since keys changed
 * by it may change order.
 */
extern bool item_write_typed(StringInfo buf, JsonbContainer *stored, bool find_escapes);

#endif							/* DYNAMO_ATTR_JSONB_H */
