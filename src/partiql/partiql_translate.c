/*
 * partiql_translate.c
 *		PartiQL statements into the engine's requests: the table, the key a
 *		WHERE fixes, and DynamoDB's expression languages for the rest.
 *
 * A WHERE is split into its top-level AND terms.  For a SELECT, an
 * equality on the partition key (with a value of its type) makes a Query,
 * and one term on the sort key its key condition; the other terms are the
 * filter.  A write needs an equality on every key attribute; its other
 * terms become the condition.  Paths become #placeholders and literals
 * :placeholders, so the one expression engine (src/expr) checks and
 * evaluates what is left, and statements of one shape share their parsed
 * expressions.
 */
#include "postgres.h"

#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/formatting.h"

#include "errors.h"
#include "indexes.h"
#include "json_build.h"
#include "partiql.h"
#include "table_catalog.h"
#include "validate.h"

/* A statement being translated */
typedef struct Translation
{
	PqlPlan    *plan;
	Jsonb	   *params;			/* Parameters (typed), or NULL */
	List	   *names;			/* attribute names, numbered by position */
	List	   *values;			/* PqlNode * literals, numbered by position */
} Translation;

/* DynamoDB's error for a statement the dialect does not support */
static void
unsupported(const char *what)
{
	dynamo_error(DYN_VALIDATION, "Statement wasn't well formed, can't be processed: %s", what);
}

/*
 * An INSERT's item (typed) must hold each key attribute, of the key's
 * type (the messages of DynamoDB's PartiQL)
 */
static void
check_insert_keys(Jsonb *item, DynamoTable *t)
{
	const DynamoKeyAttr *attrs[2] = {&t->partition_key, &t->sort_key};

	for (int i = 0; i < (t->sort_key.name ? 2 : 1); i++)
	{
		const char *type = DynamoTypeNames[attrs[i]->type];
		JsonbValue	v,
					payload;

		if (!getKeyJsonValueFromContainer(&item->root, attrs[i]->name, strlen(attrs[i]->name), &v))
			dynamo_error(DYN_VALIDATION, "Key attribute should be present in the item: Key %s",
						 attrs[i]->name);
		if (v.type != jbvBinary || !JsonContainerIsObject(v.val.binary.data) ||
			!getKeyJsonValueFromContainer(v.val.binary.data, type, strlen(type), &payload))
			dynamo_error(DYN_VALIDATION,
						 "Key attribute's data type should match its data type in table's schema: Key %s",
						 attrs[i]->name);
	}
}

/* The typed value (an AttributeValue) of a ? parameter */
static JsonbValue *
param_value(Translation *tx, PqlNode *n)
{
	JsonbValue *v = getIthJsonbValueFromContainer(&tx->params->root, n->param);

	if (v == NULL || v->type != jbvBinary || !JsonContainerIsObject(v->val.binary.data))
		dynamo_error(DYN_SERIALIZATION, "Start of structure or map expected");
	return v;
}

/* The type letter (S, N, B, ...) of a literal's typed value, or NULL */
static const char *
literal_type(Translation *tx, PqlNode *n)
{
	switch (n->tag)
	{
		case PQ_STRING:
			return "S";
		case PQ_NUMBER:
			return "N";
		case PQ_PARAM:
			{
				JsonbIterator *it = JsonbIteratorInit(param_value(tx, n)->val.binary.data);
				JsonbValue	k;

				if (JsonbIteratorNext(&it, &k, true) == WJB_BEGIN_OBJECT &&
					JsonbIteratorNext(&it, &k, true) == WJB_KEY)
					return pnstrdup(k.val.string.val, k.val.string.len);
				return NULL;
			}
		default:
			return NULL;
	}
}

static void push_typed(Translation *tx, JsonbParseState **st, const char *key, PqlNode *n);
static void finish_placeholders(Translation *tx);

