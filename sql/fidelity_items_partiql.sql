--
-- fidelity_items_partiql: a RETURNING clause PartiQL refuses, in
-- DynamoDB's words: a DELETE returns only ALL OLD *, and no statement of
-- ExecuteTransaction returns anything (the message names the statement's
-- position; a DELETE's own refusal comes first).
--

\i sql/include/execute.sql

SELECT dynamo.create_table('FpH', 'pk') IS NOT NULL AS created;

SELECT pg_temp.try('ExecuteStatement', '{"Statement":"DELETE FROM FpH WHERE pk = ''x'' RETURNING MODIFIED NEW *"}');
SELECT pg_temp.try('ExecuteStatement', '{"Statement":"DELETE FROM FpH WHERE pk = ''x'' RETURNING ALL OLD *"}');
SELECT pg_temp.try('BatchExecuteStatement', '{"Statements":[{"Statement":"DELETE FROM FpH WHERE pk = ''x'' RETURNING MODIFIED OLD *"}]}');
SELECT pg_temp.try('ExecuteTransaction', '{"TransactStatements":[
  {"Statement":"UPDATE FpH SET v = 1 WHERE pk = ''a''"},
  {"Statement":"UPDATE FpH SET v = 2 WHERE pk = ''b'' RETURNING ALL NEW *"}]}');
SELECT pg_temp.try('ExecuteTransaction', '{"TransactStatements":[
  {"Statement":"DELETE FROM FpH WHERE pk = ''a'' RETURNING ALL NEW *"}]}');
SELECT pg_temp.try('ExecuteTransaction', '{"TransactStatements":[
  {"Statement":"DELETE FROM FpH WHERE pk = ''a'' RETURNING ALL OLD *"}]}');

-- only a SELECT names an index: a write through one is refused before
-- its table is looked for
SELECT pg_temp.try('ExecuteStatement', '{"Statement":"UPDATE \"FpH\".\"ix\" SET v = 1 WHERE pk = ''a''"}');
SELECT pg_temp.try('ExecuteStatement', '{"Statement":"DELETE FROM \"NoSuchTable\".\"ix\" WHERE pk = ''a''"}');

SELECT dynamo.delete_table('FpH') IS NOT NULL AS dropped;
