/*
 * table_tags.h
 *		Tags of tables (TagResource, UntagResource, ListTagsOfResource) and
 *		the ARNs that name tables.
 */
#ifndef DYNAMO_TABLE_TAGS_H
#define DYNAMO_TABLE_TAGS_H

#include "utils/jsonb.h"

/* Tags as a request gives them: each Tag's Key and Value (NULL: absent) */
typedef struct TableTags
{
	int			n;
	char	  **keys;
	char	  **values;
} TableTags;

extern char *table_arn(const char *table_name);
extern void tags_check_table(const char *table_name, const char *arn);
extern char *table_name_of_arn(const char *arn, const char *param);
extern void tags_store(const char *table_name, TableTags *tags, bool creating);
extern void tags_remove(const char *table_name, Jsonb *keys);
extern Jsonb *tags_list(const char *table_name, const char *next_token);

#endif							/* DYNAMO_TABLE_TAGS_H */