/* The typed members of a set literal: all strings, all numbers or all binaries */
static void
push_set(Translation *tx, JsonbParseState **st, PqlNode *n)
{
	const char *type = NULL;
	ListCell   *lc;

	foreach(lc, n->args)
	{
		const char *t = literal_type(tx, lfirst(lc));

		if (t == NULL || (strcmp(t, "S") != 0 && strcmp(t, "N") != 0 && strcmp(t, "B") != 0) ||
			(type && strcmp(type, t) != 0))
			unsupported("A set must hold strings, numbers or binaries, all of one type");
		type = t;
	}
	jb_begin_array(st, psprintf("%sS", type ? type : "S"));
	foreach(lc, n->args)
	{
		PqlNode    *e = lfirst(lc);

		if (e->tag == PQ_PARAM)
		{
			JsonbValue	v;

			if (getKeyJsonValueFromContainer(param_value(tx, e)->val.binary.data, type, 1, &v))
				pushJsonbValue(st, WJB_ELEM, &v);
		}
		else
			jb_string(st, NULL, e->text);
	}
	jb_end_array(st);
}

/* Push a literal (or ?) in DynamoDB's typed JSON, as member key or element */
static void
push_typed(Translation *tx, JsonbParseState **st, const char *key, PqlNode *n)
{
	ListCell   *lc;

	check_stack_depth();
	if (n->tag == PQ_PARAM)
	{
		if (key)
			jb_key(st, key);
		pushJsonbValue(st, key ? WJB_VALUE : WJB_ELEM, param_value(tx, n));
		return;
	}
	jb_begin_object(st, key);
	switch (n->tag)
	{
		case PQ_STRING:
			jb_string(st, "S", n->text);
			break;
		case PQ_NUMBER:
			jb_string(st, "N", n->text);
			break;
		case PQ_BOOL:
			jb_bool(st, "BOOL", n->boolval);
			break;
		case PQ_NULL:
			jb_bool(st, "NULL", true);
			break;
		case PQ_LIST:
			jb_begin_array(st, "L");
			foreach(lc, n->args)
				push_typed(tx, st, NULL, lfirst(lc));
			jb_end_array(st);
			break;
		case PQ_MAP:
			jb_begin_object(st, "M");
			for (lc = list_head(n->args); lc; lc = lnext(n->args, lc))
			{
				char	   *k = ((PqlNode *) lfirst(lc))->text;

				lc = lnext(n->args, lc);
				push_typed(tx, st, k, lfirst(lc));
			}
			jb_end_object(st);
			break;
		case PQ_SET:
			push_set(tx, st, n);
			break;
		default:
			unsupported("Expected a value");
	}
	jb_end_object(st);
}

/* Is a node a literal value (or a ?) */
static bool
is_value(PqlNode *n)
{
	return n->tag >= PQ_PARAM && n->tag <= PQ_SET;
}

/* The #placeholder of an attribute name, the same for the same name */
static int
name_number(Translation *tx, const char *name)
{
	ListCell   *lc;

	foreach(lc, tx->names)
	{
		if (strcmp(lfirst(lc), name) == 0)
			return foreach_current_index(lc);
	}
	tx->names = lappend(tx->names, (char *) name);
	return list_length(tx->names) - 1;
}

/* Append a path as #placeholders and [indexes] */
static void
path_text(Translation *tx, StringInfo buf, PqlNode *path)
{
	ListCell   *lc;

	foreach(lc, path->steps)
	{
		PqlStep    *s = lfirst(lc);

		if (s->index >= 0)
			appendStringInfo(buf, "[%d]", s->index);
		else
			appendStringInfo(buf, "%s#n%d", foreach_current_index(lc) ? "." : "",
							 name_number(tx, s->name));
	}
}

/* Append a literal as a new :placeholder */
static void
value_text(Translation *tx, StringInfo buf, PqlNode *n)
{
	tx->values = lappend(tx->values, n);
	appendStringInfo(buf, ":v%d", list_length(tx->values) - 1);
}

