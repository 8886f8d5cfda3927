// Check for the queues step: a FIFO queue hands out one message group strictly in order.
// Sends orders 1–5 in one group, receives them all, and fails unless they come back 1, 2, 3, 4, 5
// with increasing sequence numbers.
//   tsx check-fifo-order.ts --queue <FIFO queue URL>
import { DeleteMessageCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { option, run } from './lib/args';
import { isFifo, queueUrl, sqs } from './lib/queues';

run(async () => {
  const url = await queueUrl(option('queue', 'QUEUE'));
  if (!isFifo(url)) throw new Error(`${url} is not a FIFO queue (its name must end in .fifo).`);
  const runId = Date.now().toString(36);
  for (let i = 1; i <= 5; i++) {
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: JSON.stringify({ check: runId, order: i }), MessageGroupId: `check-${runId}`, MessageDeduplicationId: `${runId}-${i}` }));
  }
  const seen: Array<{ order: number; seq: bigint }> = [];
  for (let attempt = 0; attempt < 10 && seen.length < 5; attempt++) {
    const res = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, MessageSystemAttributeNames: ['SequenceNumber'] }));
    for (const m of res.Messages ?? []) {
      const body = JSON.parse(m.Body!) as { check?: string; order?: number };
      await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle! }));
      if (body.check === runId) seen.push({ order: body.order!, seq: BigInt(m.Attributes!.SequenceNumber!) });
    }
  }
  const orders = seen.map((s) => s.order);
  const ascending = seen.every((s, i) => i === 0 || (s.order > seen[i - 1]!.order && s.seq > seen[i - 1]!.seq));
  if (seen.length !== 5 || !ascending) {
    console.error(`Expected orders 1,2,3,4,5 in order; received ${orders.join(',') || 'none'}.`);
    process.exit(1);
  }
  console.log(`Received ${orders.join(', ')} — in order, sequence numbers increasing.`);
});
