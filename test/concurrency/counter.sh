#!/usr/bin/env bash
# Many clients increment one counter with update_item ADD: none is lost.
. "$(dirname "$0")/lib.bash"
TX=${TX:-250}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

psql_q <<'SQL'
SELECT dynamo.create_table('Counters', 'Id') IS NOT NULL;
SQL
cat >"$work/add.sql" <<'SQL'
SELECT dynamo.update_item('Counters', '{"Id":"hits"}', 'ADD #n :one',
       expression_attribute_names => '{"#n":"n"}',
       expression_attribute_values => '{":one":1}');
SQL
echo "counter: $CLIENTS clients x $TX increments of one missing-then-present item"
bench "$work/add.sql" "$TX"
expect "final counter" "$(psql_q -c "SELECT dynamo.get_item('Counters', '{\"Id\":\"hits\"}')->>'n'")" $((CLIENTS * TX))
