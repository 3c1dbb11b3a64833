
-- GSI OnDemandThroughput (conftables) ---------------------------------------

-- MaxReadRequestUnits and MaxWriteRequestUnits an UpdateTable Update action
-- gave a GSI of a PAY_PER_REQUEST table; NULL: no maximum
ALTER TABLE dynamo.indexes
    ADD COLUMN max_read_request_units bigint,
    ADD COLUMN max_write_request_units bigint;
COMMENT ON COLUMN dynamo.indexes.max_read_request_units IS 'MaxReadRequestUnits of a GSI of a PAY_PER_REQUEST table; NULL: none';
COMMENT ON COLUMN dynamo.indexes.max_write_request_units IS 'MaxWriteRequestUnits of a GSI of a PAY_PER_REQUEST table; NULL: none';
