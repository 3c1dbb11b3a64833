/*
 * expr_eval.c
 *		Evaluation of conditions (ConditionExpression, FilterExpression,
 *		KeyConditionExpression) on stored items.
 *
 * As in DynamoDB, an operand that does not exist, or operands whose types
 * do not fit the operator, make a comparison or function false (and <>
 * true); type errors of constant operands were rejected when binding.
 */
#include "postgres.h"

#include "miscadmin.h"

#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

#include "attr_value.h"
#include "errors.h"
#include "expr_nodes.h"
#include "nul_escape.h"

static bool eval_node(ExprBinding *b, ExprNode *n, Jsonb *item);

/* A stored string's length in characters, the escape undone */
static int64
string_chars(const char *s, int len)
{
	int64		chars = 0;

	for (int i = 0; i < len; i++)
	{
		if ((s[i] & 0xC0) != 0x80)
			chars++;
		/* an escape pair stands for one character */
		if (s[i] == NUL_ESCAPE_CHAR)
			i++;
	}
	return chars;
}

/* size(): characters of S, bytes of B, members of sets, L and M; else none */
static bool
value_size(JsonbValue *v, JsonbValue *result)
{
	JsonbValue	payload;
	int64		size;

	switch (attr_type(v, &payload))
	{
		case DT_S:
			size = string_chars(v->val.string.val, v->val.string.len);
			break;
		case DT_B:
			size = VARSIZE_ANY_EXHDR(attr_binary_bytes(v));
			break;
		case DT_SS:
		case DT_NS:
		case DT_BS:
		case DT_L:
		case DT_M:
			size = JsonContainerSize(payload.val.binary.data);
			break;
		default:
			return false;
	}
	result->type = jbvNumeric;
	result->val.numeric = int64_to_numeric(size);
	return true;
}

/* The value of an operand; false if it does not exist */
static bool
eval_operand(ExprBinding *b, ExprNode *n, Jsonb *item, JsonbValue *result)
{
	JsonbValue	v;

	switch (n->tag)
	{
		case EN_PATH:
			return expr_path_value(b, n, item, result);
		case EN_VALUE:
			*result = *b->values[n->value_ph];
			return true;
		case EN_FUNC:
			Assert(n->op == EF_SIZE);
			if (!eval_operand(b, linitial(n->args), item, &v))
				return false;
			return value_size(&v, result);
		default:
			elog(ERROR, "unexpected expression node %d as an operand", n->tag);
	}
	return false;
}

/* Are two values of one ordered type (S, N, B)? */
static bool
ordered_pair(JsonbValue *a, JsonbValue *b)
{
	DynamoType	t = attr_type(a, NULL);

	return (t == DT_S || t == DT_N || t == DT_B) && t == attr_type(b, NULL);
}

/* a op b, DynamoDB style */
static bool
eval_compare(ExprBinding *b, ExprNode *n, Jsonb *item)
{
	JsonbValue	x,
				y;
	int			c;

	if (!eval_operand(b, linitial(n->args), item, &x) ||
		!eval_operand(b, lsecond(n->args), item, &y))
		return n->op == EC_NE;
	if (n->op == EC_EQ)
		return attr_equal(&x, &y);
	if (n->op == EC_NE)
		return !attr_equal(&x, &y);
	if (!ordered_pair(&x, &y))
		return false;
	c = attr_compare(&x, &y);
	switch (n->op)
	{
		case EC_LT:
			return c < 0;
		case EC_LE:
			return c <= 0;
		case EC_GT:
			return c > 0;
		default:
			return c >= 0;
	}
}

/* a BETWEEN lo AND hi */
static bool
eval_between(ExprBinding *b, ExprNode *n, Jsonb *item)
{
	JsonbValue	v,
				lo,
				hi;

	if (!eval_operand(b, linitial(n->args), item, &v) ||
		!eval_operand(b, lsecond(n->args), item, &lo) ||
		!eval_operand(b, lthird(n->args), item, &hi))
		return false;
	if (!ordered_pair(&v, &lo) || !ordered_pair(&v, &hi))
		return false;
	return attr_compare(&lo, &v) <= 0 && attr_compare(&v, &hi) <= 0;
}

/* a IN (v1, v2, ...) */
static bool
eval_in(ExprBinding *b, ExprNode *n, Jsonb *item)
{
	JsonbValue	v,
				candidate;
	ListCell   *lc;

	if (!eval_operand(b, linitial(n->args), item, &v))
		return false;
	for_each_from(lc, n->args, 1)
	{
		if (eval_operand(b, lfirst(lc), item, &candidate) && attr_equal(&v, &candidate))
			return true;
	}
	return false;
}

/* Does bytes a begin with bytes b? */
static bool
bytes_begin_with(const char *a, int alen, const char *b, int blen)
{
	return alen >= blen && memcmp(a, b, blen) == 0;
}

/* begins_with(path, operand): S with S, B with B */
static bool
eval_begins_with(JsonbValue *v, JsonbValue *prefix)
{
	DynamoType	t = attr_type(v, NULL);

	if (t != attr_type(prefix, NULL))
		return false;
	if (t == DT_S)
		/* the escape is prefix-free: escaped prefixes are prefixes */
		return bytes_begin_with(v->val.string.val, v->val.string.len,
								prefix->val.string.val, prefix->val.string.len);
	if (t == DT_B)
	{
		bytea	   *x = attr_binary_bytes(v);
		bytea	   *y = attr_binary_bytes(prefix);

		return bytes_begin_with(VARDATA_ANY(x), VARSIZE_ANY_EXHDR(x),
								VARDATA_ANY(y), VARSIZE_ANY_EXHDR(y));
	}
	return false;
}

