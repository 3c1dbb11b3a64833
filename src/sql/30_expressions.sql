
-- DynamoDB's expression languages on plain-JSON items (see src/expr/).
CREATE FUNCTION dynamo.eval_condition(
    item jsonb,
    condition_expression text,
    expression_attribute_names jsonb DEFAULT NULL,
    expression_attribute_values jsonb DEFAULT NULL)
RETURNS boolean
AS 'MODULE_PATHNAME', 'dynamo_eval_condition'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION dynamo.eval_condition(jsonb, text, jsonb, jsonb) IS
    'Does a plain-JSON item (NULL: no item) satisfy a DynamoDB condition expression?';

CREATE FUNCTION dynamo.apply_update(
    item jsonb,
    update_expression text,
    expression_attribute_names jsonb DEFAULT NULL,
    expression_attribute_values jsonb DEFAULT NULL)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_apply_update'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION dynamo.apply_update(jsonb, text, jsonb, jsonb) IS
    'A plain-JSON item (NULL: none yet) after a DynamoDB update expression';

CREATE FUNCTION dynamo.project(
    item jsonb,
    projection_expression text,
    expression_attribute_names jsonb DEFAULT NULL)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'dynamo_project'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION dynamo.project(jsonb, text, jsonb) IS
    'The attributes of a plain-JSON item that a DynamoDB projection expression names';
