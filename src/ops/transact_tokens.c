/*
 * transact_tokens.c
 *		ClientRequestToken: a TransactWriteItems retried with the same token
 *		within 10 minutes returns the first response without applying again.
 *
 * Tokens live in dynamo.transaction_tokens (requester, token, a SHA-256 of
 * the request, created_at, the response), written in the caller's
 * transaction and its subtransaction: a cancelled or rolled back request
 * leaves no token.  A request with a token first takes a transaction-level
 * advisory lock on it, so a concurrent request with the same token waits
 * for the first one to commit or roll back; it then looks for the token
 * under the latest snapshot (a REPEATABLE READ caller's own snapshot would
 * not show it, and inserting over it would be a serialization failure), and
 * finds the first one's row or claims the token itself.  Expired rows are
 * deleted whenever a token is used, skipping rows other requests hold.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/snapmgr.h"

#include "errors.h"
#include "items.h"
#include "batch.h"
#include "spi_text.h"

typedef enum TokenPlan
{
	TOKEN_PURGE,
	TOKEN_LOCK,
	TOKEN_CLAIM,
	TOKEN_FIND,
	TOKEN_SAVE,
	TOKEN_PLAN_COUNT
} TokenPlan;

#define TOKEN_HASH "pg_catalog.sha256(pg_catalog.convert_to($2, 'UTF8'))"
#define TOKEN_KEY "requester OPERATOR(pg_catalog.=) CURRENT_USER AND token OPERATOR(pg_catalog.=) $1"

static const char *const TokenSql[TOKEN_PLAN_COUNT] = {
	[TOKEN_PURGE] = "DELETE FROM dynamo.transaction_tokens WHERE ctid OPERATOR(pg_catalog.=) ANY (ARRAY("
	"SELECT ctid FROM dynamo.transaction_tokens"
	" WHERE created_at OPERATOR(pg_catalog.<) (pg_catalog.now() OPERATOR(pg_catalog.-) interval '10 minutes')"
	" FOR UPDATE SKIP LOCKED))",
	[TOKEN_LOCK] = "SELECT pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('pg_dynamo token '"
	" OPERATOR(pg_catalog.||) CURRENT_USER OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) $1))",
	[TOKEN_CLAIM] = "INSERT INTO dynamo.transaction_tokens (token, request_hash)"
	" VALUES ($1, " TOKEN_HASH ") ON CONFLICT DO NOTHING",
	[TOKEN_FIND] = "SELECT request_hash OPERATOR(pg_catalog.=) " TOKEN_HASH ", response"
	" FROM dynamo.transaction_tokens WHERE " TOKEN_KEY,
	[TOKEN_SAVE] = "UPDATE dynamo.transaction_tokens SET response = $2 WHERE " TOKEN_KEY,
};

static SPIPlanPtr TokenPlans[TOKEN_PLAN_COUNT];

/*
 * Run a token statement (prepared once per backend); must be connected.
 * latest: under the latest snapshot rather than the transaction's, so a
 * REPEATABLE READ caller sees tokens committed since its snapshot.
 */
static void
run_token_plan(TokenPlan which, Datum *args, bool latest)
{
	int			rc;

	if (TokenPlans[which] == NULL)
	{
		Oid			argtypes[2] = {TEXTOID, which == TOKEN_SAVE ? JSONBOID : TEXTOID};

		TokenPlans[which] = spi_prepare_kept(TokenSql[which], which == TOKEN_PURGE ? 0 : 2, argtypes, 0);
	}
	if (latest)
		rc = SPI_execute_snapshot(TokenPlans[which], args, NULL, GetLatestSnapshot(),
								  InvalidSnapshot, false, false, 0);
	else
		rc = SPI_execute_plan(TokenPlans[which], args, NULL, false, 0);
	if (rc < 0)
		elog(ERROR, "token statement failed: %s", SPI_result_code_string(rc));
}

/*
 * Claim a token for a request.  Returns NULL when the token is new (the
 * request is to run), the first response when the request is a retry;
 * IdempotentParameterMismatchException when the token came with another
 * request.
 */
Jsonb *
transact_token_claim(const char *token, const char *request_text)
{
	Datum		args[2] = {CStringGetTextDatum(token), CStringGetTextDatum(request_text)};
	bool		isnull;
	Datum		d;
	Jsonb	   *response = NULL;

	item_spi_connect();
	run_token_plan(TOKEN_PURGE, NULL, true);
	run_token_plan(TOKEN_LOCK, args, false);
	run_token_plan(TOKEN_FIND, args, true);
	if (SPI_processed == 0)
	{
		run_token_plan(TOKEN_CLAIM, args, false);
		if (SPI_processed == 1)
		{
			SPI_finish();
			return NULL;
		}
		run_token_plan(TOKEN_FIND, args, true);
	}
	if (SPI_processed != 1)
		elog(ERROR, "transaction token \"%s\" vanished", token);
	if (!DatumGetBool(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull)))
		dynamo_error(DYN_IDEMPOTENT_PARAMETER_MISMATCH,
					 "DynamoDB rejected the request because you retried a request with a different payload but with an idempotent token that was already used.");
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull);
	if (!isnull)
		response = item_transfer(DatumGetJsonbP(d));
	SPI_finish();
	if (response == NULL)
		elog(ERROR, "transaction token \"%s\" has no response", token);
	return response;
}

/* Keep the response of a request that claimed its token */
void
transact_token_save(const char *token, Jsonb *response)
{
	Datum		args[2] = {CStringGetTextDatum(token), JsonbPGetDatum(response)};

	item_spi_connect();
	run_token_plan(TOKEN_SAVE, args, false);
	SPI_finish();
}
