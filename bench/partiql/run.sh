#!/bin/bash
# bench/partiql/run.sh: PartiQL next to the operations it amounts to, on a
# running instance ($PGHOST, $PGPORT, $PGUSER, $PGDATABASE, with pg_dynamo):
# a SELECT by partition key against execute('Query') (100 items), and a
# SELECT by the whole key against execute('GetItem').  Creates and fills
# the table "Bench" (200 partitions of 100 items) when it is missing; the
# sides alternate, ROUNDS rounds of SECS seconds each, one client.
set -euo pipefail
cd "$(dirname "$0")"
PGBIN=${PG_DYNAMO_PGBIN:-$(dirname "$(command -v pgbench)")}
ROUNDS=${ROUNDS:-2}
SECS=${SECS:-8}
"$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 <<'SQL'
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM dynamo.list_tables() t WHERE t = 'Bench') THEN
        PERFORM dynamo.create_table('Bench', partition_key => 'pk', sort_key => 'sk', sort_key_type => 'N');
    END IF;
END $$;
INSERT INTO dynamo_data."Bench" (pk, sk, item)
SELECT 'user#' || p, s, jsonb_build_object('pk', 'user#' || p, 'sk', s, 'c', 0, 'name', 'item ' || s, 'tags', jsonb_build_array('a', 'b'))
FROM generate_series(1, 200) p, generate_series(1, 100) s
ON CONFLICT DO NOTHING;
ANALYZE dynamo_data."Bench";
SQL
tps() { "$PGBIN/pgbench" -n -M prepared -c 1 -T "$SECS" -f "$1.sql" | awk '/^tps/ {print $3}'; }
for pair in "q_exec q_pql" "g_exec g_pql"; do
	set -- $pair
	a=0 b=0
	for r in $(seq "$ROUNDS"); do
		if [ $((r % 2)) = 1 ]; then
			a=$(echo "$a + $(tps "$1")" | bc -l)
			b=$(echo "$b + $(tps "$2")" | bc -l)
		else
			b=$(echo "$b + $(tps "$2")" | bc -l)
			a=$(echo "$a + $(tps "$1")" | bc -l)
		fi
	done
	printf '%s %.0f tps, %s %.0f tps, PartiQL / execute = %.2f\n' "$1" "$(echo "$a / $ROUNDS" | bc -l)" \
		"$2" "$(echo "$b / $ROUNDS" | bc -l)" "$(echo "$b / $a" | bc -l)"
done
