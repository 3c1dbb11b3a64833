-- PartiQL: ExecuteStatement, BatchExecuteStatement, ExecuteTransaction,
-- dynamo.partiql() and to_sql, with DynamoDB's errors
SET client_min_messages = warning;

CREATE FUNCTION pq(statement text, parameters jsonb DEFAULT NULL, extra jsonb DEFAULT '{}')
RETURNS jsonb LANGUAGE sql AS $$
  SELECT dynamo.execute('ExecuteStatement',
           jsonb_strip_nulls(jsonb_build_object('Statement', statement, 'Parameters', parameters)) || extra)
$$;

SELECT dynamo.create_table('Music', partition_key => 'Artist', sort_key => 'Song') IS NOT NULL AS created;
SELECT dynamo.create_table('Counters', partition_key => 'Id', partition_key_type => 'N') IS NOT NULL AS created;

-- INSERT: every literal form
SELECT pq($$INSERT INTO "Music" VALUE {'Artist': 'Acme', 'Song': 'Alpha', 'Year': 2020, 'Price': -1.50,
  'Big': 12e3, 'Tags': <<'rock', 'pop'>>, 'Ranks': <<3, 1, 2>>, 'Live': true, 'Remastered': false,
  'Label': NULL, 'Credits': ['Ann', 2, [true]], 'Info': {'studio': 'It''s Here', 'take': {'n': 7}}}$$);
SELECT pq('insert into "Music" value {''Artist'': ?, ''Song'': ?, ''Year'': ?, ''Cover'': ?, ''Hashes'': <<?, ?>>}',
  '[{"S":"Acme"},{"S":"Beta"},{"N":"2021"},{"B":"AAEC"},{"B":"AQ=="},{"B":"Ag=="}]');
SELECT pq($$INSERT INTO Music VALUE ?$$, '[{"M":{"Artist":{"S":"Acme"},"Song":{"S":"Gamma"},"Year":{"N":"2022"},"Plays":{"N":"10"}}}]');
SELECT pq($$INSERT INTO "Music" VALUE {'Artist': 'Zed', 'Song': 'Omega', 'Year': 1999, 'Plays': 3}$$);
SELECT dynamo.get_item('Music', '{"Artist":"Acme","Song":"Alpha"}');
SELECT dynamo.get_item('Music', '{"Artist":"Acme","Song":"Beta"}');
-- an existing key
SELECT pq($$INSERT INTO "Music" VALUE {'Artist': 'Acme', 'Song': 'Alpha'}$$);

