/*
 * table_stats.h
 *		ItemCount and TableSizeBytes of DescribeTable, without a scan.
 */
#ifndef DYNAMO_TABLE_STATS_H
#define DYNAMO_TABLE_STATS_H

#include "table_catalog.h"

extern void table_stats_estimate(DynamoTable *t, int64 *count, int64 *bytes);

#endif							/* DYNAMO_TABLE_STATS_H */
