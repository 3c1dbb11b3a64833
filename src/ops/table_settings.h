/*
 * table_settings.h
 *		A table's billing mode, provisioned and on-demand throughput, table
 *		class and deletion protection: set at CreateTable, changed by
 *		UpdateTable, shown by DescribeTable (dynamo.table_settings).
 */
#ifndef DYNAMO_TABLE_SETTINGS_H
#define DYNAMO_TABLE_SETTINGS_H

#include "utils/jsonb.h"

extern void table_settings_check_create(Jsonb *req);
extern void table_settings_store(const char *table_name, Jsonb *req);
extern void table_settings_describe(JsonbParseState **st, const char *table_name);
extern void table_settings_check_delete(const char *table_name);
extern void table_settings_ensure_row(const char *table_name);
extern bool table_settings_update(const char *table_name, Jsonb *request);
extern bool table_settings_on_demand(const char *table_name);
extern int64 table_settings_capacity(Jsonb *pt, const char *member, const char *param);

#endif							/* DYNAMO_TABLE_SETTINGS_H */