-- SELECT: a whole key (GetItem), a partition (Query), anything else (Scan)
SELECT pq($$SELECT * FROM "Music" WHERE "Artist" = 'Acme' AND "Song" = 'Gamma'$$);
SELECT pq($$SELECT Song, Info.take.n, Credits[2][0], Info."studio" FROM Music WHERE Artist = 'Acme' AND Song = 'Alpha'$$);
SELECT pq($$SELECT Song FROM Music WHERE Artist = 'Acme' AND Song = 'Nope'$$);
SELECT pq($$SELECT Song FROM Music WHERE Artist = 'Acme'$$);
SELECT pq($$SELECT Song FROM Music WHERE 'Acme' = Artist ORDER BY Song DESC$$);
SELECT pq($$SELECT Song FROM Music WHERE Artist = 'Acme' ORDER BY Song ASC$$);
SELECT pq($$SELECT Song FROM Music WHERE Year >= 2021$$);
SELECT pq($$SELECT Artist, Song FROM Music$$);
-- comparators, BETWEEN, IN, AND / OR / NOT, IS [NOT] MISSING / NULL
SELECT pq($$SELECT Song FROM Music WHERE Artist = 'Acme' AND Song > 'Alpha'$$);
SELECT pq($$SELECT Song FROM Music WHERE Artist = 'Acme' AND Song < 'Beta'$$);
SELECT pq($$SELECT Song FROM Music WHERE Artist = 'Acme' AND Song <= 'Beta'$$);
SELECT pq($$SELECT Song FROM Music WHERE Artist = 'Acme' AND Song BETWEEN 'B' AND 'Z'$$);
SELECT pq($$SELECT Song FROM Music WHERE Artist = 'Acme' AND Song <> 'Beta'$$);
SELECT pq($$SELECT Song FROM Music WHERE Artist = 'Acme' AND Song != 'Beta' AND Song > 'A'$$);
SELECT pq($$SELECT Song FROM Music WHERE Year IN [1999, 2022]$$);
SELECT pq($$SELECT Song FROM Music WHERE Year IN (2020)$$);
SELECT pq($$SELECT Song FROM Music WHERE Year = 1999 OR Plays = 10$$);
SELECT pq($$SELECT Song FROM Music WHERE Artist = 'Acme' AND (Year = 2020 OR Year = 2021)$$);
SELECT pq($$SELECT Song FROM Music WHERE NOT Artist = 'Acme'$$);
SELECT pq($$SELECT Song FROM Music WHERE NOT (Artist = 'Acme' AND Year > 2020)$$);
SELECT pq($$SELECT Song FROM Music WHERE Plays IS MISSING$$);
SELECT pq($$SELECT Song FROM Music WHERE Plays IS NOT MISSING$$);
SELECT pq($$SELECT Song FROM Music WHERE Label IS NULL AND Artist = 'Acme'$$);
SELECT pq($$SELECT Song FROM Music WHERE Label IS NOT NULL$$);
SELECT pq($$SELECT Song FROM Music WHERE Info.take.n = 7$$);
SELECT pq($$SELECT Song FROM Music WHERE Credits[0] = 'Ann'$$);
SELECT pq($$SELECT Song FROM Music WHERE Live = true AND Remastered = false$$);
SELECT pq($$SELECT Song FROM Music WHERE Price < 0$$);
SELECT pq($$SELECT Song FROM Music WHERE Big = 12000$$);
-- functions
SELECT pq($$SELECT Song FROM Music WHERE Artist = 'Acme' AND begins_with(Song, 'Ga')$$);
SELECT pq($$SELECT Song FROM Music WHERE begins_with(Info.studio, 'It')$$);
SELECT pq($$SELECT Song FROM Music WHERE contains(Tags, 'pop')$$);
SELECT pq($$SELECT Song FROM Music WHERE contains(Song, 'mm')$$);
SELECT pq($$SELECT Song FROM Music WHERE attribute_type(Ranks, 'NS')$$);
SELECT pq($$SELECT Song FROM Music WHERE attribute_type(Cover, ?)$$, '[{"S":"B"}]');
SELECT pq($$SELECT Song FROM Music WHERE size(Tags) = 2 AND size(Credits) > 2$$);
SELECT pq($$SELECT Song FROM Music WHERE contains(Hashes, ?)$$, '[{"B":"Ag=="}]');
-- parameters
SELECT pq('SELECT Song FROM Music WHERE Artist = ? AND Song BETWEEN ? AND ?', '[{"S":"Acme"},{"S":"B"},{"S":"C"}]');
SELECT pq('SELECT Song FROM Music WHERE Year IN [?, ?]', '[{"N":"2020"},{"N":"1999"}]');

-- paging: Limit counts items read, NextToken resumes
SELECT pq($$SELECT Song FROM Music WHERE Artist = 'Acme'$$, NULL, '{"Limit": 2}') - 'NextToken';
SELECT pq($$SELECT Song FROM Music WHERE Artist = 'Acme'$$, NULL,
  jsonb_build_object('Limit', 2, 'NextToken',
    pq($$SELECT Song FROM Music WHERE Artist = 'Acme'$$, NULL, '{"Limit": 2}')->>'NextToken'));
DO $$
DECLARE
  page jsonb;
  token text;
  songs text[] := '{}';
  pages int := 0;
