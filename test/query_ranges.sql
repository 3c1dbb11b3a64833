-- query_ranges: Query over random sort keys of each type returns exactly the
-- items DynamoDB's rules select, in DynamoDB's order, and paging through
-- them with exclusive_start_key visits each exactly once.  The expected
-- answers are computed independently, in SQL over the generated keys:
-- S by their UTF-8 bytes, N numerically, B by unsigned bytes.
BEGIN;
SELECT plan(17);
SELECT setseed(0.4242);

SELECT lives_ok($$SELECT dynamo.create_table('tap_rng_s', 'p', 'S', 's', 'S')$$, 'string sort key table');
SELECT lives_ok($$SELECT dynamo.create_table('tap_rng_n', 'p', 'S', 's', 'N')$$, 'number sort key table');
SELECT lives_ok($$SELECT dynamo.create_table('tap_rng_b', 'p', 'S', 's', 'B')$$, 'binary sort key table');

-- 300 random strings of 1 to 4 characters from ASCII, Latin, CJK and emoji
CREATE TEMP TABLE keys_s AS
SELECT DISTINCT string_agg(chr(CASE (random() * 3)::int
                                   WHEN 0 THEN 33 + (random() * 93)::int
                                   WHEN 1 THEN 160 + (random() * 400)::int
                                   WHEN 2 THEN 19968 + (random() * 100)::int
                                   ELSE 128512 + (random() * 60)::int END), '') AS k
FROM generate_series(1, 300) i, generate_series(1, 1 + (random() * 3)::int) j GROUP BY i;
-- 300 random numbers across magnitudes, negative and fractional
CREATE TEMP TABLE keys_n AS
SELECT DISTINCT round(((random() - 0.5) * 10 ^ (random() * 20 - 8))::numeric, 12) AS k FROM generate_series(1, 300);
-- 300 random byte strings of 1 to 3 bytes
CREATE TEMP TABLE keys_b AS
SELECT DISTINCT decode(string_agg(lpad(to_hex((random() * 255)::int), 2, '0'), ''), 'hex') AS k
FROM generate_series(1, 300) i, generate_series(1, 1 + (random() * 2)::int) j GROUP BY i;

DO $$ BEGIN
    PERFORM dynamo.put_item('tap_rng_s', jsonb_build_object('p', 'x', 's', k)) FROM keys_s;
    PERFORM dynamo.put_item('tap_rng_n', jsonb_build_object('p', 'x', 's', k)) FROM keys_n;
    PERFORM dynamo.put_item('tap_rng_b', jsonb_build_object('p', 'x', 's', jsonb_build_object('$B', encode(k, 'base64')))) FROM keys_b;
END $$;

-- The sort keys a query returns, as text (B as hex)
CREATE FUNCTION pg_temp.got(tbl text, kc text, vals jsonb, fwd boolean DEFAULT true) RETURNS text[] LANGUAGE sql AS $$
    SELECT coalesce(array_agg(CASE WHEN jsonb_typeof(i->'s') = 'object'
                                   THEN encode(decode(i->'s'->>'$B', 'base64'), 'hex') ELSE i->>'s' END ORDER BY n), '{}')
    FROM dynamo.query(tbl, kc, expression_attribute_values => vals, scan_index_forward => fwd) WITH ORDINALITY AS q(i, n)
$$;

-- Whole partitions, both directions
SELECT is(pg_temp.got('tap_rng_s', 'p = :p', '{":p":"x"}'),
          (SELECT array_agg(k ORDER BY convert_to(k, 'UTF8')) FROM keys_s), 'S: every key, in UTF-8 byte order');
SELECT is(pg_temp.got('tap_rng_s', 'p = :p', '{":p":"x"}', false),
          (SELECT array_agg(k ORDER BY convert_to(k, 'UTF8') DESC) FROM keys_s), 'S: backwards');
SELECT is(pg_temp.got('tap_rng_n', 'p = :p', '{":p":"x"}'),
          (SELECT array_agg(trim_scale(k)::text ORDER BY k) FROM keys_n), 'N: every key, in numeric order');
SELECT is(pg_temp.got('tap_rng_b', 'p = :p', '{":p":"x"}', false),
          (SELECT array_agg(encode(k, 'hex') ORDER BY k DESC) FROM keys_b), 'B: every key, unsigned bytes, backwards');

-- Ranges with bounds that are not keys
SELECT is(pg_temp.got('tap_rng_s', 'p = :p AND s BETWEEN :a AND :b', '{":p":"x",":a":"A",":b":"ā"}'),
          (SELECT array_agg(k ORDER BY convert_to(k, 'UTF8')) FROM keys_s
           WHERE convert_to(k, 'UTF8') BETWEEN convert_to('A', 'UTF8') AND convert_to('ā', 'UTF8')), 'S: BETWEEN');
