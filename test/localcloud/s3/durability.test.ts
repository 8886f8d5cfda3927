// `hoc cloud --state-dir`: objects put concurrently, the process killed with SIGKILL in the
// middle of traffic, restarted on the same state dir: every acknowledged object is there with
// identical bytes, every acknowledged delete stays deleted, and nothing half-written appears.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutBucketCorsCommand,
  GetBucketCorsCommand,
  PutObjectCommand,
  S3Client,
  PutBucketNotificationConfigurationCommand,
  DeleteObjectsCommand,
} from '@aws-sdk/client-s3';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { Upload } from '@aws-sdk/lib-storage';
import { spawnCloud } from '../../helpers/cloudProcess';
import { tempDir } from '../../helpers/cloud';
import { createNotifiableQueue } from './notifiableQueue';

const md5 = (b: Uint8Array) => createHash('md5').update(b).digest('hex');

test('kill -9 mid-traffic loses no acknowledged object, and a restart serves identical bytes', async () => {
  const dir = tempDir('hoc-s3-durable-');
  try {
    const first = await spawnCloud(['--state-dir', dir.path]);
    const s3 = new S3Client(first.clientConfig);
    await s3.send(new CreateBucketCommand({ Bucket: 'durable' }));
    await s3.send(
      new PutBucketCorsCommand({
        Bucket: 'durable',
        CORSConfiguration: { CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['GET'] }] },
      }),
    );
    const big = randomBytes(11 * 1024 * 1024);
    await new Upload({
      client: s3,
      params: { Bucket: 'durable', Key: 'multipart.bin', Body: big },
      partSize: 5 * 1024 * 1024,
    }).done();

    const acknowledged = new Map<string, string>(); // key → md5
    const inFlight = new Map<string, string>();
    const deleted = new Set<string>();
    const deleting = new Set<string>();
    let killed = false;
    const worker = async (w: number) => {
      for (let i = 0; !killed; i++) {
        const key = `w${w}/obj-${i}`;
        const body = randomBytes(Math.floor(Math.random() * 200_000));
        inFlight.set(key, md5(body));
        try {
          await s3.send(new PutObjectCommand({ Bucket: 'durable', Key: key, Body: body }));
        } catch {
          return; // the server is gone
        }
        acknowledged.set(key, md5(body));
        inFlight.delete(key);
        if (i % 5 === 4) {
          const victim = `w${w}/obj-${i - 2}`;
          deleting.add(victim);
          try {
            await s3.send(new DeleteObjectCommand({ Bucket: 'durable', Key: victim }));
          } catch {
            return; // the delete may or may not have landed
          }
          deleting.delete(victim);
          acknowledged.delete(victim);
          deleted.add(victim);
        }
      }
    };
    const workers = [0, 1, 2, 3].map(worker);
    while (acknowledged.size < 60) await new Promise((r) => setTimeout(r, 5));
    killed = true;
    assert.equal(await first.stop('SIGKILL'), null, 'killed by a signal, no clean shutdown');
    await Promise.all(workers);
    s3.destroy();

    const second = await spawnCloud(['--state-dir', dir.path]);
    const again = new S3Client(second.clientConfig);
    try {
      const listed = new Set<string>();
      let token: string | undefined;
      do {
        const page = await again.send(new ListObjectsV2Command({ Bucket: 'durable', ContinuationToken: token }));
        for (const o of page.Contents ?? []) listed.add(o.Key!);
        token = page.NextContinuationToken;
      } while (token);
      for (const [key, sum] of acknowledged) {
        // A delete that was in flight at the kill may have landed.
        if (deleting.has(key) && !listed.has(key)) continue;
        assert.ok(listed.has(key), `acknowledged ${key} is missing`);
        const got = await again.send(new GetObjectCommand({ Bucket: 'durable', Key: key }));
        assert.equal(md5(await got.Body!.transformToByteArray()), sum, key);
      }
      for (const key of deleted) assert.ok(!listed.has(key), `${key} was deleted before the crash`);
      for (const key of listed) {
        if (key === 'multipart.bin' || acknowledged.has(key)) continue;
        // A put that was in flight at the kill may or may not have landed, but never torn.
        const expected = inFlight.get(key);
        assert.ok(expected, `unexpected key ${key}`);
        const got = await again.send(new GetObjectCommand({ Bucket: 'durable', Key: key }));
        assert.equal(md5(await got.Body!.transformToByteArray()), expected, key);
      }
      const mp = await again.send(new GetObjectCommand({ Bucket: 'durable', Key: 'multipart.bin' }));
      assert.ok(Buffer.from(await mp.Body!.transformToByteArray()).equals(big));
      assert.match(mp.ETag!, /-3"$/);
      assert.equal((await again.send(new GetBucketCorsCommand({ Bucket: 'durable' }))).CORSRules?.length, 1);
      // Bodies of deleted objects and of completed parts are not left behind.
      const blobs = readdirSync(join(dir.path, 'blobs', 's3'), { recursive: true }).filter((f) =>
        /[0-9a-f-]{36}$/.test(String(f)),
      );
      assert.equal(blobs.length, listed.size, 'one body file per object');
    } finally {
      again.destroy();
      await second.stop();
    }
  } finally {
    dir.remove();
  }
});

