-- pg_dynamo 0.1.0 -> 0.2.0
--
-- Every change to the extension's SQL objects made after 0.1.0 goes here as
-- well as into the install script's pieces (src/sql/NN_*.sql), so that an
-- upgraded database and a fresh install hold the same objects (the upgrade
-- regression test compares them).

\echo Use "ALTER EXTENSION pg_dynamo UPDATE TO '0.2.0'" to load this file. \quit

-- reliability
CREATE FUNCTION dynamo.item_is_canonical(item jsonb)
RETURNS boolean
AS 'MODULE_PATHNAME', 'dynamo_item_is_canonical'
LANGUAGE C STRICT IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION dynamo.item_is_canonical(jsonb) IS
    'pg_dynamo: is the document an item in canonical stored form (types, tags, sorted unique sets, normalised numbers, canonical base64, U+0000 escape, 400 KB)?';
-- Every existing item table gets the item_canonical constraint.  It is added
-- NOT VALID and then validated; an item table holding items written by plain
-- SQL outside the stored form keeps the constraint unvalidated (new writes
-- are checked all the same) and the update says which table it is.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT table_name, relation FROM dynamo.tables ORDER BY table_name LOOP
        EXECUTE pg_catalog.format('ALTER TABLE %s ADD CONSTRAINT item_canonical CHECK (dynamo.item_is_canonical(item)) NOT VALID', t.relation);
        BEGIN
            EXECUTE pg_catalog.format('ALTER TABLE %s VALIDATE CONSTRAINT item_canonical', t.relation);
        EXCEPTION WHEN check_violation THEN
            RAISE WARNING 'pg_dynamo: table % holds items outside the stored form; constraint item_canonical left NOT VALID', t.table_name;
        END;
    END LOOP;
END
$$;
