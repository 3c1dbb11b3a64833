
-- GSI provisioned throughput (polish) ---------------------------------------

-- ProvisionedThroughput given for a GSI at CreateTable or UpdateTable
-- Create (a PROVISIONED table's); 0 when none was given
ALTER TABLE dynamo.indexes
    ADD COLUMN read_capacity_units bigint NOT NULL DEFAULT 0,
    ADD COLUMN write_capacity_units bigint NOT NULL DEFAULT 0;
COMMENT ON COLUMN dynamo.indexes.read_capacity_units IS 'ReadCapacityUnits of a GSI of a PROVISIONED table; 0 otherwise';
COMMENT ON COLUMN dynamo.indexes.write_capacity_units IS 'WriteCapacityUnits of a GSI of a PROVISIONED table; 0 otherwise';
