/*
 * error_map.h
 *		PostgreSQL errors that reach the DynamoDB surface, as DynamoDB's
 *		exceptions.
 */
#ifndef DYNAMO_ERROR_MAP_H
#define DYNAMO_ERROR_MAP_H

#include "utils/jsonb.h"

/*
 * Rethrow the error being handled (in a PG_CATCH block) as the DynamoDB
 * exception it stands for, or unchanged when it stands for none.  cxt is
 * the memory context of the PG_TRY.  Never returns.
 */
extern void error_map_rethrow(const char *operation, Jsonb *request,
							  MemoryContext cxt) pg_attribute_noreturn();

/* The same for an error while parsing a request's JSON text */
extern void error_map_rethrow_parse(MemoryContext cxt) pg_attribute_noreturn();

#endif							/* DYNAMO_ERROR_MAP_H */
