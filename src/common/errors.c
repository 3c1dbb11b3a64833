/*
 * errors.c
 *		The one table mapping DynamoDB exceptions to SQLSTATEs and HTTP status.
 */
#include "postgres.h"

#include "access/xact.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"

#include "errors.h"

#define CORAL_VALIDATE "com.amazon.coral.validate#"
#define CORAL_SERVICE "com.amazon.coral.service#"
#define CORAL_AVAILABILITY "com.amazon.coral.availability#"
#define DYNAMODB_API "com.amazonaws.dynamodb.v20120810#"

const DynamoExceptionInfo DynamoExceptions[DYN_EXCEPTION_COUNT] = {
	[DYN_VALIDATION] = {"ValidationException", "DY001", 400, CORAL_VALIDATE},
	[DYN_RESOURCE_NOT_FOUND] = {"ResourceNotFoundException", "DY002", 400, DYNAMODB_API},
	[DYN_RESOURCE_IN_USE] = {"ResourceInUseException", "DY003", 400, DYNAMODB_API},
	[DYN_CONDITIONAL_CHECK_FAILED] = {"ConditionalCheckFailedException", "DY004", 400, DYNAMODB_API},
	[DYN_TRANSACTION_CANCELED] = {"TransactionCanceledException", "DY005", 400, DYNAMODB_API},
	[DYN_TRANSACTION_CONFLICT] = {"TransactionConflictException", "DY006", 400, DYNAMODB_API},
	[DYN_TRANSACTION_IN_PROGRESS] = {"TransactionInProgressException", "DY007", 400, DYNAMODB_API},
	[DYN_IDEMPOTENT_PARAMETER_MISMATCH] = {"IdempotentParameterMismatchException", "DY008", 400, DYNAMODB_API},
	[DYN_ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED] = {"ItemCollectionSizeLimitExceededException", "DY009", 400, DYNAMODB_API},
	[DYN_LIMIT_EXCEEDED] = {"LimitExceededException", "DY010", 400, DYNAMODB_API},
	[DYN_PROVISIONED_THROUGHPUT_EXCEEDED] = {"ProvisionedThroughputExceededException", "DY011", 400, DYNAMODB_API},
	[DYN_REQUEST_LIMIT_EXCEEDED] = {"RequestLimitExceeded", "DY012", 400, DYNAMODB_API},
	[DYN_THROTTLING] = {"ThrottlingException", "DY013", 400, CORAL_AVAILABILITY},
	[DYN_SERIALIZATION] = {"SerializationException", "DY014", 400, CORAL_SERVICE},
	[DYN_UNKNOWN_OPERATION] = {"UnknownOperationException", "DY015", 400, CORAL_SERVICE},
	[DYN_ACCESS_DENIED] = {"AccessDeniedException", "DY016", 400, CORAL_SERVICE},
	[DYN_UNRECOGNIZED_CLIENT] = {"UnrecognizedClientException", "DY017", 400, CORAL_SERVICE},
	[DYN_MISSING_AUTHENTICATION_TOKEN] = {"MissingAuthenticationTokenException", "DY018", 400, CORAL_SERVICE},
	[DYN_INVALID_SIGNATURE] = {"InvalidSignatureException", "DY019", 400, CORAL_SERVICE},
	[DYN_DUPLICATE_ITEM] = {"DuplicateItemException", "DY020", 400, DYNAMODB_API},
	[DYN_INCOMPLETE_SIGNATURE] = {"IncompleteSignatureException", "DY021", 400, CORAL_SERVICE},
	/* backups (tableapi) */
	[DYN_TABLE_NOT_FOUND] = {"TableNotFoundException", "DY030", 400, DYNAMODB_API},
	[DYN_TABLE_ALREADY_EXISTS] = {"TableAlreadyExistsException", "DY031", 400, DYNAMODB_API},
	[DYN_BACKUP_NOT_FOUND] = {"BackupNotFoundException", "DY032", 400, DYNAMODB_API},
	[DYN_CONTINUOUS_BACKUPS_UNAVAILABLE] = {"ContinuousBackupsUnavailableException", "DY033", 400, DYNAMODB_API},
	/* streams */
	[DYN_EXPIRED_ITERATOR] = {"ExpiredIteratorException", "DY022", 400, DYNAMODB_API},
	[DYN_TRIMMED_DATA_ACCESS] = {"TrimmedDataAccessException", "DY023", 400, DYNAMODB_API},
	[DYN_INTERNAL_SERVER_ERROR] = {"InternalServerError", "DY500", 500, DYNAMODB_API},
};

/* SQLSTATE code of a DynamoDB exception, for errcode() */
int
dynamo_errcode(DynamoException exc)
{
	const char *s = DynamoExceptions[exc].sqlstate;

	return MAKE_SQLSTATE(s[0], s[1], s[2], s[3], s[4]);
}

/*
 * In the PG_CATCH of an internal subtransaction begun in memory context cxt
 * under resource owner owner: the error, copied into cxt, and the
 * subtransaction rolled back, cxt and owner current again
 */
ErrorData *
dynamo_subxact_abort(MemoryContext cxt, ResourceOwner owner)
{
	ErrorData  *edata;

	MemoryContextSwitchTo(cxt);
	edata = CopyErrorData();
	FlushErrorState();
	RollbackAndReleaseCurrentSubTransaction();
	MemoryContextSwitchTo(cxt);
	CurrentResourceOwner = owner;
	return edata;
}

/*
 * Run fn(arg), catching a DynamoDB exception exc it raises: returns that
 * error (copied into the caller's memory context), or NULL when fn returned.
 * Any other error goes on.  Only for work that takes no locks, buffers or
 * other resources (a pure computation over memory), which needs no
 * subtransaction to be abandoned.
 */
ErrorData *
dynamo_catch_pure(void (*fn) (void *), void *arg, DynamoException exc)
{
	MemoryContext cxt = CurrentMemoryContext;
	ErrorData  *volatile error = NULL;

	PG_TRY();
	{
		fn(arg);
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(cxt);
		if (geterrcode() != dynamo_errcode(exc))
			PG_RE_THROW();
		error = CopyErrorData();
		FlushErrorState();
	}
	PG_END_TRY();
	return error;
}
