// pg_dynamo's HTTP door driven by the AWS SDK for JavaScript v3: the
// client, the DocumentClient, a Query paginator, a waiter, a transaction and
// a conditional failure caught as its exception class.
// Environment: ENDPOINT, APP_KEY, APP_SECRET.  Exits non-zero on a failure.
import {
  DynamoDBClient, CreateTableCommand, waitUntilTableExists,
  ConditionalCheckFailedException, TransactionCanceledException, paginateQuery,
} from "@aws-sdk/client-dynamodb";
import {
  DynamoDBDocumentClient, PutCommand, GetCommand, TransactWriteCommand,
} from "@aws-sdk/lib-dynamodb";
import assert from "node:assert/strict";

const client = new DynamoDBClient({
  endpoint: process.env.ENDPOINT,
  region: "us-east-1",
  credentials: { accessKeyId: process.env.APP_KEY, secretAccessKey: process.env.APP_SECRET },
});
const doc = DynamoDBDocumentClient.from(client);

// Report one passed check
function ok(what) {
  console.log(`ok: ${what}`);
}

await client.send(new CreateTableCommand({
  TableName: "NodeUsers",
  AttributeDefinitions: [{ AttributeName: "UserId", AttributeType: "S" },
                         { AttributeName: "Seq", AttributeType: "N" }],
  KeySchema: [{ AttributeName: "UserId", KeyType: "HASH" }, { AttributeName: "Seq", KeyType: "RANGE" }],
  BillingMode: "PAY_PER_REQUEST",
}));
const waited = await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: "NodeUsers" });
assert.equal(waited.state, "SUCCESS");
ok("waitUntilTableExists");

for (let i = 0; i < 12; i++)
  await doc.send(new PutCommand({ TableName: "NodeUsers", Item: { UserId: "u1", Seq: i, Name: `n${i}`, Tags: new Set(["a", "b"]) } }));
const got = await doc.send(new GetCommand({ TableName: "NodeUsers", Key: { UserId: "u1", Seq: 3 } }));
assert.deepEqual(got.Item, { UserId: "u1", Seq: 3, Name: "n3", Tags: new Set(["a", "b"]) });
ok("DocumentClient put/get");

const seqs = [];
let pages = 0;
for await (const page of paginateQuery({ client, pageSize: 5 }, {
  TableName: "NodeUsers", KeyConditionExpression: "UserId = :u",
  ExpressionAttributeValues: { ":u": { S: "u1" } },
})) {
  pages++;
  for (const item of page.Items) seqs.push(Number(item.Seq.N));
}
assert.deepEqual(seqs, [...Array(12).keys()]);
assert.ok(pages >= 3);
ok(`paginateQuery: ${seqs.length} items in ${pages} pages`);

await doc.send(new TransactWriteCommand({ TransactItems: [
  { Put: { TableName: "NodeUsers", Item: { UserId: "u2", Seq: 1 } } },
  { Update: { TableName: "NodeUsers", Key: { UserId: "u1", Seq: 1 }, UpdateExpression: "SET Paid = :t",
              ExpressionAttributeValues: { ":t": true } } },
] }));
assert.equal((await doc.send(new GetCommand({ TableName: "NodeUsers", Key: { UserId: "u1", Seq: 1 } }))).Item.Paid, true);
ok("TransactWriteCommand");

await assert.rejects(
  doc.send(new TransactWriteCommand({ TransactItems: [
    { ConditionCheck: { TableName: "NodeUsers", Key: { UserId: "u2", Seq: 1 },
                        ConditionExpression: "attribute_not_exists(UserId)" } },
  ] })),
  (e) => e instanceof TransactionCanceledException && e.CancellationReasons[0].Code === "ConditionalCheckFailed");
ok("TransactionCanceledException with its reasons");

await assert.rejects(
  doc.send(new PutCommand({ TableName: "NodeUsers", Item: { UserId: "u1", Seq: 1 },
                            ConditionExpression: "attribute_not_exists(UserId)" })),
  (e) => e instanceof ConditionalCheckFailedException && e.message === "The conditional request failed");
ok("ConditionalCheckFailedException");
console.log("node sdk: all passed");
