"""Consumer in Python (boto3): receives (long polling), processes and deletes messages.

    python3 consumer.py --queue orders [--max 10] [--wait 2]
"""
import argparse
import os

import boto3

parser = argparse.ArgumentParser()
parser.add_argument("--queue", default=os.environ.get("QUEUE"), required=os.environ.get("QUEUE") is None)
parser.add_argument("--max", type=int, default=10)
parser.add_argument("--wait", type=int, default=2)
args = parser.parse_args()

sqs = boto3.client("sqs", endpoint_url=os.environ.get("AWS_ENDPOINT_URL"))
url = args.queue if args.queue.startswith("http") else sqs.get_queue_url(QueueName=args.queue)["QueueUrl"]

received = 0
while received < args.max:
    res = sqs.receive_message(
        QueueUrl=url,
        MaxNumberOfMessages=min(10, args.max - received),
        WaitTimeSeconds=args.wait,
        AttributeNames=["All"],
    )
    messages = res.get("Messages", [])
    if not messages:
        break  # nothing arrived during the wait: the queue is drained
    for m in messages:
        received += 1
        attrs = m.get("Attributes", {})
        group = f" group={attrs['MessageGroupId']} seq={attrs['SequenceNumber']}" if "MessageGroupId" in attrs else ""
        print(f"received {m['Body']} receiveCount={attrs.get('ApproximateReceiveCount')}{group}")
        sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])
print(f"done: {received} message(s) processed and deleted")
