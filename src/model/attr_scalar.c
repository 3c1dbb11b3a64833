/*
 * attr_scalar.c
 *		DynamoDB numbers and binaries: parsing, limits and normalisation.
 *
 * Numbers are PostgreSQL numerics.  DynamoDB keeps up to 38 significant
 * digits, magnitudes from 1E-130 to below 1E+126, and answers with the
 * normalised text: no exponent, no trailing zeros, no negative zero.
 * Binaries travel as base64 and are compared and measured by their bytes.
 */
#include "postgres.h"

#include "common/base64.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"

#include "attr_value.h"
#include "errors.h"

#define MAX_EXPONENT 125
#define MIN_EXPONENT (-130)

static void number_syntax_error(const char *s, int len) pg_attribute_noreturn();
static void number_out_of_range(bool overflow) pg_attribute_noreturn();

/* Reject what DynamoDB cannot read as a number */
static void
number_syntax_error(const char *s, int len)
{
	if (len == 0)
		dynamo_error(DYN_VALIDATION, "The parameter cannot be converted to a numeric value");
	dynamo_error(DYN_VALIDATION, "The parameter cannot be converted to a numeric value: %.*s",
				 len, s);
}

/* Reject a magnitude outside DynamoDB's range */
static void
number_out_of_range(bool overflow)
{
	if (overflow)
		dynamo_error(DYN_VALIDATION,
					 "Number overflow. Attempting to store a number with magnitude larger than supported range");
	dynamo_error(DYN_VALIDATION,
				 "Number underflow. Attempting to store a number with magnitude smaller than supported range");
}

/* What a number breaks of DynamoDB's limits */
typedef enum NumberLimit
{
	NUMBER_OK,
	NUMBER_TOO_MANY_DIGITS,
	NUMBER_OVERFLOW,
	NUMBER_UNDERFLOW
} NumberLimit;

/*
 * Classify the number's significant digits and magnitude on its plain text
 * (as numeric_out prints it: optional '-', digits, optional '.' digits).
 */
static NumberLimit
number_limit(const char *text)
{
	const char *p = text + (text[0] == '-');
	int			first = -1,
				last = -1,
				pos = 0,
				point = -1;

	for (; *p; p++)
	{
		if (*p == '.')
		{
			point = pos;
			continue;
		}
		if (*p != '0')
		{
			if (first < 0)
				first = pos;
			last = pos;
		}
		pos++;
	}
	if (first < 0)
		return NUMBER_OK;		/* zero */
	if (point < 0)
		point = pos;
	if (last - first + 1 > DYNAMO_MAX_NUMBER_DIGITS)
		return NUMBER_TOO_MANY_DIGITS;
	/* decimal exponent of the first significant digit */
	if (point - first - 1 > MAX_EXPONENT)
		return NUMBER_OVERFLOW;
	if (point - first - 1 < MIN_EXPONENT)
		return NUMBER_UNDERFLOW;
	return NUMBER_OK;
}

/*
 * Reject a number outside DynamoDB's limits, with its message; computed: the
 * result of arithmetic, whose excess digits DynamoDB calls an overflow
 */
static void
check_number_limits(const char *text, bool computed)
{
	switch (number_limit(text))
	{
		case NUMBER_OK:
			return;
		case NUMBER_TOO_MANY_DIGITS:
			if (computed)
				number_out_of_range(true);
			dynamo_error(DYN_VALIDATION,
						 "Attempting to store more than 38 significant digits in a Number");
			break;
		case NUMBER_OVERFLOW:
		case NUMBER_UNDERFLOW:
			number_out_of_range(number_limit(text) == NUMBER_OVERFLOW);
	}
}

/* Is a numeric within DynamoDB's limits and normalised (the stored form)? */
bool
dynamo_number_is_canonical(Numeric n)
{
	Numeric		trimmed;

	if (numeric_is_nan(n) || numeric_is_inf(n))
		return false;
	trimmed = DatumGetNumeric(DirectFunctionCall1(numeric_trim_scale,
												  NumericGetDatum(n)));
	if (VARSIZE_ANY_EXHDR(trimmed) != VARSIZE_ANY_EXHDR(n) ||
		memcmp(VARDATA_ANY(trimmed), VARDATA_ANY(n), VARSIZE_ANY_EXHDR(n)) != 0)
		return false;
	return number_limit(numeric_normalize(n)) == NUMBER_OK;
}

/*
 * Check a numeric against DynamoDB's limits and return it normalised (no
 * trailing fractional zeros).
 */
static Numeric
number_normalize(Numeric n, bool computed)
{
	Numeric		trimmed;

	if (numeric_is_nan(n) || numeric_is_inf(n))
		number_syntax_error("NaN", 3);
	trimmed = DatumGetNumeric(DirectFunctionCall1(numeric_trim_scale,
												  NumericGetDatum(n)));
	check_number_limits(numeric_normalize(trimmed), computed);
	return trimmed;
}

/* A number of a request, checked and normalised */
Numeric
dynamo_number_normalize(Numeric n)
{
	return number_normalize(n, false);
}

