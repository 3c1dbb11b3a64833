/*
 * table_settings.h
 *		A table's billing mode, provisioned and on-demand throughput, table
 *		class and deletion protection: set at CreateTable, changed by
 *		UpdateTable, shown by DescribeTable (dynamo.table_settings).
 */
#ifndef DYNAMO_TABLE_SETTINGS_H
#define DYNAMO_TABLE_SETTINGS_H

#include "utils/jsonb.h"

/* The settings members of a request, read and checked for shape */
typedef struct TableSettings
{
	char	   *billing_mode;	/* NULL when absent */
	bool		has_throughput;
	int64		read_units;
	int64		write_units;
	bool		has_on_demand;
	int64		max_read;		/* 0 when absent */
	int64		max_write;
	char	   *table_class;
	bool		has_protection;
	bool		protection;
} TableSettings;

extern void table_settings_check_create(TableSettings *s);
extern void table_settings_store(const char *table_name, TableSettings *settings);
extern void table_settings_describe(JsonbParseState **st, const char *table_name);
extern void table_settings_check_delete(const char *table_name);
extern void table_settings_ensure_row(const char *table_name);
extern bool table_settings_update(const char *table_name, TableSettings *settings);

#endif							/* DYNAMO_TABLE_SETTINGS_H */
