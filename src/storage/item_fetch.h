/*
 * item_fetch.h
 *		Reading one item by key straight through the primary key index.
 */
#ifndef DYNAMO_ITEM_FETCH_H
#define DYNAMO_ITEM_FETCH_H

#include "item_key.h"

extern bool item_fetch(DynamoTable *t, ItemKey *key, Jsonb **item);

#endif							/* DYNAMO_ITEM_FETCH_H */
