/*
 * table_settings.c
 *		A table's billing mode, provisioned and on-demand throughput, table
 *		class and deletion protection, in dynamo.table_settings.
 *
 * pg_dynamo has no capacity to provision: these are stored and described
 * as DynamoDB stores and describes them, and checked with its rules and
 * messages, so that tools that set them (deploy scripts, SDK helpers) keep
 * working.  Deletion protection has effect: DeleteTable refuses the table.
 * The doors read the settings members into a TableSettings (src/protocol);
 * CreateTable stores them, UpdateTable applies them through
 * table_settings_update().
 */
#include "postgres.h"

#include "access/xact.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

#include "errors.h"
#include "items.h"
#include "json_build.h"
#include "spi_text.h"
#include "table_catalog.h"
#include "tables.h"
#include "validate.h"

#define PROVISIONED "PROVISIONED"
#define PAY_PER_REQUEST "PAY_PER_REQUEST"

/* capacity units above this are out of bounds (dynalite's recordings) */
#define CAPACITY_UNITS_MAX INT64CONST(1000000000000)

/* Whether capacity units are within DynamoDB's bounds */
bool
table_capacity_in_bounds(int64 units)
{
	return units <= CAPACITY_UNITS_MAX;
}

/* Refuse capacity units (of member) beyond DynamoDB's bounds */
void
table_capacity_check_bounds(int64 units, const char *member)
{
	if (!table_capacity_in_bounds(units))
		dynamo_error(DYN_VALIDATION, "Given value " INT64_FORMAT " for %s is out of bounds", units, member);
}

/* OnDemandThroughput belongs to on-demand tables only */
static void
check_on_demand_mode(TableSettings *s, const char *mode)
{
	if (s->has_on_demand && strcmp(mode, PROVISIONED) == 0)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "%s for OnDemandThroughput cannot be specified when the table BillingMode is PROVISIONED",
					 s->max_read ? "MaxReadRequestUnits" : "MaxWriteRequestUnits");
}

/*
 * Check CreateTable's settings: PROVISIONED (the default) needs
 * ProvisionedThroughput, PAY_PER_REQUEST refuses it.
 */
void
table_settings_check_create(TableSettings *s)
{
	const char *mode = s->billing_mode ? s->billing_mode : PROVISIONED;

	if (strcmp(mode, PROVISIONED) == 0 && !s->has_throughput)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
	if (strcmp(mode, PAY_PER_REQUEST) == 0 && s->has_throughput)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
	check_on_demand_mode(s, mode);
}

/* A request-units figure as text for SQL (NULL: none) */
static char *
units_text(int64 v)
{
	return v > 0 ? psprintf("%lld", (long long) v) : NULL;
}

/*
 * Store a new table's settings, those of its CreateTable request, already
 * checked (NULL: the ergonomic create_table, an on-demand table).  Must be
 * called connected to SPI.
 */
void
table_settings_store(const char *table_name, TableSettings *settings)
{
	TableSettings s = {0};
	const char *args[8];

	if (settings)
		s = *settings;
	if (!spi_catalog_exists("table_settings"))
		return;
	args[0] = table_name;
	args[1] = settings == NULL ? PAY_PER_REQUEST : s.billing_mode ? s.billing_mode : PROVISIONED;
	args[2] = psprintf("%lld", (long long) s.read_units);
	args[3] = psprintf("%lld", (long long) s.write_units);
	args[4] = units_text(s.max_read);
	args[5] = units_text(s.max_write);
	args[6] = s.table_class;
	args[7] = s.protection ? "true" : "false";
	spi_text_run("INSERT INTO dynamo.table_settings (table_name, billing_mode, read_capacity, write_capacity,"
				 " max_read_request_units, max_write_request_units, table_class, deletion_protection)"
				 " VALUES ($1, $2, $3::pg_catalog.int8, $4::pg_catalog.int8, $5::pg_catalog.int8,"
				 " $6::pg_catalog.int8, $7, $8::pg_catalog.bool)",
				 8, args, SPI_OK_INSERT);
}

/* The row of a table created before its settings were stored */
void
table_settings_ensure_row(const char *table_name)
{
	const char *args[1] = {table_name};

	spi_text_run("INSERT INTO dynamo.table_settings (table_name) VALUES ($1) ON CONFLICT DO NOTHING",
				 1, args, SPI_OK_INSERT);
}

