#!/usr/bin/python3
"""Clients of test/concurrency/http_crash.sh: WRITERS threads put items over
HTTP, each on its own keep-alive connection, and print "put <writer> <i>"
once the response (200) has arrived; one more thread gets items of writer
0 and prints "seen <i>" for each one a response showed.  Every thread stops
at its first failure (the server going down).
Usage: acked.py ENDPOINT TABLE WRITERS"""
import http.client
import json
import random
import sys
import threading
import urllib.parse

endpoint, table, writers = sys.argv[1], sys.argv[2], int(sys.argv[3])
url = urllib.parse.urlparse(endpoint)
out = threading.Lock()
latest = [0]
HEADERS = {
    "Content-Type": "application/x-amz-json-1.0",
    "X-Amz-Date": "20260101T000000Z",
    "Authorization": "AWS4-HMAC-SHA256 Credential=AKIDCRASH/20260101/us-east-1/"
                     "dynamodb/aws4_request, SignedHeaders=host, Signature=00",
}


def say(line):
    """Print one line at once (it must not be lost when the test stops us)"""
    with out:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def call(conn, op, body):
    """One request; the decoded response, or None when not answered with 200"""
    conn.request("POST", "/", json.dumps(body),
                 dict(HEADERS, **{"X-Amz-Target": "DynamoDB_20120810." + op}))
    resp = conn.getresponse()
    data = resp.read()
    return json.loads(data) if resp.status == 200 else None


def writer(w):
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    try:
        for i in range(1, 1000000):
            item = {"pk": {"S": "w%d" % w}, "sk": {"N": str(i)}, "v": {"S": "%d-%d" % (w, i)}}
            if call(conn, "PutItem", {"TableName": table, "Item": item}) is None:
                return
            say("put %d %d" % (w, i))
            if w == 0:
                latest[0] = i
    except (OSError, http.client.HTTPException, ValueError):
        return


def reader():
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    try:
        while True:
            # the newest items of writer 0, and the next one (maybe in flight)
            i = max(1, latest[0] + random.randint(-2, 1))
            got = call(conn, "GetItem", {"TableName": table,
                                         "Key": {"pk": {"S": "w0"}, "sk": {"N": str(i)}}})
            if got is None:
                return
            if "Item" in got:
                say("seen %d" % i)
    except (OSError, http.client.HTTPException, ValueError):
        return


threads = [threading.Thread(target=writer, args=(w,)) for w in range(writers)]
threads.append(threading.Thread(target=reader))
for t in threads:
    t.start()
for t in threads:
    t.join()
