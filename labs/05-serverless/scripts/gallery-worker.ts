// The photo gallery worker as a script, before it becomes a Lambda: polls the queue the
// bucket notifies, processes each photo in pending/ into processed/, deletes the original.
//   tsx gallery-worker.ts --queue gallery-uploads [--max 10]
import { DeleteMessageCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Jimp } from 'jimp';
import { numberOption, option, run } from './lib/args';
import { queueUrl, sqs } from './lib/queues';

const s3 = new S3Client({ forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL) });

async function processPhoto(bucket: string, key: string): Promise<string> {
  const original = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const image = await Jimp.read(Buffer.from(await original.Body!.transformToByteArray()));
  image.resize({ w: 128 });
  const target = `processed/${key.split('/').pop()!.replace(/\.[^.]+$/, '')}.png`;
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: target, Body: await image.getBuffer('image/png'), ContentType: 'image/png' }));
  await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  return target;
}

run(async () => {
  const url = await queueUrl(option('queue', 'QUEUE'));
  const max = numberOption('max', 10);
  let done = 0;
  while (done < max) {
    const res = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 2 }));
    if (!res.Messages?.length) break;
    for (const m of res.Messages) {
      const event = JSON.parse(m.Body!) as { Records?: Array<{ s3: { bucket: { name: string }; object: { key: string } } }> };
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
