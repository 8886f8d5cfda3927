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

# TODO: invoke the function synchronously with the event {"name": args.name}.
# - lambda_client.invoke(FunctionName=..., Payload=...) takes the event as JSON text (json.dumps).
# - Ask for the tail of the log as well (LogType="Tail"): it comes back base64-encoded in the
#   answer's "LogResult" and holds the REPORT line with durations and memory.
# - The function's answer is in response["Payload"], a stream: json.loads(...read()).
# Then print the answer's "message" and the REPORT line.
