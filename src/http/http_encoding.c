/*
 * http_encoding.c
 *		Compressed bodies, with zlib: requests sent compressed
 *		(Content-Encoding: gzip or deflate, as AWS SDKs send them when
 *		request compression is on) are inflated before they are read;
 *		responses of 4 KB or more are compressed when Accept-Encoding asks.
 *
 * DynamoDB answers a body it cannot inflate, or an encoding it does not
 * know, with a 500; an inflated body over 16 MB is refused as a plain one
 * is (413), however small it was compressed.  The signature covers the body
 * as sent, so the door keeps both.  Accept-Encoding is read as DynamoDB
 * reads it (see http_accepted_encoding).
 */
#include "postgres.h"

#include <math.h>
#include <zlib.h>

#include "http.h"

/* Room made in the output before each inflate() call */
#define INFLATE_CHUNK 65536
/* Responses this long or longer are compressed when the client accepts it */
#define HTTP_COMPRESS_MIN 4096

/* The response encodings, in DynamoDB's order of preference */
typedef enum HttpCoding
{
	CODING_GZIP,
	CODING_DEFLATE,
	CODING_COUNT
} HttpCoding;

static const char *const CodingNames[CODING_COUNT] = {"gzip", "deflate"};

/*
 * Inflate in (gzip or zlib format) into out; members one after another
 * (concatenated gzip files) are all inflated.  Anything else after a
 * member, a truncated stream or an empty one fails.
 */
static HttpDecodeResult
http_inflate(const char *in, size_t len, bool gzip, StringInfo out)
{
	z_stream	zs;
	HttpDecodeResult result = HTTP_DECODE_BAD;

	if (len == 0)
		return HTTP_DECODE_BAD;
	memset(&zs, 0, sizeof(zs));
	if (inflateInit2(&zs, gzip ? 15 + 16 : 15) != Z_OK)
		return HTTP_DECODE_BAD;
	zs.next_in = (Bytef *) in;
	zs.avail_in = len;
	for (;;)
	{
		int			rc;

		enlargeStringInfo(out, INFLATE_CHUNK);
		zs.next_out = (Bytef *) out->data + out->len;
		zs.avail_out = out->maxlen - out->len - 1;
		rc = inflate(&zs, Z_NO_FLUSH);
		out->len = (char *) zs.next_out - out->data;
		if (out->len > HTTP_MAX_BODY)
		{
			result = HTTP_DECODE_TOO_LARGE;
			break;
		}
		if (rc == Z_STREAM_END)
		{
			if (zs.avail_in == 0)
			{
				result = HTTP_DECODE_OK;
				break;
			}
			/* another member follows */
			if (inflateReset(&zs) != Z_OK)
				break;
		}
		else if (rc != Z_OK)
			break;				/* corrupt, or truncated (Z_BUF_ERROR) */
	}
	inflateEnd(&zs);
	out->data[out->len] = '\0';
	return result;
}

/*
 * The body of a request as its Content-Encoding (if any) says to read it:
 * *body and *len are set to the inflated body, or left as they are for a
 * body sent as is.
 */
HttpDecodeResult
http_decode_body(const HttpRequest *req, const char **body, size_t *len)
{
	const char *encoding = http_header(req, "Content-Encoding");
	StringInfoData out;
	HttpDecodeResult result;
	bool		gzip;

	if (encoding == NULL || encoding[0] == '\0' || pg_strcasecmp(encoding, "identity") == 0)
		return HTTP_DECODE_OK;
	if (pg_strcasecmp(encoding, "gzip") == 0)
		gzip = true;
	else if (pg_strcasecmp(encoding, "deflate") == 0)
		gzip = false;
	else
		return HTTP_DECODE_BAD;
	initStringInfo(&out);
	result = http_inflate(req->body, req->body_len, gzip, &out);
	if (result != HTTP_DECODE_OK)
	{
		pfree(out.data);
		return result;
	}
	*body = out.data;
	*len = out.len;
	return HTTP_DECODE_OK;
}

