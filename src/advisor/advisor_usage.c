/*
 * advisor_usage.c
 *		Usage figures per table, operation and access key (requests through
 *		the HTTP door) since a reset: calls, items read and returned, bytes,
 *		capacity units, and what they would cost.
 *
 * With pg_dynamo in shared_preload_libraries the figures live in shared
 * memory, in a fixed-size hash (pg_dynamo.advisor_usage_max entries) of every
 * session of the server.  The hash is protected as pg_stat_statements
 * protects its own: a lookup holds the LWLock shared and adds to its entry
 * under the entry's spinlock; only adding an entry, listing with a reset,
 * or resetting takes the LWLock exclusively.  Without preloading there is
 * no shared memory to count into, and each session counts its own calls in
 * a local hash of the same shape: the figures then say so ("session").
 * A full hash counts no new (table, operation) pairs until a reset.
 */
#include "postgres.h"

#include "funcapi.h"
#include "miscadmin.h"
#include "storage/ipc.h"
#include "storage/lwlock.h"
#include "storage/shmem.h"
#include "storage/spin.h"
#include "utils/builtins.h"
#include "utils/hsearch.h"
#include "utils/timestamp.h"

#include "advisor.h"
#include "capacity.h"

const char *const AdvisorOpNames[ADV_OP_COUNT] = {
	"GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "Scan",
	"BatchGetItem", "BatchWriteItem", "TransactGetItems", "TransactWriteItems"
};

/* What an entry is counted under */
typedef struct UsageKey
{
	Oid			dbid;
	int			op;				/* AdvisorOp */
	char		table[DYNAMO_MAX_TABLE_NAME + 1];
	char		access_key[ADVISOR_MAX_ACCESS_KEY + 1]; /* "": not through HTTP */
} UsageKey;

typedef struct UsageCounters
{
	int64		calls;
	int64		items_read;
	int64		items_returned;
	int64		bytes;
	double		rcu;
	double		wcu;
} UsageCounters;

typedef struct UsageEntry
{
	UsageKey	key;			/* hash key: first */
	slock_t		mutex;			/* protects c (shared memory only) */
	UsageCounters c;
} UsageEntry;

/* The shared state: the lock and the time of the last reset */
typedef struct UsageShared
{
	LWLock	   *lock;
	TimestampTz since;
} UsageShared;

/* Settings (defined in pg_dynamo.c) */
bool		advisor_track_usage = true;
int			advisor_usage_max = 1000;
double		advisor_read_price = 0.125;
double		advisor_write_price = 0.625;

static UsageShared *usage_shared = NULL;
/* The access key of the HTTP request being run, "" otherwise */
static char usage_access_key[ADVISOR_MAX_ACCESS_KEY + 1];
static HTAB *usage_hash = NULL;
static TimestampTz local_since = 0;
static shmem_request_hook_type prev_shmem_request_hook = NULL;
static shmem_startup_hook_type prev_shmem_startup_hook = NULL;

/* Reserve the shared memory and the lock */
static void
usage_shmem_request(void)
{
	if (prev_shmem_request_hook)
		prev_shmem_request_hook();
	RequestAddinShmemSpace(add_size(MAXALIGN(sizeof(UsageShared)),
									hash_estimate_size(advisor_usage_max, sizeof(UsageEntry))));
	RequestNamedLWLockTranche("pg_dynamo_usage", 1);
}

/* Create or attach to the shared state */
static void
usage_shmem_startup(void)
{
	HASHCTL		info;
	bool		found;

	if (prev_shmem_startup_hook)
		prev_shmem_startup_hook();
	LWLockAcquire(AddinShmemInitLock, LW_EXCLUSIVE);
	usage_shared = ShmemInitStruct("pg_dynamo usage", sizeof(UsageShared), &found);
	if (!found)
	{
		usage_shared->lock = &(GetNamedLWLockTranche("pg_dynamo_usage"))->lock;
		usage_shared->since = GetCurrentTimestamp();
	}
	info.keysize = sizeof(UsageKey);
	info.entrysize = sizeof(UsageEntry);
	usage_hash = ShmemInitHash("pg_dynamo usage hash", advisor_usage_max, advisor_usage_max, &info,
							   HASH_ELEM | HASH_BLOBS);
	LWLockRelease(AddinShmemInitLock);
}

