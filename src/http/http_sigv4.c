/*
 * http_sigv4.c
 *		AWS Signature Version 4 for the HTTP door: the Authorization header,
 *		the canonical request, the string to sign, the HMAC-SHA256 key chain
 *		(PostgreSQL's common/hmac.h and cryptohash; the signing keys of the
 *		last secrets, dates and regions are remembered), a constant-time
 *		compare and the 5-minute clock-skew window.  Access keys and their
 *		roles live in dynamo.access_key_secrets (src/sql/75_http.sql).
 */
#include "postgres.h"

#include <time.h>

#include "catalog/pg_type_d.h"
#include "common/cryptohash.h"
#include "common/hmac.h"
#include "common/sha2.h"
#include "executor/spi.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "errors.h"
#include "http.h"
#include "spi_text.h"

#define SIGV4_ALGORITHM "AWS4-HMAC-SHA256"
#define SIGV4_SERVICE "dynamodb"
#define SIGV4_SKEW_SECONDS 300

/* The parts of an Authorization header and the request date */
typedef struct SigV4
{
	char	   *credential;		/* AKID/date/region/service/aws4_request */
	char	   *signed_headers;
	char	   *signature;
	char	   *key_id;
	char	   *scope_date;
	char	   *region;
	char	   *service;
	char		amz_date[17];	/* YYYYMMDDTHHMMSSZ */
	time_t		when;
	bool		in_query;		/* signed in the query string (presigned) */
} SigV4;

/* Signing keys derived lately (sigv4_signing_key), in TopMemoryContext */
#define SIGV4_SIGNING_KEYS 8
typedef struct SigningKey
{
	char	   *secret;			/* NULL: unused */
	char		date[9];		/* YYYYMMDD */
	char		region[32];
	uint8		key[PG_SHA256_DIGEST_LENGTH];
} SigningKey;

static SigningKey signing_keys[SIGV4_SIGNING_KEYS];
static int	next_signing_key = 0;

/* SHA-256 of data as lower-case hex (65 bytes with the terminator) */
static void
sigv4_sha256_hex(const char *data, size_t len, char *hex)
{
	uint8		digest[PG_SHA256_DIGEST_LENGTH];
	pg_cryptohash_ctx *ctx = pg_cryptohash_create(PG_SHA256);

	if (ctx == NULL || pg_cryptohash_init(ctx) < 0 ||
		pg_cryptohash_update(ctx, (const uint8 *) data, len) < 0 ||
		pg_cryptohash_final(ctx, digest, sizeof(digest)) < 0)
		elog(ERROR, "could not compute SHA-256");
	pg_cryptohash_free(ctx);
	hex_encode((const char *) digest, sizeof(digest), hex);
	hex[PG_SHA256_DIGEST_LENGTH * 2] = '\0';
}

/* HMAC-SHA256 of a string under a key, into out (32 bytes) */
static void
sigv4_hmac(const uint8 *key, size_t keylen, const char *data, uint8 *out)
{
	pg_hmac_ctx *ctx = pg_hmac_create(PG_SHA256);

	if (ctx == NULL || pg_hmac_init(ctx, key, keylen) < 0 ||
		pg_hmac_update(ctx, (const uint8 *) data, strlen(data)) < 0 ||
		pg_hmac_final(ctx, out, PG_SHA256_DIGEST_LENGTH) < 0)
		elog(ERROR, "could not compute HMAC-SHA256");
	pg_hmac_free(ctx);
}

/* The value of name=value in an Authorization header, or NULL */
static char *
sigv4_param(const char *params, const char *name)
{
	size_t		n = strlen(name);

	for (const char *p = params; (p = strstr(p, name)) != NULL; p += n)
	{
		if ((p == params || p[-1] == ' ' || p[-1] == ',') && p[n] == '=')
		{
			const char *v = p + n + 1;

			return pnstrdup(v, strcspn(v, ", "));
		}
	}
	return NULL;
}

