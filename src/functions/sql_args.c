/*
 * sql_args.c
 *		Arguments of the ergonomic SQL functions.
 */
#include "postgres.h"

#include "utils/builtins.h"

#include "errors.h"
#include "sql_args.h"
#include "validate.h"

/* A text argument as a C string */
char *
sql_text_arg(FunctionCallInfo fcinfo, int n)
{
	return (n < 0 || PG_ARGISNULL(n)) ? NULL : text_to_cstring(PG_GETARG_TEXT_PP(n));
}

/* A jsonb argument */
Jsonb *
sql_jsonb_arg(FunctionCallInfo fcinfo, int n)
{
	return (n < 0 || PG_ARGISNULL(n)) ? NULL : PG_GETARG_JSONB_P(n);
}

/* An integer argument; false when there is none */
bool
sql_int_arg(FunctionCallInfo fcinfo, int n, int64 *out)
{
	if (n < 0 || PG_ARGISNULL(n))
		return false;
	*out = PG_GETARG_INT32(n);
	return true;
}

/* A key type argument: 'S', 'N' or 'B' */
DynamoType
sql_key_type_arg(FunctionCallInfo fcinfo, int n, const char *param)
{
	char	   *s = sql_text_arg(fcinfo, n);
	DynamoType	t;

	if (s == NULL)
		return DT_S;
	validate_enum(NULL, s, param, "[B, N, S]");
	(void) dynamo_type_from_name(s, strlen(s), &t);
	return t;
}