/* Append an operand: a path, a literal, or a function of operands */
static void
operand_text(Translation *tx, StringInfo buf, PqlNode *n)
{
	ListCell   *lc;

	check_stack_depth();
	if (n->tag == PQ_PATH)
		path_text(tx, buf, n);
	else if (is_value(n))
		value_text(tx, buf, n);
	else if (n->tag == PQ_FUNC)
	{
		appendStringInfo(buf, "%s(", asc_tolower(n->text, strlen(n->text)));
		foreach(lc, n->args)
		{
			if (foreach_current_index(lc))
				appendStringInfoString(buf, ", ");
			operand_text(tx, buf, lfirst(lc));
		}
		appendStringInfoChar(buf, ')');
	}
	else if (n->tag == PQ_ARITH)
	{
		operand_text(tx, buf, linitial(n->args));
		appendStringInfo(buf, " %c ", n->op);
		operand_text(tx, buf, lsecond(n->args));
	}
	else
		unsupported("Expected an operand");
}

static void condition_text(Translation *tx, StringInfo buf, PqlNode *n);

/* Append an operand of a comparison: no arithmetic, which only SET has */
static void
compared_text(Translation *tx, StringInfo buf, PqlNode *n)
{
	if (n->tag == PQ_ARITH)
		unsupported("Arithmetic is supported only in the SET clause of an UPDATE");
	operand_text(tx, buf, n);
}

/* Append a condition, in parentheses when it is an OR or an AND */
static void
term_text(Translation *tx, StringInfo buf, PqlNode *n, PqlTag parent)
{
	bool		parens = (n->tag == PQ_OR && parent != PQ_OR) ||
		(n->tag == PQ_AND && parent == PQ_NOT);

	appendStringInfoString(buf, parens ? "(" : "");
	condition_text(tx, buf, n);
	appendStringInfoString(buf, parens ? ")" : "");
}

/* Append a path operand of IS; anything else is not supported */
static void
is_path_text(Translation *tx, StringInfo buf, PqlNode *n)
{
	if (n->tag != PQ_PATH)
		unsupported("IS MISSING and IS NULL apply to a path");
	path_text(tx, buf, n);
}

/* Append IS [NOT] MISSING / NULL (NULL: a NULL value or no value, as PartiQL has it) */
static void
is_text(Translation *tx, StringInfo buf, PqlNode *n)
{
	PqlNode    *path = linitial(n->args);
	static PqlNode null_type = {.tag = PQ_STRING,.text = "NULL"};

	if (n->op & PQ_IS_MISSING)
	{
		appendStringInfoString(buf, (n->op & PQ_IS_NOT) ? "attribute_exists(" : "attribute_not_exists(");
		is_path_text(tx, buf, path);
		appendStringInfoChar(buf, ')');
		return;
	}
	appendStringInfoString(buf, (n->op & PQ_IS_NOT) ? "(attribute_exists(" : "(attribute_not_exists(");
	is_path_text(tx, buf, path);
	appendStringInfoString(buf, (n->op & PQ_IS_NOT) ? ") AND NOT attribute_type(" : ") OR attribute_type(");
	path_text(tx, buf, path);
	appendStringInfoString(buf, ", ");
	value_text(tx, buf, &null_type);
	appendStringInfoString(buf, "))");
}

