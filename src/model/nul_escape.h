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

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define NUL_ESCAPE_CHAR '\x01'

/* Does a word hold the byte NUL_ESCAPE_CHAR (a zero byte once xor'ed)? */
#define NUL_ESCAPE_IN_WORD(w, ones, highs) \
	(((((w) ^ (ones)) - (ones)) & ~((w) ^ (ones)) & (highs)) != 0)
#define NUL_ESCAPE_IN_WORD64(w) \
	NUL_ESCAPE_IN_WORD(w, UINT64CONST(0x0101010101010101), UINT64CONST(0x8080808080808080))

/*
 * Does a string need escaping (holds U+0001), or unescaping?  Reads run
 * this on every string of every item they size, most of them short: whole
 * words (16 bytes with SSE2) inline cost a fraction of a call to memchr.
 * A string shorter than a word is read as two overlapping half-size words.
 */
static inline bool
nul_escape_present(const char *s, int len)
{
	uint64		w;
	uint32		h;

#ifdef __SSE2__
	if (len > 16)
	{
		const __m128i esc = _mm_set1_epi8(NUL_ESCAPE_CHAR);

		for (int i = 0; i < len - 16; i += 16)
			if (_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *) (s + i)), esc)))
				return true;
		/* the last sixteen bytes, overlapping the words before */
		return _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *) (s + len - 16)),
											   esc)) != 0;
	}
#else
	if (len > 16)
	{
		for (int i = 0; i < len - 8; i += 8)
		{
			memcpy(&w, s + i, sizeof(w));
			if (NUL_ESCAPE_IN_WORD64(w))
				return true;
		}
		memcpy(&w, s + len - 8, sizeof(w));
		return NUL_ESCAPE_IN_WORD64(w);
	}
#endif
	if (len >= 8)
	{
		memcpy(&w, s, sizeof(w));
		if (NUL_ESCAPE_IN_WORD64(w))
			return true;
		memcpy(&w, s + len - 8, sizeof(w));
		return NUL_ESCAPE_IN_WORD64(w);
	}
	if (len >= 4)
	{
		memcpy(&h, s, sizeof(h));
		if (NUL_ESCAPE_IN_WORD(h, 0x01010101U, 0x80808080U))
			return true;
		memcpy(&h, s + len - 4, sizeof(h));
		return NUL_ESCAPE_IN_WORD(h, 0x01010101U, 0x80808080U);
	}
	for (int i = 0; i < len; i++)
		if (s[i] == NUL_ESCAPE_CHAR)
			return true;
	return false;
}

extern char *nul_escape(const char *s, int len, int *outlen);
extern char *nul_unescape(const char *s, int len, int *outlen, bool *has_nul);
extern void nul_unrepresentable_error(void) pg_attribute_noreturn();
extern int	nul_unescaped_length(const char *s, int len);
extern char *json_text_escape_nul(const char *json, int len);
extern char *json_text_unescape_nul(const char *json, int len);

#endif							/* DYNAMO_NUL_ESCAPE_H */
