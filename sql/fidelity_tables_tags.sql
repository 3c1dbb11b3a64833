--
-- fidelity_tables_tags: TagResource, UntagResource and ListTagsOfResource
-- in DynamoDB's order of checks: a missing ResourceArn first, then the
-- constraints (Tags and TagKeys required), the ARN's form, an empty list of
-- tags or keys, then the table, whose absence UntagResource does not name.
--
CREATE FUNCTION pg_temp.v(op text, req jsonb) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    state text;
BEGIN
    RETURN dynamo.execute(op, req)::text;
EXCEPTION WHEN OTHERS THEN
    state := SQLSTATE;
    RETURN coalesce((SELECT e.exception FROM dynamo.exceptions() e WHERE e.sqlstate = state), state)
        || ': ' || SQLERRM;
END $$;
\pset tuples_only on
\pset format unaligned

SELECT pg_temp.v('TagResource', '{}');
SELECT pg_temp.v('UntagResource', '{}');
SELECT pg_temp.v('ListTagsOfResource', '{}');
SELECT pg_temp.v('TagResource', '{"ResourceArn": "a:b:c:d:e:f/g"}');
SELECT pg_temp.v('UntagResource', '{"ResourceArn": "a:b:c:d:e:f/g"}');
SELECT pg_temp.v('TagResource', '{"ResourceArn": "a:b:c:d:e:f/g", "Tags": []}');
SELECT pg_temp.v('TagResource', '{"ResourceArn": "arn:aws:dynamodb:local:000000000000:table/tg_none", "Tags": []}');
SELECT pg_temp.v('UntagResource', '{"ResourceArn": "arn:aws:dynamodb:local:000000000000:table/tg_none", "TagKeys": []}');
SELECT pg_temp.v('TagResource', '{"ResourceArn": "arn:aws:dynamodb:local:000000000000:table/tg_none",
    "Tags": [{"Key": "a", "Value": "b"}]}');
SELECT pg_temp.v('UntagResource', '{"ResourceArn": "arn:aws:dynamodb:local:000000000000:table/tg_none", "TagKeys": ["a"]}');
SELECT pg_temp.v('ListTagsOfResource', '{"ResourceArn": "arn:aws:dynamodb:local:000000000000:table/tg_none"}');