/* Append a condition in the expression language */
static void
condition_text(Translation *tx, StringInfo buf, PqlNode *n)
{
	static const char *const cmp[] = {"=", "<>", "<", "<=", ">", ">="};
	ListCell   *lc;

	check_stack_depth();
	switch (n->tag)
	{
		case PQ_AND:
		case PQ_OR:
			term_text(tx, buf, linitial(n->args), n->tag);
			appendStringInfoString(buf, n->tag == PQ_AND ? " AND " : " OR ");
			term_text(tx, buf, lsecond(n->args), n->tag);
			break;
		case PQ_NOT:
			appendStringInfoString(buf, "NOT ");
			term_text(tx, buf, linitial(n->args), PQ_NOT);
			break;
		case PQ_CMP:
			compared_text(tx, buf, linitial(n->args));
			appendStringInfo(buf, " %s ", cmp[n->op]);
			compared_text(tx, buf, lsecond(n->args));
			break;
		case PQ_BETWEEN:
			compared_text(tx, buf, linitial(n->args));
			appendStringInfoString(buf, " BETWEEN ");
			compared_text(tx, buf, lsecond(n->args));
			appendStringInfoString(buf, " AND ");
			compared_text(tx, buf, lthird(n->args));
			break;
		case PQ_IN:
			compared_text(tx, buf, linitial(n->args));
			appendStringInfoString(buf, " IN (");
			for_each_from(lc, n->args, 1)
			{
				appendStringInfoString(buf, foreach_current_index(lc) > 1 ? ", " : "");
				compared_text(tx, buf, lfirst(lc));
			}
			appendStringInfoChar(buf, ')');
			break;
		case PQ_IS:
			is_text(tx, buf, n);
			break;
		case PQ_FUNC:
			operand_text(tx, buf, n);
			break;
		default:
			unsupported("Expected a condition");
	}
}

/* The top-level AND terms of a condition */
static List *
conjuncts(PqlNode *n, List *out)
{
	check_stack_depth();
	if (n && n->tag == PQ_AND)
		return conjuncts(lsecond(n->args), conjuncts(linitial(n->args), out));
	return n ? lappend(out, n) : out;
}

/* The conjunction of terms as expression text, after prefix; NULL if none */
static char *
conjunction_text(Translation *tx, const char *prefix, List *terms)
{
	StringInfoData buf;
	ListCell   *lc;

	if (prefix == NULL && terms == NIL)
		return NULL;
	initStringInfo(&buf);
	appendStringInfoString(&buf, prefix ? prefix : "");
	foreach(lc, terms)
	{
		if (buf.len)
			appendStringInfoString(&buf, " AND ");
		term_text(tx, &buf, lfirst(lc), PQ_AND);
	}
	return buf.data;
}

/* Is a node a path of one name? */
static bool
is_attribute(PqlNode *n, const char *name)
{
	PqlStep    *s;

	if (n->tag != PQ_PATH || list_length(n->steps) != 1)
		return false;
	s = linitial(n->steps);
	return s->index < 0 && strcmp(s->name, name) == 0;
}

/*
 * If a term compares a key attribute with a value of the attribute's type
 * (for writes: of any type), the value; else NULL.  op gets the comparator.
 */
static PqlNode *
key_term_value(Translation *tx, PqlNode *n, const DynamoKeyAttr *attr, bool any_type, int *op)
{
	PqlNode    *a,
			   *b;
	const char *type;
	static const int reversed[] = {PC_EQ, PC_NE, PC_GT, PC_GE, PC_LT, PC_LE};

	if (attr->name == NULL || n->tag != PQ_CMP || n->op == PC_NE)
		return NULL;
	a = linitial(n->args);
	b = lsecond(n->args);
	*op = n->op;
	if (!is_attribute(a, attr->name))
	{
		PqlNode    *t = a;

		a = b;
		b = t;
		*op = reversed[n->op];
	}
	if (!is_attribute(a, attr->name) || !is_value(b))
		return NULL;
	type = literal_type(tx, b);
	if (!any_type && (type == NULL || strcmp(type, DynamoTypeNames[attr->type]) != 0))
		return NULL;
	return b;
}

