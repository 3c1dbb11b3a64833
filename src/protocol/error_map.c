/*
 * error_map.c
 *		The last line of the DynamoDB surface: a PostgreSQL error escaping an
 *		operation becomes the DynamoDB exception a client expects.
 *
 * The engine raises DynamoDB's exceptions itself (errors.h); what can still
 * come from PostgreSQL is a race with another session: a table dropped or
 * created under the operation, or a serialization failure or deadlock of
 * the caller's REPEATABLE READ or SERIALIZABLE snapshot.  Those are mapped
 * here.  Errors that say something about the server or the session rather
 * than the request (query cancel, statement_timeout, out of memory,
 * permission denied, a full disk) keep their SQLSTATE: a DynamoDB client
 * sees them as server errors, which they are.
 *
 * A serialization failure or deadlock inside an explicit transaction block
 * (BEGIN ... COMMIT) keeps its SQLSTATE too: the caller's whole transaction
 * is lost and must be retried by the caller, which 40001/40P01 say.
 */
#include "postgres.h"

#include "access/xact.h"
#include "utils/elog.h"

#include "protocol.h"
#include "errors.h"
#include "json_read.h"

/* A relation gone between the catalog lookup and its use (relation.c) */
static bool
relation_vanished(int code, MemoryContext cxt)
{
	ErrorData  *e;
	MemoryContext old;
	bool		vanished;

	if (code == ERRCODE_UNDEFINED_TABLE)
		return true;
	if (code != ERRCODE_INTERNAL_ERROR)
		return false;
	old = MemoryContextSwitchTo(cxt);
	e = CopyErrorData();
	MemoryContextSwitchTo(old);
	vanished = e->message && strncmp(e->message, "could not open relation with OID", 32) == 0;
	FreeErrorData(e);
	return vanished;
}

/* Raise the DynamoDB exception for a PostgreSQL error, or rethrow it */
void
error_map_rethrow(const char *operation, Jsonb *request, MemoryContext cxt)
{
	int			code = geterrcode();
	bool		create = strcmp(operation, "CreateTable") == 0;

	if (ERRCODE_TO_CATEGORY(code) == ERRCODE_TO_CATEGORY(dynamo_errcode(DYN_VALIDATION)))
		PG_RE_THROW();			/* already DynamoDB's */
	if (create && (code == ERRCODE_DUPLICATE_TABLE || code == ERRCODE_UNIQUE_VIOLATION ||
				   code == ERRCODE_T_R_SERIALIZATION_FAILURE))
	{
		/* a concurrent CreateTable of the name committed, or is in progress */
		MemoryContextSwitchTo(cxt);
		FlushErrorState();
		dynamo_error(DYN_RESOURCE_IN_USE, "Table already exists: %s",
					 req_string(request, "TableName"));
	}
	if (relation_vanished(code, cxt))
	{
		MemoryContextSwitchTo(cxt);
		FlushErrorState();
		dynamo_error(DYN_RESOURCE_NOT_FOUND, "Requested resource not found");
	}
	if ((code == ERRCODE_T_R_SERIALIZATION_FAILURE || code == ERRCODE_T_R_DEADLOCK_DETECTED) &&
		!IsTransactionBlock())
	{
		MemoryContextSwitchTo(cxt);
		FlushErrorState();
		dynamo_error(DYN_TRANSACTION_CONFLICT, "Transaction is ongoing for the item");
	}
	PG_RE_THROW();
}

/*
 * Malformed JSON text is DynamoDB's SerializationException: PostgreSQL's
 * data exceptions (class 22; without a message, as DynamoDB answers) and
 * the limits a request's text can break (class 54: nesting too deep, a
 * string too long).  Anything else (a query cancel, statement_timeout, out
 * of memory) is not the client's JSON.
 */
void
error_map_rethrow_parse(MemoryContext cxt)
{
	int			category = ERRCODE_TO_CATEGORY(geterrcode());
	ErrorData  *e;

	if (category != ERRCODE_DATA_EXCEPTION && category != ERRCODE_PROGRAM_LIMIT_EXCEEDED)
		PG_RE_THROW();
	MemoryContextSwitchTo(cxt);
	e = CopyErrorData();
	FlushErrorState();
	dynamo_error(DYN_SERIALIZATION, "%s", category == ERRCODE_DATA_EXCEPTION ? "" : e->message);
}
