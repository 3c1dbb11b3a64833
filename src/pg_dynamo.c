/*
 * pg_dynamo.c
 *		Module entry point and settings.
 *
 * pg_dynamo needs no shared_preload_libraries for its SQL functions; the
 * settings below are defined when the library is first loaded.  Preloaded,
 * it also registers its background workers (the HTTP door, TTL expiry).
 */
#include "postgres.h"

#include "fmgr.h"
#include "miscadmin.h"
#include "utils/guc.h"

#include "advisor.h"
#include "protocol.h"
#include "http.h"
#include "indexes.h"
#include "workers.h"
#include "tables.h"
#include "ttl.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

/* http: the HTTP door's settings */
int			dynamo_http_port = 0;
char	   *dynamo_http_listen_addresses = NULL;
int			dynamo_http_workers = 2;
char	   *dynamo_http_database = NULL;
int			dynamo_http_auth = HTTP_AUTH_SIGV4;
char	   *dynamo_http_role = NULL;
char	   *dynamo_http_allowed_origins = NULL;
bool		dynamo_http_allow_superuser = false;

static const struct config_enum_entry http_auth_options[] = {
	{"sigv4", HTTP_AUTH_SIGV4, false},
	{"none", HTTP_AUTH_NONE, false},
	{NULL, 0, false}
};

/* http: define the HTTP door's settings (when preloaded) */
static void
define_http_settings(void)
{
	DefineCustomIntVariable("pg_dynamo.http_port",
							"TCP port of the DynamoDB HTTP endpoint (0: off).",
							"Needs pg_dynamo in shared_preload_libraries.",
							&dynamo_http_port, 0, 0, 65535,
							PGC_POSTMASTER, 0, NULL, NULL, NULL);
	DefineCustomStringVariable("pg_dynamo.http_listen_addresses",
							   "Comma-separated addresses the HTTP endpoint listens on (* for all).",
							   NULL, &dynamo_http_listen_addresses, "127.0.0.1",
							   PGC_POSTMASTER, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("pg_dynamo.http_workers",
							"Number of HTTP background workers, all on the same port.",
							NULL, &dynamo_http_workers, 2, 1, 64,
							PGC_POSTMASTER, 0, NULL, NULL, NULL);
	DefineCustomStringVariable("pg_dynamo.http_database",
							   "Database the HTTP workers serve.",
							   NULL, &dynamo_http_database, "postgres",
							   PGC_POSTMASTER, 0, NULL, NULL, NULL);
	DefineCustomEnumVariable("pg_dynamo.http_auth",
							 "Authentication of HTTP requests: sigv4, or none (development: any well-formed signature, run as http_role).",
							 NULL, &dynamo_http_auth, HTTP_AUTH_SIGV4, http_auth_options,
							 PGC_SIGHUP, 0, NULL, NULL, NULL);
	DefineCustomStringVariable("pg_dynamo.http_role",
							   "Role HTTP requests run as when http_auth is none.",
							   NULL, &dynamo_http_role, "",
							   PGC_SIGHUP, 0, NULL, NULL, NULL);
	DefineCustomStringVariable("pg_dynamo.http_allowed_origins",
							   "Comma-separated origins allowed by CORS (* for any, as DynamoDB; empty: none).",
							   NULL, &dynamo_http_allowed_origins, "*",
							   PGC_SIGHUP, 0, NULL, NULL, NULL);
	DefineCustomBoolVariable("pg_dynamo.http_allow_superuser",
							 "Let HTTP requests run as a superuser role.",
							 NULL, &dynamo_http_allow_superuser, false,
							 PGC_SIGHUP, 0, NULL, NULL, NULL);
}

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
	/*
	 * http: the HTTP door's settings and workers, only when preloaded
	 * (PostgreSQL accepts PGC_POSTMASTER settings only then)
	 */
	if (process_shared_preload_libraries_in_progress)
	{
		define_http_settings();
		dynamo_http_register_workers();
	}
	/* secondary indexes: the item collection limit of tables with an LSI */
	DefineCustomIntVariable("pg_dynamo.item_collection_size_limit",
							"Largest item collection (items of one partition key value) of a table with a local secondary index.",
							"Writes past it get ItemCollectionSizeLimitExceededException; DynamoDB's limit is 10 GB.",
							&index_collection_limit_kb, 10 * 1024 * 1024, 1, INT_MAX,
							PGC_USERSET, GUC_UNIT_KB, NULL, NULL, NULL);
	/* Time to Live, DescribeEndpoints (tableapi) */
	DefineCustomIntVariable("pg_dynamo.ttl_batch_size",
							"Items one Time to Live expiry statement deletes at most.",
							NULL, &dynamo_ttl_batch_size, 1000, 1, 100000,
							PGC_SUSET, 0, NULL, NULL, NULL);
	DefineCustomIntVariable("pg_dynamo.ttl_interval",
							"Time between two passes of the TTL expiry worker.",
							NULL, &dynamo_ttl_interval, 60, 1, 86400,
							PGC_SIGHUP, GUC_UNIT_S, NULL, NULL, NULL);
	DefineCustomStringVariable("pg_dynamo.ttl_database",
							   "Database whose tables the TTL expiry worker expires (read when the worker starts).",
							   NULL, &dynamo_ttl_database, "postgres",
							   PGC_SIGHUP, 0, NULL, NULL, NULL);
	DefineCustomStringVariable("pg_dynamo.endpoint_address",
							   "Address DescribeEndpoints answers (host[:port] of the HTTP door); empty: the Host an HTTP request was sent to.",
							   NULL, &dynamo_endpoint_address, "",
							   PGC_SUSET, 0, NULL, NULL, NULL);
	if (process_shared_preload_libraries_in_progress)
		ttl_worker_register();

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

	/* streams: the trimming worker (when preloaded) */
	DefineCustomIntVariable("pg_dynamo.stream_trim_interval",
							"Seconds between two trims of DynamoDB Streams by the background worker (0: none).",
							"Takes effect when pg_dynamo is in shared_preload_libraries.",
							&stream_trim_interval, 60, 0, 86400,
							PGC_SIGHUP, GUC_UNIT_S, NULL, NULL, NULL);
	DefineCustomStringVariable("pg_dynamo.stream_trim_database",
							   "Database whose DynamoDB Streams the background worker trims.",
							   "Read when the worker starts.",
							   &stream_trim_database, "postgres",
							   PGC_SIGHUP, 0, NULL, NULL, NULL);
	if (process_shared_preload_libraries_in_progress)
		stream_trim_worker_register();

	MarkGUCPrefixReserved("pg_dynamo");
}
