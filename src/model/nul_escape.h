/*
 * nul_escape.h
 *		Order-preserving escape for strings holding U+0000.
 *
 * PostgreSQL's text and jsonb cannot hold U+0000, so strings are stored with
 * an escape: U+0000 becomes U+0001 U+0001 and U+0001 becomes U+0001 U+0002;
 * every other character stands for itself.  The escape is prefix-free and
 * keeps UTF-8 byte order, so escaped key columns sort as DynamoDB sorts.
 */
#ifndef DYNAMO_NUL_ESCAPE_H
#define DYNAMO_NUL_ESCAPE_H

#define NUL_ESCAPE_CHAR '\x01'

/* Does a string need escaping (holds U+0001), or unescaping? */
static inline bool
nul_escape_present(const char *s, int len)
{
	return memchr(s, NUL_ESCAPE_CHAR, len) != NULL;
}

extern char *nul_escape(const char *s, int len, int *outlen);
extern char *nul_unescape(const char *s, int len, int *outlen, bool *has_nul);
extern void nul_unrepresentable_error(void) pg_attribute_noreturn();
extern int	nul_unescaped_length(const char *s, int len);
extern char *json_text_escape_nul(const char *json, int len);
extern char *json_text_unescape_nul(const char *json, int len);

#endif							/* DYNAMO_NUL_ESCAPE_H */
