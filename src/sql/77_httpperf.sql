
-- httpperf: the key check of every item table (constraint item_key_matches)
-- as one C call per key column, instead of an expression that PostgreSQL
-- re-reads, plans and evaluates (building jsonb) on every write.
CREATE FUNCTION dynamo.item_key_matches(item jsonb, attribute text, key "any")
RETURNS boolean
AS 'MODULE_PATHNAME', 'dynamo_item_key_matches'
LANGUAGE C STRICT IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION dynamo.item_key_matches(jsonb, text, "any") IS
    'pg_dynamo: does the item hold the key column''s value as that attribute (item -> attribute = to_jsonb(key); for a binary key, decode(item -> attribute ->> ''$B'', ''base64'') = key)?';
CREATE FUNCTION dynamo.item_key_matches(item jsonb, attribute text, key "any",
                                        sort_attribute text, sort_key "any")
RETURNS boolean
AS 'MODULE_PATHNAME', 'dynamo_item_key_matches'
LANGUAGE C STRICT IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION dynamo.item_key_matches(jsonb, text, "any", text, "any") IS
    'pg_dynamo: item_key_matches(item, attribute, key) AND item_key_matches(item, sort_attribute, sort_key), in one call';
