/*
 * spi_text.c
 *		Catalog statements over SPI with text arguments (NULL for SQL NULL):
 *		what the table operations run on dynamo.tables and its companions;
 *		statements prepared once per backend.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "catalog/pg_type.h"
#include "utils/lsyscache.h"
#include "utils/builtins.h"

#include "spi_text.h"

/* Run a statement with text arguments, checking for the expected result */
void
spi_text_run(const char *sql, int nargs, const char **args, int expected)
{
	Oid			types[SPI_TEXT_MAX_ARGS];
	Datum		values[SPI_TEXT_MAX_ARGS];
	char		nulls[SPI_TEXT_MAX_ARGS] = {0};
	int			rc;

	Assert(nargs <= SPI_TEXT_MAX_ARGS);
	for (int i = 0; i < nargs; i++)
	{
		types[i] = TEXTOID;
		values[i] = args[i] ? CStringGetTextDatum(args[i]) : (Datum) 0;
		nulls[i] = args[i] ? ' ' : 'n';
	}
	rc = SPI_execute_with_args(sql, nargs, types, values, nulls, false, 0);
	if (rc != expected)
		elog(ERROR, "statement failed (%s): %s", SPI_result_code_string(rc), sql);
}

/* A column of a row of the last result as text; NULL for SQL NULL */
char *
spi_text_value(uint64 row, int col)
{
	return SPI_getvalue(SPI_tuptable->vals[row], SPI_tuptable->tupdesc, col);
}

/*
 * Whether the catalog table dynamo.<relname> exists: a library newer than
 * the installed SQL objects (before ALTER EXTENSION UPDATE) lacks some
 */
bool
spi_catalog_exists(const char *relname)
{
	Oid			nsp = get_namespace_oid("dynamo", true);

	return OidIsValid(nsp) && OidIsValid(get_relname_relid(relname, nsp));
}

/*
 * Prepare a statement for the rest of the backend's life (SPI_keepplan);
 * cursor_options as SPI_prepare_cursor's, 0 for a plain SPI_prepare
 */
SPIPlanPtr
spi_prepare_kept(const char *sql, int nargs, Oid *argtypes, int cursor_options)
{
	SPIPlanPtr	plan = SPI_prepare_cursor(sql, nargs, argtypes, cursor_options);

	if (plan == NULL)
		elog(ERROR, "could not prepare \"%s\": %s", sql, SPI_result_code_string(SPI_result));
	if (SPI_keepplan(plan) != 0)
		elog(ERROR, "could not keep plan");
	return plan;
}