BEGIN
  LOOP
    page := pq('SELECT Song FROM Music', NULL, jsonb_strip_nulls(jsonb_build_object('Limit', 1, 'NextToken', token)));
    pages := pages + 1;
    songs := songs || ARRAY(SELECT e->'Song'->>'S' FROM jsonb_array_elements(page->'Items') e);
    token := page->>'NextToken';
    EXIT WHEN token IS NULL;
  END LOOP;
  RAISE WARNING 'scan in pages of 1: % pages, songs %', pages, (SELECT array_agg(s ORDER BY s) FROM unnest(songs) s);
END $$;
SELECT pq($$SELECT Song FROM Music WHERE Artist = 'Acme' ORDER BY Song DESC$$, NULL,
  jsonb_build_object('Limit', 1, 'NextToken',
    pq($$SELECT Song FROM Music WHERE Artist = 'Acme' ORDER BY Song DESC$$, NULL, '{"Limit": 1}')->>'NextToken')) - 'NextToken';
SELECT pq($$SELECT Song FROM Music WHERE Artist = 'Acme'$$, NULL, '{"ReturnConsumedCapacity": "TOTAL", "ConsistentRead": true}');

-- UPDATE: SET, REMOVE, arithmetic, list_append, if_not_exists, set_add, set_delete, RETURNING
SELECT pq($$UPDATE Music SET Plays = 1 WHERE Artist = 'Acme' AND Song = 'Alpha' RETURNING ALL OLD *$$) #> '{Items,0,Year}' AS old_year;
SELECT pq($$UPDATE Music SET Plays = Plays + 4, Year = Year - 1 WHERE Artist = 'Acme' AND Song = 'Alpha' RETURNING MODIFIED NEW *$$);
SELECT pq($$UPDATE Music SET Credits = list_append(Credits, ['Bob']) SET Extra = if_not_exists(Extra, 'x')
  WHERE Artist = 'Acme' AND Song = 'Alpha' RETURNING MODIFIED OLD *$$);
