"""Producer (Python, boto3): sends numbered orders to a queue.

    python3 scripts/producer.py --queue 05-serverless-OrdersFifoQueue.fifo [--count 5] [--group customer-1]

The --queue option takes a queue name or URL.
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

# boto3 releases before 1.28 ignore AWS_ENDPOINT_URL, so it is passed on explicitly: on the local
# cloud it names the local cloud; on AWS it is unset and boto3 picks the region's endpoint.
sqs = boto3.client("sqs", endpoint_url=os.environ.get("AWS_ENDPOINT_URL"))
url = args.queue if args.queue.startswith("http") else sqs.get_queue_url(QueueName=args.queue)["QueueUrl"]
fifo = url.endswith(".fifo")
# Each run of this script sends new orders: their ids carry the time of the run.
run = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-%f")

for i in range(1, args.count + 1):
    order = {"order": i, "orderId": f"{run}-{i}", "item": f"item-{i}", "source": "producer.py", "sentAt": datetime.now(timezone.utc).isoformat()}
    extra = {}
    if fifo:
        # One group: the queue hands these orders out strictly in the order they were sent.
        # The deduplication id comes from the order: if this order is sent again (a retry after
        # a timeout), the queue drops the copy for 5 minutes; another order is a new message.
        extra = {"MessageGroupId": args.group, "MessageDeduplicationId": order["orderId"]}
    res = sqs.send_message(QueueUrl=url, MessageBody=json.dumps(order), **extra)
    seq = f" seq={res['SequenceNumber']}" if "SequenceNumber" in res else ""
    print(f"sent order {i} id={res['MessageId']}{seq}")
