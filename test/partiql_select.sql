-- partiql_select: random items, random PartiQL SELECTs with WHERE clauses;
-- each answer (run by dynamo.partiql, as a Query when the WHERE fixes the
-- partition key, else as a Scan) is compared with the same selection
-- written in SQL over the item table.
BEGIN;
SELECT plan(81);
SELECT setseed(0.1717);

SELECT lives_ok($$SELECT dynamo.create_table('tap_pq', 'P', 'S', 'K', 'N')$$, 'table');

-- 400 items in 5 partitions; a (number), b (string) and c (boolean) may be missing
DO $$ BEGIN
    PERFORM dynamo.put_item('tap_pq', jsonb_strip_nulls(jsonb_build_object(
        'P', 'p' || (random() * 4)::int,
        'K', i,
        'a', CASE WHEN random() < 0.8 THEN (random() * 20)::int END,
        'b', CASE WHEN random() < 0.8 THEN (ARRAY['x', 'xy', 'y', 'yz', 'z'])[1 + (random() * 4)::int] END,
        'c', CASE WHEN random() < 0.7 THEN random() < 0.5 END)))
    FROM generate_series(1, 400) i;
END $$;

-- A random condition, as PartiQL and as SQL over the item table
CREATE FUNCTION pg_temp.cond(depth int, OUT pq text, OUT sq text) LANGUAGE plpgsql AS $$
DECLARE
    k1 int := (random() * 20)::int;
    k2 int := (random() * 20)::int;
    s text := (ARRAY['x', 'xy', 'y', 'z'])[1 + (random() * 3)::int];
    l record;
    r record;
    an text := $a$(jsonb_typeof(item->'a') = 'number' AND (item->>'a')::numeric$a$;
    bs text := $b$(jsonb_typeof(item->'b') = 'string' AND item->>'b'$b$;
BEGIN
    IF depth > 0 AND random() < 0.5 THEN
        SELECT * INTO l FROM pg_temp.cond(depth - 1);
        SELECT * INTO r FROM pg_temp.cond(depth - 1);
        CASE (random() * 2)::int
            WHEN 0 THEN pq := format('(%s AND %s)', l.pq, r.pq); sq := format('(%s AND %s)', l.sq, r.sq);
            WHEN 1 THEN pq := format('(%s OR %s)', l.pq, r.pq); sq := format('(%s OR %s)', l.sq, r.sq);
            ELSE pq := format('NOT (%s)', l.pq); sq := format('NOT (%s)', l.sq);
        END CASE;
        RETURN;
    END IF;
    CASE (random() * 13)::int
        WHEN 0 THEN pq := format('a < %s', k1); sq := format('%s < %s)', an, k1);
        WHEN 1 THEN pq := format('a >= %s', k1); sq := format('%s >= %s)', an, k1);
        WHEN 2 THEN pq := format('a = %s', k1); sq := format('%s = %s)', an, k1);
        WHEN 3 THEN pq := format('a BETWEEN %s AND %s', least(k1, k2), greatest(k1, k2));
                    sq := format('%s BETWEEN %s AND %s)', an, least(k1, k2), greatest(k1, k2));
        WHEN 4 THEN pq := format('a IN [%s, %s, 3]', k1, k2); sq := format('%s IN (%s, %s, 3))', an, k1, k2);
        WHEN 5 THEN pq := format('b = ''%s''', s); sq := format('%s = %L)', bs, s);
        WHEN 6 THEN pq := format('begins_with(b, ''%s'')', s); sq := format('%s LIKE %L)', bs, s || '%');
        WHEN 7 THEN pq := format('b > ''%s''', s); sq := format('%s > %L COLLATE "C")', bs, s);
        WHEN 8 THEN pq := 'b IS MISSING'; sq := $q$NOT item ? 'b'$q$;
        WHEN 9 THEN pq := 'a IS NOT MISSING'; sq := $q$item ? 'a'$q$;
        WHEN 10 THEN pq := 'c = true'; sq := $q$coalesce(item->'c' = 'true', false)$q$;
        WHEN 11 THEN pq := format('"K" > %s', k1 * 20); sq := format('sk > %s', k1 * 20);
        ELSE pq := format('size(b) = %s', 1 + k1 % 2); sq := format('length(item->>''b'') = %s', 1 + k1 % 2);
    END CASE;
    -- a missing attribute makes a comparison false, not SQL's NULL
    sq := format('coalesce(%s, false)', sq);
END $$;

-- What dynamo.partiql() returns, and what SQL selects, as sorted keys
CREATE FUNCTION pg_temp.got(stmt text) RETURNS text[] LANGUAGE sql AS $$
    SELECT coalesce(array_agg(k ORDER BY k COLLATE "C"), '{}')
    FROM dynamo.partiql(stmt) AS i, LATERAL (SELECT (i->>'P') || '/' || (i->>'K')) AS x(k)
$$;
CREATE FUNCTION pg_temp.want(cond text) RETURNS text[] LANGUAGE plpgsql AS $$
DECLARE r text[];
BEGIN
    EXECUTE format('SELECT coalesce(array_agg(pk || ''/'' || sk ORDER BY (pk || ''/'' || sk) COLLATE "C"), ''{}'') FROM dynamo_data."tap_pq" WHERE %s', cond)
        INTO r;
    RETURN r;
END $$;

-- 40 Scans and 40 Queries (the partition key fixed, sometimes a sort key range too)
CREATE TEMP TABLE cases AS
SELECT i, c.pq, c.sq FROM generate_series(1, 80) i, LATERAL pg_temp.cond(2 + 0 * i) c;
UPDATE cases SET pq = format('"P" = ''p%s'' AND %s', i % 5, pq), sq = format('pk = ''p%s'' AND %s', i % 5, sq)
WHERE i > 40;
UPDATE cases SET pq = format('%s AND "K" BETWEEN %s AND %s', pq, i * 3, i * 5), sq = format('%s AND sk BETWEEN %s AND %s', sq, i * 3, i * 5)
WHERE i > 60;

SELECT is(pg_temp.got(format('SELECT * FROM tap_pq WHERE %s', pq)), pg_temp.want(sq), pq)
FROM cases ORDER BY i;

SELECT * FROM finish();
ROLLBACK;
