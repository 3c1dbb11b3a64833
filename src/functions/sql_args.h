/*
 * sql_args.h
 *		Arguments of the ergonomic SQL functions: optional ones come out as
 *		NULL (or false) when the call gives SQL NULL, or when the function
 *		has no such argument (position -1).
 */
#ifndef DYNAMO_SQL_ARGS_H
#define DYNAMO_SQL_ARGS_H

#include "fmgr.h"
#include "utils/jsonb.h"

#include "attr_value.h"

extern char *sql_text_arg(FunctionCallInfo fcinfo, int n);
extern Jsonb *sql_jsonb_arg(FunctionCallInfo fcinfo, int n);
extern bool sql_int_arg(FunctionCallInfo fcinfo, int n, int64 *out);
extern void sql_placeholders_args(FunctionCallInfo fcinfo, int names, int values,
								  Jsonb **names_out, Jsonb **values_out);
extern DynamoType sql_key_type_arg(FunctionCallInfo fcinfo, int n, const char *param);

#endif							/* DYNAMO_SQL_ARGS_H */
