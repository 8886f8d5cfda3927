// Consumer: receives messages (long polling), processes and deletes them.
//   tsx consumer.ts --queue orders [--max 10] [--wait 2]
// A message that is received but not deleted becomes visible again after the visibility
// timeout: that is SQS's at-least-once delivery.
import { DeleteMessageCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { numberOption, option, run } from './lib/args';
import { queueUrl, sqs } from './lib/queues';

run(async () => {
  const url = await queueUrl(option('queue', 'QUEUE'));
  const max = numberOption('max', 10);
  const wait = numberOption('wait', 2);
  let received = 0;
  while (received < max) {
    const res = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: Math.min(10, max - received), WaitTimeSeconds: wait, MessageSystemAttributeNames: ['All'] }),
    );
    const messages = res.Messages ?? [];
    if (messages.length === 0) break; // nothing arrived during the wait: the queue is drained
    for (const m of messages) {
      received++;
      const a = m.Attributes ?? {};
      console.log(`received ${m.Body} receiveCount=${a.ApproximateReceiveCount}${a.MessageGroupId ? ` group=${a.MessageGroupId} seq=${a.SequenceNumber}` : ''}`);
      await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle! }));
    }
  }
  console.log(`done: ${received} message(s) processed and deleted`);
});