/* Can a term serve as a Query's sort key condition? */
static bool
sort_key_term(Translation *tx, PqlNode *n, const DynamoKeyAttr *sk)
{
	int			op;
	const char *type = sk->name ? DynamoTypeNames[sk->type] : NULL;
	const char *t1,
			   *t2;

	if (sk->name == NULL)
		return false;
	if (key_term_value(tx, n, sk, false, &op))
		return true;
	if (n->tag == PQ_BETWEEN && is_attribute(linitial(n->args), sk->name) &&
		is_value(lsecond(n->args)) && is_value(lthird(n->args)))
	{
		t1 = literal_type(tx, lsecond(n->args));
		t2 = literal_type(tx, lthird(n->args));
		return t1 && t2 && strcmp(t1, type) == 0 && strcmp(t2, type) == 0;
	}
	if (n->tag == PQ_FUNC && pg_strcasecmp(n->text, "begins_with") == 0 &&
		list_length(n->args) == 2 && is_attribute(linitial(n->args), sk->name) &&
		is_value(lsecond(n->args)) && sk->type != DT_N)
	{
		t1 = literal_type(tx, lsecond(n->args));
		return t1 && strcmp(t1, type) == 0;
	}
	return false;
}

/* The projection as expression text, NULL for * */
static char *
projection_text(Translation *tx, List *paths)
{
	StringInfoData buf;
	ListCell   *lc;

	if (paths == NIL)
		return NULL;
	initStringInfo(&buf);
	foreach(lc, paths)
	{
		appendStringInfoString(&buf, foreach_current_index(lc) ? ", " : "");
		path_text(tx, &buf, lfirst(lc));
	}
	return buf.data;
}

/*
 * The key schema a SELECT reads by: the table's, or that of the index it
 * names (DynamoDB's error, without the name, for an unknown one).
 */
/* A key attribute that no WHERE term names */
static const DynamoKeyAttr no_key = {0};

static void
select_key_schema(PqlStatement *stmt, DynamoTable *t, PqlPlan *plan,
				  const DynamoKeyAttr **pka, const DynamoKeyAttr **ska)
{
	DynamoIndex *ix;

	*pka = &t->partition_key;
	*ska = &t->sort_key;
	if (stmt->index == NULL)
		return;
	ix = index_find(t, stmt->index);
	if (ix == NULL)
		dynamo_error(DYN_VALIDATION, "The table does not have the specified index");
	plan->global_index = !ix->local;
	/* multi-attribute keys: no key terms, the SELECT scans the index */
	if (ix->key.nhash > 1 || ix->key.nkeys - ix->key.nhash > 1)
	{
		*pka = *ska = &no_key;
		return;
	}
	*pka = &ix->key.keys[0];
	*ska = dynamo_index_has_sort_key(ix) ? &ix->key.keys[1] : &no_key;
}

