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
#include "indexes.h"
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
push_capacity_breakdown(JsonbParseState **st, const char *key, CapacityDetail detail,
						const char *table, double table_units, int n,
						const char *const *names, const bool *locals, const double *units)
{
	double		total = table_units;

	for (int i = 0; i < n; i++)
		total += units[i];
	if (detail != CAPACITY_INDEXES)
	{
		push_capacity_units(st, key, detail, table, total);
		return;
	}
	jb_begin_object(st, key);
	jb_string(st, "TableName", table);
	jb_numeric(st, "CapacityUnits", units_numeric(total));
	jb_begin_object(st, "Table");
	jb_numeric(st, "CapacityUnits", units_numeric(table_units));
	jb_end_object(st);
	push_index_map(st, false, n, names, locals, units);
	push_index_map(st, true, n, names, locals, units);
	jb_end_object(st);
}

/*
 * Push the ConsumedCapacity member of a read of units through an index
 * that fetched table_units of items from the table (an LSI's)
 */
void
push_index_read_capacity(JsonbParseState **st, CapacityDetail detail, const char *table,
						 const char *index, bool local, double units, double table_units)
{
	/* a read of an index charges the index, and the table for what it fetches */
	push_capacity_breakdown(st, "ConsumedCapacity", detail, table, table_units, 1, &index, &local, &units);
}

/* Push the ConsumedCapacity member of a single-item operation */
void
push_capacity(JsonbParseState **st, CapacityDetail detail, const char *table, int64 bytes,
			  bool write, bool consistent)
{
	push_capacity_units(st, "ConsumedCapacity", detail, table,
						capacity_units(bytes, write, consistent));
}

/*
 * The entry of table t among the n entries of tables (room for one more),
 * added when missing; indexes: count its indexes' units too.
 */
TableCapacity *
capacity_of_table(TableCapacity *tables, int *n, DynamoTable *t, bool indexes)
{
	TableCapacity *tc;

	for (int i = 0; i < *n; i++)
		if (strcmp(tables[i].table->table_name, t->table_name) == 0)
			return &tables[i];
	tc = &tables[(*n)++];
	tc->table = t;
	tc->name = NULL;
	tc->units = 0;
	tc->index_units = indexes && t->nindexes > 0 ? palloc0(sizeof(double) * t->nindexes) : NULL;
	return tc;
}

/*
 * Count a write of bytes that replaced old by new (NULL: none) on its
 * table, factor times (2 in a transaction); each index it changed is
 * charged index_units when given, else the units index_write_units counts.
 */
void
capacity_add_write(TableCapacity *tc, int64 bytes, Jsonb *old, Jsonb *new,
				   const double *index_units, double factor)
{
	DynamoTable *t = tc->table;
	double	   *units;

	tc->units += factor * capacity_units(bytes, true, true);
	if (tc->index_units == NULL || (index_units == NULL && old == NULL && new == NULL))
		return;
	units = unconstify(double *, index_units);
	if (units == NULL)
	{
		units = palloc(sizeof(double) * t->nindexes);
		index_write_units(t, old, new, units);
	}
	for (int i = 0; i < t->nindexes; i++)
		tc->index_units[i] += factor * units[i];
}

/*
 * Push the ConsumedCapacity of one table as member key (NULL inside a
 * list): its units, and with index units counted, its indexes'.
 */
void
push_table_capacity(JsonbParseState **st, const char *key, CapacityDetail detail,
					TableCapacity *tc)
{
	DynamoTable *t = tc->table;
	const char *table_name = tc->name ? tc->name : t->table_name;
	const char **names;
	bool	   *locals;

	if (tc->index_units == NULL)
	{
		push_capacity_units(st, key, detail, table_name, tc->units);
		return;
	}
	names = palloc(sizeof(char *) * t->nindexes);
	locals = palloc(sizeof(bool) * t->nindexes);
	for (int i = 0; i < t->nindexes; i++)
	{
		names[i] = t->indexes[i].name;
		locals[i] = t->indexes[i].local;
	}
	push_capacity_breakdown(st, key, detail, table_name, tc->units, t->nindexes, names,
							locals, tc->index_units);
}

/* Push the ConsumedCapacity list of a multi-table operation: one entry per table */
void
push_capacity_list(JsonbParseState **st, CapacityDetail detail, TableCapacity *tables, int n)
{
	if (detail == CAPACITY_NONE)
		return;
	jb_begin_array(st, "ConsumedCapacity");
	for (int i = 0; i < n; i++)
		push_table_capacity(st, NULL, detail, &tables[i]);
	jb_end_array(st);
}
