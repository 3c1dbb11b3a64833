#!/usr/bin/python3
"""pg_dynamo's HTTP door driven by boto3 (Debian's python3-boto3).

Environment: ENDPOINT (http://127.0.0.1:PORT), APP_KEY/APP_SECRET (a role
with grants), NOGRANT_KEY/NOGRANT_SECRET (a role without grants),
SUPER_KEY/SUPER_SECRET (a superuser role).  Exits non-zero on the first
failed assertion.
"""
import datetime
import json
import os
import sys
import urllib.error
import urllib.request

import boto3
import botocore.auth
import botocore.awsrequest
import botocore.credentials
from botocore.config import Config

ENDPOINT = os.environ["ENDPOINT"]
REGION = "us-east-1"


def client(key, secret, retries=3):
    """A DynamoDB client signing with one access key."""
    return boto3.client(
        "dynamodb", endpoint_url=ENDPOINT, region_name=REGION,
        aws_access_key_id=key, aws_secret_access_key=secret,
        config=Config(retries={"max_attempts": retries}))


def check(what, got, want):
    """Compare and report one result."""
    if got != want:
        print(f"FAIL: {what}: got {got!r}, want {want!r}")
        sys.exit(1)
    print(f"ok: {what}")


def raw(target, body, key=None, secret=None, date=None, tamper=None, headers=None):
    """POST a request by hand: (status, parsed body, headers).  key/secret
    sign it with SigV4 (date: the signing time); tamper changes the body
    after signing."""
    data = body.encode() if isinstance(body, str) else body
    req = botocore.awsrequest.AWSRequest(
        method="POST", url=ENDPOINT + "/", data=data,
        headers={"X-Amz-Target": target,
                 "Content-Type": "application/x-amz-json-1.0", **(headers or {})})
    if key:
        signer = botocore.auth.SigV4Auth(
            botocore.credentials.Credentials(key, secret), "dynamodb", REGION)
        if date:
            # botocore signs with the current time; freeze it for stale dates
            orig = datetime.datetime
            class Frozen(datetime.datetime):
                @classmethod
                def utcnow(cls):
                    return date
            botocore.auth.datetime.datetime = Frozen
            try:
                signer.add_auth(req)
            finally:
                botocore.auth.datetime.datetime = orig
        else:
            signer.add_auth(req)
    prepared = req.prepare()
    send = urllib.request.Request(ENDPOINT + "/", data=tamper or data,
                                  headers=dict(prepared.headers), method="POST")
    try:
        with urllib.request.urlopen(send) as r:
            return r.status, json.loads(r.read() or b"{}"), r.headers
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}"), e.headers


def presigned(target, body, key, secret, tamper=None):
    """POST a request signed in its query string (SigV4's X-Amz-* query
    parameters, as a presigned URL; the body's SHA-256 signed), computed
    by hand: (status, parsed body)."""
    import hashlib
    import hmac
    import urllib.parse
    now = datetime.datetime.utcnow()
    amz_date, day = now.strftime("%Y%m%dT%H%M%SZ"), now.strftime("%Y%m%d")
    scope = f"{day}/{REGION}/dynamodb/aws4_request"
    host = urllib.parse.urlparse(ENDPOINT).netloc
    query = {"X-Amz-Algorithm": "AWS4-HMAC-SHA256", "X-Amz-Credential": f"{key}/{scope}",
             "X-Amz-Date": amz_date, "X-Amz-SignedHeaders": "host;x-amz-target"}
    enc = lambda v: urllib.parse.quote(v, safe="-_.~")
    canonical_query = "&".join(f"{enc(k)}={enc(v)}" for k, v in sorted(query.items()))
    canonical = "\n".join(["POST", "/", canonical_query, f"host:{host}", f"x-amz-target:{target}", "",
                           "host;x-amz-target", hashlib.sha256(body.encode()).hexdigest()])
    to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope,
                         hashlib.sha256(canonical.encode()).hexdigest()])
    k = ("AWS4" + secret).encode()
    for part in (day, REGION, "dynamodb", "aws4_request"):
        k = hmac.new(k, part.encode(), hashlib.sha256).digest()
    signature = hmac.new(k, to_sign.encode(), hashlib.sha256).hexdigest()
    url = f"{ENDPOINT}/?{canonical_query}&X-Amz-Signature={signature}"
    send = urllib.request.Request(url, data=tamper or body.encode(), method="POST",
                                  headers={"X-Amz-Target": target,
                                           "Content-Type": "application/x-amz-json-1.0"})
    try:
        with urllib.request.urlopen(send) as r:
            return r.status, json.loads(r.read() or b"{}")
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}")


