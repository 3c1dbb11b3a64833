/*
 * http_request.c
 *		One HTTP request of the DynamoDB wire protocol: the target operation,
 *		authentication, one transaction through the protocol layer under the
 *		caller's role, and DynamoDB's error bodies; GET's health line and
 *		CORS.
 */
#include "postgres.h"

#include "access/xact.h"
#include "miscadmin.h"
#include "pgstat.h"
#include "common/jsonapi.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/snapmgr.h"

#include "advisor.h"
#include "attr_text.h"
#include "attr_value.h"
#include "errors.h"
#include "protocol.h"
#include "http.h"
#include "nul_escape.h"
#include "tables.h"

#define AMZ_JSON "application/x-amz-json-1.0"
#define PLAIN_JSON "application/json"
/* DynamoDB's answer to a request it does not route to an operation at all */
#define NOT_FOUND_BODY "<UnknownOperationException/>\n"

/*
 * X-Amz-Target prefixes served, each followed by ".<Operation>"; every one
 * maps to the same dispatcher (dispatch.c), which knows the operations.
 */
static const char *const TargetPrefixes[] = {
	"DynamoDB_20120810",
	"DynamoDBStreams_20120810",
};

/* The role the current request runs as, for AccessDeniedException */
static char request_role[NAMEDATALEN];

/*
 * The value of a request header (case-insensitive name), or NULL.  Names
 * whose first letters differ are passed over without pg_strcasecmp: a
 * request's headers are looked up about ten times.
 */
const char *
http_header(const HttpRequest *req, const char *name)
{
	/* ASCII letters fold to lower case; equal bytes stay equal */
	char		first = name[0] | 0x20;

	for (int i = 0; i < req->nheaders; i++)
		if ((req->header_names[i][0] | 0x20) == first &&
			pg_strcasecmp(req->header_names[i], name) == 0)
			return req->header_values[i];
	return NULL;
}

/* The value of a query-string argument, "" for a name alone, or NULL */
const char *
http_query_arg(const HttpRequest *req, const char *name)
{
	for (int i = 0; i < req->nargs; i++)
		if (strcmp(req->arg_names[i], name) == 0)
			return req->arg_values[i];
	return NULL;
}

/*
 * The JSON media type of a request's Content-Type (what precedes any ';',
 * trimmed): AMZ_JSON or PLAIN_JSON, NULL for none or another type
 */
static const char *
http_json_media_type(const HttpRequest *req)
{
	const char *type = http_header(req, "Content-Type");
	size_t		len;

	if (type == NULL)
		return NULL;
	while (*type == ' ' || *type == '\t')
		type++;
	len = strcspn(type, ";");
	while (len > 0 && (type[len - 1] == ' ' || type[len - 1] == '\t'))
		len--;
	if (len == strlen(AMZ_JSON) && pg_strncasecmp(type, AMZ_JSON, len) == 0)
		return AMZ_JSON;
	if (len == strlen(PLAIN_JSON) && pg_strncasecmp(type, PLAIN_JSON, len) == 0)
		return PLAIN_JSON;
	return NULL;
}

/*
 * Whether a request's body is well-formed JSON (an empty body passes).
 * Nested too deep to parse counts as malformed; the callers raise an error
 * next either way, so the one caught here needs no subtransaction.
 */
static bool
http_body_is_json(const HttpRequest *req)
{
	MemoryContext cxt = CurrentMemoryContext;
	volatile bool ok = true;

	if (req->body_len == 0)
		return true;
	PG_TRY();
	{
		JsonLexContext *lex = makeJsonLexContextCstringLen((char *) req->body, (int) req->body_len,
														   PG_UTF8, false);

		ok = pg_parse_json(lex, &nullSemAction) == JSON_SUCCESS;
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(cxt);
		FlushErrorState();
		ok = false;
	}
	PG_END_TRY();
	return ok;
}

/* Add a header to a response */
void
http_response_header(HttpResponse *resp, const char *name, const char *value)
{
	Assert(resp->nheaders < HTTP_MAX_EXTRA_HEADERS);
	resp->header_names[resp->nheaders] = name;
	resp->header_values[resp->nheaders] = value;
	resp->nheaders++;
}

/* The operation an X-Amz-Target names, or NULL for an unknown target */
static const char *
http_target_operation(const char *target)
{
	const char *dot = target ? strrchr(target, '.') : NULL;

	if (dot == NULL)
		return NULL;
	for (int i = 0; i < lengthof(TargetPrefixes); i++)
		if (strlen(TargetPrefixes[i]) == dot - target &&
			strncmp(TargetPrefixes[i], target, dot - target) == 0)
			return dot + 1;
	return NULL;
}