/* A SELECT (or EXISTS): Query or Scan, key, filter, order, projection */
static void
translate_select(Translation *tx, PqlStatement *stmt, DynamoTable *t)
{
	PqlPlan    *plan = tx->plan;
	List	   *terms = conjuncts(stmt->where, NIL);
	List	   *rest = NIL;
	PqlNode    *pk = NULL,
			   *sk = NULL;
	bool		sk_eq = false;
	const DynamoKeyAttr *pka,
			   *ska;
	ListCell   *lc;

	select_key_schema(stmt, t, plan, &pka, &ska);
	foreach(lc, terms)
	{
		PqlNode    *n = lfirst(lc);
		int			op;

		if (pk == NULL && key_term_value(tx, n, pka, false, &op) && op == PC_EQ)
			pk = n;
		else if (sk == NULL && sort_key_term(tx, n, ska))
		{
			sk = n;
			sk_eq = key_term_value(tx, n, ska, false, &op) && op == PC_EQ;
		}
		else
			rest = lappend(rest, n);
	}
	if (sk && pk == NULL)
	{
		rest = lappend(rest, sk);
		sk = NULL;
	}
	plan->query = pk != NULL;
	/* index keys are not unique: an index SELECT is never a GetItem */
	plan->full_key = pk && stmt->index == NULL && (t->sort_key.name == NULL || sk_eq);
	if (plan->full_key)
	{
		JsonbParseState *st = NULL;
		Translation alone = {.plan = plan,.params = tx->params};
		int			op;

		jb_begin_object(&st, NULL);
		push_typed(tx, &st, t->partition_key.name, key_term_value(tx, pk, &t->partition_key, false, &op));
		if (sk)
			push_typed(tx, &st, t->sort_key.name, key_term_value(tx, sk, &t->sort_key, false, &op));
		plan->key = jb_finish(&st);
		plan->get_projection = projection_text(&alone, stmt->projection);
		if (alone.names)
		{
			Jsonb	   *names = plan->names;

			finish_placeholders(&alone);
			plan->get_names = plan->names;
			plan->names = names;
		}
	}
	if (plan->query)
		plan->key_condition = conjunction_text(tx, NULL, sk ? list_make2(pk, sk) : list_make1(pk));
	plan->condition = conjunction_text(tx, NULL, rest);
	plan->projection = projection_text(tx, stmt->projection);
	plan->forward = !stmt->order_desc;
	if (stmt->order_by)
	{
		if (stmt->where == NULL)
			dynamo_error(DYN_VALIDATION, "Must have WHERE clause in the statement when using ORDER BY clause.");
		if (!plan->query)
			dynamo_error(DYN_VALIDATION,
						 "Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause.");
		if (stmt->order_by->tag == PQ_PATH && list_length(stmt->order_by->steps) == 1 &&
			!is_attribute(stmt->order_by, pka->name) &&
			(ska->name == NULL || !is_attribute(stmt->order_by, ska->name)))
			dynamo_error(DYN_VALIDATION,
						 "Variable reference %s in ORDER BY clause must be part of the primary key",
						 ((PqlStep *) linitial(stmt->order_by->steps))->name);
		if (ska->name == NULL || !is_attribute(stmt->order_by, ska->name))
			dynamo_error(DYN_VALIDATION,
						 "ORDER BY is supported only on the sort key of a statement whose WHERE clause fixes the partition key with an equality");
	}
}

/*
 * A write's key: an equality on each key attribute among the terms, which
 * are removed; DynamoDB's error when one is missing.
 */
static List *
translate_key(Translation *tx, List *terms, DynamoTable *t)
{
	const DynamoKeyAttr *attrs[2] = {&t->partition_key, &t->sort_key};
	JsonbParseState *st = NULL;

	jb_begin_object(&st, NULL);
	for (int i = 0; i < (t->sort_key.name ? 2 : 1); i++)
	{
		PqlNode    *value = NULL;
		ListCell   *lc;
		int			op;

		foreach(lc, terms)
		{
			value = key_term_value(tx, lfirst(lc), attrs[i], true, &op);
			if (value && op == PC_EQ)
			{
				terms = foreach_delete_current(terms, lc);
				break;
			}
			value = NULL;
		}
		if (value == NULL)
			dynamo_error(DYN_VALIDATION,
						 "Where clause does not contain a mandatory equality on all key attributes");
		push_typed(tx, &st, attrs[i]->name, value);
	}
	tx->plan->key = jb_finish(&st);
	tx->plan->full_key = true;
	return terms;
}

/* Is a function call f(target, value) on the SET's own target? */
static bool
set_function(PqlAssign *a, const char *f)
{
	PqlNode    *v = a->value;
	StringInfoData x,
				y;
	Translation scratch = {0};

	if (v->tag != PQ_FUNC || pg_strcasecmp(v->text, f) != 0)
		return false;
	if (list_length(v->args) != 2 || ((PqlNode *) linitial(v->args))->tag != PQ_PATH ||
		!is_value(lsecond(v->args)))
		unsupported(psprintf("%s takes the path being set and a value", f));
	initStringInfo(&x);
	initStringInfo(&y);
	path_text(&scratch, &x, a->path);
	path_text(&scratch, &y, linitial(v->args));
	if (strcmp(x.data, y.data) != 0)
		unsupported(psprintf("%s must apply to the path being set", f));
	return true;
}

