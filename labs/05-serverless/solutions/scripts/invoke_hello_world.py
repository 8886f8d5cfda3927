"""Invokes the hello function with boto3 (the AWS SDK for Python) and prints its answer and the
REPORT line of the invocation's log.

    python3 scripts/invoke_hello_world.py --function 05-serverless-HelloFunction [--name Ada]
"""
import argparse
import base64
import json
import os

import boto3

parser = argparse.ArgumentParser()
parser.add_argument("--function", default=os.environ.get("FUNCTION"), required=os.environ.get("FUNCTION") is None)
parser.add_argument("--name", default="boto3")
args = parser.parse_args()

# boto3 releases before 1.28 ignore AWS_ENDPOINT_URL, so it is passed on explicitly.
lambda_client = boto3.client("lambda", endpoint_url=os.environ.get("AWS_ENDPOINT_URL"))

# RequestResponse (the default) waits for the answer; LogType Tail adds the last 4 KB of the log.
response = lambda_client.invoke(
    FunctionName=args.function,
    Payload=json.dumps({"name": args.name}),
    LogType="Tail",
)
answer = json.loads(response["Payload"].read())
if response.get("FunctionError"):
    raise SystemExit(f"the function failed: {answer}")
print(answer["message"])
log = base64.b64decode(response.get("LogResult", "")).decode("utf-8", "replace")
print(next((line for line in log.splitlines() if line.startswith("REPORT")), "(no REPORT line in the log tail)"))
