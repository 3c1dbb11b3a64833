#!/usr/bin/env bash
# Many clients race conditional puts (attribute_not_exists) on the same new
# keys: exactly one put per key succeeds, every other one gets
# ConditionalCheckFailedException (SQLSTATE DY004) and no other error.
. "$(dirname "$0")/lib.bash"
TX=${TX:-100}
KEYS=${KEYS:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

psql_q <<'SQL'
SELECT dynamo.create_table('Locks', 'Id') IS NOT NULL;
CREATE TABLE outcomes (k text NOT NULL, client int NOT NULL, outcome text NOT NULL);
-- One claim: a conditional put; its outcome is recorded.  Any error other
-- than DY004 propagates and makes pgbench fail.
CREATE FUNCTION claim(k text, client int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM dynamo.put_item('Locks', jsonb_build_object('Id', k, 'Owner', client),
                            condition_expression => 'attribute_not_exists(Id)');
    INSERT INTO outcomes VALUES (k, client, 'won');
EXCEPTION WHEN SQLSTATE 'DY004' THEN
    INSERT INTO outcomes VALUES (k, client, 'ConditionalCheckFailed');
END $$;
SQL
cat >"$work/claim.sql" <<SQL
\\set k random(1, $KEYS)
SELECT claim('key-' || :k, :client_id);
SQL
echo "conditional put: $CLIENTS clients x $TX claims over $KEYS keys"
bench "$work/claim.sql" "$TX"
expect "outcomes recorded" "$(psql_q -c 'SELECT count(*) FROM outcomes')" $((CLIENTS * TX))
expect "keys with other than one winner" \
	"$(psql_q -c "SELECT count(*) FROM (SELECT k FROM outcomes GROUP BY k HAVING count(*) FILTER (WHERE outcome = 'won') <> 1) x")" 0
expect "items = keys claimed" \
	"$(psql_q -c 'SELECT count(*) FROM dynamo_data."Locks"')" \
	"$(psql_q -c 'SELECT count(DISTINCT k) FROM outcomes')"
expect "winner recorded = owner stored" \
	"$(psql_q -c "SELECT count(*) FROM outcomes o JOIN dynamo_data.\"Locks\" l ON l.pk = o.k WHERE o.outcome = 'won' AND (l.item->>'Owner')::int <> o.client")" 0