/* An UPDATE's SET and REMOVE as an update expression */
static char *
update_text(Translation *tx, List *assigns)
{
	static const char *const clauses[] = {"SET", "REMOVE", "ADD", "DELETE"};
	StringInfoData parts[4];
	ListCell   *lc;
	StringInfoData buf;

	for (int i = 0; i < 4; i++)
		initStringInfo(&parts[i]);
	foreach(lc, assigns)
	{
		PqlAssign  *a = lfirst(lc);
		int			c = a->value == NULL ? 1 : set_function(a, "set_add") ? 2
			: set_function(a, "set_delete") ? 3 : 0;
		StringInfo	p = &parts[c];

		appendStringInfoString(p, p->len ? ", " : "");
		path_text(tx, p, a->path);
		if (c == 0)
		{
			appendStringInfoString(p, " = ");
			operand_text(tx, p, a->value);
		}
		else if (c >= 2)
		{
			appendStringInfoChar(p, ' ');
			value_text(tx, p, lsecond(a->value->args));
		}
	}
	initStringInfo(&buf);
	for (int i = 0; i < 4; i++)
	{
		if (parts[i].len)
			appendStringInfo(&buf, "%s%s %s", buf.len ? " " : "", clauses[i], parts[i].data);
	}
	return buf.data;
}

/* The ExpressionAttributeNames and Values the texts use */
static void
finish_placeholders(Translation *tx)
{
	JsonbParseState *st = NULL;
	ListCell   *lc;

	if (tx->names)
	{
		jb_begin_object(&st, NULL);
		foreach(lc, tx->names)
			jb_string(&st, psprintf("#n%d", foreach_current_index(lc)), lfirst(lc));
		tx->plan->names = jb_finish(&st);
	}
	if (tx->values)
	{
		jb_begin_object(&st, NULL);
		foreach(lc, tx->values)
			push_typed(tx, &st, psprintf(":v%d", foreach_current_index(lc)), lfirst(lc));
		tx->plan->values = jb_finish(&st);
	}
}

/* Check that Parameters match the statement's ? count */
static void
check_parameters(PqlStatement *stmt, Jsonb *parameters)
{
	int			n = 0;

	if (parameters)
	{
		if (!JB_ROOT_IS_ARRAY(parameters) || JB_ROOT_IS_SCALAR(parameters))
			dynamo_error(DYN_SERIALIZATION, "Start of list found where not expected");
		n = JB_ROOT_COUNT(parameters);
		validate_length(NULL, "[]", n, 1, -1, "parameters");
	}
	if (n != stmt->nparams)
		dynamo_error(DYN_VALIDATION, "Number of parameters in request and statement don't match.");
}

