// Producer: sends numbered messages to a queue.
//   tsx producer.ts --queue orders [--count 5] [--group customer-1]
// For a FIFO queue (name ends in .fifo) every message carries a MessageGroupId; messages of
// one group are delivered strictly in order.
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { numberOption, option, run } from './lib/args';
import { isFifo, queueUrl, sqs } from './lib/queues';

run(async () => {
  const url = await queueUrl(option('queue', 'QUEUE'));
  const count = numberOption('count', 5);
  const group = option('group', undefined, 'customer-1');
  for (let i = 1; i <= count; i++) {
    const body = JSON.stringify({ order: i, item: `item-${i}`, sentAt: new Date().toISOString() });
    const res = await sqs.send(
      new SendMessageCommand({ QueueUrl: url, MessageBody: body, ...(isFifo(url) ? { MessageGroupId: group } : {}) }),
    );
    console.log(`sent #${i} id=${res.MessageId}${res.SequenceNumber ? ` seq=${res.SequenceNumber}` : ''}`);
  }
});
