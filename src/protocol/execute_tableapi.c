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
/* The Host the request being run was sent to (the HTTP door), or NULL */
const char *dynamo_request_host = NULL;

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
	char	   *table_name;
	Jsonb	   *spec;
	char	   *attribute;
	bool		has_enabled;
	DynValidation v;
	RequestMembers m;

	/* the parameter constraints checked as the members are read */
	exec_read_members("UpdateTimeToLive", req, &m);
	table_name = req_value_string(request_member(&m, "TableName"));
	spec = req_value_object(request_member(&m, "TimeToLiveSpecification"));
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
	RequestMembers m;

	/* DynamoDB words its TableName errors as DescribeTable's */
	dynamo_check_table_op_name(req_string(req, "TableName"));
	exec_read_members("DescribeTimeToLive", req, &m);
	return exec_wrap_response("TimeToLiveDescription",
							  ttl_describe(req_value_string(request_member(&m, "TableName"))));
}

/*
 * Read a tags request's members into m (its parameter constraints checked
 * as they are read): the table its ResourceArn names, which may not exist
 */
static char *
resource_table(const char *operation, Jsonb *req, RequestMembers *m, char **arn)
{
	exec_read_members(operation, req, m);
	*arn = req_value_string(request_member(m, "ResourceArn"));
	return table_name_of_arn(*arn, "resourceArn");
}

/* TagResource: an empty Tags is refused before the table is looked up */
Jsonb *
exec_tag_resource(Jsonb *req, bool escaped)
{
	RequestMembers m;
	char	   *arn;
	char	   *table_name = resource_table("TagResource", req, &m, &arn);
	Jsonb	   *list = req_value_array(request_member(&m, "Tags"));
	TableTags	tags;

	validate_not_null(NULL, list, "tags");
	exec_tags(list, &tags);
	tags_check_count(tags.n, false);
	tags_check_table(table_name, arn);
	tags_store(table_name, &tags, false);
	return exec_wrap_response(NULL, NULL);
}

/* UntagResource: as TagResource, its unknown table unnamed */
Jsonb *
exec_untag_resource(Jsonb *req, bool escaped)
{
	RequestMembers m;
	char	   *arn;
	char	   *table_name = resource_table("UntagResource", req, &m, &arn);
	Jsonb	   *keys = req_value_array(request_member(&m, "TagKeys"));

	validate_not_null(NULL, keys, "tagKeys");
	tags_check_count(JB_ROOT_COUNT(keys), true);
	tags_check_table(table_name, NULL);
	tags_remove(table_name, keys);
	return exec_wrap_response(NULL, NULL);
}

/* ListTagsOfResource: a page of tags, with NextToken when more remain */
Jsonb *
exec_list_tags_of_resource(Jsonb *req, bool escaped)
{
	RequestMembers m;
	char	   *arn;
	char	   *table_name = resource_table("ListTagsOfResource", req, &m, &arn);

	tags_check_table(table_name, arn);
	return tags_list(table_name, req_value_string(request_member(&m, "NextToken")));
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

/*
 * DescribeEndpoints: this server's address (pg_dynamo.endpoint_address, or
 * else the Host an HTTP request was sent to, as DynamoDB answers)
 */
Jsonb *
exec_describe_endpoints(Jsonb *req, bool escaped)
{
	JsonbParseState *st = NULL;
	const char *address = dynamo_endpoint_address;

	if (address == NULL || address[0] == '\0')
		address = dynamo_request_host ? dynamo_request_host : "localhost";

	jb_begin_object(&st, NULL);
	jb_begin_array(&st, "Endpoints");
	jb_begin_object(&st, NULL);
	jb_string(&st, "Address", address);
	jb_int(&st, "CachePeriodInMinutes", 1440);
	jb_end_object(&st);
	jb_end_array(&st);
	return jb_finish(&st);
}
