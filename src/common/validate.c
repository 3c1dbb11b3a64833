/*
 * validate.c
 *		DynamoDB's parameter constraints and their messages, collected so a
 *		request hears of all its violations at once.
 */
#include "postgres.h"

#include "errors.h"
#include "validate.h"

const char	VALIDATE_HIDDEN[] = "";

/* Start collecting violations */
void
validate_init(DynValidation *v)
{
	v->count = 0;
	initStringInfo(&v->msgs);
}

/* Raise the collected violations, if any, as one ValidationException */
void
validate_finish(DynValidation *v)
{
	if (v->count > 0)
		dynamo_error(DYN_VALIDATION, "%d validation error%s detected: %s",
					 v->count, v->count > 1 ? "s" : "", v->msgs.data);
}

/*
 * Record one violation: shown is the value as DynamoDB prints it (NULL:
 * null), member its path, constraint what it fails.
 */
void
validate_fail(DynValidation *v, const char *shown, const char *member,
			  const char *constraint)
{
	DynValidation one;

	if (v == NULL)
	{
		validate_init(&one);
		v = &one;
	}
	if (v->count < VALIDATE_MAX_ERRORS)
	{
		appendStringInfoString(&v->msgs, v->count ? "; " : "");
		if (shown == VALIDATE_HIDDEN)
			appendStringInfoString(&v->msgs, "Value");
		else if (shown)
			appendStringInfo(&v->msgs, "Value '%s'", shown);
		else
			appendStringInfoString(&v->msgs, "Value null");
		appendStringInfo(&v->msgs, " at '%s' failed to satisfy constraint: %s",
						 member, constraint);
		v->count++;
	}
	if (v == &one)
		validate_finish(v);
}

/* A required member */
bool
validate_not_null(DynValidation *v, const void *value, const char *member)
{
	if (value != NULL)
		return true;
	validate_fail(v, NULL, member, "Member must not be null");
	return false;
}

/* A member of an enum; set as DynamoDB lists it: "[A, B]" (NULL passes) */
bool
validate_enum(DynValidation *v, const char *value, const char *member, const char *set)
{
	const char *p = set + 1;	/* past '[' */
	size_t		len;

	if (value == NULL)
		return true;
	len = strlen(value);
	/* the members: "[A, B, C]" */
	while (*p && *p != ']')
	{
		size_t		n = strcspn(p, ",]");

		if (n == len && memcmp(p, value, len) == 0)
			return true;
		p += n;
		while (*p == ',' || *p == ' ')
			p++;
	}
	validate_fail(v, value, member, psprintf("Member must satisfy enum value set: %s", set));
	return false;
}

/* A length (characters, elements or entries) within [min, max] (-1: none) */
bool
validate_length(DynValidation *v, const char *shown, int64 len, int64 min, int64 max,
				const char *member)
{
	if (min >= 0 && len < min)
		validate_fail(v, shown, member,
					  psprintf("Member must have length greater than or equal to " INT64_FORMAT, min));
	else if (max >= 0 && len > max)
		validate_fail(v, shown, member,
					  psprintf("Member must have length less than or equal to " INT64_FORMAT, max));
	else
		return true;
	return false;
}

/* A number within [min, max] */
bool
validate_range(DynValidation *v, const char *shown, double value, double min, double max,
			   const char *member)
{
	if (value < min)
		validate_fail(v, shown, member,
					  psprintf("Member must have value greater than or equal to %.0f", min));
	else if (value > max)
		validate_fail(v, shown, member,
					  psprintf("Member must have value less than or equal to %.0f", max));
	else
		return true;
	return false;
}

/* A name of [a-zA-Z0-9_.-]+ (table and index names) */
bool
validate_name_pattern(DynValidation *v, const char *value, const char *member)
{
	for (const char *c = value; *c; c++)
	{
		if (!(isalnum((unsigned char) *c) || *c == '_' || *c == '.' || *c == '-') ||
			IS_HIGHBIT_SET(*c))
		{
			validate_fail(v, value, member,
						  "Member must satisfy regular expression pattern: " VALIDATE_NAME_PATTERN);
			return false;
		}
	}
	if (*value)
		return true;
	validate_fail(v, value, member,
				  "Member must satisfy regular expression pattern: " VALIDATE_NAME_PATTERN);
	return false;
}

/*
 * A table or index name (NULL passes): the pattern, then 3 to max
 * characters, each violation reported, in DynamoDB's order
 */
bool
validate_name(DynValidation *v, const char *value, int64 max, const char *member)
{
	DynValidation one;
	bool		ok;

	if (value == NULL)
		return true;
	if (v == NULL)
	{
		validate_init(&one);
		v = &one;
	}
	ok = validate_name_pattern(v, value, member);
	ok &= validate_length(v, value, strlen(value), 3, max, member);
	if (v == &one)
		validate_finish(v);
	return ok;
}

/*
 * The TableName of an item operation (NULL passes): a table's name (as
 * validate_name checks it) or, from "arn:" on, a table's ARN of 1 to
 * VALIDATE_TABLE_REF_MAX characters, which the operation resolves
 */
bool
validate_table_ref(DynValidation *v, const char *value, const char *member)
{
	if (value != NULL && strncmp(value, "arn:", 4) == 0)
		return validate_length(v, value, strlen(value), 1, VALIDATE_TABLE_REF_MAX, member);
	return validate_name(v, value, 255, member);
}
