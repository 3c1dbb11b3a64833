
-- Multi-attribute GSI keys --------------------------------------------------

-- The whole key schema of an index whose partition or sort key has more
-- than one attribute: [{"AttributeName", "KeyType", "AttributeType"}, ...]
-- in KeySchema order; partition_key and sort_key hold its first HASH and
-- first RANGE attribute.  NULL for an index of one HASH and one RANGE.
ALTER TABLE dynamo.indexes ADD COLUMN key_schema jsonb;
COMMENT ON COLUMN dynamo.indexes.key_schema IS 'KeySchema of a multi-attribute index, with attribute types; NULL otherwise';
