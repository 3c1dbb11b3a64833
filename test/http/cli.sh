#!/usr/bin/env bash
# pg_dynamo's HTTP door driven by the AWS CLI (Debian's awscli).
# Environment: ENDPOINT, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY.
set -euo pipefail
export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER="" AWS_EC2_METADATA_DISABLED=true
export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
aws=(/usr/bin/aws dynamodb --endpoint-url "$ENDPOINT" --output text)

# Compare an observed value with the expected one
expect() {
	if [ "$2" != "$3" ]; then
		echo "FAIL: $1: got '$2', want '$3'"
		exit 1
	fi
	echo "ok: $1"
}

"${aws[@]}" create-table --table-name CliUsers \
	--attribute-definitions AttributeName=UserId,AttributeType=S AttributeName=Seq,AttributeType=N \
	--key-schema AttributeName=UserId,KeyType=HASH AttributeName=Seq,KeyType=RANGE \
	--billing-mode PAY_PER_REQUEST >/dev/null
"${aws[@]}" wait table-exists --table-name CliUsers
echo "ok: wait table-exists"

"${aws[@]}" put-item --table-name CliUsers --item '{"UserId": {"S": "123"}, "Seq": {"N": "1"}, "Name": {"S": "Alice"}}'
expect "get-item" "$("${aws[@]}" get-item --table-name CliUsers \
	--key '{"UserId": {"S": "123"}, "Seq": {"N": "1"}}' --query Item.Name.S)" Alice
"${aws[@]}" transact-write-items --transact-items '[
  {"Put": {"TableName": "CliUsers", "Item": {"UserId": {"S": "123"}, "Seq": {"N": "2"}, "Name": {"S": "Bob"}}}},
  {"Update": {"TableName": "CliUsers", "Key": {"UserId": {"S": "123"}, "Seq": {"N": "1"}},
              "UpdateExpression": "SET Paid = :t", "ExpressionAttributeValues": {":t": {"BOOL": true}}}}]'
# --page-size 1: the CLI's paginator follows LastEvaluatedKey page by page
expect "transact-write-items, then query paginated" "$("${aws[@]}" query --table-name CliUsers --page-size 1 \
	--key-condition-expression 'UserId = :u' --expression-attribute-values '{":u": {"S": "123"}}' \
	--query 'Items[].[Name.S, Paid.BOOL]' | tr '\t\n' '  ' | xargs)" "Alice True Bob None"
if "${aws[@]}" put-item --table-name CliUsers --item '{"UserId": {"S": "123"}, "Seq": {"N": "1"}}' \
	--condition-expression 'attribute_not_exists(UserId)' 2>"${TMPDIR:-/tmp}/cli_err.$$"; then
	echo "FAIL: the conditional put succeeded"
	exit 1
fi
expect "ConditionalCheckFailedException" \
	"$(grep -o 'ConditionalCheckFailedException' "${TMPDIR:-/tmp}/cli_err.$$")" ConditionalCheckFailedException
rm -f "${TMPDIR:-/tmp}/cli_err.$$"
echo "aws cli: all passed"