def error_type(reply):
    """The exception name of an error reply (after the namespace's #)."""
    return reply[1].get("__type", "").split("#")[-1]


app = client(os.environ["APP_KEY"], os.environ["APP_SECRET"])

# Tables, waiter, items
app.create_table(
    TableName="BotoOrders",
    AttributeDefinitions=[{"AttributeName": "Customer", "AttributeType": "S"},
                          {"AttributeName": "Seq", "AttributeType": "N"}],
    KeySchema=[{"AttributeName": "Customer", "KeyType": "HASH"},
               {"AttributeName": "Seq", "KeyType": "RANGE"}],
    BillingMode="PAY_PER_REQUEST")
app.get_waiter("table_exists").wait(TableName="BotoOrders")
check("waiter: table ACTIVE",
      app.describe_table(TableName="BotoOrders")["Table"]["TableStatus"], "ACTIVE")
for i in range(25):
    app.put_item(TableName="BotoOrders",
                 Item={"Customer": {"S": "c1"}, "Seq": {"N": str(i)},
                       "Note": {"S": "nul\u0000inside" if i == 0 else "n%d" % i}})
got = app.get_item(TableName="BotoOrders", Key={"Customer": {"S": "c1"}, "Seq": {"N": "0"}})
check("get_item with U+0000 in a string", got["Item"]["Note"]["S"], "nul\u0000inside")

# Query paginator: 25 items in pages of 10
pages = list(app.get_paginator("query").paginate(
    TableName="BotoOrders", KeyConditionExpression="Customer = :c",
    ExpressionAttributeValues={":c": {"S": "c1"}}, PaginationConfig={"PageSize": 10}))
check("query paginator: pages", len(pages), 3)
check("query paginator: items in order",
      [int(i["Seq"]["N"]) for p in pages for i in p["Items"]], list(range(25)))

# Conditional failure as its exception class
try:
    app.put_item(TableName="BotoOrders", Item={"Customer": {"S": "c1"}, "Seq": {"N": "1"}},
                 ConditionExpression="attribute_not_exists(Customer)")
    check("conditional put raised", False, True)
except app.exceptions.ConditionalCheckFailedException as e:
    check("ConditionalCheckFailedException", e.response["Error"]["Message"],
          "The conditional request failed")

# A transaction, then one cancelled with its reasons
app.transact_write_items(TransactItems=[
    {"Put": {"TableName": "BotoOrders", "Item": {"Customer": {"S": "c2"}, "Seq": {"N": "1"}}}},
    {"Update": {"TableName": "BotoOrders", "Key": {"Customer": {"S": "c1"}, "Seq": {"N": "1"}},
                "UpdateExpression": "SET Paid = :t", "ExpressionAttributeValues": {":t": {"BOOL": True}}}}])
check("transaction applied", app.get_item(
    TableName="BotoOrders", Key={"Customer": {"S": "c1"}, "Seq": {"N": "1"}})["Item"]["Paid"], {"BOOL": True})
try:
    app.transact_write_items(TransactItems=[
        {"Put": {"TableName": "BotoOrders", "Item": {"Customer": {"S": "c3"}, "Seq": {"N": "1"}}}},
        {"ConditionCheck": {"TableName": "BotoOrders", "Key": {"Customer": {"S": "c2"}, "Seq": {"N": "1"}},
                            "ConditionExpression": "attribute_not_exists(Customer)"}}])
    check("cancelled transaction raised", False, True)