SELECT (pq($$UPDATE Music SET Tags = set_add(Tags, <<'jazz'>>) SET Ranks = set_delete(Ranks, <<1, 2>>) REMOVE Label, Info.take
  WHERE Artist = 'Acme' AND Song = 'Alpha' RETURNING ALL NEW *$$) #> '{Items,0}') - 'Credits' - 'Info';
SELECT pq($$UPDATE Music SET Info.take = {'n': 8}, Credits[0] = 'Anne' WHERE Artist = 'Acme' AND Song = 'Alpha' AND Plays = 5$$);
SELECT dynamo.get_item('Music', '{"Artist":"Acme","Song":"Alpha"}', projection_expression => 'Info, Credits, Plays, Tags, Ranks, Extra');
-- a condition that fails, and the item it saw
SELECT pq($$UPDATE Music SET Plays = 0 WHERE Artist = 'Acme' AND Song = 'Alpha' AND Plays > 100$$);
SELECT dynamo.execute('ExecuteStatement', '{"Statement":"UPDATE Music SET Plays = 0 WHERE Artist = ''Zed'' AND Song = ''Omega'' AND Plays > 100", "ReturnValuesOnConditionCheckFailure":"ALL_OLD"}');
-- an UPDATE needs the item
SELECT pq($$UPDATE Music SET Plays = 1 WHERE Artist = 'Acme' AND Song = 'Missing'$$);
SELECT dynamo.get_item('Music', '{"Artist":"Acme","Song":"Missing"}');

-- DELETE
SELECT pq($$DELETE FROM Music WHERE Artist = 'Zed' AND Song = 'Omega' AND Plays = 99$$);
SELECT pq($$DELETE FROM Music WHERE Artist = 'Zed' AND Song = 'Omega' AND Plays = 3 RETURNING ALL OLD *$$);
SELECT pq($$DELETE FROM Music WHERE Artist = 'Zed' AND Song = 'Omega'$$);
SELECT pq($$INSERT INTO Counters VALUE {'Id': 1, 'n': 0}$$);
SELECT pq($$DELETE FROM Counters WHERE Id = 1$$);
SELECT count(*) FROM dynamo_data."Counters";

-- BatchExecuteStatement: errors per statement
SELECT jsonb_pretty(dynamo.execute('BatchExecuteStatement', $${"Statements": [
  {"Statement": "INSERT INTO Music VALUE {'Artist': 'B', 'Song': 's1', 'n': 1}"},
  {"Statement": "INSERT INTO Music VALUE {'Artist': 'Acme', 'Song': 'Alpha'}"},
  {"Statement": "UPDATE Music SET n = 2 WHERE Artist = 'B' AND Song = 's1' AND n = 5", "ReturnValuesOnConditionCheckFailure": "ALL_OLD"},
  {"Statement": "UPDATE Music SET n = 3 WHERE Artist = ? AND Song = ?", "Parameters": [{"S": "B"}, {"S": "s1"}]},
  {"Statement": "DELETE FROM NoSuchTable WHERE a = 1"},
  {"Statement": "DELETE FROM Music"},
  {"Statement": "bogus"}]}$$));
SELECT jsonb_pretty(dynamo.execute('BatchExecuteStatement', $${"Statements": [
  {"Statement": "SELECT Song, n FROM Music WHERE Artist = 'B' AND Song = 's1'"},
  {"Statement": "SELECT * FROM Music WHERE Artist = 'B' AND Song = 'none'"},
  {"Statement": "SELECT * FROM Music WHERE Artist = 'B'"},
  {"Statement": "EXISTS(SELECT * FROM Music WHERE Artist = 'B' AND Song = 's1')"}]}$$));
-- reads and writes together: the whole batch is refused, before any runs
-- (a statement that is neither, as EXISTS above, does not count)
SELECT dynamo.execute('BatchExecuteStatement', $${"Statements": [
  {"Statement": "INSERT INTO Music VALUE {'Artist': 'B', 'Song': 's9'}"},
  {"Statement": "  select * FROM Music WHERE Artist = 'B' AND Song = 's1'"}]}$$);
SELECT dynamo.execute('BatchExecuteStatement', $${"Statements": [
  {"Statement": "bogus"},
  {"Statement": "SELECT * FROM Music WHERE Artist = 'B' AND Song = 's1'"},
  {"Statement": "UPDATE Music SET n = 9 WHERE Artist = 'B' AND Song = 's1'"}]}$$);
SELECT pq($$SELECT * FROM Music WHERE Artist = 'B' AND Song = 's9'$$);
SELECT dynamo.execute('BatchExecuteStatement', '{"Statements": []}');
SELECT dynamo.execute('BatchExecuteStatement', jsonb_build_object('Statements',
  (SELECT jsonb_agg(jsonb_build_object('Statement', 's' || i)) FROM generate_series(1, 26) i)));

-- ExecuteTransaction: all or nothing
SELECT pq($$INSERT INTO Counters VALUE {'Id': 7, 'n': 0}$$);
SELECT dynamo.execute('ExecuteTransaction', $${"TransactStatements": [
  {"Statement": "INSERT INTO Music VALUE {'Artist': 'T', 'Song': 't1'}"},
  {"Statement": "UPDATE Counters SET n = n + 1 WHERE Id = 7"},
  {"Statement": "EXISTS(SELECT * FROM Music WHERE Artist = 'B' AND Song = 's1' AND n = 3)"}],
  "ClientRequestToken": "pq-token-1"}$$);
-- a retry with the token applies nothing; another request with it is a mismatch
SELECT dynamo.execute('ExecuteTransaction', $${"TransactStatements": [
  {"Statement": "INSERT INTO Music VALUE {'Artist': 'T', 'Song': 't1'}"},
  {"Statement": "UPDATE Counters SET n = n + 1 WHERE Id = 7"},
  {"Statement": "EXISTS(SELECT * FROM Music WHERE Artist = 'B' AND Song = 's1' AND n = 3)"}],
  "ClientRequestToken": "pq-token-1"}$$);
SELECT dynamo.get_item('Counters', '{"Id": 7}');
SELECT dynamo.execute('ExecuteTransaction', $${"TransactStatements": [
  {"Statement": "UPDATE Counters SET n = n + 1 WHERE Id = 7"}], "ClientRequestToken": "pq-token-1"}$$);
-- (tokens are shared by this database's tests)
DELETE FROM dynamo.transaction_tokens WHERE token = 'pq-token-1';
-- cancelled: no trace of any statement
SELECT dynamo.execute('ExecuteTransaction', $${"TransactStatements": [
  {"Statement": "INSERT INTO Music VALUE {'Artist': 'T', 'Song': 't2'}"},
  {"Statement": "UPDATE Counters SET n = n + 10 WHERE Id = 7"},
  {"Statement": "DELETE FROM Music WHERE Artist = 'Acme' AND Song = 'Beta'"},
  {"Statement": "EXISTS(SELECT * FROM Music WHERE Artist = 'B' AND Song = 's1' AND n = 4)"}]}$$);
SELECT pk, sk FROM dynamo_data."Music" WHERE pk IN ('T', 'B') OR sk = 'Beta' ORDER BY 1, 2;
SELECT dynamo.get_item('Counters', '{"Id": 7}');
-- an EXISTS on a missing item cancels too
SELECT dynamo.execute('ExecuteTransaction', $${"TransactStatements": [
  {"Statement": "EXISTS(SELECT * FROM Music WHERE Artist = 'B' AND Song = 'none')"},
  {"Statement": "UPDATE Counters SET n = 0 WHERE Id = 7"}]}$$);
-- reads, from one snapshot
SELECT dynamo.execute('ExecuteTransaction', $${"TransactStatements": [
  {"Statement": "SELECT * FROM Music WHERE Artist = 'T' AND Song = 't1'"},
  {"Statement": "SELECT n FROM Counters WHERE Id = ?", "Parameters": [{"N": "7"}]},
  {"Statement": "SELECT * FROM Music WHERE Artist = 'T' AND Song = 'none'"}], "ReturnConsumedCapacity": "TOTAL"}$$);
-- what a transaction may not hold
SELECT dynamo.execute('ExecuteTransaction', $${"TransactStatements": [
  {"Statement": "SELECT * FROM Music WHERE Artist = 'T' AND Song = 't1'"},
  {"Statement": "UPDATE Counters SET n = 0 WHERE Id = 7"}]}$$);
SELECT dynamo.execute('ExecuteTransaction', $${"TransactStatements": [
  {"Statement": "SELECT * FROM Music WHERE Artist = 'T'"}]}$$);
SELECT dynamo.execute('ExecuteTransaction', $${"TransactStatements": [
  {"Statement": "DELETE FROM Music WHERE Artist = 'T' AND Song = 't1' RETURNING ALL OLD *"}]}$$);
SELECT dynamo.execute('ExecuteTransaction', $${"TransactStatements": [
  {"Statement": "UPDATE Counters SET n = 1 WHERE Id = 7"},
  {"Statement": "UPDATE Counters SET n = 2 WHERE Id = 7"}]}$$);
SELECT dynamo.execute('ExecuteTransaction', '{"TransactStatements": []}');
SELECT dynamo.execute('ExecuteTransaction', jsonb_build_object('TransactStatements',
  (SELECT jsonb_agg(jsonb_build_object('Statement', 's')) FROM generate_series(1, 101) i)));
-- inside the caller's transaction: a ROLLBACK undoes a statement
BEGIN;
SELECT pq($$INSERT INTO Music VALUE {'Artist': 'R', 'Song': 'r1'}$$);
ROLLBACK;
SELECT count(*) FROM dynamo_data."Music" WHERE pk = 'R';

-- dynamo.partiql(): rows of plain JSON, parameters in plain JSON
SELECT * FROM dynamo.partiql($$SELECT Song, Year FROM "Music" WHERE Artist = ? AND Year > ?$$, '["Acme", 2020]');
SELECT count(*) FROM dynamo.partiql('SELECT * FROM Music');
SELECT * FROM dynamo.partiql($$UPDATE Music SET Plays = Plays + 1 WHERE Artist = 'Acme' AND Song = 'Gamma' RETURNING MODIFIED NEW *$$);
SELECT * FROM dynamo.partiql($$INSERT INTO Music VALUE {'Artist': 'P', 'Song': 'p'}$$);
SELECT * FROM dynamo.partiql('SELECT * FROM Music WHERE Artist = ?', '{"a": 1}');
-- to_sql: the plain SQL of a SELECT
SELECT dynamo.to_sql('ExecuteStatement', $${"Statement": "SELECT * FROM Music WHERE Artist = 'Acme' AND Song > 'B'"}$$);
SELECT dynamo.to_sql('ExecuteStatement', $${"Statement": "SELECT Song FROM Music WHERE Year > 2020"}$$);
SELECT dynamo.to_sql('ExecuteStatement', $${"Statement": "SELECT Song FROM Music WHERE Artist = ? ORDER BY Song DESC", "Parameters": [{"S": "Acme"}]}$$);
SELECT dynamo.to_sql('ExecuteStatement', $${"Statement": "DELETE FROM Music WHERE Artist = 'Acme' AND Song = 'Alpha'"}$$);

-- malformed statements and their errors
SELECT pq('');
SELECT pq('   ');
-- (DynamoDB echoes the whole statement; shown shortened here)
DO $$BEGIN PERFORM pq(repeat('x', 8193));
EXCEPTION WHEN OTHERS THEN RAISE WARNING '%', replace(SQLERRM, repeat('x', 8193), '<8193 x>'); END$$;
SELECT dynamo.execute('ExecuteStatement', '{}');
SELECT pq('SELEC * FROM Music');
SELECT pq('CREATE TABLE x');
SELECT pq('SELECT * FROM');
SELECT pq('SELECT FROM Music');
SELECT pq('SELECT * FROM Music WHERE');
SELECT pq('SELECT * FROM Music WHERE Artist =');
SELECT pq('SELECT * FROM Music WHERE Artist = = 1');
SELECT pq($$SELECT * FROM Music WHERE Artist = 'Acme$$);
SELECT pq('SELECT * FROM "Music WHERE a = 1');
SELECT pq('SELECT * FROM Music WHERE Artist # 1');
SELECT pq('SELECT * FROM Music LIMIT 5');
SELECT pq('SELECT * FROM Music WHERE a = 1 GROUP BY a');
SELECT pq('SELECT * FROM Music m JOIN Other o');
SELECT pq('SELECT * FROM Music WHERE a[1.5] = 1');
SELECT pq('SELECT * FROM Music WHERE a[x] = 1');
SELECT pq('SELECT * FROM Music WHERE (a = 1');
SELECT pq('SELECT * FROM Music WHERE a = 1)');
SELECT pq('SELECT * FROM Music WHERE Artist');
SELECT pq('SELECT * FROM Music WHERE Year + 1 = 2021');
SELECT pq('SELECT * FROM Music WHERE 1 IS MISSING');
SELECT pq('SELECT * FROM Music WHERE nosuch(Song)');
SELECT pq('SELECT * FROM Music WHERE begins_with(Song)');
SELECT pq('SELECT * FROM Music WHERE size(Tags) = ''x'' AND Year BETWEEN 2 AND 1');
SELECT pq('SELECT * FROM Music WHERE Tags = <<1, ''a''>>');
SELECT pq('SELECT * FROM Music WHERE Tags = <<true>>');
SELECT pq('SELECT * FROM Music ORDER BY Song');
SELECT pq('SELECT * FROM Music WHERE Artist = ''Acme'' ORDER BY Year');
SELECT pq('SELECT * FROM Music WHERE Year = 1 ORDER BY Song');
SELECT pq('SELECT * FROM NoSuchTable');
SELECT pq('SELECT * FROM "ab"');
SELECT pq('SELECT * FROM "Music"."ByYear" WHERE Year = 1');
SELECT pq('SELECT * FROM Music WHERE Artist = ?');
SELECT pq('SELECT * FROM Music WHERE Artist = ?', '[{"S":"a"},{"S":"b"}]');
SELECT pq('SELECT * FROM Music', '[{"S":"a"}]');
SELECT pq('SELECT * FROM Music WHERE Artist = ?', '[]');
SELECT pq('SELECT * FROM Music WHERE Artist = ?', '["a"]');
SELECT pq('SELECT * FROM Music WHERE Artist = ?', '[{"X":"a"}]');
SELECT pq('SELECT * FROM Music', NULL, '{"Limit": 0}');
SELECT pq('SELECT * FROM Music', NULL, '{"NextToken": "!!!"}');
SELECT pq('SELECT * FROM Music', NULL, '{"NextToken": "eyJ4IjogMX0="}');
SELECT pq('INSERT INTO Music VALUES {''Artist'': ''a'', ''Song'': ''b''}');
SELECT pq('INSERT INTO Music VALUE [1, 2]');
SELECT pq('INSERT INTO Music VALUE {''Artist'': ''a''}');
SELECT pq('INSERT INTO Music VALUE {''Artist'': 1, ''Song'': ''b''}');
SELECT pq('INSERT INTO Music VALUE {''Artist'': ''a'', ''Song'': ''b'', ''e'': <<>>}');
SELECT pq('INSERT INTO Music VALUE {''Artist'': ''a'', ''Song'': ''b'', ''n'': 1e200}');
SELECT pq('INSERT INTO Music VALUE {''Artist'': ''a'', ''Song'': ''b'', ''t'': <<''x'', ''x''>>}');
SELECT pq('INSERT INTO Music VALUE {Artist: ''a''}');
SELECT pq('INSERT INTO "Music"."ByYear" VALUE {''Artist'': ''a'', ''Song'': ''b''}');
SELECT pq('UPDATE Music SET a = 1');
SELECT pq('UPDATE Music SET a = 1 WHERE Artist = ''Acme''');
SELECT pq('UPDATE Music SET a = 1 WHERE Artist = ''Acme'' OR Song = ''Alpha''');
SELECT pq('UPDATE Music SET a = 1 WHERE Artist > ''Acme'' AND Song = ''Alpha''');
SELECT pq('UPDATE Music WHERE Artist = ''Acme'' AND Song = ''Alpha''');
SELECT pq('UPDATE Music SET Artist = ''x'' WHERE Artist = ''Acme'' AND Song = ''Alpha''');
SELECT pq('UPDATE Music SET a = 1, a = 2 WHERE Artist = ''Acme'' AND Song = ''Alpha''');
SELECT pq('UPDATE Music SET Tags = set_add(Ranks, <<''x''>>) WHERE Artist = ''Acme'' AND Song = ''Alpha''');
SELECT pq('UPDATE Music SET Tags = set_add(Tags) WHERE Artist = ''Acme'' AND Song = ''Alpha''');
SELECT pq('UPDATE Music SET a = 1 WHERE Artist = ''Acme'' AND Song = ''Alpha'' RETURNING *');
SELECT pq('UPDATE Music SET a = 1 WHERE Artist = 1 AND Song = ''Alpha''');
SELECT pq('DELETE FROM Music');
SELECT pq('DELETE Music WHERE Artist = ''Acme'' AND Song = ''Alpha''');
SELECT pq('DELETE FROM Music WHERE Artist = ''Acme'' AND Song = ''Alpha'' RETURNING ALL NEW *');
SELECT pq('DELETE FROM Music WHERE Artist = ''Acme'' AND Song = ''Alpha'' RETURNING MODIFIED OLD *');
SELECT pq('EXISTS(SELECT * FROM Music WHERE Artist = ''Acme'' AND Song = ''Alpha'')');
SELECT pq('EXISTS(SELECT * FROM Music WHERE Artist = ''Acme'')');
SELECT pq('SELECT * FROM Music; DELETE FROM Music');
