// The photo gallery worker as a script, before it becomes a Lambda: polls the queue the
// bucket notifies, processes each photo in pending/ into processed/, deletes the original.
// It makes thumbnails with the same helpers as the Lambda worker (functions/shared).
//   tsx gallery-worker.ts --queue gallery-uploads [--max 10]
import { DeleteMessageCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { derivedKey, thumbnailPng } from '../functions/shared/imaging';
import { getBytes, putPng, s3 } from '../functions/shared/s3';
import { numberOption, option, run } from './lib/args';
import { queueUrl, sqs } from './lib/queues';

async function processPhoto(bucket: string, key: string): Promise<string> {
  const target = derivedKey(key, 'processed');
  await putPng(bucket, target, await thumbnailPng(await getBytes(bucket, key)));
  await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  return target;
}

run(async () => {
  const url = await queueUrl(option('queue', 'QUEUE'));
  const max = numberOption('max', 10);
  let done = 0;
  while (done < max) {
    const res = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 2 }),
    );
    if (!res.Messages?.length) break;
    for (const m of res.Messages) {
      const event = JSON.parse(m.Body!) as {
        Records?: Array<{ s3: { bucket: { name: string }; object: { key: string } } }>;
      };
      for (const r of event.Records ?? []) {
        const key = decodeURIComponent(r.s3.object.key.replace(/\+/g, ' '));
        if (!key.startsWith('pending/')) continue;
        console.log(`processed ${key} → ${await processPhoto(r.s3.bucket.name, key)}`);
        done++;
      }
      // Deleted only after the work is done: a crash before this line means a retry, not a loss.
      await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle! }));
    }
  }
  console.log(`done: ${done} photo(s) processed`);
});
