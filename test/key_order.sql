-- key_order: item tables keep DynamoDB's key order, so SQL's ORDER BY (and
-- any range scan on the primary key) sees items as DynamoDB sorts them:
-- S by UTF-8 bytes, N numerically, B by unsigned bytes.
BEGIN;
SELECT plan(13);
SELECT lives_ok($$SELECT dynamo.create_table('tap_order_s', 'pk', 'S', 'sk', 'S')$$, 'string sort key table');
SELECT lives_ok($$SELECT dynamo.create_table('tap_order_n', 'pk', 'S', 'sk', 'N')$$, 'number sort key table');
SELECT lives_ok($$SELECT dynamo.create_table('tap_order_b', 'pk', 'B', 'sk', 'B')$$, 'binary key table');

-- strings: written in a scrambled order
DO $$ BEGIN PERFORM dynamo.put_item('tap_order_s', jsonb_build_object('pk', 'p', 'sk', s))
FROM unnest(ARRAY['😀', 'b', 'Z', '中', 'a', 'é', 'aa', 'A', 'ÿ', 'Ā', 'ｚ', '~', '0', ' ', 'ab', 'a b']) AS s; END $$;
SELECT is((SELECT array_agg(sk ORDER BY sk) FROM dynamo_data.tap_order_s WHERE pk = 'p'),
          ARRAY[' ', '0', 'A', 'Z', 'a', 'a b', 'aa', 'ab', 'b', '~', 'é', 'ÿ', 'Ā', '中', 'ｚ', '😀'],
          'S sort keys in UTF-8 byte order (Z < a < b < é < 中 < 😀)');
SELECT is((SELECT array_agg(sk ORDER BY sk COLLATE "C") FROM dynamo_data.tap_order_s WHERE pk = 'p'),
          (SELECT array_agg(sk ORDER BY convert_to(sk, 'UTF8')) FROM dynamo_data.tap_order_s WHERE pk = 'p'),
          'the same as ordering by the UTF-8 bytes');
SELECT is((SELECT c.collname::text FROM pg_attribute AS a JOIN pg_collation AS c ON c.oid = a.attcollation
           WHERE a.attrelid = 'dynamo_data.tap_order_s'::regclass AND a.attname = 'sk'),
          'C', 'the sort key column has collation C, whatever the database default');

-- partition keys sort the same way
SELECT is((SELECT array_agg(DISTINCT pk ORDER BY pk) FROM dynamo_data.tap_order_s),
          ARRAY['p'], 'one partition so far');
DO $$ BEGIN PERFORM dynamo.put_item('tap_order_s', jsonb_build_object('pk', p, 'sk', 'x'))
FROM unnest(ARRAY['é', 'Z', 'a']) AS p; END $$;
SELECT is((SELECT array_agg(DISTINCT pk ORDER BY pk) FROM dynamo_data.tap_order_s),
          ARRAY['Z', 'a', 'p', 'é'], 'S partition keys in UTF-8 byte order');

-- strings holding U+0000 and U+0001 (through the text door): the stored
-- escape keeps their order, 'a' < 'a\0' < 'a\0\0' < 'a\1' < 'a\2' < 'b'
DO $$ BEGIN PERFORM dynamo.execute_text('PutItem', format('{"TableName": "tap_order_s", "Item": {"pk": {"S": "nul"}, "sk": {"S": "%s"}}}', s))
FROM unnest(ARRAY['b', 'a\u0002', 'a\u0000\u0000', 'a', 'a\u0001', 'a\u0000']) AS s; END $$;
SELECT is((SELECT array_agg(sk ORDER BY sk) FROM dynamo_data.tap_order_s WHERE pk = 'nul'),
          ARRAY['a', E'a\x01\x01', E'a\x01\x01\x01\x01', E'a\x01\x02', E'a\x02', 'b'],
          'escaped U+0000 and U+0001 keep UTF-8 byte order');

-- numbers: numerically, whatever their spelling
DO $$ BEGIN PERFORM dynamo.execute('PutItem', jsonb_build_object('TableName', 'tap_order_n',
    'Item', jsonb_build_object('pk', '{"S": "p"}'::jsonb, 'sk', jsonb_build_object('N', n))))
FROM unnest(ARRAY['10', '-1.5', '1E+100', '2', '0', '-10', '-1E+125', '0.5', '1E-130', '-0.5', '9.99', '100.0']) AS n; END $$;
SELECT is((SELECT array_agg(sk ORDER BY sk) FROM dynamo_data.tap_order_n WHERE pk = 'p'),
          ARRAY['-1E+125', '-10', '-1.5', '-0.5', '0', '1E-130', '0.5', '2', '9.99', '10', '100', '1E+100']::numeric[],
          'N sort keys in numeric order (-10 < -1.5 < 0 < 2 < 10 < 1E+100)');
SELECT results_eq($$SELECT sk::text AS v FROM dynamo_data.tap_order_n WHERE pk = 'p' AND sk BETWEEN 0 AND 10 ORDER BY sk$$,
                  ARRAY['0', '0.' || repeat('0', 129) || '1', '0.5', '2', '9.99', '10'],
                  'a numeric range, normalised (no exponent, no trailing zeros)');

-- binaries: by unsigned bytes, a prefix first
DO $$ BEGIN PERFORM dynamo.put_item('tap_order_b', jsonb_build_object('pk', '{"$B": "AA=="}'::jsonb,
                                                         'sk', jsonb_build_object('$B', translate(encode(b, 'base64'), E'\n', ''))))
FROM unnest(ARRAY['\xff'::bytea, '\x80', '\x00', '\x7f', '\x0000', '\xff00', '\x01', '\x0001', '\xfe']) AS b; END $$;
SELECT is((SELECT array_agg(sk ORDER BY sk) FROM dynamo_data.tap_order_b),
          ARRAY['\x00', '\x0000', '\x0001', '\x01', '\x7f', '\x80', '\xfe', '\xff', '\xff00']::bytea[],
          'B sort keys in unsigned byte order (0x00 < 0x7f < 0x80 < 0xff)');
DO $$ BEGIN PERFORM dynamo.put_item('tap_order_b', jsonb_build_object('pk', jsonb_build_object('$B', b64), 'sk', '{"$B": "AA=="}'::jsonb))
FROM unnest(ARRAY['/w==', 'gA==', 'fw==']) AS b64; END $$;
SELECT results_eq($$SELECT DISTINCT pk FROM dynamo_data.tap_order_b ORDER BY pk$$,
                  ARRAY['\x00', '\x7f', '\x80', '\xff']::bytea[], 'B partition keys in unsigned byte order');
SELECT * FROM finish();
ROLLBACK;

