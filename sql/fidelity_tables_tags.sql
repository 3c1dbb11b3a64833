--
-- fidelity_tables_tags: TagResource, UntagResource and ListTagsOfResource
-- in DynamoDB's order of checks: a missing ResourceArn first, then the
-- constraints (Tags and TagKeys required), the ARN's form, an empty list of
-- tags or keys, then the table, whose absence UntagResource does not name.
--
\i sql/include/execute.sql
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
