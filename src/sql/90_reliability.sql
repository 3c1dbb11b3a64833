
-- reliability: the canonical stored form, checked on every item table
-- (constraint item_canonical), so plain SQL writes cannot store an item the
-- engine could never have written.
CREATE FUNCTION dynamo.item_is_canonical(item jsonb)
RETURNS boolean
AS 'MODULE_PATHNAME', 'dynamo_item_is_canonical'
LANGUAGE C STRICT IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION dynamo.item_is_canonical(jsonb) IS
    'pg_dynamo: is the document an item in canonical stored form (types, tags, sorted unique sets, normalised numbers, canonical base64, U+0000 escape, 400 KB)?';
