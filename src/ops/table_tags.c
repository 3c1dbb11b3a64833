/*
 * table_tags.c
 *		Tags of tables in dynamo.tags, with DynamoDB's limits and messages,
 *		and the table ARNs they are addressed by
 *		(arn:aws:dynamodb:<region>:<account>:table/<name>, from the settings
 *		pg_dynamo.region and pg_dynamo.account_id).
 */
#include "postgres.h"

#include "mb/pg_wchar.h"

#include "attr_value.h"
#include "errors.h"
#include "items.h"
#include "json_build.h"
#include "json_read.h"
#include "spi_text.h"
#include "table_catalog.h"
#include "tables.h"
#include "validate.h"

#define TAGS_MAX 50
#define TAG_KEY_MAX 128
#define TAG_VALUE_MAX 256
/* DynamoDB lists all of a table's tags (at most TAGS_MAX) in one page */
#define TAGS_PAGE TAGS_MAX
#define ARN_MAX 1283

/* The ARN of a table */
char *
table_arn(const char *table_name)
{
	return psprintf("arn:aws:dynamodb:%s:%s:table/%s", dynamo_region, dynamo_account_id, table_name);
}

/*
 * The table whose tags a request reads or changes must exist:
 * ResourceNotFoundException naming its ARN (DynamoDB's spelling), or
 * unnamed for a NULL arn (as UntagResource answers)
 */
void
tags_check_table(const char *table_name, const char *arn)
{
	if (dynamo_table_lookup(table_name, true) != NULL)
		return;
	if (arn == NULL)
		dynamo_error(DYN_RESOURCE_NOT_FOUND, "Requested resource not found");
	dynamo_error(DYN_RESOURCE_NOT_FOUND, "Requested resource not found: ResourcArn: %s not found", arn);
}

/* A TagResource (or, keys, UntagResource) names at least one tag */
void
tags_check_count(int n, bool keys)
{
	if (n == 0)
		dynamo_error(DYN_VALIDATION, keys ? "Atleast one Tag Key needs to be provided as Input." :
					 "Atleast one Tag needs to be provided as Input.");
}

/*
 * The name of the table an ARN names, checked as DynamoDB checks it: an ARN
 * of this region and account, of a table (not an index or a stream) with
 * a valid name.  The table may not exist.
 */
char *
table_name_of_arn(const char *arn, const char *param)
{
	char	   *parts[6];
	char	   *copy;
	char	   *prefix;
	char	   *name;

	if (arn == NULL)
		dynamo_error(DYN_VALIDATION, "Invalid TableArn");
	validate_length(NULL, arn, strlen(arn), 1, ARN_MAX, param);
	if (strncmp(arn, "arn:", 4) != 0)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "ARNs must start with 'arn:': %s", arn);
	copy = pstrdup(arn);
	for (int i = 0; i < 6; i++)
	{
		parts[i] = copy;
		copy = i < 5 ? strchr(copy, ':') : NULL;
		if (i < 5 && copy == NULL)
			dynamo_error(DYN_VALIDATION, "Invalid TableArn: Invalid ResourceArn provided as input %s", arn);
		if (copy)
			*copy++ = '\0';
	}
	if (strcmp(parts[2], "dynamodb") != 0)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Provided Arn is not a DynamoDB resource arn: %s", arn);
	if (strcmp(parts[1], "aws") != 0 || strcmp(parts[3], dynamo_region) != 0 ||
		strcmp(parts[4], dynamo_account_id) != 0)
		dynamo_error(DYN_VALIDATION, "Invalid TableArn: Invalid ResourceArn provided as input %s", arn);
	prefix = "table/";
	if (strncmp(parts[5], prefix, strlen(prefix)) != 0 || strchr(parts[5] + strlen(prefix), '/') != NULL)
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Invalid resource arn provided, only table or stream is accepted. Provided resource arn: %s",
					 arn);
	name = parts[5] + strlen(prefix);
	if (strlen(name) < 3 || strlen(name) > DYNAMO_MAX_TABLE_NAME ||
		strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-") != strlen(name))
		dynamo_error(DYN_VALIDATION, "Invalid TableArn: Invalid ResourceArn provided as input %s", arn);
	return name;
}

/*
 * Whether a tag key or value is made of allowed characters: letters,
 * digits, white space and _ . : / = + - @ (any non-ASCII character counts
 * as a letter), with at most max characters.
 */
static bool
tag_text_valid(const char *s, int min, int max)
{
	int			len = pg_mbstrlen(s);

	if (len < min || len > max)
		return false;
	for (const unsigned char *p = (const unsigned char *) s; *p; p++)
		if (*p < 0x80 && !isalnum(*p) && !isspace(*p) && strchr("_.:/=+-@", *p) == NULL)
			return false;
	return true;
}

/* Check one tag key: its length, characters and the reserved aws: prefix */
static void
check_tag_key(const char *key)
{
	if (key == NULL || !tag_text_valid(key, 1, TAG_KEY_MAX))
		dynamo_error(DYN_VALIDATION, "The Tag Key provided is invalid, Key: %s", key ? key : "null");
	if (strncmp(key, "aws:", 4) == 0)
		dynamo_error(DYN_VALIDATION, "Tag Key cannot be prefixed with aws:, Key: %s", key);
}