/* Install the shared memory hooks (from _PG_init, when preloaded) */
void
advisor_shmem_request(void)
{
	prev_shmem_request_hook = shmem_request_hook;
	shmem_request_hook = usage_shmem_request;
	prev_shmem_startup_hook = shmem_startup_hook;
	shmem_startup_hook = usage_shmem_startup;
}

/* The session's own hash, when there is no shared one */
static void
usage_local_init(void)
{
	HASHCTL		info;

	info.keysize = sizeof(UsageKey);
	info.entrysize = sizeof(UsageEntry);
	info.hcxt = TopMemoryContext;
	usage_hash = hash_create("pg_dynamo session usage", 64, &info,
							 HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
	local_since = GetCurrentTimestamp();
}

/* Add figures to an entry */
static void
usage_add(UsageCounters *c, const UsageCounters *add)
{
	c->calls += add->calls;
	c->items_read += add->items_read;
	c->items_returned += add->items_returned;
	c->bytes += add->bytes;
	c->rcu += add->rcu;
	c->wcu += add->wcu;
}

/* Count into the shared hash */
static void
usage_count_shared(UsageKey *key, const UsageCounters *add)
{
	UsageEntry *e;
	bool		found;

	LWLockAcquire(usage_shared->lock, LW_SHARED);
	e = hash_search(usage_hash, key, HASH_FIND, NULL);
	if (e == NULL)
	{
		LWLockRelease(usage_shared->lock);
		LWLockAcquire(usage_shared->lock, LW_EXCLUSIVE);
		e = hash_search(usage_hash, key, HASH_ENTER_NULL, &found);
		if (e == NULL)
		{
			LWLockRelease(usage_shared->lock);
			return;				/* full until a reset */
		}
		if (!found)
		{
			SpinLockInit(&e->mutex);
			memset(&e->c, 0, sizeof(UsageCounters));
		}
	}
	SpinLockAcquire(&e->mutex);
	usage_add(&e->c, add);
	SpinLockRelease(&e->mutex);
	LWLockRelease(usage_shared->lock);
}

/*
 * Count what follows under an access key (the HTTP door, around each
 * request it runs), or under none (NULL).  A longer key than AWS allows
 * is counted by its first ADVISOR_MAX_ACCESS_KEY characters.
 */
void
advisor_set_access_key(const char *key_id)
{
	strlcpy(usage_access_key, key_id ? key_id : "", sizeof(usage_access_key));
}

/*
 * Count one call of an operation on a table: items read and returned, the
 * bytes read or written, and the capacity units DynamoDB would charge.
 */
void
advisor_count(const char *table, AdvisorOp op, int64 items_read, int64 items_returned,
			  int64 bytes, double rcu, double wcu)
{
	UsageKey	key;
	UsageCounters add = {1, items_read, items_returned, bytes, rcu, wcu};
	bool		found;
	UsageEntry *e;

	if (!advisor_track_usage || table == NULL)
		return;
	memset(&key, 0, sizeof(key));
	key.dbid = MyDatabaseId;
	key.op = op;
	strlcpy(key.table, table, sizeof(key.table));
	strlcpy(key.access_key, usage_access_key, sizeof(key.access_key));
	if (usage_shared)
	{
		usage_count_shared(&key, &add);
		return;
	}
	if (usage_hash == NULL)
		usage_local_init();
	e = hash_search(usage_hash, &key, HASH_ENTER, &found);
	if (!found)
		memset(&e->c, 0, sizeof(UsageCounters));
	usage_add(&e->c, &add);
}

/* Count a single-item operation of bytes (returned: a read found its item) */
void
advisor_count_units(const char *table, AdvisorOp op, int64 bytes, bool write,
					bool consistent, bool returned)
{
	double		units = capacity_units(bytes, write, consistent);

	advisor_count(table, op, returned, returned, bytes, write ? 0 : units, write ? units : 0);
}

/* Count a Query or Scan that ran, and give its hint when asked for */
void
advisor_count_read(ReadRequest *req, ReadResult *res)
{
	advisor_count(req->table->table_name, req->query ? ADV_QUERY : ADV_SCAN,
				  res->scanned_count, res->count, res->scanned_bytes, res->read_units, 0);
	if (advisor_access_hints)
		advisor_read_hint(req, res);
}

/* Count a transaction that ran: once per table, at twice the units */
void
advisor_count_transact(TransactRequest *tx, bool write)
{
	for (int i = 0; i < tx->nactions; i++)
	{
		const char *name = tx->actions[i].target.table->table_name;
		int64		found = 0,
					bytes = 0;
		double		units = 0;
		bool		seen = false;

		for (int k = 0; k < i && !seen; k++)
			seen = strcmp(tx->actions[k].target.table->table_name, name) == 0;
		if (seen)
			continue;			/* counted with the first action on it */
		for (int k = i; k < tx->nactions; k++)
		{
			TransactAction *a = &tx->actions[k];

			if (strcmp(a->target.table->table_name, name) != 0)
				continue;
			units += 2 * capacity_units(a->bytes, write, true);
			bytes += a->bytes;
			found += !write && a->bytes > 0;
		}
		advisor_count(name, write ? ADV_TRANSACT_WRITE_ITEMS : ADV_TRANSACT_GET_ITEMS,
					  found, found, bytes, write ? 0 : units, write ? units : 0);
	}
}

/* One row of dynamo.usage_figures() */
static void
usage_put_row(ReturnSetInfo *rsinfo, UsageKey *key, UsageCounters *c, TimestampTz since)
{
	Datum		values[12];
	bool		nulls[12] = {0};

	values[0] = CStringGetTextDatum(key->table);
	values[1] = CStringGetTextDatum(AdvisorOpNames[key->op]);
	values[2] = CStringGetTextDatum(key->access_key);
	nulls[2] = key->access_key[0] == '\0';
	values[3] = Int64GetDatum(c->calls);
	values[4] = Int64GetDatum(c->items_read);
	values[5] = Int64GetDatum(c->items_returned);
	values[6] = Int64GetDatum(c->bytes);
	values[7] = Float8GetDatum(c->rcu);
	values[8] = Float8GetDatum(c->wcu);
	values[9] = Float8GetDatum((c->rcu * advisor_read_price + c->wcu * advisor_write_price) / 1e6);
	values[10] = CStringGetTextDatum(usage_shared ? "server" : "session");
	values[11] = TimestampTzGetDatum(since);
	tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
}

/* The figures of the current database, as rows (dynamo.usage) */
Datum
advisor_usage_rows(FunctionCallInfo fcinfo)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	HASH_SEQ_STATUS seq;
	UsageEntry *e;

	InitMaterializedSRF(fcinfo, 0);
	if (usage_hash == NULL && usage_shared == NULL)
		usage_local_init();
	if (usage_shared)
		LWLockAcquire(usage_shared->lock, LW_SHARED);
	hash_seq_init(&seq, usage_hash);
	while ((e = hash_seq_search(&seq)) != NULL)
	{
		UsageCounters c;

		if (e->key.dbid != MyDatabaseId)
			continue;
		if (usage_shared)
		{
			SpinLockAcquire(&e->mutex);
			c = e->c;
			SpinLockRelease(&e->mutex);
		}
		else
			c = e->c;
		usage_put_row(rsinfo, &e->key, &c, usage_shared ? usage_shared->since : local_since);
	}
	if (usage_shared)
		LWLockRelease(usage_shared->lock);
	return (Datum) 0;
}

/* Forget every figure: the server's, or the session's */
void
advisor_usage_reset(void)
{
	HASH_SEQ_STATUS seq;
	UsageEntry *e;

	if (usage_shared == NULL)
	{
		if (usage_hash)
			hash_destroy(usage_hash);
		usage_local_init();
		return;
	}
	LWLockAcquire(usage_shared->lock, LW_EXCLUSIVE);
	hash_seq_init(&seq, usage_hash);
	while ((e = hash_seq_search(&seq)) != NULL)
		hash_search(usage_hash, &e->key, HASH_REMOVE, NULL);
	usage_shared->since = GetCurrentTimestamp();
	LWLockRelease(usage_shared->lock);
}
