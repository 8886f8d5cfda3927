"""Consumer (Python, boto3): receives orders with long polling, processes them, deletes them.

    python3 scripts/consumer.py --queue 05-serverless-OrdersQueue [--max 10] [--wait 2]

"Processing" an order here means recording it in out/processed-orders.jsonl, one JSON line
per order, as a real consumer would write it to a database.
"""
import argparse
import json
import os
from datetime import datetime, timezone

import boto3

parser = argparse.ArgumentParser()
parser.add_argument("--queue", default=os.environ.get("QUEUE"), required=os.environ.get("QUEUE") is None)
parser.add_argument("--max", type=int, default=10)
parser.add_argument("--wait", type=int, default=2)
args = parser.parse_args()

# boto3 releases before 1.28 ignore AWS_ENDPOINT_URL, so it is passed on explicitly.
sqs = boto3.client("sqs", endpoint_url=os.environ.get("AWS_ENDPOINT_URL"))
url = args.queue if args.queue.startswith("http") else sqs.get_queue_url(QueueName=args.queue)["QueueUrl"]
# In the lesson folder, wherever the script is started from.
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "out")
LOG = os.path.join(OUT, "processed-orders.jsonl")


def process(message):
    """Does the work for one order: here, appends it to out/processed-orders.jsonl."""
    os.makedirs(OUT, exist_ok=True)
    with open(LOG, "a", encoding="utf-8") as log:
        record = {"messageId": message["MessageId"], "order": json.loads(message["Body"]), "processedAt": datetime.now(timezone.utc).isoformat()}
        log.write(json.dumps(record) + "\n")


received = 0
while received < args.max:
    res = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=min(10, args.max - received), WaitTimeSeconds=args.wait, AttributeNames=["All"])
    messages = res.get("Messages", [])
    if not messages:
        break  # nothing arrived while we waited: the queue is drained
    for m in messages:
        received += 1
        print(f"received {m['Body']} receiveCount={m['Attributes'].get('ApproximateReceiveCount')}")
        # TODO: process the order, then delete the message from the queue.
        # - Receiving does not remove a message: it only hides it for the queue's visibility
        #   timeout. Unless it is deleted, it comes back and is processed again.
        # - Delete only AFTER process() has returned: if the consumer crashes halfway, the
        #   message must reappear so that another consumer can do the work.
        # - Deleting needs the ReceiptHandle of this receive, not the MessageId.
print(f"done: {received} message(s) received")
