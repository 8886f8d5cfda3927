// `hoc cloud --state-dir` is killed with SIGKILL in the middle of concurrent SQS traffic and
// restarted on the same state dir: every message whose send was acknowledged is there (once),
// and every acknowledged delete stays deleted. Needs dist/cli.js (npm test builds it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SQSClient,
  SendMessageBatchCommand,
  SendMessageCommand,
} from '@aws-sdk/client-sqs';
import { spawnCloud } from '../../helpers/cloudProcess';
import { tempDir } from '../../helpers/cloud';

const SENDERS = 6;

test('SIGKILL mid-traffic loses no acknowledged SQS send or delete', async () => {
  const dir = tempDir();
  const first = await spawnCloud(['--state-dir', dir.path]);
  const acknowledged = new Set<string>();
  const deleted = new Set<string>();
  // Deletes sent whose answer may have been lost to the kill: durable or not, either is right.
  const deleteSent = new Set<string>();
  let stop = false;
  try {
    const sqs = new SQSClient(first.clientConfig);
    const { QueueUrl } = await sqs.send(
      new CreateQueueCommand({ QueueName: 'crash', Attributes: { VisibilityTimeout: '0' } }),
    );
    const sender = async (n: number) => {
      for (let i = 0; !stop; i++) {
        try {
          if (i % 3 === 0) {
            const batch = await sqs.send(
              new SendMessageBatchCommand({
                QueueUrl,
                Entries: [0, 1, 2].map((k) => ({ Id: `e${k}`, MessageBody: `s${n}-${i}-${k}` })),
              }),
            );
            for (const ok of batch.Successful ?? []) acknowledged.add(ok.MessageId!);
          } else {
            acknowledged.add(
              (await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: `s${n}-${i}` }))).MessageId!,
            );
          }
        } catch {
          return; // the process was killed under this request: it was never acknowledged
        }
      }
    };
    const deleter = async () => {
      while (!stop) {
        try {
          const got = await sqs.send(
            new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 2, VisibilityTimeout: 0 }),
          );
          for (const m of got.Messages ?? []) {
            deleteSent.add(m.MessageId!);
            await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle }));
            deleted.add(m.MessageId!);
          }
        } catch {
          return;
        }
      }
    };
    const traffic = [...Array.from({ length: SENDERS }, (_, n) => sender(n)), deleter()];
    // Kill once real traffic is flowing, wherever the requests happen to be.
    while (acknowledged.size < 300) await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(traffic);
    await first.stop();
    sqs.destroy();
    assert.ok(deleted.size > 0, 'the test deleted some messages before the crash');

    const second = await spawnCloud(['--state-dir', dir.path]);
    try {
      const again = new SQSClient(second.clientConfig);
      const found = new Map<string, number>();
      for (;;) {
        const got = await again.send(
          new ReceiveMessageCommand({
            QueueUrl: QueueUrl!.replace(/:\d+\//, `:${second.port}/`),
            MaxNumberOfMessages: 10,
            VisibilityTimeout: 300,
          }),
        );
        if (!got.Messages?.length) break;
        for (const m of got.Messages) found.set(m.MessageId!, (found.get(m.MessageId!) ?? 0) + 1);
      }
      const lost = [...acknowledged].filter((id) => !deleteSent.has(id) && !found.has(id));
      assert.deepEqual(lost, [], `${lost.length} acknowledged messages were lost`);
      const resurrected = [...deleted].filter((id) => found.has(id));
      assert.deepEqual(resurrected, [], 'acknowledged deletes came back');
      assert.ok(
        [...found.values()].every((n) => n === 1),
        'each message is restored once',
      );
      again.destroy();
    } finally {
      await second.stop();
    }
  } finally {
    stop = true;
    await first.stop('SIGKILL');
    dir.remove();
  }
});