test('notifications of an acknowledged change survive kill -9: every deleted key reaches the queue', async () => {
  const dir = tempDir('hoc-s3-notify-durable-');
  try {
    const first = await spawnCloud(['--state-dir', dir.path]);
    const s3 = new S3Client(first.clientConfig);
    const sqs = new SQSClient(first.clientConfig);
    const { url: QueueUrl, arn } = await createNotifiableQueue(sqs, 'removals');
    await s3.send(new CreateBucketCommand({ Bucket: 'notified' }));
    const keys = Array.from({ length: 500 }, (_, i) => `photo-${i}.jpg`);
    for (let i = 0; i < keys.length; i += 50) {
      await Promise.all(
        keys.slice(i, i + 50).map((Key) => s3.send(new PutObjectCommand({ Bucket: 'notified', Key, Body: Key }))),
      );
    }
    await s3.send(
      new PutBucketNotificationConfigurationCommand({
        Bucket: 'notified',
        NotificationConfiguration: { QueueConfigurations: [{ QueueArn: arn, Events: ['s3:ObjectRemoved:*'] }] },
      }),
    );
    // One request, 500 notifications: killed the moment it is acknowledged, most are still queued.
    await s3.send(
      new DeleteObjectsCommand({ Bucket: 'notified', Delete: { Objects: keys.map((Key) => ({ Key })), Quiet: true } }),
    );
    await first.stop('SIGKILL');
    s3.destroy();
    sqs.destroy();

    const second = await spawnCloud(['--state-dir', dir.path]);
    const sqs2 = new SQSClient(second.clientConfig);
    try {
      const notified = new Set<string>();
      for (let empty = 0; empty < 2;) {
        const out = await sqs2.send(
          new ReceiveMessageCommand({
            QueueUrl: `${second.endpoint}/000000000000/removals`,
            MaxNumberOfMessages: 10,
            WaitTimeSeconds: 1,
            VisibilityTimeout: 600,
          }),
        );
        if (!out.Messages) {
          empty++;
          continue;
        }
        for (const m of out.Messages) {
          const body = JSON.parse(m.Body!) as {
            Records?: Array<{ eventName: string; s3: { object: { key: string } } }>;
          };
          for (const r of body.Records ?? []) if (r.eventName === 'ObjectRemoved:Delete') notified.add(r.s3.object.key);
        }
      }
      const lost = keys.filter((k) => !notified.has(k));
      assert.deepEqual(lost.length, 0, `${lost.length} of ${keys.length} acknowledged deletions were never notified`);
    } finally {
      sqs2.destroy();
      await second.stop();
    }
  } finally {
    dir.remove();
  }
});