/* Push a number given as text (an epoch or a count), unless NULL */
static void
push_number_text(JsonbParseState **st, const char *key, const char *text)
{
	if (text == NULL)
		return;
	jb_numeric(st, key, DatumGetNumeric(DirectFunctionCall3(numeric_in, CStringGetDatum(text),
															  ObjectIdGetDatum(InvalidOid),
															  Int32GetDatum(-1))));
}

/*
 * The current settings, one row; NULLs for a table without a row (locked:
 * the row must exist)
 */
static void
read_current(const char *table_name, bool for_update)
{
	const char *args[1] = {table_name};

	spi_text_run(psprintf("SELECT s.billing_mode, s.read_capacity, s.write_capacity,"
						  " EXTRACT(epoch FROM s.last_increase), EXTRACT(epoch FROM s.last_decrease),"
						  " CASE WHEN (s.last_decrease AT TIME ZONE 'UTC')::pg_catalog.date"
						  "   OPERATOR(pg_catalog.=) (pg_catalog.now() AT TIME ZONE 'UTC')::pg_catalog.date"
						  "   THEN s.decreases_today ELSE 0 END,"
						  /* on demand since the switch, or since creation */
						  " EXTRACT(epoch FROM COALESCE(s.pay_per_request_since,"
						  "   CASE WHEN COALESCE(s.billing_mode, 'PAY_PER_REQUEST') OPERATOR(pg_catalog.<>) 'PROVISIONED'"
						  "   THEN (SELECT t.created_at FROM dynamo.tables t WHERE t.table_name OPERATOR(pg_catalog.=) $1) END)),"
						  " s.max_read_request_units, s.max_write_request_units,"
						  " s.table_class, EXTRACT(epoch FROM s.table_class_updated), s.deletion_protection"
						  " %s",
						  for_update
						  ? "FROM dynamo.table_settings s WHERE s.table_name OPERATOR(pg_catalog.=) $1 FOR UPDATE"
						  : "FROM (SELECT 1) AS one LEFT JOIN dynamo.table_settings s"
						  " ON s.table_name OPERATOR(pg_catalog.=) $1"),
				 1, args, SPI_OK_SELECT);
}

/*
 * Push the settings members of a TableDescription: ProvisionedThroughput,
 * BillingModeSummary, OnDemandThroughput, TableClassSummary and
 * DeletionProtectionEnabled.  prior (if not NULL and set): the units and
 * decreases an UpdateTable changed, which its answer still shows.  Must be
 * called connected to SPI.
 */
void
table_settings_describe(JsonbParseState **st, const char *table_name, const TableSettings *prior)
{
	char	   *mode;
	char	   *protection;
	bool		show_prior = prior && prior->prior_set;

	if (!spi_catalog_exists("table_settings"))
		spi_text_run("SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL",
					 0, NULL, SPI_OK_SELECT);
	else
		read_current(table_name, false);
	mode = spi_text_value(0, 1);
	if (mode == NULL)
		mode = PAY_PER_REQUEST;

	jb_begin_object(st, "ProvisionedThroughput");
	/* a change answered while pending: requested now, done a moment later */
	if (show_prior && prior->increased)
		jb_numeric(st, "LastIncreaseDateTime", table_epoch_seconds(GetCurrentTransactionStartTimestamp()));
	else
		push_number_text(st, "LastIncreaseDateTime", spi_text_value(0, 4));
	if (show_prior && prior->decreased)
		jb_numeric(st, "LastDecreaseDateTime", table_epoch_seconds(GetCurrentTransactionStartTimestamp()));
	else
		push_number_text(st, "LastDecreaseDateTime", spi_text_value(0, 5));
	if (show_prior)
	{
		jb_int(st, "NumberOfDecreasesToday", prior->prior_decreases);
		jb_int(st, "ReadCapacityUnits", prior->prior_read);
		jb_int(st, "WriteCapacityUnits", prior->prior_write);
	}
	else
	{
		push_number_text(st, "NumberOfDecreasesToday", spi_text_value(0, 6) ? spi_text_value(0, 6) : "0");
		push_number_text(st, "ReadCapacityUnits", spi_text_value(0, 2) ? spi_text_value(0, 2) : "0");
		push_number_text(st, "WriteCapacityUnits", spi_text_value(0, 3) ? spi_text_value(0, 3) : "0");
	}
	jb_end_object(st);

	if (strcmp(mode, PAY_PER_REQUEST) == 0 || spi_text_value(0, 7))
	{
		jb_begin_object(st, "BillingModeSummary");
		jb_string(st, "BillingMode", mode);
		push_number_text(st, "LastUpdateToPayPerRequestDateTime", spi_text_value(0, 7));
		jb_end_object(st);
	}
	if (spi_text_value(0, 8) || spi_text_value(0, 9))
	{
		jb_begin_object(st, "OnDemandThroughput");
		push_number_text(st, "MaxReadRequestUnits", spi_text_value(0, 8) ? spi_text_value(0, 8) : "-1");
		push_number_text(st, "MaxWriteRequestUnits", spi_text_value(0, 9) ? spi_text_value(0, 9) : "-1");
		jb_end_object(st);
	}
	if (spi_text_value(0, 10))
	{
		jb_begin_object(st, "TableClassSummary");
		jb_string(st, "TableClass", spi_text_value(0, 10));
		push_number_text(st, "LastUpdateDateTime", spi_text_value(0, 11));
		jb_end_object(st);
	}
	protection = spi_text_value(0, 12);
	jb_bool(st, "DeletionProtectionEnabled", protection && strcmp(protection, "t") == 0);
}