/* Start a DynamoDB error body: {"__type": ..., "message": ... */
static void
http_error_start(HttpResponse *resp, const DynamoExceptionInfo *e, const char *message)
{
	resp->status = e->http_status;
	resetStringInfo(&resp->body);
	appendStringInfo(&resp->body, "{\"__type\":\"%s%s\"", e->type_prefix, e->name);
	if (message && message[0])
	{
		/* DynamoDB capitalises this member for these exceptions */
		appendStringInfoString(&resp->body,
							   strcmp(e->name, "TransactionCanceledException") == 0 ||
							   strcmp(e->name, "SerializationException") == 0 ?
							   ",\"Message\":" : ",\"message\":");
		escape_json(&resp->body, message);
	}
}

/* Answer with a DynamoDB exception that has no structured parts */
static void
http_exception(HttpResponse *resp, DynamoException exc, const char *message)
{
	http_error_start(resp, &DynamoExceptions[exc], message);
	appendStringInfoChar(&resp->body, '}');
}

/*
 * Append the members of an exception's structured parts (errdetail), items
 * already typed (dynamo_run_operation renders them so), as compact JSON
 */
static void
http_append_detail_members(StringInfo out, const char *detail)
{
	Jsonb	   *jb = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(detail)));
	StringInfoData obj;

	if (!JB_ROOT_IS_OBJECT(jb) || JB_ROOT_IS_SCALAR(jb))
		return;
	initStringInfo(&obj);
	json_append_jsonb(&obj, jb, JSON_TEXT_COMPACT | JSON_TEXT_SHOW_NUL);
	/* the members of {...}, after the ones already written */
	if (obj.len > 2)
	{
		appendStringInfoChar(out, ',');
		appendBinaryStringInfo(out, obj.data + 1, obj.len - 2);
	}
}

/* The exception of a DynamoDB SQLSTATE (class DY), or NULL */
static const DynamoExceptionInfo *
http_exception_of(int sqlerrcode)
{
	for (int i = 0; i < DYN_EXCEPTION_COUNT; i++)
		if (dynamo_errcode(i) == sqlerrcode)
			return &DynamoExceptions[i];
	return NULL;
}

/*
 * Answer with the error a request raised: a DynamoDB exception as
 * DynamoDB renders it, a privilege error as AccessDeniedException, any
 * other error as InternalServerError (logged, as its text is no client's
 * business).
 */
static void
http_render_error(HttpResponse *resp, ErrorData *edata, const char *op)
{
	const DynamoExceptionInfo *e = http_exception_of(edata->sqlerrcode);
	MemoryContext cxt = CurrentMemoryContext;

	if (edata->sqlerrcode == ERRCODE_INSUFFICIENT_PRIVILEGE)
	{
		http_exception(resp, DYN_ACCESS_DENIED,
					   psprintf("User: %s is not authorized to perform: dynamodb:%s (%s)",
								request_role, op, edata->message));
		return;
	}
	if (e == NULL)
	{
		ereport(LOG,
				(errmsg_internal("pg_dynamo http: %s answered InternalServerError: %s",
								 op, edata->message),
				 errdetail_internal("SQLSTATE %s", unpack_sql_state(edata->sqlerrcode))));
		http_exception(resp, DYN_INTERNAL_SERVER_ERROR, "Internal server error");
		return;
	}
	http_error_start(resp, e, edata->message);
	if (edata->detail && edata->detail[0] == '{')
	{
		PG_TRY();
		{
			StringInfoData members;

			initStringInfo(&members);
			http_append_detail_members(&members, edata->detail);
			appendBinaryStringInfo(&resp->body, members.data, members.len);
		}
		PG_CATCH();
		{
			/* the exception without its parts rather than none */
			MemoryContextSwitchTo(cxt);
			FlushErrorState();
		}
		PG_END_TRY();
	}
	appendStringInfoChar(&resp->body, '}');
	/* strings of the parts carry the stored U+0000 escape */
	resp->body.data = json_text_unescape_nul(resp->body.data, resp->body.len);
	resp->body.len = strlen(resp->body.data);
}

/*
 * The role a request runs as, after DynamoDB's checks of what precedes
 * authentication, in its order: the body is JSON, the target names an
 * operation (op: NULL for none); a body that is not JSON is reported
 * instead of a refused signature too.
 */
