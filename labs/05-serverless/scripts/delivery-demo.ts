// At-least-once vs exactly-once: sends the same order twice to the standard and the FIFO
// queue, then counts what each holds (without consuming it).
//   tsx delivery-demo.ts --standard orders --fifo orders.fifo
// The standard queue keeps both copies (your consumer must be idempotent); the FIFO queue
// drops the duplicate, because it arrives inside the 5-minute deduplication window.
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { option, run } from './lib/args';
import { isFifo, queueUrl, sqs } from './lib/queues';
import { readQueue } from './lib/queueView';

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

run(async () => {
  const standard = await queueUrl(option('standard', 'STANDARD_QUEUE'));
  const fifo = await queueUrl(option('fifo', 'FIFO_QUEUE'));
  // One run id: a second run within 5 minutes is a new order, not a retry, and messages left
  // in the queues by earlier steps are not counted.
  const runId = Date.now().toString(36);
  const body = JSON.stringify({ order: 42, item: 'coffee', run: runId });
  const dedupId = `order-42-${runId}`;
  for (const url of [standard, fifo]) await sendTwice(url, body, dedupId);
  // Look without consuming: the copies stay in the queues for you to see (and for the check).
  const inStandard = (await readQueue(standard)).messages.filter((m) => m.body === body).length;
  const inFifo = (await readQueue(fifo)).messages.filter((m) => m.body === body).length;
  console.log(`run ${runId}: the standard queue holds ${inStandard} copies of order 42`);
  console.log(`run ${runId}: the FIFO queue holds ${inFifo} copy of order 42 (the duplicate was dropped)`);
});
