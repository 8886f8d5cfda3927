// A full disk under `hoc cloud`: its state dir on a 1 MB tmpfs (needs root to mount; skipped
// otherwise). The send that cannot be made durable gets a 503 ServiceUnavailable in SQS's
// protocol (an S3 put in S3's), the server keeps running and answering reads, the journal is
// not left torn, and once space is freed nothing acknowledged is missing after a kill -9.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { spawnCloud } from '../../../helpers/cloudProcess';
import { scanJournal } from '../../../../src/localcloud/server/journalRecord';
import { queueUrl, runThenKill, sqsOf } from './stateDirRuns';

function mountSmallTmpfs(): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'hoc-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

const mounted = mountSmallTmpfs();

test(
  'a full disk: 503 ServiceUnavailable, the server keeps serving, nothing acknowledged is lost',
  { skip: !mounted && 'mounting a tmpfs needs root', timeout: 120_000 },
  async () => {
    const stateDir = join(mounted!, 'state');
    const filler = join(mounted!, 'filler');
    try {
      mkdirSync(stateDir);
      writeFileSync(filler, Buffer.alloc(300 * 1024)); // removed later to free space
      const cloud = await spawnCloud(['--state-dir', stateDir]);
      const sqs = sqsOf(cloud);
      const s3 = new S3Client(cloud.clientConfig);
      const acknowledged: string[] = [];
      try {
        const url = await queueUrl(sqs);
        await s3.send(new CreateBucketCommand({ Bucket: 'full' }));
        let refused: (Error & { $metadata?: { httpStatusCode?: number } }) | undefined;
        for (let i = 0; !refused && i < 20; i++) {
          const body = `${i}:${'x'.repeat(200 * 1024)}`;
          try {
            await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body }));
            acknowledged.push(body.slice(0, 8));
          } catch (e) {
            refused = e as typeof refused;
          }
        }
        assert.ok(refused, 'the disk filled up');
        assert.equal(refused.name, 'ServiceUnavailable');
        assert.equal(refused.$metadata?.httpStatusCode, 503);
        assert.match(refused.message, /could not save this change to disk \(ENOSPC/);
        assert.ok(acknowledged.length > 0);

        const put = await s3
          .send(new PutObjectCommand({ Bucket: 'full', Key: 'k', Body: Buffer.alloc(400 * 1024) }))
          .then(
            () => undefined,
            (e: Error) => e,
          );
        assert.equal(put?.name, 'ServiceUnavailable', "an S3 body that does not fit is refused in S3's protocol");

        assert.equal(cloud.child.exitCode, null, 'the server is still running');
        const read = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
        assert.ok(read.Attributes?.QueueArn, 'reads are still answered');
        const journal = scanJournal(readFileSync(join(stateDir, 'journal-0.log')));
        assert.deepEqual(journal.damaged, [], 'no torn record was left in the journal');
        assert.equal(journal.wholeLength, readFileSync(join(stateDir, 'journal-0.log')).length);

        rmSync(filler);
        await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'after:space-freed' }));
        acknowledged.push('after:sp');
        await cloud.outputMatching(/cannot write the journal .*journal-0\.log \(ENOSPC/);
        await cloud.outputMatching(/the journal is written again/);
      } finally {
        sqs.destroy();
        s3.destroy();
        await cloud.stop('SIGKILL');
      }

      const { value: found } = await runThenKill(stateDir, async (again) => {
        const url = await queueUrl(again);
        const bodies: string[] = [];
        for (;;) {
          const got = await again.send(
            new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, VisibilityTimeout: 300 }),
          );
          if (!got.Messages?.length) return bodies;
          bodies.push(...got.Messages.map((m) => m.Body!.slice(0, 8)));
        }
      });
      const missing = acknowledged.filter((b) => !found.includes(b));
      assert.deepEqual(missing, [], 'every acknowledged message survived');
      assert.equal(new Set(found).size, found.length, 'none twice');
    } finally {
      execFileSync('umount', [mounted!]);
      rmSync(mounted!, { recursive: true, force: true });
    }
  },
);