/*
 * Is a table on demand (PAY_PER_REQUEST, also when it has no settings
 * row)?  Must be called connected to SPI.
 */
bool
table_settings_on_demand(const char *table_name)
{
	const char *mode;

	if (!spi_catalog_exists("table_settings"))
		return true;
	read_current(table_name, false);
	mode = SPI_processed > 0 ? spi_text_value(0, 1) : NULL;
	return mode == NULL || strcmp(mode, PAY_PER_REQUEST) == 0;
}

/* Refuse to delete a protected table.  Must be called connected to SPI. */
void
table_settings_check_delete(const char *table_name)
{
	char	   *protection;

	if (!spi_catalog_exists("table_settings"))
		return;
	read_current(table_name, false);
	protection = spi_text_value(0, 12);
	if (protection && strcmp(protection, "t") == 0)
		dynamo_error(DYN_VALIDATION, "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
}

/* Run one UPDATE of a table's settings row */
static void
update_row(const char *table_name, const char *assignments, const char *value)
{
	const char *args[2] = {table_name, value};

	spi_text_run(psprintf("UPDATE dynamo.table_settings SET %s WHERE table_name OPERATOR(pg_catalog.=) $1",
						  assignments), 2, args, SPI_OK_UPDATE);
}

/*
 * Apply a new provisioned throughput to a PROVISIONED table; the change is
 * done (LastIncreaseDateTime, LastDecreaseDateTime) at the clock's time,
 * after the request's, which UpdateTable's answer shows.  Sets s's
 * increased and decreased.
 */
static void
apply_throughput(const char *table_name, TableSettings *s, int64 cur_read, int64 cur_write,
				 bool was_provisioned)
{
	bool		increase = s->read_units > cur_read || s->write_units > cur_write;
	bool		decrease = s->read_units < cur_read || s->write_units < cur_write;

	s->increased = was_provisioned && increase;
	s->decreased = was_provisioned && decrease;

	if (was_provisioned && !increase && !decrease)
		dynamo_error(DYN_VALIDATION,
					 "The provisioned throughput for the table will not change. The requested value equals the current value. "
					 "Current ReadCapacityUnits provisioned for the table: %lld. Requested ReadCapacityUnits: %lld. "
					 "Current WriteCapacityUnits provisioned for the table: %lld. Requested WriteCapacityUnits: %lld. "
					 "Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.",
					 (long long) cur_read, (long long) s->read_units,
					 (long long) cur_write, (long long) s->write_units);
	update_row(table_name, psprintf("read_capacity = %lld, write_capacity = %lld",
									(long long) s->read_units, (long long) s->write_units), NULL);
	if (was_provisioned && increase)
		update_row(table_name, "last_increase = pg_catalog.clock_timestamp()", NULL);
	if (was_provisioned && decrease)
		update_row(table_name,
				   "decreases_today = CASE WHEN (last_decrease AT TIME ZONE 'UTC')::pg_catalog.date"
				   " OPERATOR(pg_catalog.=) (pg_catalog.now() AT TIME ZONE 'UTC')::pg_catalog.date"
				   " THEN decreases_today OPERATOR(pg_catalog.+) 1 ELSE 1 END,"
				   " last_decrease = pg_catalog.clock_timestamp()", NULL);
}

/*
 * Apply UpdateTable's settings members (BillingMode, ProvisionedThroughput,
 * OnDemandThroughput, TableClass, DeletionProtectionEnabled; read with
 * update) to a table, with DynamoDB's checks and messages.  Returns whether
 * a stored value changed; false when the request has none of these
 * members.  A change of throughput leaves the units and decreases it
 * replaced in settings' prior fields.  The table's settings row stays
 * locked until the end of the transaction.
 */
bool
table_settings_update(const char *table_name, TableSettings *settings)
{
	TableSettings s = *settings;
	char	   *cur_mode;
	const char *new_mode;
	int64		cur_read,
				cur_write;
	char	   *cur_class;
	bool		cur_protection;
	bool		changed = false;

	if (!s.billing_mode && !s.has_throughput && !s.has_on_demand && !s.table_class && !s.has_protection)
		return false;
	dynamo_check_table_op_name(table_name);
	(void) dynamo_table_named(table_name);

	item_spi_connect();
	table_settings_ensure_row(table_name);
	read_current(table_name, true);
	cur_mode = pstrdup(spi_text_value(0, 1));
	cur_read = pg_strtoint64(spi_text_value(0, 2));
	cur_write = pg_strtoint64(spi_text_value(0, 3));
	cur_class = spi_text_value(0, 10) ? pstrdup(spi_text_value(0, 10)) : "STANDARD";
	cur_protection = strcmp(spi_text_value(0, 12), "t") == 0;
	settings->prior_decreases = spi_text_value(0, 6) ? pg_strtoint64(spi_text_value(0, 6)) : 0;
	new_mode = s.billing_mode ? s.billing_mode : cur_mode;

	if (strcmp(new_mode, PAY_PER_REQUEST) == 0 && s.has_throughput)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
	if (strcmp(new_mode, PROVISIONED) == 0 && strcmp(cur_mode, PAY_PER_REQUEST) == 0 && !s.has_throughput)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
	check_on_demand_mode(&s, new_mode);

	if (strcmp(new_mode, cur_mode) != 0)
	{
		update_row(table_name, strcmp(new_mode, PAY_PER_REQUEST) == 0
				   ? "billing_mode = $2, read_capacity = 0, write_capacity = 0, pay_per_request_since = pg_catalog.now()"
				   : "billing_mode = $2, max_read_request_units = NULL, max_write_request_units = NULL",
				   new_mode);
		changed = true;
	}
	/* a PROVISIONED table's new units are pending in UpdateTable's answer */
	if (s.has_throughput && strcmp(cur_mode, PROVISIONED) == 0 && strcmp(new_mode, PROVISIONED) == 0)
	{
		settings->prior_set = true;
		settings->prior_read = cur_read;
		settings->prior_write = cur_write;
	}
	if (s.has_throughput)
	{
		apply_throughput(table_name, &s, cur_read, cur_write, strcmp(cur_mode, PROVISIONED) == 0);
		settings->increased = s.increased;
		settings->decreased = s.decreased;
		changed = true;
	}
	if (s.has_on_demand)
	{
		if (s.max_read)
			update_row(table_name, "max_read_request_units = NULLIF($2::pg_catalog.int8, -1)",
					   psprintf("%lld", (long long) s.max_read));
		if (s.max_write)
			update_row(table_name, "max_write_request_units = NULLIF($2::pg_catalog.int8, -1)",
					   psprintf("%lld", (long long) s.max_write));
		changed = true;
	}
	if (s.table_class)
	{
		update_row(table_name, "table_class = $2, table_class_updated = pg_catalog.now()", s.table_class);
		changed |= strcmp(cur_class, s.table_class) != 0;
	}
	if (s.has_protection && s.protection != cur_protection)
	{
		update_row(table_name, "deletion_protection = $2::pg_catalog.bool", s.protection ? "true" : "false");
		changed = true;
	}
	SPI_finish();
	return changed;
}