static Oid
http_check_and_authenticate(const HttpRequest *req, const char *op, const char **key_id)
{
	MemoryContext cxt = CurrentMemoryContext;
	Oid			role = InvalidOid;

	if (op == NULL || !dynamo_operation_known(op))
	{
		if (!http_body_is_json(req))
			dynamo_error(DYN_SERIALIZATION, "%s", "");
		dynamo_error(DYN_UNKNOWN_OPERATION, "%s", "");
	}
	PG_TRY();
	{
		role = http_authenticate(req, key_id);
	}
	PG_CATCH();
	{
		/* rare: a refused request; the JSON check waits until then */
		ErrorData  *refusal;

		MemoryContextSwitchTo(cxt);
		refusal = CopyErrorData();
		FlushErrorState();
		if (!http_body_is_json(req))
			dynamo_error(DYN_SERIALIZATION, "%s", "");
		ReThrowError(refusal);
	}
	PG_END_TRY();
	return role;
}

/*
 * Run one operation as one transaction under the role the request
 * authenticates as; its response is appended to out (allocated outside the
 * transaction) as DynamoDB's compact JSON; false with *error set if it
 * failed (out then holds anything).  *wal_end is where the WAL must be
 * flushed before either is sent (http_commit.c).
 */
static bool
http_run(const HttpRequest *req, const char *op, ErrorData **error,
		 XLogRecPtr *wal_end, StringInfo out)
{
	MemoryContext cxt = CurrentMemoryContext;
	volatile bool ok = false;
	bool		grouped = http_commit_grouped();

	request_role[0] = '\0';
	dynamo_request_host = http_header(req, "Host");
	pgstat_report_activity(STATE_RUNNING, op ? op : "");
	/* now() and CreationDateTime are this request's time, not the worker's start */
	SetCurrentStatementStartTimestamp();
	StartTransactionCommand();
	PG_TRY();
	{
		Oid			role;
		Oid			saved_user;
		int			saved_context;
		const char *key_id;

		PushActiveSnapshot(GetTransactionSnapshot());
		role = http_check_and_authenticate(req, op, &key_id);
		/* the usage figures count the request under its access key */
		advisor_set_access_key(key_id);
		strlcpy(request_role, GetUserNameFromId(role, false), NAMEDATALEN);
		GetUserIdAndSecContext(&saved_user, &saved_context);
		SetUserIdAndSecContext(role, saved_context | SECURITY_LOCAL_USERID_CHANGE);
		dynamo_run_operation_text(op, req->body, req->body_len, true, out);
		SetUserIdAndSecContext(saved_user, saved_context);
		PopActiveSnapshot();
		http_commit_transaction(grouped);
		ok = true;
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(cxt);
		*error = CopyErrorData();
		FlushErrorState();
		/* also restores the user id and security context */
		AbortCurrentTransaction();
	}
	PG_END_TRY();
	advisor_set_access_key(NULL);
	dynamo_request_host = NULL;
	MemoryContextSwitchTo(cxt);
	*wal_end = grouped ? http_commit_wal_end() : InvalidXLogRecPtr;
	pgstat_report_activity(STATE_IDLE, NULL);
	return ok;
}

/* POST /: one DynamoDB operation */
static void
http_post(const HttpRequest *req, HttpResponse *resp)
{
	const char *op;
	ErrorData  *error = NULL;

	op = http_target_operation(http_header(req, "X-Amz-Target"));
	if (!http_run(req, op, &error, &resp->wal_end, &resp->body))
	{
		http_render_error(resp, error, op ? op : "");
		return;
	}
	resp->status = 200;
	/* DynamoDB answers these two with an empty body */
	if (strcmp(resp->body.data, "{}") == 0 &&
		(strcmp(op, "TagResource") == 0 || strcmp(op, "UntagResource") == 0))
		resetStringInfo(&resp->body);
}

/*
 * What CORS lets a browser page from this origin see: "*" (any origin, as
 * DynamoDB answers), the origin itself when listed, or NULL
 */
static const char *
http_origin_allowed(const char *origin)
{
	char	   *list;
	char	   *save = NULL;

	if (origin == NULL || dynamo_http_allowed_origins == NULL)
		return NULL;
	list = pstrdup(dynamo_http_allowed_origins);
	for (char *o = strtok_r(list, ", ", &save); o; o = strtok_r(NULL, ", ", &save))
	{
		if (strcmp(o, "*") == 0)
			return "*";
		if (strcmp(o, origin) == 0)
			return origin;
	}
	return NULL;
}

/*
 * The Access-Control-* headers of a response to an allowed origin; a
 * preflight's allowed method and headers echo the requested ones
 */
