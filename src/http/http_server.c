/*
 * http_server.c
 *		The HTTP/1.1 server of one worker: libmicrohttpd daemons in external
 *		epoll mode (no threads), one per listening address, all sharing the
 *		port with the other workers (SO_REUSEPORT).  Requests are gathered
 *		here (headers, body up to 16 MB) and answered by http_handle().
 *
 * A response that must wait for the WAL flush (group commit, see
 * http_commit.c) is parked: its connection is suspended with the response
 * ready, the worker serves the other ready connections, and once nothing
 * is left to read it flushes once and resumes every parked connection,
 * which then sends its response.  While another process is flushing, the
 * worker does not queue behind it but keeps serving and tries again about
 * a millisecond later (a few times at most): that flush may cover its
 * responses, or its own flush then carries more of them.
 */
#include "postgres.h"

#include <netdb.h>
#include <sys/socket.h>
#include <microhttpd.h>

#include "common/pg_prng.h"
#include "utils/memutils.h"
#include "utils/pg_crc.h"

#include "http.h"

/* Seconds an idle keep-alive connection stays open */
#define HTTP_IDLE_TIMEOUT 120
/* Most runs of the daemons gathering requests for one WAL flush */
#define HTTP_MAX_BATCH_PASSES 8
/* Most flushes put off in a row (about 1 ms each) before queueing for one */
#define HTTP_MAX_FLUSHES_PUT_OFF 3
/* Most connections one worker serves at once */
#define HTTP_MAX_CONNECTIONS 8192

static struct MHD_Daemon *daemons[16];
static int	ndaemons = 0;

/* Connections parked until the WAL is flushed up to parked_wal_end */
static struct MHD_Connection **parked = NULL;
static int	nparked = 0;
static int	parked_size = 0;
static XLogRecPtr parked_wal_end = InvalidXLogRecPtr;
/* Connections resumed that the daemons have not served since */
static bool resumed = false;
/* Flushes put off in a row because another process was flushing */
static int	flushes_put_off = 0;

/* One request being received: its memory and body; its response */
typedef struct HttpExchange
{
	MemoryContext cxt;
	StringInfoData body;
	bool		too_large;
	bool		answered;		/* resp holds the response */
	HttpResponse resp;
} HttpExchange;

/* A request's name/value pairs of one kind: headers or query-string arguments */
typedef struct HttpPairs
{
	int			n;
	const char **names;
	const char **values;
} HttpPairs;

/* Write libmicrohttpd's messages to the server log */
static void
http_log(void *cls, const char *fmt, va_list ap)
{
	char		buf[512];

	vsnprintf(buf, sizeof(buf), fmt, ap);
	buf[strcspn(buf, "\n")] = '\0';
	ereport(LOG, (errmsg("pg_dynamo http: %s", buf)));
}

/* Collect one name/value pair (a query-string name alone has the value "") */
static enum MHD_Result
http_collect_pair(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	HttpPairs  *pairs = cls;

	pairs->names[pairs->n] = pstrdup(key);
	pairs->values[pairs->n] = pstrdup(value ? value : "");
	pairs->n++;
	return MHD_YES;
}

/* A request's name/value pairs of one kind, in order */
static HttpPairs
http_collect_pairs(struct MHD_Connection *conn, enum MHD_ValueKind kind)
{
	HttpPairs	pairs;
	int			n = MHD_get_connection_values(conn, kind, NULL, NULL);

	pairs.n = 0;
	pairs.names = palloc(sizeof(char *) * (n + 1));
	pairs.values = palloc(sizeof(char *) * (n + 1));
	MHD_get_connection_values(conn, kind, http_collect_pair, &pairs);
	return pairs;
}

/* A DynamoDB-style request id: 52 upper-case letters and digits */
static void
http_request_id(char *out)
{
	static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	for (int i = 0; i < 52; i++)
		out[i] = digits[pg_prng_uint32(&pg_global_prng_state) % 36];
	out[52] = '\0';
}

/* A response body sent in chunks (no Content-Length), freed by libmicrohttpd */
typedef struct HttpChunkedBody
{
	size_t		len;
	char		data[FLEXIBLE_ARRAY_MEMBER];
} HttpChunkedBody;

/* Hand libmicrohttpd the chunked body's bytes from pos on */
static ssize_t
http_chunk_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	HttpChunkedBody *b = cls;
	size_t		n;

	if (pos >= b->len)
		return MHD_CONTENT_READER_END_OF_STREAM;
	n = Min(max, b->len - pos);
	memcpy(buf, b->data + pos, n);
	return n;
}

/* A libmicrohttpd response of a body, chunked or with a length */
static struct MHD_Response *
http_response_of(HttpResponse *resp)
{
	HttpChunkedBody *b;

	if (!resp->chunked)
		return MHD_create_response_from_buffer(resp->body.len, resp->body.data,
											   MHD_RESPMEM_MUST_COPY);
	b = malloc(offsetof(HttpChunkedBody, data) + resp->body.len);
	if (b == NULL)
		return NULL;
	b->len = resp->body.len;
	memcpy(b->data, resp->body.data, resp->body.len);
	return MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 4096, http_chunk_read, b, free);
}