/* Does string s contain string sub (both stored, so possibly escaped)? */
static bool
string_contains(JsonbValue *s, JsonbValue *sub)
{
	const char *a = s->val.string.val;
	const char *p = sub->val.string.val;
	int			alen = s->val.string.len;
	int			plen = sub->val.string.len;
	bool		has_nul;

	/* an escaped needle may match across an escape pair; compare unescaped */
	if (nul_escape_present(a, alen) || nul_escape_present(p, plen))
	{
		a = nul_unescape(a, alen, &alen, &has_nul);
		p = nul_unescape(p, plen, &plen, &has_nul);
	}
	return memmem(a, alen, p, plen) != NULL;
}

/* A set's member as a standalone stored value of the member type */
static JsonbValue *
set_member_value(DynamoType set_type, JsonbValue *member)
{
	bytea	   *bytes;

	if (set_type != DT_BS)
		return member;
	bytes = dynamo_binary_decode(member->val.string.val, member->val.string.len);
	return attr_binary_value(VARDATA_ANY(bytes), VARSIZE_ANY_EXHDR(bytes));
}

/* Does binary value a contain binary value b? */
static bool
binary_contains(JsonbValue *a, JsonbValue *b)
{
	bytea	   *x = attr_binary_bytes(a);
	bytea	   *y = attr_binary_bytes(b);
	int			xlen = VARSIZE_ANY_EXHDR(x);
	int			ylen = VARSIZE_ANY_EXHDR(y);

	for (int i = 0; i + ylen <= xlen; i++)
	{
		if (memcmp(VARDATA_ANY(x) + i, VARDATA_ANY(y), ylen) == 0)
			return true;
	}
	return false;
}

/*
 * contains(path, operand): substring of S, bytes of B, member of a set,
 * element of L
 */
static bool
eval_contains(JsonbValue *v, JsonbValue *operand)
{
	JsonbValue	payload;
	DynamoType	t = attr_type(v, &payload);
	DynamoType	ot = attr_type(operand, NULL);
	int			n;

	if (t == DT_S)
		return ot == DT_S && string_contains(v, operand);
	if (t == DT_B)
		return ot == DT_B && binary_contains(v, operand);
	if ((t == DT_SS && ot != DT_S) || (t == DT_NS && ot != DT_N) ||
		(t == DT_BS && ot != DT_B) || (t != DT_SS && t != DT_NS && t != DT_BS && t != DT_L))
		return false;
	n = JsonContainerSize(payload.val.binary.data);
	for (int i = 0; i < n; i++)
	{
		JsonbValue *e = getIthJsonbValueFromContainer(payload.val.binary.data, i);

		CHECK_FOR_INTERRUPTS();
		if (attr_equal(set_member_value(t, e), operand))
			return true;
	}
	return false;
}

/* attribute_type(path, type): the type name of the value */
static bool
eval_attribute_type(ExprBinding *b, JsonbValue *v, JsonbValue *type)
{
	DynamoType	named;

	if (attr_type(type, NULL) != DT_S)
		return false;
	if (!dynamo_type_from_name(type->val.string.val, type->val.string.len, &named))
		dynamo_error(DYN_VALIDATION,
					 "Invalid %s: Invalid attribute type name found; type: %.*s, valid types: {B,BOOL,BS,L,M,N,NS,NULL,S,SS}",
					 expr_kind_name(b->tree->kind), type->val.string.len, type->val.string.val);
	return attr_type(v, NULL) == named;
}

/* A condition function */
static bool
eval_function(ExprBinding *b, ExprNode *n, Jsonb *item)
{
	JsonbValue	v,
				arg;
	/* the first operand of all but attribute_exists may be a :value */
	bool		exists = eval_operand(b, linitial(n->args), item, &v);

	if (n->op == EF_ATTRIBUTE_EXISTS)
		return exists;
	if (n->op == EF_ATTRIBUTE_NOT_EXISTS)
		return !exists;
	if (!exists || !eval_operand(b, lsecond(n->args), item, &arg))
		return false;
	switch (n->op)
	{
		case EF_ATTRIBUTE_TYPE:
			return eval_attribute_type(b, &v, &arg);
		case EF_BEGINS_WITH:
			return eval_begins_with(&v, &arg);
		case EF_CONTAINS:
			return eval_contains(&v, &arg);
		default:
			elog(ERROR, "unexpected function %d in a condition", n->op);
	}
	return false;
}

/* Evaluate a condition node */
static bool
eval_node(ExprBinding *b, ExprNode *n, Jsonb *item)
{
	switch (n->tag)
	{
		case EN_AND:
			return eval_node(b, linitial(n->args), item) && eval_node(b, lsecond(n->args), item);
		case EN_OR:
			return eval_node(b, linitial(n->args), item) || eval_node(b, lsecond(n->args), item);
		case EN_NOT:
			return !eval_node(b, linitial(n->args), item);
		case EN_COMPARE:
			return eval_compare(b, n, item);
		case EN_BETWEEN:
			return eval_between(b, n, item);
		case EN_IN:
			return eval_in(b, n, item);
		case EN_FUNC:
			return eval_function(b, n, item);
		default:
			elog(ERROR, "unexpected expression node %d as a condition", n->tag);
	}
	return false;
}

/* Evaluate a bound condition on a stored item (NULL: there is no item) */
bool
expr_eval_condition(DynCondition *cond, Jsonb *item)
{
	return eval_node(&cond->b, cond->b.tree->cond, item);
}
