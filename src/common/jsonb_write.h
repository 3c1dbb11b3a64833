/*
 * jsonb_write.h
 *		Writing jsonb's binary form directly, byte for byte as PostgreSQL's
 *		own conversion (convertToJsonb in jsonb_util.c) lays it out.
 *
 * A container is its header, one JEntry per child (an object's keys, then
 * its values) and the children's data; every JB_OFFSET_STRIDE'th JEntry
 * holds an end offset instead of a length; numbers and containers start at
 * a 4-byte boundary, their padding counted in their length.  Positions are
 * those of the StringInfo written into, whose start must stand for a
 * 4-byte boundary of the document (jw_begin_jsonb() makes the start of a
 * Jsonb).  A container written once can be copied anywhere on such a
 * boundary unchanged, which is what lets whole items be encoded once and
 * placed into responses as they are.
 */
#ifndef DYNAMO_JSONB_WRITE_H
#define DYNAMO_JSONB_WRITE_H

#include "lib/stringinfo.h"
#include "utils/jsonb.h"

/* A container being written: where it starts and where its JEntries are */
typedef struct JsonbWriteFrame
{
	int			start;			/* its first byte (padding included) */
	int			entries;		/* its first JEntry */
	uint32		total;			/* its children's data so far */
	bool		object;			/* an object (else an array) */
} JsonbWriteFrame;

/* A Jsonb being written (of about size bytes): its start and its end */
extern void jw_begin_jsonb(StringInfo buf, int size);
extern Jsonb *jw_finish_jsonb(StringInfo buf);

/* Open a container of n children (JB_FOBJECT: n pairs, 2n JEntries) */
extern void jw_begin(StringInfo buf, JsonbWriteFrame *f, uint32 header);
/* Record child i's JEntry once its data is written; close, giving its JEntry */
extern void jw_child(StringInfo buf, JsonbWriteFrame *f, int i, JEntry meta);
extern JEntry jw_end(StringInfo buf, JsonbWriteFrame *f);

/* A child's data: a string, a scalar, a copy of a container */
extern JEntry jw_string(StringInfo buf, const char *s, int len);
extern JEntry jw_scalar(StringInfo buf, const JsonbValue *v);
extern JEntry jw_container_copy(StringInfo buf, const JsonbContainer *c, uint32 len);
/* A whole object of one pair whose value is a string, boolean or null */
extern JEntry jw_single_pair(StringInfo buf, const char *key, int keylen, JEntry type,
							 const char *val, int len);

/*
 * A JsonbValue tree as a Jsonb, as JsonbValueToJsonb() would write it,
 * except that values may also be jbvBinary: containers copied as they are.
 */
extern Jsonb *jw_tree_to_jsonb(JsonbValue *v);

#endif							/* DYNAMO_JSONB_WRITE_H */