/* Queue a response with the headers every DynamoDB response carries */
static enum MHD_Result
http_send(struct MHD_Connection *conn, HttpResponse *resp)
{
	struct MHD_Response *r;
	enum MHD_Result ok;
	pg_crc32	crc;
	char		crc_text[16];
	char		request_id[53];

	INIT_TRADITIONAL_CRC32(crc);
	COMP_TRADITIONAL_CRC32(crc, resp->body.data, resp->body.len);
	FIN_TRADITIONAL_CRC32(crc);
	snprintf(crc_text, sizeof(crc_text), "%u", crc);
	http_request_id(request_id);

	r = http_response_of(resp);
	if (r == NULL)
		return MHD_NO;
	MHD_add_response_header(r, "Content-Type", resp->content_type);
	MHD_add_response_header(r, "x-amzn-RequestId", request_id);
	MHD_add_response_header(r, "x-amz-crc32", crc_text);
	for (int i = 0; i < resp->nheaders; i++)
		MHD_add_response_header(r, resp->header_names[i], resp->header_values[i]);
	ok = MHD_queue_response(conn, resp->status, r);
	MHD_destroy_response(r);
	return ok;
}

/* Suspend a connection until the WAL is flushed up to wal_end */
static void
http_park(struct MHD_Connection *conn, XLogRecPtr wal_end)
{
	if (nparked == parked_size)
	{
		parked_size = Max(64, parked_size * 2);
		parked = parked == NULL ?
			MemoryContextAlloc(TopMemoryContext, parked_size * sizeof(*parked)) :
			repalloc(parked, parked_size * sizeof(*parked));
	}
	MHD_suspend_connection(conn);
	parked[nparked++] = conn;
	parked_wal_end = Max(parked_wal_end, wal_end);
}

/* Flush once for every parked response and let their connections send */
static void
http_release_parked(void)
{
	if (nparked == 0)
		return;
	if (!http_commit_flush(parked_wal_end, flushes_put_off >= HTTP_MAX_FLUSHES_PUT_OFF))
	{
		flushes_put_off++;
		return;
	}
	flushes_put_off = 0;
	for (int i = 0; i < nparked; i++)
		MHD_resume_connection(parked[i]);
	nparked = 0;
	resumed = true;
	parked_wal_end = InvalidXLogRecPtr;
}

/* Answer a request whose headers and body have arrived, into x->resp */
static void
http_answer(struct MHD_Connection *conn, HttpExchange *x, const char *url,
			const char *method)
{
	HttpRequest req;
	HttpPairs	headers = http_collect_pairs(conn, MHD_HEADER_KIND);
	HttpPairs	args = http_collect_pairs(conn, MHD_GET_ARGUMENT_KIND);

	memset(&req, 0, sizeof(req));
	req.method = method;
	req.path = url;
	req.nheaders = headers.n;
	req.header_names = headers.names;
	req.header_values = headers.values;
	req.nargs = args.n;
	req.arg_names = args.names;
	req.arg_values = args.values;
	req.body = x->body.data;
	req.body_len = x->body.len;
	req.too_large = x->too_large;

	memset(&x->resp, 0, sizeof(x->resp));
	initStringInfo(&x->resp.body);
	http_handle(&req, &x->resp);
	x->answered = true;
}

/*
 * libmicrohttpd's request callback: called once with the headers, then
 * with each piece of the body, then once more when the body is complete
 * (and again when a parked connection is resumed).
 */
static enum MHD_Result
http_access(void *cls, struct MHD_Connection *conn, const char *url,
			const char *method, const char *version, const char *upload_data,
			size_t *upload_data_size, void **con_cls)
{
	HttpExchange *x = *con_cls;
	MemoryContext old;
	enum MHD_Result result;

	if (x == NULL)
	{
		MemoryContext cxt = AllocSetContextCreate(TopMemoryContext,
												  "pg_dynamo http request",
												  ALLOCSET_DEFAULT_SIZES);
		const char *length = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
														 MHD_HTTP_HEADER_CONTENT_LENGTH);

		x = MemoryContextAllocZero(cxt, sizeof(HttpExchange));
		x->cxt = cxt;
		old = MemoryContextSwitchTo(cxt);
		initStringInfo(&x->body);
		MemoryContextSwitchTo(old);
		*con_cls = x;
		/*
		 * refuse an announced oversized body: read and dropped first, as a
		 * client still sending it would otherwise see the connection reset
		 * instead of the 413; refused at once when even larger
		 */
		if (length == NULL || strtoull(length, NULL, 10) <= HTTP_MAX_BODY)
			return MHD_YES;
		x->too_large = true;
		if (strtoull(length, NULL, 10) <= HTTP_MAX_DRAIN)
			return MHD_YES;
	}
	else if (*upload_data_size > 0)
	{
		if (x->too_large || x->body.len + *upload_data_size > HTTP_MAX_BODY)
			x->too_large = true;
		else
			appendBinaryStringInfo(&x->body, upload_data, *upload_data_size);
		*upload_data_size = 0;
		return MHD_YES;
	}

	old = MemoryContextSwitchTo(x->cxt);
	if (!x->answered)
	{
		http_answer(conn, x, url, method);
		if (!http_commit_flushed(x->resp.wal_end))
		{
			MemoryContextSwitchTo(old);
			http_park(conn, x->resp.wal_end);
			return MHD_YES;
		}
	}
	result = http_send(conn, &x->resp);
	MemoryContextSwitchTo(old);
	return result;
}

