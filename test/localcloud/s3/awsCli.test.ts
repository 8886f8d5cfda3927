// The AWS CLI against the local cloud's S3: Debian's aws 2.9 (/usr/bin/aws) copies a file
// that takes a multipart upload, copies it inside S3 (UploadPartCopy), lists, downloads, syncs
// and removes, as a student would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { tempDir } from '../../helpers/cloud';
import { useS3 } from './s3Fixture';

const AWS = '/usr/bin/aws';
const f = useS3();
const run = promisify(execFile);

async function aws(...args: string[]): Promise<string> {
  const { endpoint, region, credentials } = f.cloud.clientConfig;
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_DEFAULT_REGION: region,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  };
  const { stdout } = await run(AWS, ['--endpoint-url', endpoint, ...args], { env, maxBuffer: 10 * 1024 * 1024 });
  return stdout;
}

test(
  'aws s3 mb / cp (multipart) / ls / cp back / sync / rm / rb',
  { skip: !existsSync(AWS) && 'needs Debian awscli (/usr/bin/aws)' },
  async () => {
    const dir = tempDir('hoc-s3-cli-');
    try {
      const big = randomBytes(20 * 1024 * 1024);
      writeFileSync(join(dir.path, 'big.bin'), big);
      mkdirSync(join(dir.path, 'site'));
      writeFileSync(join(dir.path, 'site', 'index.html'), '<h1>hi</h1>');
      writeFileSync(join(dir.path, 'site', 'a b.txt'), 'space');
      await aws('s3', 'mb', 's3://cli-bucket');
      await aws('s3', 'cp', join(dir.path, 'big.bin'), 's3://cli-bucket/data/big.bin');
      await aws('s3', 'sync', join(dir.path, 'site'), 's3://cli-bucket/site');
      const listing = await aws('s3', 'ls', 's3://cli-bucket', '--recursive');
      assert.match(listing, /20971520 data\/big\.bin/);
      assert.match(listing, /site\/a b\.txt/);
      assert.match(listing, /site\/index\.html/);
      const head = JSON.parse(await aws('s3api', 'head-object', '--bucket', 'cli-bucket', '--key', 'data/big.bin')) as {
        ETag: string;
        ContentLength: number;
      };
      assert.match(head.ETag, /-\d+"$/, 'uploaded in parts');
      assert.equal(head.ContentLength, big.length);
      // A bucket-to-bucket copy this large goes through UploadPartCopy.
      await aws('s3', 'cp', 's3://cli-bucket/data/big.bin', 's3://cli-bucket/data/copy.bin');
      const copied = JSON.parse(
        await aws('s3api', 'head-object', '--bucket', 'cli-bucket', '--key', 'data/copy.bin'),
      ) as { ETag: string };
      assert.match(copied.ETag, /-\d+"$/, 'copied in parts');
      await aws('s3', 'cp', 's3://cli-bucket/data/copy.bin', join(dir.path, 'back.bin'));
      assert.ok(readFileSync(join(dir.path, 'back.bin')).equals(big));
      await aws('s3', 'rm', 's3://cli-bucket', '--recursive');
      await aws('s3', 'rb', 's3://cli-bucket');
      const buckets = JSON.parse(await aws('s3api', 'list-buckets')) as { Buckets: Array<{ Name: string }> };
      assert.ok(!buckets.Buckets.some((b) => b.Name === 'cli-bucket'));
    } finally {
      dir.remove();
    }
  },
);
