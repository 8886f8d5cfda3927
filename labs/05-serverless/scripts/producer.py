"""Producer in Python (boto3): sends numbered messages to a queue.

    python3 producer.py --queue orders [--count 5] [--group customer-1]
"""
import argparse
import json
import os
from datetime import datetime, timezone

import boto3

parser = argparse.ArgumentParser()
parser.add_argument("--queue", default=os.environ.get("QUEUE"), required=os.environ.get("QUEUE") is None)
parser.add_argument("--count", type=int, default=5)
parser.add_argument("--group", default="customer-1")
args = parser.parse_args()

# Older boto3 releases ignore AWS_ENDPOINT_URL, so pass it on explicitly.
sqs = boto3.client("sqs", endpoint_url=os.environ.get("AWS_ENDPOINT_URL"))
url = args.queue if args.queue.startswith("http") else sqs.get_queue_url(QueueName=args.queue)["QueueUrl"]
fifo = url.endswith(".fifo")

for i in range(1, args.count + 1):
    body = json.dumps({"order": i, "item": f"item-{i}", "sentAt": datetime.now(timezone.utc).isoformat()})
    extra = {"MessageGroupId": args.group} if fifo else {}
    res = sqs.send_message(QueueUrl=url, MessageBody=body, **extra)
    seq = f" seq={res['SequenceNumber']}" if "SequenceNumber" in res else ""
    print(f"sent #{i} id={res['MessageId']}{seq}")