/* Free a request's memory once it has been answered (or dropped) */
static void
http_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			   enum MHD_RequestTerminationCode toe)
{
	HttpExchange *x = *con_cls;

	if (x != NULL)
		MemoryContextDelete(x->cxt);
	*con_cls = NULL;
}

/* Start one daemon on an address (NULL: every IPv4 address) */
static struct MHD_Daemon *
http_listen(const char *address)
{
	struct addrinfo hints;
	struct addrinfo *ai = NULL;
	char		port[8];
	unsigned int flags = MHD_USE_EPOLL | MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME;
	struct MHD_Daemon *d;
	int			rc;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE;
	snprintf(port, sizeof(port), "%d", dynamo_http_port);
	rc = getaddrinfo(address, port, &hints, &ai);
	if (rc != 0 || ai == NULL)
		ereport(ERROR,
				(errmsg("pg_dynamo http: could not resolve \"%s\": %s",
						address ? address : "*", gai_strerror(rc))));
	if (ai->ai_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	d = MHD_start_daemon(flags, (uint16) dynamo_http_port, NULL, NULL,
						 http_access, NULL,
						 MHD_OPTION_EXTERNAL_LOGGER, http_log, NULL,
						 MHD_OPTION_SOCK_ADDR, ai->ai_addr,
						 MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned int) 1,
						 MHD_OPTION_NOTIFY_COMPLETED, http_completed, NULL,
						 MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int) HTTP_IDLE_TIMEOUT,
						 MHD_OPTION_CONNECTION_LIMIT, (unsigned int) HTTP_MAX_CONNECTIONS,
						 MHD_OPTION_END);
	freeaddrinfo(ai);
	if (d == NULL)
		ereport(ERROR,
				(errmsg("pg_dynamo http: could not listen on %s port %d",
						address ? address : "*", dynamo_http_port)));
	return d;
}

/*
 * Start listening on every address of http_listen_addresses; the epoll
 * descriptors to wait on go to fds.
 */
int
http_server_start(int *fds, int maxfds)
{
	char	   *list = pstrdup(dynamo_http_listen_addresses);
	char	   *save = NULL;

	for (char *a = strtok_r(list, ", ", &save); a; a = strtok_r(NULL, ", ", &save))
	{
		struct MHD_Daemon *d;

		if (ndaemons >= Min(maxfds, lengthof(daemons)))
			ereport(ERROR, (errmsg("pg_dynamo http: too many listen addresses")));
		d = http_listen(strcmp(a, "*") == 0 ? NULL : a);
		fds[ndaemons] = MHD_get_daemon_info(d, MHD_DAEMON_INFO_EPOLL_FD)->epoll_fd;
		daemons[ndaemons++] = d;
	}
	if (ndaemons == 0)
		ereport(ERROR, (errmsg("pg_dynamo http: pg_dynamo.http_listen_addresses is empty")));
	return ndaemons;
}

/* Milliseconds until the daemons need to run again (-1: only on events) */
long
http_server_timeout(void)
{
	long		timeout = -1;

	/* without threads, libmicrohttpd is not woken up by a resume */
	if (resumed)
		return 0;
	/* parked responses whose flush was put off: try again soon */
	if (nparked > 0)
		return 1;

	for (int i = 0; i < ndaemons; i++)
	{
		MHD_UNSIGNED_LONG_LONG t;

		if (MHD_get_timeout(daemons[i], &t) == MHD_YES &&
			(timeout < 0 || t < (MHD_UNSIGNED_LONG_LONG) timeout))
			timeout = (long) Min(t, (MHD_UNSIGNED_LONG_LONG) 60000);
	}
	return timeout;
}

/*
 * Serve whatever is ready on every daemon, without blocking; then release
 * the parked responses (their connections send on the next run, which
 * http_server_timeout() makes immediate).
 */
void
http_server_run(void)
{
	int			before;

	resumed = false;
	/* run again while requests keep arriving, so that one flush serves them */
	for (int pass = 0; pass < HTTP_MAX_BATCH_PASSES; pass++)
	{
		before = nparked;
		for (int i = 0; i < ndaemons; i++)
			MHD_run(daemons[i]);
		if (nparked == 0 || nparked == before)
			break;
	}
	http_release_parked();
}
