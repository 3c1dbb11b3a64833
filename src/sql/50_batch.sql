
-- Batch and transactional operations ----------------------------------

-- ClientRequestToken of TransactWriteItems: a retry within 10 minutes gets
-- the first response.  Rows are written in the caller's transaction; each
-- role sees only its own tokens.
CREATE TABLE dynamo.transaction_tokens (
    requester     name NOT NULL DEFAULT CURRENT_USER,
    token         text NOT NULL,
    request_hash  bytea NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT pg_catalog.now(),
    response      jsonb,
    PRIMARY KEY (requester, token)
);
CREATE INDEX transaction_tokens_created_at ON dynamo.transaction_tokens (created_at);
COMMENT ON TABLE dynamo.transaction_tokens IS 'pg_dynamo: ClientRequestToken of TransactWriteItems, kept 10 minutes';
ALTER TABLE dynamo.transaction_tokens ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_tokens ON dynamo.transaction_tokens
    USING (requester = CURRENT_USER) WITH CHECK (requester = CURRENT_USER);
GRANT SELECT, INSERT, UPDATE, DELETE ON dynamo.transaction_tokens TO PUBLIC;

CREATE FUNCTION dynamo.batch_get_item(request_items jsonb)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_batch_get_item_sql'
LANGUAGE C STABLE;
COMMENT ON FUNCTION dynamo.batch_get_item IS 'Read up to 100 items of any tables (BatchGetItem); {"Responses":{...},"UnprocessedKeys":{...}}, plain JSON';

CREATE FUNCTION dynamo.batch_write_item(request_items jsonb)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_batch_write_item_sql'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.batch_write_item IS 'Put or delete up to 25 items of any tables (BatchWriteItem); plain JSON';

CREATE FUNCTION dynamo.transact_get_items(transact_items jsonb)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_transact_get_items_sql'
LANGUAGE C STABLE;
COMMENT ON FUNCTION dynamo.transact_get_items IS 'Read up to 100 items from one snapshot (TransactGetItems); an array of items or nulls, in request order';

CREATE FUNCTION dynamo.transact_write_items(
    transact_items jsonb,
    client_request_token text DEFAULT NULL)
RETURNS void
AS 'MODULE_PATHNAME', 'dynamo_transact_write_items_sql'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION dynamo.transact_write_items IS 'Apply up to 100 condition checks, puts, updates and deletes all or nothing (TransactWriteItems); plain JSON';
