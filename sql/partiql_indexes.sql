-- PartiQL statements that name an index: FROM "Table"."Index" reads that
-- index, a Query when the WHERE fixes the index's partition key, else a Scan
SET client_min_messages = warning;

CREATE FUNCTION pqi(statement text, parameters jsonb DEFAULT NULL, extra jsonb DEFAULT '{}')
RETURNS jsonb LANGUAGE sql AS $$
  SELECT dynamo.execute('ExecuteStatement',
           jsonb_strip_nulls(jsonb_build_object('Statement', statement, 'Parameters', parameters)) || extra)
$$;

-- A table with a GSI (INCLUDE Album) and an LSI (KEYS_ONLY)
SELECT dynamo.execute('CreateTable', '{"TableName":"Tracks",
  "KeySchema":[{"AttributeName":"Artist","KeyType":"HASH"},{"AttributeName":"Song","KeyType":"RANGE"}],
  "AttributeDefinitions":[{"AttributeName":"Artist","AttributeType":"S"},{"AttributeName":"Song","AttributeType":"S"},
     {"AttributeName":"Year","AttributeType":"N"},{"AttributeName":"Genre","AttributeType":"S"}],
  "GlobalSecondaryIndexes":[
    {"IndexName":"ByGenre","KeySchema":[{"AttributeName":"Genre","KeyType":"HASH"},{"AttributeName":"Year","KeyType":"RANGE"}],
     "Projection":{"ProjectionType":"INCLUDE","NonKeyAttributes":["Album"]}}],
  "LocalSecondaryIndexes":[
    {"IndexName":"ArtistYear","KeySchema":[{"AttributeName":"Artist","KeyType":"HASH"},{"AttributeName":"Year","KeyType":"RANGE"}],
     "Projection":{"ProjectionType":"KEYS_ONLY"}}],
  "BillingMode":"PAY_PER_REQUEST"}')->'TableDescription'->>'TableStatus' AS status;
SELECT pqi($$INSERT INTO "Tracks" VALUE {'Artist': 'a1', 'Song': 's1', 'Year': 2001, 'Genre': 'rock', 'Album': 'x', 'Plays': 5}$$);
SELECT pqi($$INSERT INTO "Tracks" VALUE {'Artist': 'a1', 'Song': 's2', 'Year': 2003, 'Genre': 'jazz', 'Album': 'y', 'Plays': 7}$$);
SELECT pqi($$INSERT INTO "Tracks" VALUE {'Artist': 'a2', 'Song': 's3', 'Year': 2002, 'Genre': 'rock', 'Album': 'z', 'Plays': 9}$$);
SELECT pqi($$INSERT INTO "Tracks" VALUE {'Artist': 'a2', 'Song': 's4', 'Year': 2004, 'Genre': 'rock', 'Plays': 1}$$);
-- sparse: in neither index (no Year), or only in the LSI (no Genre)
SELECT pqi($$INSERT INTO "Tracks" VALUE {'Artist': 'a1', 'Song': 's5', 'Genre': 'rock', 'Album': 'w'}$$);
SELECT pqi($$INSERT INTO "Tracks" VALUE {'Artist': 'a1', 'Song': 's6', 'Year': 2000, 'Album': 'v'}$$);