SELECT is(pg_temp.got('tap_rng_s', 'p = :p AND s > :a', '{":p":"x",":a":"一"}', false),
          (SELECT array_agg(k ORDER BY convert_to(k, 'UTF8') DESC) FROM keys_s
           WHERE convert_to(k, 'UTF8') > convert_to('一', 'UTF8')), 'S: > a CJK bound, backwards');
SELECT is(pg_temp.got('tap_rng_n', 'p = :p AND s < :a', '{":p":"x",":a":-0.001}'),
          (SELECT array_agg(trim_scale(k)::text ORDER BY k) FROM keys_n WHERE k < -0.001), 'N: < a negative fraction');
SELECT is(pg_temp.got('tap_rng_n', 'p = :p AND s >= :a', '{":p":"x",":a":0}'),
          (SELECT array_agg(trim_scale(k)::text ORDER BY k) FROM keys_n WHERE k >= 0), 'N: >= 0');
SELECT is(pg_temp.got('tap_rng_b', 'p = :p AND s <= :a', '{":p":"x",":a":{"$B":"gAA="}}'),
          (SELECT array_agg(encode(k, 'hex') ORDER BY k) FROM keys_b WHERE k <= '\x8000'::bytea), 'B: <= 0x8000');

-- begins_with on every one-character (S) and one-byte (B) prefix in use
SELECT is((SELECT count(*) FROM (SELECT DISTINCT left(k, 1) AS pre FROM keys_s) pres
           WHERE pg_temp.got('tap_rng_s', 'p = :p AND begins_with(s, :a)', jsonb_build_object(':p', 'x', ':a', pre))
                 IS DISTINCT FROM (SELECT array_agg(k ORDER BY convert_to(k, 'UTF8')) FROM keys_s WHERE starts_with(k, pre))),
          0::bigint, 'S: begins_with selects exactly the keys with the prefix, for every prefix');
SELECT is((SELECT count(*) FROM (SELECT DISTINCT substr(k, 1, 1) AS pre FROM keys_b) pres
           WHERE pg_temp.got('tap_rng_b', 'p = :p AND begins_with(s, :a)', jsonb_build_object(':p', 'x', ':a', jsonb_build_object('$B', encode(pre, 'base64'))))
                 IS DISTINCT FROM (SELECT array_agg(encode(k, 'hex') ORDER BY k) FROM keys_b WHERE substr(k, 1, 1) = pre)),
          0::bigint, 'B: begins_with on every first byte, 0xff included');

-- Paging: pages of 1 to 40 items, forwards and backwards, in the order of the whole query
CREATE FUNCTION pg_temp.walk(tbl text, page_size int, fwd boolean) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
    page jsonb;
    start jsonb := NULL;
    got jsonb := '[]';
BEGIN
    LOOP
        page := dynamo.query_page(tbl, 'p = :p', expression_attribute_values => '{":p":"x"}', "limit" => page_size,
                                  scan_index_forward => fwd, exclusive_start_key => start);
        got := got || (page->'Items');
        start := page->'LastEvaluatedKey';
        EXIT WHEN start IS NULL;
    END LOOP;
    RETURN got;
END $$;
SELECT is((SELECT count(*) FROM generate_series(1, 40) n, unnest(ARRAY[true, false]) fwd
           WHERE pg_temp.walk('tap_rng_s', n, fwd)
                 IS DISTINCT FROM (SELECT jsonb_agg(q) FROM dynamo.query('tap_rng_s', 'p = :p', expression_attribute_values => '{":p":"x"}',
                                                                       scan_index_forward => fwd) q)),
          0::bigint, 'S: every page size from 1 to 40, both ways, gives every item once, in order');
SELECT is((SELECT count(*) FROM generate_series(1, 40, 3) n
           WHERE pg_temp.walk('tap_rng_n', n, false)
                 IS DISTINCT FROM (SELECT jsonb_agg(q) FROM dynamo.query('tap_rng_n', 'p = :p', expression_attribute_values => '{":p":"x"}',
                                                                       scan_index_forward => false) q)),
          0::bigint, 'N: paging backwards gives every item once, in order');
SELECT is((SELECT count(*) FROM generate_series(1, 40, 3) n
           WHERE pg_temp.walk('tap_rng_b', n, true)
                 IS DISTINCT FROM (SELECT jsonb_agg(q) FROM dynamo.query('tap_rng_b', 'p = :p', expression_attribute_values => '{":p":"x"}') q)),
          0::bigint, 'B: paging gives every item once, in order');

SELECT * FROM finish();
ROLLBACK;