/* Refuse a key given twice in one request */
static void
check_duplicate(char **keys, int n)
{
	for (int j = 0; j < n; j++)
		if (strcmp(keys[j], keys[n]) == 0)
			dynamo_error(DYN_VALIDATION, "Duplicate Tag Keys provided as input: Duplicate Tag Key found %s", keys[n]);
}

/*
 * Serialise the taggers of one table until the end of the transaction, so
 * two concurrent requests cannot pass the tag limit together
 */
static void
lock_tags(const char *table_name)
{
	const char *args[1] = {table_name};

	spi_text_run("SELECT pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('pg_dynamo tags '"
				 " OPERATOR(pg_catalog.||) $1))", 1, args, SPI_OK_SELECT);
}

/* Refuse a table over the tag limit */
static void
check_tag_count(const char *table_name)
{
	const char *args[1] = {table_name};

	spi_text_run("SELECT 1 FROM dynamo.tags WHERE table_name OPERATOR(pg_catalog.=) $1", 1, args, SPI_OK_SELECT);
	if (SPI_processed > TAGS_MAX)
		dynamo_error(DYN_VALIDATION, "Number of Tags exceed the current limit for the provided ResourceArn");
}

/*
 * Add tags to a table, replacing the values of keys it has (TagResource;
 * CreateTable's Tags when creating, where an empty list is allowed).
 */
void
tags_store(const char *table_name, TableTags *tags, bool creating)
{
	int			n = tags ? tags->n : 0;

	if (!creating)
		tags_check_count(n, false);
	if (n == 0)
		return;
	if (n > TAGS_MAX)
		dynamo_error(DYN_VALIDATION, "Number of Tags exceed the current limit for the provided ResourceArn");
	item_spi_connect();
	lock_tags(table_name);
	for (int i = 0; i < n; i++)
	{
		char	   *value = tags->values[i];
		const char *args[3];

		check_tag_key(tags->keys[i]);
		if (value == NULL || !tag_text_valid(value, 0, TAG_VALUE_MAX))
			dynamo_error(DYN_VALIDATION, "The Tag Value provided is invalid, Value: %s", value ? value : "null");
		check_duplicate(tags->keys, i);
		args[0] = table_name;
		args[1] = tags->keys[i];
		args[2] = value;
		spi_text_run("INSERT INTO dynamo.tags (table_name, key, value) VALUES ($1, $2, $3)"
					 " ON CONFLICT (table_name, key) DO UPDATE SET value = excluded.value",
					 3, args, SPI_OK_INSERT);
	}
	check_tag_count(table_name);
	SPI_finish();
}

/* Remove tags by key (UntagResource); absent keys are no error */
void
tags_remove(const char *table_name, Jsonb *keys)
{
	int			n = keys ? JB_ROOT_COUNT(keys) : 0;

	tags_check_count(n, true);
	if (n > TAGS_MAX)
		dynamo_error(DYN_VALIDATION, "Number of Tags exceed the current limit for the provided ResourceArn");
	item_spi_connect();
	for (int i = 0; i < n; i++)
	{
		JsonbValue *k = getIthJsonbValueFromContainer(&keys->root, i);
		const char *args[2];

		if (k->type != jbvString)
			dynamo_kind_error(k, "String");
		args[0] = table_name;
		args[1] = pnstrdup(k->val.string.val, k->val.string.len);
		check_tag_key(args[1]);
		spi_text_run("DELETE FROM dynamo.tags WHERE table_name OPERATOR(pg_catalog.=) $1"
					 " AND key OPERATOR(pg_catalog.=) $2", 2, args, SPI_OK_DELETE);
	}
	SPI_finish();
}

/* A NextToken: the last key of a page, base64 */
static char *
encode_token(const char *key)
{
	return dynamo_binary_encode(key, strlen(key));
}

/* The key a NextToken names */
static char *
decode_token(const char *token)
{
	int			n;
	char	   *out = dynamo_base64_decode(token, &n);

	if (out == NULL || memchr(out, '\0', n) != NULL || !pg_verifymbstr(out, n, true))
		dynamo_error(DYN_VALIDATION, "Invalid NextToken");
	return out;
}

/* A page of a table's tags in key order (ListTagsOfResource) */
Jsonb *
tags_list(const char *table_name, const char *next_token)
{
	const char *args[2] = {table_name, next_token ? decode_token(next_token) : NULL};
	JsonbParseState *st = NULL;
	uint64		n;
	Jsonb	   *result;

	item_spi_connect();
	spi_text_run(psprintf("SELECT key, value FROM dynamo.tags WHERE table_name OPERATOR(pg_catalog.=) $1"
						  " AND ($2 IS NULL OR key OPERATOR(pg_catalog.>) $2) ORDER BY key LIMIT %d",
						  TAGS_PAGE + 1), 2, args, SPI_OK_SELECT);
	n = Min(SPI_processed, TAGS_PAGE);
	jb_begin_object(&st, NULL);
	jb_begin_array(&st, "Tags");
	for (uint64 i = 0; i < n; i++)
	{
		jb_begin_object(&st, NULL);
		jb_string(&st, "Key", spi_text_value(i, 1));
		jb_string(&st, "Value", spi_text_value(i, 2));
		jb_end_object(&st);
	}
	jb_end_array(&st);
	if (SPI_processed > TAGS_PAGE)
		jb_string(&st, "NextToken", encode_token(spi_text_value(n - 1, 1)));
	result = item_transfer(jb_finish(&st));
	SPI_finish();
	return result;
}
