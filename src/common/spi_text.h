/*
 * spi_text.h
 *		Catalog statements over SPI with text arguments.
 */
#ifndef DYNAMO_SPI_TEXT_H
#define DYNAMO_SPI_TEXT_H

#include "executor/spi.h"

#define SPI_TEXT_MAX_ARGS 8

extern void spi_text_run(const char *sql, int nargs, const char **args, int expected);
extern char *spi_text_value(uint64 row, int col);
extern bool spi_catalog_exists(const char *relname);
extern SPIPlanPtr spi_prepare_kept(const char *sql, int nargs, Oid *argtypes, int cursor_options);

#endif							/* DYNAMO_SPI_TEXT_H */
