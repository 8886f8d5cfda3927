// Visibility timeout and the dead-letter queue: a consumer that keeps failing.
//   tsx visibility-dlq-demo.ts --queue jobs
// The queue's redrive policy (maxReceiveCount 2) moves a message to the DLQ once it has been
// received twice without being deleted. Each receive hides the message for the visibility
// timeout (2 s here), after which it reappears with a higher ApproximateReceiveCount.
import { ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { option, run } from './lib/args';
import { queueUrl, sqs } from './lib/queues';

run(async () => {
  const url = await queueUrl(option('queue', 'QUEUE'));
  await sqs.send(
    new SendMessageCommand({ QueueUrl: url, MessageBody: JSON.stringify({ job: 'resize', poison: true }) }),
  );
  for (let attempt = 1; attempt <= 3; attempt++) {
    const res = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: url,
        WaitTimeSeconds: 5,
        VisibilityTimeout: 2,
        MessageSystemAttributeNames: ['ApproximateReceiveCount'],
      }),
    );
    const m = res.Messages?.[0];
    if (!m) {
      console.log(`attempt ${attempt}: no message — it has moved to the dead-letter queue`);
      return;
    }
    console.log(
      `attempt ${attempt}: received (ApproximateReceiveCount=${m.Attributes?.ApproximateReceiveCount}); failing without deleting it`,
    );
  }
  console.log('the message is still in the source queue — check the queue redrive policy');
  process.exitCode = 1;
});
