/*
 * stream_functions.c
 *		The SQL functions of DynamoDB Streams: the capture trigger,
 *		update_stream(), trim_streams() and stream_records().
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "utils/builtins.h"

#include "errors.h"
#include "json_build.h"
#include "sql_args.h"
#include "streams.h"
#include "tables.h"

PG_FUNCTION_INFO_V1(dynamo_stream_capture);

/* dynamo.stream_capture() returns trigger: AFTER ROW on item tables */
Datum
dynamo_stream_capture(PG_FUNCTION_ARGS)
{
	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_E_R_I_E_TRIGGER_PROTOCOL_VIOLATED),
				 errmsg("dynamo.stream_capture() must be called as a trigger")));
	stream_capture_row((TriggerData *) fcinfo->context);
	return PointerGetDatum(NULL);
}

PG_FUNCTION_INFO_V1(dynamo_update_stream_sql);

/*
 * dynamo.update_stream(table_name, stream_view_type) returns jsonb: enable
 * a stream with the view type, or disable the stream (NULL), as
 * UpdateTable's StreamSpecification does.
 */
Datum
dynamo_update_stream_sql(PG_FUNCTION_ARGS)
{
	char	   *table_name = sql_text_arg(fcinfo, 0);
	char	   *view = sql_text_arg(fcinfo, 1);
	JsonbParseState *st = NULL;

	dynamo_check_table_name(table_name, "tableName");
	jb_begin_object(&st, NULL);
	jb_bool(&st, "StreamEnabled", view != NULL);
	if (view)
		jb_string(&st, "StreamViewType", view);
	stream_specification_update(table_name, jb_finish(&st));
	PG_RETURN_JSONB_P(dynamo_describe_table(table_name));
}

PG_FUNCTION_INFO_V1(dynamo_trim_streams_sql);

/*
 * dynamo.trim_streams(retention, shard_lifetime, batch_size) returns bigint;
 * batch_size NULL: every record past the retention
 */
Datum
dynamo_trim_streams_sql(PG_FUNCTION_ARGS)
{
	int64		batch = 0;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	if (sql_int_arg(fcinfo, 2, &batch) && batch < 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("batch_size must be positive")));
	PG_RETURN_INT64(stream_trim(PG_GETARG_INTERVAL_P(0), PG_GETARG_INTERVAL_P(1), batch));
}

PG_FUNCTION_INFO_V1(dynamo_stream_records_sql);

/*
 * dynamo.stream_records(table_name, after_sequence_number, limit) returns
 * setof (sequence_number, event_name, keys, new_image, old_image,
 * approximate_creation_time, size_bytes, stream_label): the records of the
 * table's latest stream, every shard, below the read horizon.
 */
Datum
dynamo_stream_records_sql(PG_FUNCTION_ARGS)
{
	char	   *table_name = sql_text_arg(fcinfo, 0);
	char	   *after_text = sql_text_arg(fcinfo, 1);
	int64		limit = STREAM_MAX_RECORDS;
	int64		after = 0;
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	StreamInfo *s;
	bool		complete;
	ListCell   *lc;

	dynamo_check_table_name(table_name, "tableName");
	if (sql_int_arg(fcinfo, 2, &limit) && limit < 1)
		dynamo_error(DYN_VALIDATION, "limit must be positive");
	if (after_text && (after = stream_parse_seq(after_text)) < 0)
		dynamo_error(DYN_VALIDATION, "Invalid SequenceNumber: %s", after_text);
	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	s = stream_latest_of_table(table_name);
	if (s == NULL)
		return (Datum) 0;
	stream_check_read(s);
	foreach(lc, stream_read_records(s->stream_id, Max(after, s->trimmed_seq), stream_read_horizon(),
									(int) Min(limit, PG_INT32_MAX - 1), PG_INT64_MAX, &complete))
	{
		StreamRecord *r = lfirst(lc);
		Datum		values[8];
		bool		nulls[8] = {false};

		values[0] = CStringGetTextDatum(stream_format_seq(r->seq));
		values[1] = CStringGetTextDatum(r->event_name);
		values[2] = JsonbPGetDatum(r->keys);
		values[3] = r->new_image ? JsonbPGetDatum(r->new_image) : (Datum) 0;
		nulls[3] = r->new_image == NULL;
		values[4] = r->old_image ? JsonbPGetDatum(r->old_image) : (Datum) 0;
		nulls[4] = r->old_image == NULL;
		values[5] = TimestampTzGetDatum(r->created_at);
		values[6] = Int32GetDatum(r->size_bytes);
		values[7] = CStringGetTextDatum(s->label);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