/* The result of arithmetic (SET a = b + c), checked and normalised */
Numeric
dynamo_number_result(Numeric n)
{
	return number_normalize(n, true);
}

/*
 * Parse DynamoDB's number text: [+-]digits[.digits][(e|E)[+-]digits], with
 * digits on at least one side of the point.
 */
Numeric
dynamo_number_from_string(const char *s, int len)
{
	int			i = 0,
				mantissa_digits = 0,
				nonzero = 0;
	long		exponent = 0;
	char	   *text;

	if (i < len && (s[i] == '+' || s[i] == '-'))
		i++;
	for (; i < len && isdigit((unsigned char) s[i]); i++, mantissa_digits++)
		nonzero |= (s[i] != '0');
	if (i < len && s[i] == '.')
		for (i++; i < len && isdigit((unsigned char) s[i]); i++, mantissa_digits++)
			nonzero |= (s[i] != '0');
	if (mantissa_digits == 0)
		number_syntax_error(s, len);
	if (i < len && (s[i] == 'e' || s[i] == 'E'))
	{
		bool		negative = false;
		int			exp_digits = 0;

		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			negative = (s[i++] == '-');
		for (; i < len && isdigit((unsigned char) s[i]); i++, exp_digits++)
			if (exponent < 100000)
				exponent = exponent * 10 + (s[i] - '0');
		if (exp_digits == 0)
			number_syntax_error(s, len);
		if (negative)
			exponent = -exponent;
	}
	if (i != len)
		number_syntax_error(s, len);

	/* An exponent far outside numeric's range is decided here */
	if (!nonzero)
		return DatumGetNumeric(DirectFunctionCall1(int4_numeric, Int32GetDatum(0)));
	if (exponent > 1000)
		number_out_of_range(true);
	if (exponent < -1000)
		number_out_of_range(false);

	text = pnstrdup(s, len);
	return dynamo_number_normalize(DatumGetNumeric(DirectFunctionCall3(numeric_in,
																	   CStringGetDatum(text),
																	   ObjectIdGetDatum(InvalidOid),
																	   Int32GetDatum(-1))));
}

/* The normalised text DynamoDB answers with */
char *
dynamo_number_to_string(Numeric n)
{
	return numeric_normalize(n);
}

static const char Base64Alphabet[] =
"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/*
 * Decode base64 as DynamoDB does: a multiple of four characters from the
 * standard alphabet, '=' padding only at the end.
 */
bytea *
dynamo_binary_decode(const char *b64, int len)
{
	bytea	   *result;
	int			n;

	if (len % 4 != 0)
		dynamo_error(DYN_SERIALIZATION,
					 "Base64 encoded length is expected a multiple of 4 bytes but found: %d", len);
	if (len > 0)
	{
		int			pads = (b64[len - 1] == '=') + (len > 1 && b64[len - 1] == '=' && b64[len - 2] == '=');
		const char *last = len > pads ? strchr(Base64Alphabet, b64[len - pads - 1]) : NULL;

		/* the bits of the last character beyond the data must be zero */
		if (pads > 0 && last != NULL && ((last - Base64Alphabet) & (pads == 1 ? 3 : 15)) != 0)
			dynamo_error(DYN_SERIALIZATION, "Invalid last non-pad Base64 character dectected");
	}
	for (int i = 0; i < len; i++)
	{
		char		c = b64[i];

		if (isalnum((unsigned char) c) || c == '+' || c == '/')
			continue;
		if (c == '=' && i >= len - 2 && (i == len - 1 || b64[len - 1] == '='))
			continue;
		/* the whole character, not one byte of it: messages stay UTF-8 */
		dynamo_error(DYN_SERIALIZATION, "Invalid Base64 character: '%.*s'",
					 Min(pg_mblen(b64 + i), len - i), b64 + i);
	}
	result = palloc(VARHDRSZ + pg_b64_dec_len(len));
	n = pg_b64_decode(b64, len, VARDATA(result), pg_b64_dec_len(len));
	if (n < 0)
		dynamo_error(DYN_SERIALIZATION, "Invalid Base64 encoding");
	SET_VARSIZE(result, VARHDRSZ + n);
	return result;
}

/* Base64 of some bytes, NUL-terminated */
char *
dynamo_binary_encode(const char *data, int len)
{
	int			cap = pg_b64_enc_len(len) + 1;
	char	   *out = palloc(cap);
	int			n = pg_b64_encode(data, len, out, cap);

	if (n < 0)
		elog(ERROR, "could not encode base64");
	out[n] = '\0';
	return out;
}

/*
 * The bytes a base64 text encodes, NUL-terminated, their count in *len;
 * NULL if the text is no base64 (tokens and iterators handed out)
 */
char *
dynamo_base64_decode(const char *b64, int *len)
{
	int			srclen = strlen(b64);
	char	   *out = palloc(pg_b64_dec_len(srclen) + 1);
	int			n = pg_b64_decode(b64, srclen, out, pg_b64_dec_len(srclen));

	if (n < 0)
		return NULL;
	out[n] = '\0';
	*len = n;
	return out;
}
