/*
 * capacity.c
 *		Capacity units as DynamoDB counts them, and the ConsumedCapacity
 *		member of responses.
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

#include "capacity.h"
#include "errors.h"
#include "validate.h"
#include "json_build.h"

/* ReturnConsumedCapacity: NONE (default, also for NULL), TOTAL or INDEXES */
CapacityDetail
capacity_detail(const char *s)
{
	if (s == NULL || strcmp(s, "NONE") == 0)
		return CAPACITY_NONE;
	if (strcmp(s, "TOTAL") == 0)
		return CAPACITY_TOTAL;
	if (strcmp(s, "INDEXES") == 0)
		return CAPACITY_INDEXES;
	validate_enum(NULL, s, "returnConsumedCapacity", "[INDEXES, TOTAL, NONE]");
	pg_unreachable();
}

/*
 * Capacity units of one item: writes use one unit per KB of the larger of
 * the old and new item, reads one unit per 4 KB (half for eventually
 * consistent).
 */
double
capacity_units(int64 bytes, bool write, bool consistent)
{
	if (write)
		return Max(1, (bytes + 1023) / 1024);
	return Max(1, (bytes + 4095) / 4096) * (consistent ? 1.0 : 0.5);
}

/* A Numeric of units */
static Numeric
units_numeric(double units)
{
	return DatumGetNumeric(DirectFunctionCall1(float8_numeric, Float8GetDatum(units)));
}

/* Push a ConsumedCapacity object of one table (key NULL inside an array) */
void
push_capacity_units(JsonbParseState **st, const char *key, CapacityDetail detail,
					const char *table, double units)
{
	Numeric		n = units_numeric(units);

	jb_begin_object(st, key);
	jb_string(st, "TableName", table);
	jb_numeric(st, "CapacityUnits", n);
	if (detail == CAPACITY_INDEXES)
	{
		jb_begin_object(st, "Table");
		jb_numeric(st, "CapacityUnits", n);
		jb_end_object(st);
	}
	jb_end_object(st);
}

/* Push one map of index units (GlobalSecondaryIndexes or LocalSecondaryIndexes) */
static void
push_index_map(JsonbParseState **st, bool local, int n, const char *const *names,
			   const bool *locals, const double *units)
{
	bool		begun = false;

	for (int i = 0; i < n; i++)
	{
		if (locals[i] != local || units[i] <= 0)
			continue;
		if (!begun)
			jb_begin_object(st, local ? "LocalSecondaryIndexes" : "GlobalSecondaryIndexes");
		begun = true;
		jb_begin_object(st, names[i]);
		jb_numeric(st, "CapacityUnits", units_numeric(units[i]));
		jb_end_object(st);
	}
	if (begun)
		jb_end_object(st);
}

/*
 * Push the ConsumedCapacity member of an operation that charged the table
 * table_units and its n indexes units[i] (an index read charges the index,
 * not the table; a write charges each index it changes): the total, and
 * with INDEXES the table's share and each charged index's.
 */
void
push_capacity_breakdown(JsonbParseState **st, CapacityDetail detail, const char *table,
						double table_units, int n, const char *const *names,
						const bool *locals, const double *units)
{
	double		total = table_units;

	for (int i = 0; i < n; i++)
		total += units[i];
	if (detail != CAPACITY_INDEXES)
	{
		push_capacity_units(st, "ConsumedCapacity", detail, table, total);
		return;
	}
	jb_begin_object(st, "ConsumedCapacity");
	jb_string(st, "TableName", table);
	jb_numeric(st, "CapacityUnits", units_numeric(total));
	jb_begin_object(st, "Table");
	jb_numeric(st, "CapacityUnits", units_numeric(table_units));
	jb_end_object(st);
	push_index_map(st, false, n, names, locals, units);
	push_index_map(st, true, n, names, locals, units);
	jb_end_object(st);
}

/* Push the ConsumedCapacity member of a read of units through an index */
void
push_index_read_capacity(JsonbParseState **st, CapacityDetail detail, const char *table,
						 const char *index, bool local, double units)
{
	/* a read of an index charges the index, not the table */
	push_capacity_breakdown(st, detail, table, 0, 1, &index, &local, &units);
}

/* Push the ConsumedCapacity member of a single-item operation */
void
push_capacity(JsonbParseState **st, CapacityDetail detail, const char *table, int64 bytes,
			  bool write, bool consistent)
{
	push_capacity_units(st, "ConsumedCapacity", detail, table,
						capacity_units(bytes, write, consistent));
}