except app.exceptions.TransactionCanceledException as e:
    check("TransactionCanceledException reasons",
          [r["Code"] for r in e.response["CancellationReasons"]], ["None", "ConditionalCheckFailed"])
check("cancelled transaction wrote nothing", "Item" in app.get_item(
    TableName="BotoOrders", Key={"Customer": {"S": "c3"}, "Seq": {"N": "1"}}), False)

# Protocol details
status, body, headers = raw("DynamoDB_20120810.ListTables", "{}",
                            os.environ["APP_KEY"], os.environ["APP_SECRET"])
check("ListTables over raw HTTP", (status, "BotoOrders" in body["TableNames"]), (200, True))
check("x-amzn-RequestId", len(headers["x-amzn-RequestId"]), 52)
check("Content-Type", headers["Content-Type"], "application/x-amz-json-1.0")
key = (os.environ["APP_KEY"], os.environ["APP_SECRET"])
reply = raw("DynamoDB_20120810.GetItem", "{not json", *key)
check("malformed JSON", (reply[0], error_type(reply), "message" in reply[1]), (400, "SerializationException", False))
reply = raw("DynamoDB_20120810.PutItem", json.dumps({
    "TableName": "BotoOrders", "Item": {"Customer": {"S": "c1"}, "Seq": {"N": "0"}},
    "ConditionExpression": "attribute_not_exists(Customer)",
    "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}), *key)
check("ConditionalCheckFailedException with the old item, typed, U+0000 kept",
      (reply[0], error_type(reply), reply[1].get("Item")),
      (400, "ConditionalCheckFailedException",
       {"Customer": {"S": "c1"}, "Seq": {"N": "0"}, "Note": {"S": "nul\u0000inside"}}))
reply = raw("DynamoDB_20120810.NoSuchOperation", "{}", *key)
check("unknown operation", (reply[0], error_type(reply)), (400, "UnknownOperationException"))
reply = raw("Bogus.ListTables", "{}", *key)
check("unknown target", (reply[0], error_type(reply)), (400, "UnknownOperationException"))
reply = raw("DynamoDB_20120810.GetItem", '{"TableName":"NoSuchTable","Key":{"k":{"S":"1"}}}', *key)
check("ResourceNotFoundException namespace", (reply[0], reply[1]["__type"]),
      (400, "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException"))

# SigV4 negative cases
reply = raw("DynamoDB_20120810.ListTables", "{}")
check("no Authorization", (reply[0], error_type(reply), reply[1]["message"]),
      (400, "MissingAuthenticationTokenException", "Request is missing Authentication Token"))
reply = raw("DynamoDB_20120810.ListTables", "{}", headers={"Authorization": "AWS4-HMAC-SHA256 Signature=abc"})
check("incomplete Authorization", (reply[0], error_type(reply)), (400, "IncompleteSignatureException"))
reply = raw("DynamoDB_20120810.ListTables", "{}", "AKPGNOSUCHKEY0000000", "x")
check("unknown key", (reply[0], error_type(reply), reply[1]["message"]),
      (400, "UnrecognizedClientException", "The security token included in the request is invalid."))
reply = raw("DynamoDB_20120810.ListTables", "{}", os.environ["APP_KEY"], "wrong-secret")
check("wrong secret", (reply[0], error_type(reply)), (400, "InvalidSignatureException"))
stale = datetime.datetime.utcnow() - datetime.timedelta(minutes=20)
reply = raw("DynamoDB_20120810.ListTables", "{}", *key, date=stale)
check("stale date", (reply[0], error_type(reply), reply[1]["message"].startswith("Signature expired: ")),
      (400, "InvalidSignatureException", True))
reply = raw("DynamoDB_20120810.ListTables", '{"Limit":1}', *key, tamper=b'{"Limit":2}')
check("tampered body", (reply[0], error_type(reply)), (400, "InvalidSignatureException"))
reply = presigned("DynamoDB_20120810.ListTables", '{"Limit":1}', *key)
check("signed in the query string", (reply[0], "TableNames" in reply[1]), (200, True))
reply = presigned("DynamoDB_20120810.ListTables", '{"Limit":1}', *key, tamper=b'{"Limit":2}')
check("signed in the query string, tampered", (reply[0], error_type(reply)), (400, "InvalidSignatureException"))

# Bodies sent compressed (Content-Encoding, as SDKs with request compression
# send them): inflated before they are read; the signature covers the bytes sent
import gzip
import zlib
item = {"Customer": {"S": "gz"}, "Seq": {"N": "1"}, "Note": {"S": "x" * 3000}}
put = json.dumps({"TableName": "BotoOrders", "Item": item}).encode()
reply = raw("DynamoDB_20120810.PutItem", gzip.compress(put[:10]) + gzip.compress(put[10:]), *key,
            headers={"Content-Encoding": "gzip"})
check("PutItem sent gzip-compressed (in two members)", reply[0], 200)
get = json.dumps({"TableName": "BotoOrders", "Key": {"Customer": {"S": "gz"}, "Seq": {"N": "1"}}}).encode()
reply = raw("DynamoDB_20120810.GetItem", zlib.compress(get), *key, headers={"Content-Encoding": "deflate"})
check("GetItem sent deflate-compressed", (reply[0], reply[1].get("Item") == item), (200, True))
reply = raw("DynamoDB_20120810.GetItem", gzip.compress(get), *key, headers={"Content-Encoding": "gzip"},
            tamper=gzip.compress(get.replace(b'"gz"', b'"gy"')))
check("compressed body tampered after signing", (reply[0], error_type(reply)), (400, "InvalidSignatureException"))
for what, body, encoding in [("truncated gzip", gzip.compress(get)[:-1], "gzip"),
                             ("gzip followed by junk", gzip.compress(get) + b"junk", "gzip"),
                             ("an empty gzip body", b"", "gzip"),
                             ("plain JSON said to be deflated", get, "deflate"),
                             ("an unknown encoding", get, "garbage")]:
    reply = raw("DynamoDB_20120810.GetItem", body, *key, headers={"Content-Encoding": encoding})
    check(what + ": 500", (reply[0], error_type(reply)), (500, "InternalServerError"))
huge = put[:-1] + b" " * (20 * 1024 * 1024) + put[-1:]
reply = raw("DynamoDB_20120810.PutItem", gzip.compress(huge), *key, headers={"Content-Encoding": "gzip"})
check("over 16 MB once inflated: 413", reply[0], 413)

# Roles: no grants, superuser
nogrant = client(os.environ["NOGRANT_KEY"], os.environ["NOGRANT_SECRET"])
try:
    nogrant.get_item(TableName="BotoOrders", Key={"Customer": {"S": "c1"}, "Seq": {"N": "1"}})
    check("role without grants refused", False, True)
except nogrant.exceptions.ClientError as e:
    check("role without grants: AccessDeniedException", e.response["Error"]["Code"], "AccessDeniedException")
reply = raw("DynamoDB_20120810.ListTables", "{}", os.environ["SUPER_KEY"], os.environ["SUPER_SECRET"])
check("superuser key refused", (reply[0], error_type(reply)), (400, "AccessDeniedException"))

# An unexpected engine error (HttpBoom's item table has a trigger that
# raises) is a 500, and the worker keeps serving
noretry = client(*key, retries=0)
try:
    noretry.put_item(TableName="HttpBoom", Item={"Id": {"S": "boom"}})
    check("trigger error raised", False, True)
except noretry.exceptions.ClientError as e:
    check("unexpected error: 500 InternalServerError",
          (e.response["ResponseMetadata"]["HTTPStatusCode"], e.response["Error"]["Code"]),
          (500, "InternalServerError"))
for _ in range(4):
    check("served after the 500", app.get_item(
        TableName="BotoOrders", Key={"Customer": {"S": "c1"}, "Seq": {"N": "1"}})["Item"]["Paid"], {"BOOL": True})
print("boto3: all passed")
