/*
 * http.h
 *		The HTTP door: DynamoDB's JSON wire protocol served by background
 *		workers (src/workers/http_worker.c runs the process, src/http/ the
 *		protocol).
 */
#ifndef DYNAMO_HTTP_H
#define DYNAMO_HTTP_H

#include "access/xlogdefs.h"
#include "lib/stringinfo.h"

/* Settings (pg_dynamo.c) */
typedef enum HttpAuthMode
{
	HTTP_AUTH_SIGV4,
	HTTP_AUTH_NONE
} HttpAuthMode;

extern int	dynamo_http_port;
extern char *dynamo_http_listen_addresses;
extern int	dynamo_http_workers;
extern char *dynamo_http_database;
extern int	dynamo_http_auth;
extern char *dynamo_http_role;
extern char *dynamo_http_allowed_origins;
extern bool dynamo_http_allow_superuser;

/* Largest request body served (DynamoDB's limit); larger ones get 413 */
#define HTTP_MAX_BODY (16 * 1024 * 1024)
/* An oversized body announced up to this size is read (and dropped) first */
#define HTTP_MAX_DRAIN (4 * HTTP_MAX_BODY)
/* Largest request line, and largest headers in all (DynamoDB's); 400 past */
#define HTTP_MAX_HEAD (16 * 1024)

/* One request as received: method, path, headers in order, body */
typedef struct HttpRequest
{
	const char *method;
	const char *path;
	int			nheaders;
	const char **header_names;
	const char **header_values;
	int			nargs;			/* query-string arguments, decoded */
	const char **arg_names;
	const char **arg_values;
	const char *body;
	size_t		body_len;
	bool		too_large;		/* the body was over HTTP_MAX_BODY */
	/* the body as sent, which the signature covers (NULL: body itself) */
	const char *sent_body;
	size_t		sent_body_len;
} HttpRequest;

/* One response: status, body, and extra headers (name/value pairs) */
#define HTTP_MAX_EXTRA_HEADERS 12
typedef struct HttpResponse
{
	int			status;
	StringInfoData body;
	const char *content_type;
	int			nheaders;
	const char *header_names[HTTP_MAX_EXTRA_HEADERS];
	const char *header_values[HTTP_MAX_EXTRA_HEADERS];
	XLogRecPtr	wal_end;		/* sent once the WAL is flushed this far */
	bool		chunked;		/* sent in chunks, as DynamoDB sends a 413 */
} HttpResponse;

/* http_encoding.c: compressed bodies */
typedef enum HttpDecodeResult
{
	HTTP_DECODE_OK,
	HTTP_DECODE_BAD,			/* unknown encoding, or not inflatable: 500 */
	HTTP_DECODE_TOO_LARGE		/* over HTTP_MAX_BODY once inflated: 413 */
} HttpDecodeResult;

extern HttpDecodeResult http_decode_body(const HttpRequest *req, const char **body, size_t *len);
extern void http_encode_response(const HttpRequest *req, HttpResponse *resp);

/* http_request.c */
extern const char *http_header(const HttpRequest *req, const char *name);
extern const char *http_query_arg(const HttpRequest *req, const char *name);
extern void http_response_header(HttpResponse *resp, const char *name, const char *value);
extern void http_handle(const HttpRequest *req, HttpResponse *resp);

/* http_sigv4.c: the role a request runs as, or a DynamoDB exception */
extern Oid	http_authenticate(const HttpRequest *req, const char **key_id);

/* http_commit.c: group commit */
extern bool http_commit_grouped(void);
extern void http_commit_transaction(bool grouped);
extern XLogRecPtr http_commit_wal_end(void);
extern bool http_commit_flushed(XLogRecPtr upto);
extern bool http_commit_flush(XLogRecPtr upto, bool wait);

/* http_server.c: the listening daemons of one worker */
extern int	http_server_start(int *fds, int maxfds);
extern long http_server_timeout(void);
extern void http_server_run(void);

/* http_worker.c */
extern void dynamo_http_register_workers(void);

#endif							/* DYNAMO_HTTP_H */
