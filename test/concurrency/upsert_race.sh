#!/usr/bin/env bash
# Unconditional updates racing to create the same missing items never fail,
# and lose nothing: every item's counter ends at the number of updates sent
# to it.
. "$(dirname "$0")/lib.bash"
TX=${TX:-200}
KEYS=${KEYS:-50}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

psql_q <<'SQL'
SELECT dynamo.create_table('Upserts', 'Id', 'N') IS NOT NULL;
CREATE TABLE sent (k int NOT NULL);
SQL
cat >"$work/upsert.sql" <<SQL
\\set k random(1, $KEYS)
BEGIN;
SELECT dynamo.update_item('Upserts', jsonb_build_object('Id', :k),
       'SET lastClient = :c ADD n :one',
       expression_attribute_values => jsonb_build_object(':c', :client_id, ':one', 1));
INSERT INTO sent VALUES (:k);
COMMIT;
SQL
echo "upsert race: $CLIENTS clients x $TX updates over $KEYS keys, all starting missing"
bench "$work/upsert.sql" "$TX"
expect "updates applied" "$(psql_q -c 'SELECT sum((item->>'"'n'"')::int) FROM dynamo_data."Upserts"')" $((CLIENTS * TX))
expect "items whose counter differs from updates sent" \
	"$(psql_q -c 'SELECT count(*) FROM (SELECT k, count(*) c FROM sent GROUP BY k) s JOIN dynamo_data."Upserts" u ON u.pk = s.k WHERE (u.item->>'"'n'"')::int <> s.c')" 0
