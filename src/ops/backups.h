/*
 * backups.h
 *		On-demand backups and point-in-time recovery (dynamo.backups).
 */
#ifndef DYNAMO_BACKUPS_H
#define DYNAMO_BACKUPS_H

#include "utils/jsonb.h"

extern Jsonb *backup_create(const char *table_name, const char *backup_name);
extern Jsonb *backup_describe(const char *arn);
extern Jsonb *backup_delete(const char *arn);
extern Jsonb *backup_list(const char *table_name, int limit, const char *lower, const char *upper,
						  const char *start);
extern Jsonb *backup_source_description(const char *arn, char **source_arn);
extern void backup_restore_items(const char *arn, const char *table_name);
extern Jsonb *backup_continuous(const char *table_name);
extern Jsonb *backup_update_continuous(const char *table_name, bool enable);

#endif							/* DYNAMO_BACKUPS_H */
