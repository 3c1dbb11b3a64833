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

/* Push a ConsumedCapacity object of one table (key NULL inside an array) */
void
push_capacity_units(JsonbParseState **st, const char *key, CapacityDetail detail,
					const char *table, double units)
{
	Numeric		n = DatumGetNumeric(DirectFunctionCall1(float8_numeric, Float8GetDatum(units)));

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

/*
 * Push the ConsumedCapacity member of a read through a secondary index:
 * DynamoDB charges the index, not the table (Table shows 0 units).
 */
void
push_index_capacity(JsonbParseState **st, CapacityDetail detail, const char *table,
					const char *index, bool local, double units)
{
	Numeric		n = DatumGetNumeric(DirectFunctionCall1(float8_numeric, Float8GetDatum(units)));

	if (detail != CAPACITY_INDEXES)
	{
		push_capacity_units(st, "ConsumedCapacity", detail, table, units);
		return;
	}
	jb_begin_object(st, "ConsumedCapacity");
	jb_string(st, "TableName", table);
	jb_numeric(st, "CapacityUnits", n);
	jb_begin_object(st, "Table");
	jb_numeric(st, "CapacityUnits",
			   DatumGetNumeric(DirectFunctionCall1(float8_numeric, Float8GetDatum(0.0))));
	jb_end_object(st);
	jb_begin_object(st, local ? "LocalSecondaryIndexes" : "GlobalSecondaryIndexes");
	jb_begin_object(st, index);
	jb_numeric(st, "CapacityUnits", n);
	jb_end_object(st);
	jb_end_object(st);
	jb_end_object(st);
}

/* Push the ConsumedCapacity member of a single-item operation */
void
push_capacity(JsonbParseState **st, CapacityDetail detail, const char *table, int64 bytes,
			  bool write, bool consistent)
{
	push_capacity_units(st, "ConsumedCapacity", detail, table,
						capacity_units(bytes, write, consistent));
}
