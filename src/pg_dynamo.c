/*
 * pg_dynamo.c
 *		Module entry point and settings.
 *
 * pg_dynamo needs no shared_preload_libraries for its SQL functions; the
 * settings below are defined when the library is first loaded.
 */
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"
#include "utils/guc.h"

#include "advisor.h"
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

	/* access-pattern insight: usage figures, prices, hints (src/advisor) */
	DefineCustomBoolVariable("pg_dynamo.track_usage",
							 "Counts calls, items and capacity units per table and operation (dynamo.usage).",
							 NULL, &advisor_track_usage, true,
							 PGC_SUSET, 0, NULL, NULL, NULL);
	DefineCustomRealVariable("pg_dynamo.read_unit_price",
							 "Price of one million read request units (on-demand), for dynamo.usage.",
							 NULL, &advisor_read_price, 0.125, 0, 1e6,
							 PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomRealVariable("pg_dynamo.write_unit_price",
							 "Price of one million write request units (on-demand), for dynamo.usage.",
							 NULL, &advisor_write_price, 0.625, 0, 1e6,
							 PGC_USERSET, 0, NULL, NULL, NULL);
	DefineCustomBoolVariable("pg_dynamo.access_hints",
							 "Raises a NOTICE when a Scan runs or a Query's filter discards most items read.",
							 NULL, &advisor_access_hints, false,
							 PGC_USERSET, 0, NULL, NULL, NULL);
	if (process_shared_preload_libraries_in_progress)
	{
		/* a server-start setting: defined only when preloaded */
		DefineCustomIntVariable("pg_dynamo.usage_max",
								"Most (table, operation) pairs dynamo.usage keeps in shared memory.",
								NULL, &advisor_usage_max, 1000, 100, 1000000,
								PGC_POSTMASTER, 0, NULL, NULL, NULL);
		advisor_shmem_request();
	}

	MarkGUCPrefixReserved("pg_dynamo");
}