/* The value of n decimal digits, or -1 if they are not all digits */
static int
sigv4_digits(const char *s, int n)
{
	int			v = 0;

	for (int i = 0; i < n; i++)
	{
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/*
 * Parse an ISO 8601 basic date (YYYYMMDDTHHMMSSZ); the last one parsed is
 * remembered, as a client sends the same date for a second.
 */
static bool
sigv4_parse_amz_date(const char *s, time_t *when)
{
	static char last[17];
	static time_t last_when;
	struct tm	tm;

	if (strlen(s) != 16 || s[8] != 'T' || s[15] != 'Z')
		return false;
	if (strcmp(s, last) == 0)
	{
		*when = last_when;
		return true;
	}
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = sigv4_digits(s, 4) - 1900;
	tm.tm_mon = sigv4_digits(s + 4, 2) - 1;
	tm.tm_mday = sigv4_digits(s + 6, 2);
	tm.tm_hour = sigv4_digits(s + 9, 2);
	tm.tm_min = sigv4_digits(s + 11, 2);
	tm.tm_sec = sigv4_digits(s + 13, 2);
	if (tm.tm_year < 0 || tm.tm_mon < 0 || tm.tm_mday < 0 ||
		tm.tm_hour < 0 || tm.tm_min < 0 || tm.tm_sec < 0)
		return false;
	*when = timegm(&tm);
	if (*when == (time_t) -1)
		return false;
	strlcpy(last, s, sizeof(last));
	last_when = *when;
	return true;
}

/* Format a time as ISO 8601 basic (YYYYMMDDTHHMMSSZ) */
static void
sigv4_format_date(time_t when, char *out)
{
	struct tm	tm;

	gmtime_r(&when, &tm);
	strftime(out, 17, "%Y%m%dT%H%M%SZ", &tm);
}

/*
 * The request's date header: X-Amz-Date, or else an HTTP Date header;
 * NULL when there is neither
 */
static const char *
sigv4_date_header(const HttpRequest *req, bool *amz)
{
	const char *date = http_header(req, "X-Amz-Date");

	*amz = date != NULL;
	return date ? date : http_header(req, "Date");
}

static void sigv4_date_unreadable(const char *date) pg_attribute_noreturn();

/* IncompleteSignatureException: a request's date that cannot be read */
static void
sigv4_date_unreadable(const char *date)
{
	dynamo_error(DYN_INCOMPLETE_SIGNATURE,
				 "Date must be in ISO-8601 'basic format'. Got '%s'. See http://en.wikipedia.org/wiki/ISO_8601",
				 date);
}

/* Read an X-Amz-Date into sig; IncompleteSignatureException if unreadable */
static void
sigv4_read_amz_date(const char *date, SigV4 *sig)
{
	if (!sigv4_parse_amz_date(date, &sig->when))
		sigv4_date_unreadable(date);
	strlcpy(sig->amz_date, date, sizeof(sig->amz_date));
}

/* Read the request's date into sig; IncompleteSignatureException if unreadable */
static void
sigv4_request_date(const HttpRequest *req, SigV4 *sig)
{
	bool		amz;
	const char *date = sigv4_date_header(req, &amz);
	struct tm	tm;

	if (amz)
	{
		sigv4_read_amz_date(date, sig);
		return;
	}
	memset(&tm, 0, sizeof(tm));
	if (strptime(date, "%a, %d %b %Y %H:%M:%S GMT", &tm) == NULL)
		sigv4_date_unreadable(date);
	sig->when = timegm(&tm);
	sigv4_format_date(sig->when, sig->amz_date);
}

static void sigv4_parse_scope(SigV4 *sig);

/*
 * Parse the Authorization header (its scheme starts with "AWS4-") and the
 * date; IncompleteSignatureException naming every missing part, as AWS does.
 */
static void
sigv4_parse(const HttpRequest *req, const char *auth, SigV4 *sig)
{
	StringInfoData missing;
	const char *params = auth + strcspn(auth, " ");
	bool		amz;

	memset(sig, 0, sizeof(*sig));
	initStringInfo(&missing);
	while (*params == ' ')
		params++;
	sig->credential = sigv4_param(params, "Credential");
	sig->signed_headers = sigv4_param(params, "SignedHeaders");
	sig->signature = sigv4_param(params, "Signature");
	if (sig->credential == NULL)
		appendStringInfoString(&missing, "Authorization header requires 'Credential' parameter. ");
	if (sig->signature == NULL)
		appendStringInfoString(&missing, "Authorization header requires 'Signature' parameter. ");
	if (sig->signed_headers == NULL)
		appendStringInfoString(&missing, "Authorization header requires 'SignedHeaders' parameter. ");
	if (sigv4_date_header(req, &amz) == NULL)
		appendStringInfoString(&missing, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
	if (missing.len > 0)
		dynamo_error(DYN_INCOMPLETE_SIGNATURE, "%sAuthorization=%s", missing.data, auth);
	sigv4_request_date(req, sig);
	sigv4_parse_scope(sig);
}

/* Split the Credential's scope (key/date/region/service/aws4_request) */
static void
sigv4_parse_scope(SigV4 *sig)
{
	char	   *parts[5];
	int			nparts = 0;
	char	   *rest = NULL;

	/* split on every '/', keeping empty parts (a//b has an empty service) */
	for (char *p = pstrdup(sig->credential); p && nparts < lengthof(parts);)
	{
		char	   *slash = strchr(p, '/');

		parts[nparts++] = p;
		if (slash)
			*slash = '\0';
		rest = slash ? slash + 1 : NULL;
		p = rest;
	}
	if (nparts != 5 || rest != NULL ||
		strcmp(parts[4], "aws4_request") != 0)
		dynamo_error(DYN_INCOMPLETE_SIGNATURE,
					 "Credential should be scoped to a valid region, not '%s'. ",
					 nparts > 2 ? parts[2] : "");
	sig->key_id = parts[0];
	sig->scope_date = parts[1];
	sig->region = parts[2];
	sig->service = parts[3];
}

/*
 * Check the scope's service and date against the request's date (after
 * the clock skew, as AWS does: an expired request is refused as such)
 */
static void
sigv4_check_scope(const SigV4 *sig)
{
	if (strcmp(sig->service, SIGV4_SERVICE) != 0)
		dynamo_error(DYN_INVALID_SIGNATURE,
					 "Credential should be scoped to correct service: '" SIGV4_SERVICE "'. ");
	if (strncmp(sig->scope_date, sig->amz_date, 8) != 0 || strlen(sig->scope_date) != 8)
		dynamo_error(DYN_INVALID_SIGNATURE,
					 "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '%s' != '%.8s', from '%s'.",
					 sig->scope_date, sig->amz_date, sig->amz_date);
}

/* Refuse a request signed more than 5 minutes away from now */
static void
sigv4_check_skew(const SigV4 *sig)
{
	time_t		now = time(NULL);
	char		now_text[17];
	char		edge[17];

	sigv4_format_date(now, now_text);
	if (sig->when < now - SIGV4_SKEW_SECONDS)
	{
		sigv4_format_date(now - SIGV4_SKEW_SECONDS, edge);
		dynamo_error(DYN_INVALID_SIGNATURE,
					 "Signature expired: %s is now earlier than %s (%s - 5 min.)",
					 sig->amz_date, edge, now_text);
	}
	if (sig->when > now + SIGV4_SKEW_SECONDS)
	{
		sigv4_format_date(now + SIGV4_SKEW_SECONDS, edge);
		dynamo_error(DYN_INVALID_SIGNATURE,
					 "Signature not yet current: %s is still later than %s (%s + 5 min.)",
					 sig->amz_date, edge, now_text);
	}
}

/* Append a header value as SigV4 canonicalises it: trimmed, spaces collapsed */
static void
sigv4_append_trimmed(StringInfo out, const char *value)
{
	bool		space = false;

	while (*value == ' ' || *value == '\t')
		value++;
	for (; *value; value++)
	{
		if (*value == ' ' || *value == '\t')
			space = true;
		else
		{
			if (space)
				appendStringInfoChar(out, ' ');
			space = false;
			appendStringInfoChar(out, *value);
		}
	}
}

/* Append text as SigV4 URI-encodes it: all but A-Z a-z 0-9 - _ . ~ as %XX */
static void
sigv4_append_encoded(StringInfo out, const char *s)
{
	for (const unsigned char *p = (const unsigned char *) s; *p; p++)
	{
		if (isalnum(*p) && !IS_HIGHBIT_SET(*p))
			appendStringInfoChar(out, *p);
		else if (*p == '-' || *p == '_' || *p == '.' || *p == '~')
			appendStringInfoChar(out, *p);
		else
			appendStringInfo(out, "%%%02X", *p);
	}
}

/* Order "name=value" pieces of a canonical query string */
static int
sigv4_piece_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/*
 * Append the canonical query string: each argument name=value URI-encoded,
 * in order, without the signature of a presigned request
 */
static void
sigv4_append_query(StringInfo out, const HttpRequest *req, const SigV4 *sig)
{
	char	  **pieces = palloc(sizeof(char *) * Max(req->nargs, 1));
	int			n = 0;

	for (int i = 0; i < req->nargs; i++)
	{
		StringInfoData piece;

		if (sig->in_query && strcmp(req->arg_names[i], "X-Amz-Signature") == 0)
			continue;
		initStringInfo(&piece);
		sigv4_append_encoded(&piece, req->arg_names[i]);
		appendStringInfoChar(&piece, '=');
		sigv4_append_encoded(&piece, req->arg_values[i]);
		pieces[n++] = piece.data;
	}
	qsort(pieces, n, sizeof(char *), sigv4_piece_cmp);
	for (int i = 0; i < n; i++)
		appendStringInfo(out, "%s%s", i ? "&" : "", pieces[i]);
}

/* The canonical request of SigV4 (a POST to /) */
static char *
sigv4_canonical_request(const HttpRequest *req, const SigV4 *sig)
{
	StringInfoData cr;
	char	   *save = NULL;
	char		body_hash[PG_SHA256_DIGEST_STRING_LENGTH];

	initStringInfo(&cr);
	appendStringInfo(&cr, "%s\n%s\n", req->method, req->path);
	sigv4_append_query(&cr, req, sig);
	appendStringInfoChar(&cr, '\n');
	for (char *h = strtok_r(pstrdup(sig->signed_headers), ";", &save); h;
		 h = strtok_r(NULL, ";", &save))
	{
		bool		first = true;

		appendStringInfo(&cr, "%s:", h);
		for (int i = 0; i < req->nheaders; i++)
		{
			if (pg_strcasecmp(req->header_names[i], h) != 0)
				continue;
			if (!first)
				appendStringInfoChar(&cr, ',');
			first = false;
			sigv4_append_trimmed(&cr, req->header_values[i]);
		}
		appendStringInfoChar(&cr, '\n');
	}
	if (req->sent_body)
		sigv4_sha256_hex(req->sent_body, req->sent_body_len, body_hash);
	else
		sigv4_sha256_hex(req->body ? req->body : "", req->body_len, body_hash);
	appendStringInfo(&cr, "\n%s\n%s", sig->signed_headers, body_hash);
	return cr.data;
}

/*
 * The signing key of a secret for a date and region (the HMAC key chain);
 * the last ones derived are remembered, as they serve a whole day.
 */
static void
sigv4_signing_key(const char *secret, const SigV4 *sig, uint8 *key)
{
	SigningKey *e;
	char	   *first_key;

	for (int i = 0; i < SIGV4_SIGNING_KEYS; i++)
	{
		e = &signing_keys[i];
		if (e->secret && strcmp(e->date, sig->scope_date) == 0 &&
			strcmp(e->region, sig->region) == 0 && strcmp(e->secret, secret) == 0)
		{
			memcpy(key, e->key, sizeof(e->key));
			return;
		}
	}
	first_key = psprintf("AWS4%s", secret);
	sigv4_hmac((const uint8 *) first_key, strlen(first_key), sig->scope_date, key);
	sigv4_hmac(key, PG_SHA256_DIGEST_LENGTH, sig->region, key);
	sigv4_hmac(key, PG_SHA256_DIGEST_LENGTH, sig->service, key);
	sigv4_hmac(key, PG_SHA256_DIGEST_LENGTH, "aws4_request", key);
	explicit_bzero(first_key, strlen(first_key));
	if (strlen(sig->region) >= sizeof(e->region))
		return;
	e = &signing_keys[next_signing_key];
	next_signing_key = (next_signing_key + 1) % SIGV4_SIGNING_KEYS;
	if (e->secret)
	{
		explicit_bzero(e->secret, strlen(e->secret));
		pfree(e->secret);
	}
	e->secret = MemoryContextStrdup(TopMemoryContext, secret);
	strlcpy(e->date, sig->scope_date, sizeof(e->date));
	strlcpy(e->region, sig->region, sizeof(e->region));
	memcpy(e->key, key, sizeof(e->key));
}

/* Check the signature against the secret key; InvalidSignatureException */
static void
sigv4_verify(const HttpRequest *req, const SigV4 *sig, const char *secret)
{
	char	   *canonical = sigv4_canonical_request(req, sig);
	char		canonical_hash[PG_SHA256_DIGEST_STRING_LENGTH];
	char	   *to_sign;
	uint8		k[PG_SHA256_DIGEST_LENGTH];
	uint8		mac[PG_SHA256_DIGEST_LENGTH];
	char		expected[PG_SHA256_DIGEST_LENGTH * 2 + 1];

	sigv4_sha256_hex(canonical, strlen(canonical), canonical_hash);
	to_sign = psprintf(SIGV4_ALGORITHM "\n%s\n%s/%s/%s/aws4_request\n%s",
					   sig->amz_date, sig->scope_date, sig->region, sig->service,
					   canonical_hash);
	sigv4_signing_key(secret, sig, k);
	sigv4_hmac(k, sizeof(k), to_sign, mac);
	hex_encode((const char *) mac, sizeof(mac), expected);
	expected[sizeof(expected) - 1] = '\0';
	explicit_bzero(k, sizeof(k));

	if (strlen(sig->signature) != sizeof(expected) - 1 ||
		timingsafe_bcmp(expected, sig->signature, sizeof(expected) - 1) != 0)
		dynamo_error(DYN_INVALID_SIGNATURE,
					 "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
}

/* The secret and role of an access key; false when there is no such key */
static bool
sigv4_lookup_key(const char *key_id, char **secret, char **role)
{
	static SPIPlanPtr plan = NULL;
	MemoryContext cxt = CurrentMemoryContext;
	Datum		arg = CStringGetTextDatum(key_id);
	bool		found;

	SPI_connect();
	if (plan == NULL)
	{
		Oid			argtype = TEXTOID;

		plan = spi_prepare_kept("SELECT secret_access_key, role_name::text"
								" FROM dynamo.access_key_secrets WHERE access_key_id = $1",
								1, &argtype, 0);
	}
	if (SPI_execute_plan(plan, &arg, NULL, true, 1) != SPI_OK_SELECT)
		elog(ERROR, "access key lookup failed");
	found = SPI_processed == 1;
	if (found)
	{
		*secret = MemoryContextStrdup(cxt, SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1));
		*role = MemoryContextStrdup(cxt, SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2));
	}
	SPI_finish();
	return found;
}

/*
 * A request signed in its query string (X-Amz-Algorithm there, a presigned
 * request): refused with an Authorization header too,
 * IncompleteSignatureException naming the missing parameters, as AWS does;
 * else its signature's parts read into sig.
 */
static void
sigv4_parse_query(const HttpRequest *req, bool has_auth, SigV4 *sig)
{
	static const char *const params[] = {
		"X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date"
	};
	StringInfoData missing;

	if (has_auth)
		dynamo_error(DYN_INVALID_SIGNATURE,
					 "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
	initStringInfo(&missing);
	for (int i = 0; i < lengthof(params); i++)
	{
		const char *v = http_query_arg(req, params[i]);

		if (v == NULL || v[0] == '\0')
			appendStringInfo(&missing, "AWS query-string parameters must include '%s'. ", params[i]);
	}
	if (missing.len > 0)
		dynamo_error(DYN_INCOMPLETE_SIGNATURE, "%sRe-examine the query-string parameters.", missing.data);
	memset(sig, 0, sizeof(*sig));
	sig->in_query = true;
	sig->credential = pstrdup(http_query_arg(req, "X-Amz-Credential"));
	sig->signed_headers = pstrdup(http_query_arg(req, "X-Amz-SignedHeaders"));
	sig->signature = pstrdup(http_query_arg(req, "X-Amz-Signature"));
	sigv4_read_amz_date(http_query_arg(req, "X-Amz-Date"), sig);
	sigv4_parse_scope(sig);
}

/*
 * Authenticate a request: the role it runs as, and in key_id the access
 * key it is signed with.  sigv4: the access key's role, after checking the
 * signature; none: http_role, for any well-formed signature.  A superuser
 * role only when http_allow_superuser is on.
 */
Oid
http_authenticate(const HttpRequest *req, const char **key_id)
{
	const char *auth = http_header(req, "Authorization");
	SigV4		sig;
	char	   *secret = NULL;
	char	   *role_name = NULL;
	Oid			role;

	if (http_query_arg(req, "X-Amz-Algorithm") != NULL)
		sigv4_parse_query(req, auth != NULL && auth[0] != '\0', &sig);
	/* a scheme other than AWS4-...: no token AWS knows of */
	else if (auth == NULL || strncmp(auth, "AWS4-", 5) != 0)
		dynamo_error(DYN_MISSING_AUTHENTICATION_TOKEN, "Request is missing Authentication Token");
	else
		sigv4_parse(req, auth, &sig);
	*key_id = sig.key_id;
	if (dynamo_http_auth == HTTP_AUTH_NONE)
	{
		sigv4_check_scope(&sig);
		role_name = dynamo_http_role;
		if (role_name == NULL || role_name[0] == '\0')
			dynamo_error(DYN_UNRECOGNIZED_CLIENT,
						 "pg_dynamo.http_role is not set: with pg_dynamo.http_auth = none, requests run as that role");
	}
	else
	{
		sigv4_check_skew(&sig);
		sigv4_check_scope(&sig);
		if (!sigv4_lookup_key(sig.key_id, &secret, &role_name))
			dynamo_error(DYN_UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
		sigv4_verify(req, &sig, secret);
		explicit_bzero(secret, strlen(secret));
	}
	role = get_role_oid(role_name, true);
	if (!OidIsValid(role))
		dynamo_error(DYN_UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
	if (superuser_arg(role) && !dynamo_http_allow_superuser)
		dynamo_error(DYN_ACCESS_DENIED,
					 "User: %s is a superuser role, refused over HTTP unless pg_dynamo.http_allow_superuser is on",
					 role_name);
	return role;
}
