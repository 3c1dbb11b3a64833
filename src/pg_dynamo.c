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
	MarkGUCPrefixReserved("pg_dynamo");
}
