/*
 * execute_tableapi.c
 *		execute()'s table API beyond CreateTable and its family: Time to
 *		Live, tags, DescribeLimits and DescribeEndpoints; DynamoDB's request
 *		and response shapes.
 */
#include "postgres.h"

#include "errors.h"
#include "protocol.h"
#include "json_build.h"
#include "json_read.h"
#include "table_catalog.h"
#include "tables.h"
#include "ttl.h"
#include "validate.h"

char	   *dynamo_endpoint_address = NULL;

/* A response {"<key>": value}; {} for a NULL key */
Jsonb *
exec_wrap_response(const char *key, Jsonb *value)
{
	JsonbParseState *st = NULL;

	jb_begin_object(&st, NULL);
	if (key)
		jb_jsonb(&st, key, value);
	return jb_finish(&st);
}

/*
 * UpdateTimeToLive: both members of TimeToLiveSpecification are required
 * (DynamoDB reports both when both are missing)
 */
Jsonb *
exec_update_time_to_live(Jsonb *req, bool escaped)
{
	char	   *table_name = exec_table_name(req);
	Jsonb	   *spec = req_object(req, "TimeToLiveSpecification");
	char	   *attribute;
	bool		has_enabled;
	DynValidation v;

	validate_not_null(NULL, spec, "timeToLiveSpecification");
	attribute = req_string(spec, "AttributeName");
	has_enabled = req_member(spec, "Enabled") != NULL;
	validate_init(&v);
	validate_not_null(&v, has_enabled ? spec : NULL, "timeToLiveSpecification.enabled");
	validate_not_null(&v, attribute, "timeToLiveSpecification.attributeName");
	validate_finish(&v);
	ttl_check_attribute(attribute);
	return exec_wrap_response("TimeToLiveSpecification", ttl_update(table_name, attribute, req_bool(spec, "Enabled", false)));
}

/* DescribeTimeToLive */
Jsonb *
exec_describe_time_to_live(Jsonb *req, bool escaped)
{
	return exec_wrap_response("TimeToLiveDescription", ttl_describe(exec_table_name(req)));
}

/* The table a request's ResourceArn names; it must exist */
static char *
resource_table(Jsonb *req)
{
	char	   *arn = req_string(req, "ResourceArn");
	char	   *name = table_name_of_arn(arn, "resourceArn");

	tags_check_table(name, arn);
	return name;
}

/* TagResource */
Jsonb *
exec_tag_resource(Jsonb *req, bool escaped)
{
	char	   *table_name = resource_table(req);
	Jsonb	   *list = req_array(req, "Tags");
	TableTags	tags;

	validate_not_null(NULL, list, "tags");
	exec_tags(list, &tags);
	tags_store(table_name, &tags, false);
	return exec_wrap_response(NULL, NULL);
}

/* UntagResource */
Jsonb *
exec_untag_resource(Jsonb *req, bool escaped)
{
	char	   *table_name = resource_table(req);
	Jsonb	   *keys = req_array(req, "TagKeys");

	validate_not_null(NULL, keys, "tagKeys");
	tags_remove(table_name, keys);
	return exec_wrap_response(NULL, NULL);
}

/* ListTagsOfResource: a page of tags, with NextToken when more remain */
Jsonb *
exec_list_tags_of_resource(Jsonb *req, bool escaped)
{
	return tags_list(resource_table(req), req_string(req, "NextToken"));
}

/* DescribeLimits: DynamoDB's default quotas of an account and a table */
Jsonb *
exec_describe_limits(Jsonb *req, bool escaped)
{
	JsonbParseState *st = NULL;

	jb_begin_object(&st, NULL);
	jb_int(&st, "AccountMaxReadCapacityUnits", 80000);
	jb_int(&st, "AccountMaxWriteCapacityUnits", 80000);
	jb_int(&st, "TableMaxReadCapacityUnits", 40000);
	jb_int(&st, "TableMaxWriteCapacityUnits", 40000);
	return jb_finish(&st);
}

/* DescribeEndpoints: this server's address (pg_dynamo.endpoint_address) */
Jsonb *
exec_describe_endpoints(Jsonb *req, bool escaped)
{
	JsonbParseState *st = NULL;

	jb_begin_object(&st, NULL);
	jb_begin_array(&st, "Endpoints");
	jb_begin_object(&st, NULL);
	jb_string(&st, "Address", dynamo_endpoint_address);
	jb_int(&st, "CachePeriodInMinutes", 1440);
	jb_end_object(&st);
	jb_end_array(&st);
	return jb_finish(&st);
}
