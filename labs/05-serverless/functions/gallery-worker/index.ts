// Photo gallery worker, triggered by SQS. The bucket notifies the queue when a photo lands in
// pending/; each queue message carries that S3 event. The worker writes the processed photo
// to processed/ and deletes the pending one. Messages it cannot process are reported back
// (ReportBatchItemFailures), so only they return to the queue — and, after maxReceiveCount
// attempts, move to the dead-letter queue.
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { derivedKey, thumbnailPng } from '../shared/imaging';
import { getBytes, putPng, s3 } from '../shared/s3';

interface SqsRecord {
  messageId: string;
  body: string;
}

interface S3EventRecord {
  eventName: string;
  s3: { bucket: { name: string }; object: { key: string } };
}

export const handler = async (event: { Records: SqsRecord[] }) => {
  const batchItemFailures: Array<{ itemIdentifier: string }> = [];
  for (const record of event.Records) {
    try {
      const s3Event = JSON.parse(record.body) as { Records?: S3EventRecord[]; Event?: string };
      if (s3Event.Event === 's3:TestEvent') continue; // sent once when the notification is set up
      for (const r of s3Event.Records ?? []) {
        const bucket = r.s3.bucket.name;
        const key = decodeURIComponent(r.s3.object.key.replace(/\+/g, ' '));
        if (!key.startsWith('pending/')) continue;
        const processed = derivedKey(key, 'processed');
        await putPng(bucket, processed, await thumbnailPng(await getBytes(bucket, key)));
        await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
        console.log(`processed s3://${bucket}/${key} → s3://${bucket}/${processed}`);
      }
    } catch (e) {
      console.error(`message ${record.messageId} failed: ${e instanceof Error ? e.message : String(e)}`);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};
