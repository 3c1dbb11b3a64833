/*
 * request_table.c
 *		Reading the settings members of CreateTable and UpdateTable
 *		(BillingMode, ProvisionedThroughput, OnDemandThroughput, TableClass,
 *		DeletionProtectionEnabled) into a TableSettings, checked for shape;
 *		the Tags of CreateTable and TagResource.
 */
#include "postgres.h"

#include "attr_value.h"
#include "errors.h"
#include "json_read.h"
#include "protocol.h"
#include "validate.h"

/*
 * A required positive capacity member of ProvisionedThroughput; bounded:
 * refused beyond DynamoDB's bounds now (an index update's are checked once
 * its table and index are found)
 */
int64
request_capacity_units(Jsonb *pt, const char *member, const char *param, bool bounded)
{
	int64		v;

	if (!req_long(pt, member, &v))
		validate_not_null(NULL, NULL, param);
	validate_range(NULL, psprintf(INT64_FORMAT, v), v, 1, (double) PG_INT64_MAX, param);
	if (bounded)
		table_capacity_check_bounds(v, member);
	return v;
}

/*
 * An optional MaxRead/WriteRequestUnits of the OnDemandThroughput of a
 * "table" or "index" (what): at least 1, or -1 (no maximum); 0 when absent
 */
int64
request_units_member(Jsonb *odt, const char *member, bool allow_clear, const char *what)
{
	int64		v;

	if (!req_long(odt, member, &v))
		return 0;
	if (v < 1 && !(allow_clear && v == -1))
		dynamo_error(DYN_VALIDATION, DYN_INVALID_PARAMS "Requested %s for OnDemandThroughput for %s is outside of valid range",
					 member, what);
	return v;
}

/*
 * Read and check the shape of the settings members of a CreateTable or
 * (update) UpdateTable request
 */
void
exec_table_settings(Jsonb *req, bool update, TableSettings *s)
{
	Jsonb	   *pt;
	Jsonb	   *odt;

	memset(s, 0, sizeof(*s));
	s->billing_mode = req_string(req, "BillingMode");
	validate_enum(NULL, s->billing_mode, "billingMode", "[PROVISIONED, PAY_PER_REQUEST]");
	pt = req_object(req, "ProvisionedThroughput");
	if (pt)
	{
		s->has_throughput = true;
		s->read_units = request_capacity_units(pt, "ReadCapacityUnits", "provisionedThroughput.readCapacityUnits", true);
		s->write_units = request_capacity_units(pt, "WriteCapacityUnits", "provisionedThroughput.writeCapacityUnits", true);
	}
	odt = req_object(req, "OnDemandThroughput");
	if (odt)
	{
		s->has_on_demand = true;
		s->max_read = request_units_member(odt, "MaxReadRequestUnits", update, "table");
		s->max_write = request_units_member(odt, "MaxWriteRequestUnits", update, "table");
	}
	s->table_class = req_string(req, "TableClass");
	if (s->table_class && strcmp(s->table_class, "STANDARD") != 0 &&
		strcmp(s->table_class, "STANDARD_INFREQUENT_ACCESS") != 0)
		dynamo_error(DYN_VALIDATION, "Invalid table-class parameter provided. Please try again with a valid table-class value: [STANDARD, STANDARD_INFREQUENT_ACCESS].");
	s->has_protection = req_member(req, "DeletionProtectionEnabled") != NULL;
	s->protection = req_bool(req, "DeletionProtectionEnabled", false);
}

/* Read a Tags list (NULL: none) into tags; each Tag must be a structure */
void
exec_tags(Jsonb *list, TableTags *tags)
{
	int			n = list ? JB_ROOT_COUNT(list) : 0;

	tags->n = n;
	tags->keys = palloc0(sizeof(char *) * Max(n, 1));
	tags->values = palloc0(sizeof(char *) * Max(n, 1));
	for (int i = 0; i < n; i++)
	{
		JsonbValue *tag = getIthJsonbValueFromContainer(&list->root, i);
		Jsonb	   *obj;

		if (tag->type != jbvBinary || !JsonContainerIsObject(tag->val.binary.data))
			dynamo_kind_error(tag, "Tag");
		obj = jsonb_of_container(tag);
		tags->values[i] = req_string(obj, "Value");
		tags->keys[i] = req_string(obj, "Key");
	}
}
