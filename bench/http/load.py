#!/usr/bin/python3
"""Load bench/http.sh's data through an endpoint: table Bench (pk S, sk N),
1,000 partitions x 10 items of about 100 bytes, with BatchWriteItem.
Usage: load.py ENDPOINT"""
import sys

import boto3

c = boto3.client("dynamodb", endpoint_url=sys.argv[1], region_name="us-east-1",
                 aws_access_key_id="AKIDBENCH", aws_secret_access_key="bench")
c.create_table(TableName="Bench",
               AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"},
                                     {"AttributeName": "sk", "AttributeType": "N"}],
               KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"},
                          {"AttributeName": "sk", "KeyType": "RANGE"}],
               BillingMode="PAY_PER_REQUEST")
c.get_waiter("table_exists").wait(TableName="Bench", WaiterConfig={"Delay": 1})
items = [{"pk": {"S": "p%d" % p}, "sk": {"N": str(s)}, "data": {"S": "x" * 80}}
         for p in range(1000) for s in range(10)]
for i in range(0, len(items), 25):
    todo = {"Bench": [{"PutRequest": {"Item": it}} for it in items[i:i + 25]]}
    while todo:
        todo = c.batch_write_item(RequestItems=todo).get("UnprocessedItems")
print("loaded %d items" % len(items))