/*
 * The quality of one Accept-Encoding element's parameters (after the
 * coding's name), as DynamoDB reads it: the first parameter holding "q="
 * gives it (so "q =0" is no quality and "nq=0" is one); a value that is
 * not a number counts as 1, one above 1 as 1, one below 0 as 0.
 */
static double
http_coding_quality(char *params)
{
	char	   *save = NULL;

	for (char *p = strtok_r(params, ";", &save); p; p = strtok_r(NULL, ";", &save))
	{
		char	   *q = strstr(p, "q=");
		char	   *end;
		double		v;

		if (q == NULL)
			continue;
		v = strtod(q + 2, &end);
		while (*end == ' ' || *end == '\t')
			end++;
		if (end == q + 2 || *end != '\0' || isnan(v))
			return 1;
		return Max(0, Min(v, 1));
	}
	return 1;
}

/*
 * The response encoding an Accept-Encoding header asks for (-1: none), as
 * DynamoDB chooses it: gzip and deflate only (identity and others are
 * ignored), names without case, the highest quality of each coding's
 * elements, "*" for a coding not named; at equal quality a named coding
 * before one "*" stands for, the first named first, gzip before deflate.
 */
static int
http_accepted_encoding(const char *header)
{
	double		quality[CODING_COUNT];
	int			position[CODING_COUNT];
	double		star = -1;
	int			best = -1;
	char	   *save = NULL;
	int			n = 0;

	for (int c = 0; c < CODING_COUNT; c++)
	{
		quality[c] = -1;
		position[c] = INT_MAX;
	}
	for (char *e = strtok_r(pstrdup(header), ",", &save); e; e = strtok_r(NULL, ",", &save), n++)
	{
		char	   *params = strchr(e, ';');
		char	   *name_end;
		double		q;

		if (params)
			*params++ = '\0';
		while (*e == ' ' || *e == '\t')
			e++;
		for (name_end = e + strlen(e); name_end > e && (name_end[-1] == ' ' || name_end[-1] == '\t');)
			*--name_end = '\0';
		q = params ? http_coding_quality(params) : 1;
		if (strcmp(e, "*") == 0)
			star = Max(star, q);
		for (int c = 0; c < CODING_COUNT; c++)
			if (pg_strcasecmp(e, CodingNames[c]) == 0)
			{
				quality[c] = Max(quality[c], q);
				position[c] = Min(position[c], n);
			}
	}
	for (int c = 0; c < CODING_COUNT; c++)
	{
		if (quality[c] < 0)
			quality[c] = star;	/* not named: as "*" says, after the named */
		if (quality[c] <= 0)
			continue;
		if (best < 0 || quality[c] > quality[best] ||
			(quality[c] == quality[best] && position[c] < position[best]))
			best = c;
	}
	return best;
}

/*
 * Compress a response of HTTP_COMPRESS_MIN bytes or more in the encoding
 * the request's (first) Accept-Encoding header asks for, if any, and say
 * so in its Content-Encoding
 */
void
http_encode_response(const HttpRequest *req, HttpResponse *resp)
{
	const char *accept;
	int			coding;
	z_stream	zs;
	StringInfoData out;

	if (resp->body.len < HTTP_COMPRESS_MIN)
		return;
	accept = http_header(req, "Accept-Encoding");
	if (accept == NULL || (coding = http_accepted_encoding(accept)) < 0)
		return;
	memset(&zs, 0, sizeof(zs));
	if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED,
					 coding == CODING_GZIP ? 15 + 16 : 15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return;
	initStringInfo(&out);
	enlargeStringInfo(&out, deflateBound(&zs, resp->body.len));
	zs.next_in = (Bytef *) resp->body.data;
	zs.avail_in = resp->body.len;
	zs.next_out = (Bytef *) out.data;
	zs.avail_out = out.maxlen - 1;
	if (deflate(&zs, Z_FINISH) != Z_STREAM_END)
	{
		deflateEnd(&zs);
		pfree(out.data);
		return;
	}
	out.len = zs.total_out;
	out.data[out.len] = '\0';
	deflateEnd(&zs);
	pfree(resp->body.data);
	resp->body = out;
	http_response_header(resp, "Content-Encoding", CodingNames[coding]);
}
