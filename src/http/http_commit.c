/*
 * http_commit.c
 *		Group commit of the HTTP door: a worker commits each request without
 *		waiting for the WAL flush, parks the response, and flushes once for
 *		every response parked since its last flush (http_server.c parks and
 *		releases them).
 *
 * A worker serves one request at a time, so with PostgreSQL's plain
 * synchronous commit each worker has at most one flush in flight and every
 * request pays a whole fsync.  Instead, when the configured durability is
 * a local flush (synchronous_commit = local, or on without synchronous
 * standbys), a request's transaction commits asynchronously and its
 * response waits until the WAL is flushed up to the insert position as of
 * the end of the request: that covers its own commit record and any commit
 * of another worker it may have read (another worker's asynchronous commit
 * is visible before it is flushed).  The guarantee to clients is unchanged:
 * no response is sent before what it reports is durable.  Another session
 * may see an HTTP write shortly before it is durable, as with PostgreSQL's
 * asynchronous commit.  With synchronous_commit = off nothing waits; with
 * synchronous standbys or a remote mode, requests commit the plain way.
 */
#include "postgres.h"

#include "access/xact.h"
#include "access/xlog.h"
#include "access/xlog_internal.h"
#include "replication/syncrep.h"
#include "storage/lwlock.h"

#include "http.h"

/*
 * Whether this worker's requests commit without waiting and leave the
 * flush to http_commit_flush (group commit), per the settings now.
 */
bool
http_commit_grouped(void)
{
	if (synchronous_commit < SYNCHRONOUS_COMMIT_LOCAL_FLUSH || RecoveryInProgress())
		return false;
	return synchronous_commit == SYNCHRONOUS_COMMIT_LOCAL_FLUSH ||
		SyncRepStandbyNames == NULL || SyncRepStandbyNames[0] == '\0';
}

/*
 * Commit the current transaction; grouped, without waiting for the flush
 * (the caller's response then waits for http_commit_wal_end()).
 */
void
http_commit_transaction(bool grouped)
{
	int			saved = synchronous_commit;

	if (!grouped)
	{
		CommitTransactionCommand();
		return;
	}
	synchronous_commit = SYNCHRONOUS_COMMIT_OFF;
	PG_TRY();
	{
		CommitTransactionCommand();
	}
	PG_FINALLY();
	{
		synchronous_commit = saved;
	}
	PG_END_TRY();
}

/*
 * The WAL position a response must wait for: the end of the WAL inserted
 * so far.  GetXLogInsertRecPtr() points past the header of a page that no
 * record has started yet; a flush request must stop at the page boundary.
 */
XLogRecPtr
http_commit_wal_end(void)
{
	XLogRecPtr	ptr = GetXLogInsertRecPtr();

	if (XLogSegmentOffset(ptr, wal_segment_size) == SizeOfXLogLongPHD)
		ptr -= SizeOfXLogLongPHD;
	else if (ptr % XLOG_BLCKSZ == SizeOfXLogShortPHD)
		ptr -= SizeOfXLogShortPHD;
	return ptr;
}

/* Whether the WAL is flushed up to a position */
bool
http_commit_flushed(XLogRecPtr upto)
{
	return upto == InvalidXLogRecPtr || upto <= GetFlushRecPtr(NULL);
}

/*
 * Flush the WAL up to a position (one fsync for every parked response);
 * true once it is flushed.  Without wait, when another process is flushing
 * now, return false rather than queue behind it: the caller keeps serving
 * (its next flush then carries more responses, or that flush covered it).
 */
bool
http_commit_flush(XLogRecPtr upto, bool wait)
{
	if (http_commit_flushed(upto))
		return true;
	if (!wait)
	{
		if (!LWLockConditionalAcquire(WALWriteLock, LW_EXCLUSIVE))
			return false;
		LWLockRelease(WALWriteLock);
	}
	XLogFlush(upto);
	return true;
}
