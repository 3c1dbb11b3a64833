// make demo: the AWS SDK for JavaScript's DocumentClient on the seed's Users
// table through pg_dynamo's HTTP endpoint (ENDPOINT, AWS_ACCESS_KEY_ID and
// AWS_SECRET_ACCESS_KEY from the environment).
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, PutCommand, GetCommand } from "@aws-sdk/lib-dynamodb";

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: process.env.ENDPOINT, region: "us-east-1" }));
await doc.send(new PutCommand({ TableName: "Users", Item: { UserId: "128", Name: "Frank", Age: 52 } }));
console.log("PutCommand Frank: done");
const { Item } = await doc.send(new GetCommand({ TableName: "Users", Key: { UserId: "127" } }));
console.log("GetCommand 127:", JSON.stringify(Item));