-- GSI, Query: the WHERE fixes the index's partition key; a sort key
-- condition on the index's sort key; the rest a filter.  Items carry the
-- projected attributes only (keys and Album, no Plays)
SELECT pqi($$SELECT * FROM "Tracks"."ByGenre" WHERE Genre = 'rock'$$);
SELECT pqi($$SELECT * FROM "Tracks"."ByGenre" WHERE Genre = 'rock' AND Year > 2001$$);
SELECT pqi($$SELECT * FROM "Tracks"."ByGenre" WHERE Genre = 'rock' AND Year BETWEEN 2001 AND 2002 AND Artist = 'a2'$$);
SELECT pqi($$SELECT Song, Year FROM "Tracks"."ByGenre" WHERE Genre = ? ORDER BY Year DESC$$, '[{"S":"rock"}]');
-- a projected attribute, and one the GSI does not hold
SELECT pqi($$SELECT Song, Album, Plays FROM "Tracks"."ByGenre" WHERE Genre = 'rock'$$);
-- the same statement to_sql: an index Query (its key columns are the index's)
SELECT dynamo.to_sql('ExecuteStatement', '{"Statement":"SELECT Song FROM \"Tracks\".\"ByGenre\" WHERE Genre = ''rock'' AND Year > 2001"}');
-- paging: Limit 2, then NextToken, every item of the index partition once
SELECT r->'Items' AS page1, r ? 'NextToken' AS more
FROM pqi($$SELECT Song FROM "Tracks"."ByGenre" WHERE Genre = 'rock'$$, NULL, '{"Limit":2}') r;
SELECT pqi($$SELECT Song FROM "Tracks"."ByGenre" WHERE Genre = 'rock'$$, NULL,
          jsonb_build_object('NextToken',
            pqi($$SELECT Song FROM "Tracks"."ByGenre" WHERE Genre = 'rock'$$, NULL, '{"Limit":2}')->>'NextToken'))->'Items' AS page2;

-- GSI, Scan: no equality on the index's partition key (a range on it, the
-- table's keys) reads the whole index, with the WHERE as its filter
SELECT pqi($$SELECT Song FROM "Tracks"."ByGenre"$$);
SELECT pqi($$SELECT Song FROM "Tracks"."ByGenre" WHERE Genre > 'a' AND Year < 2003$$);
SELECT pqi($$SELECT Song FROM "Tracks"."ByGenre" WHERE Artist = 'a1'$$);
-- ORDER BY the index's sort key needs a Query; the table's sort key is not the index's
SELECT pqi($$SELECT Song FROM "Tracks"."ByGenre" WHERE Year > 2000 ORDER BY Year$$);
SELECT pqi($$SELECT Song FROM "Tracks"."ByGenre" WHERE Genre = 'rock' ORDER BY Song$$);
-- a GSI takes no ConsistentRead, in PartiQL's own words
SELECT pqi($$SELECT Song FROM "Tracks"."ByGenre" WHERE Genre = 'rock'$$, NULL, '{"ConsistentRead":true}');

-- LSI, Query and Scan; asking for unprojected attributes fetches them from
-- the table, and ConsistentRead is allowed
SELECT pqi($$SELECT * FROM "Tracks"."ArtistYear" WHERE Artist = 'a1'$$);
SELECT pqi($$SELECT Song, Year, Plays FROM "Tracks"."ArtistYear" WHERE Artist = 'a1' AND Year >= 2001$$, NULL, '{"ConsistentRead":true}');
SELECT pqi($$SELECT Song FROM "Tracks"."ArtistYear" WHERE Year < 2003$$);

-- the unprefixed table is still read by its own key
SELECT pqi($$SELECT Song FROM "Tracks" WHERE Genre = 'rock' AND Artist = 'a2'$$);
-- a range on a partition key (the table's or an index's) is a Scan: a Query needs an equality
SELECT pqi($$SELECT Song FROM "Tracks" WHERE Artist > 'a1'$$);
SELECT pqi($$SELECT Song FROM "Tracks"."ArtistYear" WHERE Artist >= 'a2' AND Year > 2000$$);

-- errors: an unknown index (DynamoDB leaves its name out here), writes to
-- an index, an index read in a batch or a transaction
SELECT pqi($$SELECT * FROM "Tracks"."NoSuchIndex" WHERE Genre = 'rock'$$);
SELECT pqi($$SELECT * FROM "Tracks"."NoSuchIndex"$$, NULL, '{"ConsistentRead":true}');
SELECT pqi($$DELETE FROM "Tracks"."ByGenre" WHERE Artist = 'a1' AND Song = 's1'$$);
SELECT dynamo.execute('BatchExecuteStatement',
  '{"Statements":[{"Statement":"SELECT * FROM \"Tracks\".\"ByGenre\" WHERE Genre = ''rock''"}]}');
SELECT dynamo.execute('ExecuteTransaction',
  '{"TransactStatements":[{"Statement":"SELECT * FROM \"Tracks\".\"ArtistYear\" WHERE Artist = ''a1'' AND Year = 2001"}]}');

-- the psql form
SELECT * FROM dynamo.partiql($$SELECT Song, Year FROM "Tracks"."ByGenre" WHERE Genre = 'jazz'$$);

SELECT dynamo.delete_table('Tracks') IS NOT NULL AS dropped;
DROP FUNCTION pqi;
