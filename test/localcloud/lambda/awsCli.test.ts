// The AWS CLI (Debian's /usr/bin/aws v2) drives the local cloud's Lambda and Logs: create from
// a zip file, wait, invoke with --log-type Tail, list, and tail the function's log group.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestCloud, type TestCloud } from '../../helpers/cloud';
import { useFreshRuntimes, zipFixture } from './lambdaKit';

const AWS = '/usr/bin/aws';
let cloud: TestCloud;
let dir: string;

before(async () => {
  useFreshRuntimes();
  cloud = await startTestCloud();
  dir = mkdtempSync(join(tmpdir(), 'hoc-cli-'));
});

after(async () => {
  await cloud.stop();
  rmSync(dir, { recursive: true, force: true });
});

function aws(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const env = {
    PATH: process.env.PATH,
    HOME: dir,
    AWS_ACCESS_KEY_ID: cloud.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: cloud.credentials.secretAccessKey,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '',
  };
  return new Promise((resolve) => {
    execFile(AWS, [...args, '--endpoint-url', cloud.endpoint, '--output', 'json'], { env }, (e, out, err) =>
      resolve({ code: e ? Number(e.code ?? 1) : 0, out, err }),
    );
  });
}

test(
  'create, invoke with a log tail, list and tail logs with the AWS CLI',
  { skip: !existsSync(AWS) && 'no /usr/bin/aws on this machine' },
  async () => {
    writeFileSync(join(dir, 'function.zip'), zipFixture('node-cjs'));
    const created = await aws(
      'lambda',
      'create-function',
      '--function-name',
      'cli-fn',
      '--runtime',
      'nodejs24.x',
      '--handler',
      'index.handler',
      '--role',
      'arn:aws:iam::000000000000:role/lambda',
      '--zip-file',
      `fileb://${join(dir, 'function.zip')}`,
    );
    assert.equal(created.code, 0, created.err);
    assert.equal(JSON.parse(created.out).FunctionName, 'cli-fn');
    assert.equal((await aws('lambda', 'wait', 'function-active-v2', '--function-name', 'cli-fn')).code, 0);

    const invoked = await aws(
      'lambda',
      'invoke',
      '--function-name',
      'cli-fn',
      '--cli-binary-format',
      'raw-in-base64-out',
      '--payload',
      '{"from":"cli"}',
      '--log-type',
      'Tail',
      join(dir, 'out.json'),
    );
    assert.equal(invoked.code, 0, invoked.err);
    const meta = JSON.parse(invoked.out);
    assert.equal(meta.StatusCode, 200);
    assert.equal(meta.ExecutedVersion, '$LATEST');
    assert.match(
      Buffer.from(meta.LogResult, 'base64').toString(),
      /REPORT RequestId: \S+\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\tInit Duration: [\d.]+ ms/,
    );
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).echo, { from: 'cli' });

    const failing = await aws('lambda', 'invoke', '--function-name', 'missing-fn', join(dir, 'x.json'));
    assert.notEqual(failing.code, 0);
    assert.match(failing.err, /ResourceNotFoundException/);

    const listed = await aws('lambda', 'list-functions');
    assert.ok(JSON.parse(listed.out).Functions.some((f: { FunctionName: string }) => f.FunctionName === 'cli-fn'));
    const tail = await aws('logs', 'tail', '/aws/lambda/cli-fn');
    assert.equal(tail.code, 0, tail.err);
    assert.match(tail.out, /START RequestId: /);
    assert.match(tail.out, /INFO\tevent \{"from":"cli"\}/);
  },
);
