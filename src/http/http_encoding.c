/*
 * http_encoding.c
 *		Request bodies sent compressed (Content-Encoding: gzip or deflate,
 *		as AWS SDKs send them when request compression is on), inflated
 *		with zlib before the request is read.
 *
 * DynamoDB answers a body it cannot inflate, or an encoding it does not
 * know, with a 500; an inflated body over 16 MB is refused as a plain one
 * is (413), however small it was compressed.  The signature covers the body
 * as sent, so the door keeps both.
 */
#include "postgres.h"

#include <zlib.h>

#include "http.h"

/* Room made in the output before each inflate() call */
#define INFLATE_CHUNK 65536

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