/* Translate a parsed statement with its Parameters (typed JSON array or NULL) */
void
pql_translate(PqlStatement *stmt, Jsonb *parameters, PqlPlan *plan)
{
	Translation tx = {.plan = plan,.params = parameters};
	DynamoTable *t;
	List	   *terms;

	memset(plan, 0, sizeof(PqlPlan));
	plan->stmt = stmt;
	plan->table = stmt->table;
	plan->index = stmt->index;
	plan->forward = true;
	check_parameters(stmt, parameters);
	dynamo_check_table_name(stmt->table, "tableName");
	/* only a SELECT names an index, whether the table exists or not */
	if (stmt->index && stmt->kind != PQL_SELECT)
		dynamo_error(DYN_VALIDATION, "This operation is not supported on an index");
	t = dynamo_table_lookup(stmt->table, false);
	switch (stmt->kind)
	{
		case PQL_SELECT:
			translate_select(&tx, stmt, t);
			break;
		case PQL_INSERT:
			{
				JsonbParseState *st = NULL;
				Jsonb	   *typed;
				JsonbValue	m;

				if (stmt->value->tag != PQ_MAP && stmt->value->tag != PQ_PARAM)
					unsupported("INSERT takes a map of the item's attributes: VALUE {...}");
				jb_begin_object(&st, NULL);
				push_typed(&tx, &st, "Item", stmt->value);
				typed = jb_finish(&st);
				if (!getKeyJsonValueFromContainer(&typed->root, "Item", 4, &m) ||
					m.type != jbvBinary ||
					!getKeyJsonValueFromContainer(m.val.binary.data, "M", 1, &m) ||
					m.type != jbvBinary || !JsonContainerIsObject(m.val.binary.data))
					unsupported("INSERT takes a map of the item's attributes: VALUE {...}");
				plan->item = JsonbValueToJsonb(&m);
				check_insert_keys(plan->item, t);
				plan->condition = psprintf("attribute_not_exists(#n%d)",
										   name_number(&tx, t->partition_key.name));
				break;
			}
		case PQL_UPDATE:
		case PQL_DELETE:
		case PQL_EXISTS:
			if (stmt->where == NULL)
				dynamo_error(DYN_VALIDATION,
							 "Where clause does not contain a mandatory equality on all key attributes");
			terms = translate_key(&tx, conjuncts(stmt->where, NIL), t);
			if (stmt->kind == PQL_UPDATE)
				plan->update = update_text(&tx, stmt->assigns);
			/* an UPDATE or EXISTS needs the item to be there */
			plan->condition = conjunction_text(&tx, stmt->kind == PQL_DELETE ? NULL
											   : psprintf("attribute_exists(#n%d)",
														  name_number(&tx, t->partition_key.name)),
											   terms);
			if (stmt->kind == PQL_EXISTS && stmt->projection)
				unsupported("EXISTS takes SELECT *");
			break;
	}
	finish_placeholders(&tx);
}

/*
 * The typed request of a write (or EXISTS, a ConditionCheck) with its
 * ReturnValues, as PutItem, UpdateItem, DeleteItem and TransactWriteItems
 * take it.
 */
Jsonb *
pql_write_request(PqlPlan *plan, PqlOptions *opts)
{
	static const char *const returning[] = {NULL, "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW"};
	static const char *const clause[] = {NULL, "ALL OLD", "MODIFIED OLD", "ALL NEW", "MODIFIED NEW"};
	JsonbParseState *st = NULL;
	PqlStatement *stmt = plan->stmt;

	jb_begin_object(&st, NULL);
	jb_string(&st, "TableName", plan->table);
	if (plan->item)
		jb_jsonb(&st, "Item", plan->item);
	if (plan->key)
		jb_jsonb(&st, "Key", plan->key);
	if (plan->update)
		jb_string(&st, "UpdateExpression", plan->update);
	if (plan->condition)
		jb_string(&st, "ConditionExpression", plan->condition);
	if (plan->names)
		jb_jsonb(&st, "ExpressionAttributeNames", plan->names);
	if (plan->values)
		jb_jsonb(&st, "ExpressionAttributeValues", plan->values);
	if (stmt->returning != PQR_NONE)
	{
		const char *refused = NULL;

		if (stmt->kind == PQL_DELETE && stmt->returning != PQR_ALL_OLD)
			refused = psprintf("Invalid returning clause: RETURNING %s *. Only RETURNING ALL OLD * is allowed in DELETE statements.",
							   clause[stmt->returning]);
		else if (opts->in_transaction)
			refused = "RETURNING clause is not supported in ExecuteTransaction.";
		/* a statement of a transaction names its position */
		if (refused && opts->in_transaction)
			dynamo_error(DYN_VALIDATION, "Validation failed in TransactStatements[%d]: %s",
						 opts->statement_index, refused);
		if (refused)
			dynamo_error(DYN_VALIDATION, "%s", refused);
		jb_string(&st, "ReturnValues", returning[stmt->returning]);
	}
	if (opts->return_on_failure)
		jb_string(&st, "ReturnValuesOnConditionCheckFailure", opts->return_on_failure);
	if (opts->return_capacity && !opts->in_transaction)
		jb_string(&st, "ReturnConsumedCapacity", opts->return_capacity);
	return jb_finish(&st);
}