static void
http_cors(const HttpRequest *req, HttpResponse *resp, bool preflight)
{
	const char *allowed = http_origin_allowed(http_header(req, "Origin"));
	const char *method = http_header(req, "Access-Control-Request-Method");
	const char *wanted = http_header(req, "Access-Control-Request-Headers");

	if (allowed == NULL)
		return;
	http_response_header(resp, "Access-Control-Allow-Origin", pstrdup(allowed));
	if (strcmp(allowed, "*") != 0)
		http_response_header(resp, "Vary", "Origin");
	http_response_header(resp, "Access-Control-Expose-Headers",
						 "x-amzn-RequestId, x-amzn-ErrorType, x-amz-crc32, Date");
	if (!preflight)
		return;
	http_response_header(resp, "Access-Control-Allow-Methods",
						 method ? pstrdup(method) : "GET, POST, OPTIONS");
	http_response_header(resp, "Access-Control-Allow-Headers",
						 wanted ? pstrdup(wanted) :
						 "Authorization, Content-Type, X-Amz-Date, X-Amz-Target, X-Amz-Security-Token, X-Amz-User-Agent, amz-sdk-invocation-id, amz-sdk-request");
	http_response_header(resp, "Access-Control-Max-Age", "172800");
}

/* Whether the request line or the headers pass DynamoDB's 16 KB limit */
static bool
http_head_too_large(const HttpRequest *req)
{
	size_t		size = strlen(req->path);

	if (size > HTTP_MAX_HEAD)
		return true;
	size = 0;
	for (int i = 0; i < req->nheaders; i++)
		size += strlen(req->header_names[i]) + strlen(req->header_values[i]) + 4;
	return size > HTTP_MAX_HEAD;
}

/* DynamoDB's answer to what it routes to no operation: 404 */
static void
http_not_found(HttpResponse *resp)
{
	resp->status = 404;
	resetStringInfo(&resp->body);
	appendStringInfoString(&resp->body, NOT_FOUND_BODY);
}

/* Answer one request */
void
http_handle(const HttpRequest *req, HttpResponse *resp)
{
	const char *media = http_json_media_type(req);

	/* DynamoDB answers in the request's JSON dialect, else application/json */
	resp->content_type = media ? media : PLAIN_JSON;
	/* DynamoDB names itself so in every response */
	http_response_header(resp, "Server", "Server");
	if (http_head_too_large(req))
	{
		http_exception(resp, DYN_VALIDATION, "Request line or headers too large");
		resp->status = 400;
	}
	else if (strcmp(req->path, "/") != 0 && strcmp(req->method, "OPTIONS") != 0)
	{
		/* DynamoDB serves its operations and health check at / only */
		http_cors(req, resp, false);
		http_exception(resp, DYN_UNKNOWN_OPERATION, NULL);
		resp->status = 404;
	}
	else if (strcmp(req->method, "POST") == 0)
	{
		HttpRequest plain = *req;
		HttpDecodeResult decoded = HTTP_DECODE_OK;

		http_cors(req, resp, false);
		if (!req->too_large)
			decoded = http_decode_body(req, &plain.body, &plain.body_len);
		if (plain.body != req->body)
		{
			plain.sent_body = req->body;
			plain.sent_body_len = req->body_len;
		}
		if (req->too_large || decoded == HTTP_DECODE_TOO_LARGE)
		{
			http_exception(resp, DYN_SERIALIZATION, "Request Entity Too Large");
			resp->status = 413;
			resp->chunked = true;
		}
		else if (decoded == HTTP_DECODE_BAD)
			http_exception(resp, DYN_INTERNAL_SERVER_ERROR, "Internal server error");
		else if (media == NULL && req->body_len > 0)
			http_not_found(resp);	/* a body of no JSON type */
		else
			http_post(&plain, resp);
	}
	else if (strcmp(req->method, "GET") == 0)
	{
		/* DynamoDB's health check answer names the host it was asked as */
		const char *host = http_header(req, "Host");

		http_cors(req, resp, false);
		resp->status = 200;
		resp->content_type = "text/plain";
		if (host)
			appendStringInfo(&resp->body, "healthy: %s ", host);
		else
			appendStringInfo(&resp->body, "healthy: dynamodb.%s.amazonaws.com ", dynamo_region);
	}
	else if (strcmp(req->method, "OPTIONS") == 0 && http_header(req, "Origin") != NULL)
	{
		http_cors(req, resp, true);
		resp->status = 200;
	}
	else
		http_not_found(resp);	/* PUT, DELETE, OPTIONS without an Origin... */
	http_encode_response(req, resp);
}
