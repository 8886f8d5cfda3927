// At-least-once vs exactly-once: sends the same order twice to the standard and the FIFO
// queue, then counts what each delivers.
//   tsx delivery-demo.ts --standard orders --fifo orders.fifo
// The standard queue delivers both copies (your consumer must be idempotent); the FIFO queue
// drops the duplicate, because it arrives inside the 5-minute deduplication window.
import { DeleteMessageCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { option, run } from './lib/args';
import { isFifo, queueUrl, sqs } from './lib/queues';

async function sendTwice(url: string, body: string, dedupId: string): Promise<void> {
  for (let copy = 1; copy <= 2; copy++) {
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: body,
        ...(isFifo(url) ? { MessageGroupId: 'demo', MessageDeduplicationId: dedupId } : {}),
      }),
    );
  }
}

async function drain(url: string): Promise<string[]> {
  const bodies: string[] = [];
  for (;;) {
    const res = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    if (!res.Messages?.length) return bodies;
    for (const m of res.Messages) {
      bodies.push(m.Body!);
      await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle! }));
    }
  }
}

run(async () => {
  const standard = await queueUrl(option('standard', 'STANDARD_QUEUE'));
  const fifo = await queueUrl(option('fifo', 'FIFO_QUEUE'));
  // One run id: a second run within 5 minutes is a new order, not a retry, and messages left
  // in the queues by earlier steps are not counted.
  const runId = Date.now().toString(36);
  const body = JSON.stringify({ order: 42, item: 'coffee', run: runId });
  const dedupId = `order-42-${runId}`;
  for (const url of [standard, fifo]) await sendTwice(url, body, dedupId);
  const fromStandard = (await drain(standard)).filter((b) => b === body);
  const fromFifo = (await drain(fifo)).filter((b) => b === body);
  console.log(`standard queue delivered ${fromStandard.length} copies of order 42`);
  console.log(`FIFO queue delivered ${fromFifo.length} copy of order 42 (the duplicate was dropped)`);
  // A standard queue may, rarely, deliver a third copy: at least two is the lesson.
  if (fromFifo.length !== 1 || fromStandard.length < 2) process.exitCode = 1;
});
