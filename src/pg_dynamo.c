/*
 * pg_dynamo.c
 *		Module entry point and settings.
 *
 * pg_dynamo needs no shared_preload_libraries for its SQL functions; the
 * settings below are defined when the library is first loaded.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/guc.h"

#include "index_collection.h"
#include "table_ops.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

/* Define the extension's settings */
void
_PG_init(void)
{
	DefineCustomStringVariable("pg_dynamo.region",
							   "Region named in table ARNs.",
							   NULL, &dynamo_region, "local",
							   PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomStringVariable("pg_dynamo.account_id",
							   "Account id named in table ARNs.",
							   NULL, &dynamo_account_id, "000000000000",
							   PGC_USERSET, 0, NULL, NULL, NULL);
	/* secondary indexes: the item collection limit of tables with an LSI */
	DefineCustomIntVariable("pg_dynamo.item_collection_size_limit",
							"Largest item collection (items of one partition key value) of a table with a local secondary index.",
							"Writes past it get ItemCollectionSizeLimitExceededException; DynamoDB's limit is 10 GB.",
							&index_collection_limit_kb, 10 * 1024 * 1024, 1, INT_MAX,
							PGC_USERSET, GUC_UNIT_KB, NULL, NULL, NULL);
	MarkGUCPrefixReserved("pg_dynamo");
}
