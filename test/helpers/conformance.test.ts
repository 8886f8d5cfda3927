// The conformance target selector and the snapshot recorder: a bad target or missing credentials
// fail with a sentence saying what to set; snapshots normalise what varies, record with the
// target and the day, and compare later answers with the recorded ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { conformanceTarget, remoteClientConfig } from './conformance';
import { normalise, useSnapshots } from './snapshots';

const ROOT = join(import.meta.dirname, '..', '..');

test('HOC_CONFORMANCE_TARGET: unset or local is the local cloud; localstack and aws; anything else is refused', () => {
  assert.equal(conformanceTarget({}), 'local');
  assert.equal(conformanceTarget({ HOC_CONFORMANCE_TARGET: 'local' }), 'local');
  assert.equal(conformanceTarget({ HOC_CONFORMANCE_TARGET: 'localstack' }), 'localstack');
  assert.equal(conformanceTarget({ HOC_CONFORMANCE_TARGET: 'aws' }), 'aws');
  assert.throws(
    () => conformanceTarget({ HOC_CONFORMANCE_TARGET: 'azure' }),
    /HOC_CONFORMANCE_TARGET='azure' is not a target: use local \(the default\), localstack or aws/,
  );
});

test('the aws target without a region or credentials, and localstack without a LocalStack, fail saying what to set', async () => {
  await assert.rejects(remoteClientConfig('aws', {}), /needs a region: set AWS_REGION/);
  const saved = { ...process.env };
  const empty = mkdtempSync(join(tmpdir(), 'hoc-no-aws-'));
  try {
    for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
    Object.assign(process.env, {
      AWS_CONFIG_FILE: join(empty, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(empty, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    await assert.rejects(
      remoteClientConfig('aws', { AWS_REGION: 'us-east-1', AWS_PROFILE: 'no-such-profile' }),
      /HOC_CONFORMANCE_TARGET=aws found no AWS credentials .*; set AWS_PROFILE/,
    );
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
    rmSync(empty, { recursive: true, force: true });
  }
  await assert.rejects(
    remoteClientConfig('localstack', { HOC_LOCALSTACK_ENDPOINT: 'http://127.0.0.1:1' }),
    /no LocalStack answers at http:\/\/127\.0\.0\.1:1/,
  );
});

test('a converted suite pointed at an absent LocalStack fails before its first test, with the reason', () => {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', 'test/localcloud/sqs/fifo.test.ts'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...withoutTestContext(),
        HOC_CONFORMANCE_TARGET: 'localstack',
        HOC_LOCALSTACK_ENDPOINT: 'http://127.0.0.1:1',
      },
      timeout: 120_000,
    },
  );
  assert.notEqual(run.status, 0);
  assert.match(run.stdout + run.stderr, /no LocalStack answers at http:\/\/127\.0\.0\.1:1/);
});

/** This process's environment minus the test runner's own marker (a nested run would report to us instead). */
function withoutTestContext(): NodeJS.ProcessEnv {
  const { NODE_TEST_CONTEXT: _ignored, ...env } = process.env;
  return env;
}

test('normalise: ids, handles and urls become numbered placeholders; timestamps, accounts and regions generic', () => {
  const answer = {
    $metadata: { requestId: 'r-1' },
    Messages: [
      {
        MessageId: 'a-1',
        ReceiptHandle: 'h1',
        Body: 'x',
        Attributes: { SentTimestamp: '1733200000000', MessageGroupId: 'g' },
      },
      {
        MessageId: 'a-2',
        ReceiptHandle: 'h2',
        Body: 'arn:aws:sqs:eu-west-1:123456789012:q at https://sqs.eu-west-1.amazonaws.com/123456789012/q',
      },
      { MessageId: 'a-1', ReceiptHandle: 'h3', Body: 'y' },
    ],
  };
  assert.deepEqual(normalise(answer), {
    Messages: [
      {
        Attributes: { MessageGroupId: 'g', SentTimestamp: '<timestamp>' },
        Body: 'x',
        MessageId: '<MessageId:1>',
        ReceiptHandle: '<ReceiptHandle:1>',
      },
      {
        Body: 'arn:aws:sqs:<region>:<account>:q at <endpoint>/<account>/q',
        MessageId: '<MessageId:2>',
        ReceiptHandle: '<ReceiptHandle:2>',
      },
      { Body: 'y', MessageId: '<MessageId:1>', ReceiptHandle: '<ReceiptHandle:3>' },
    ],
  });
});

test('snapshots: recorded with the target and the day, then compared; a different answer fails naming both', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hoc-snap-'));
  try {
    const testFile = join(dir, 'example.test.ts');
    const recorder = useSnapshots(testFile, { update: true, target: 'aws', today: '2026-12-03', autoSave: false });
    recorder.match('receive', { Messages: [{ MessageId: 'on-aws', Body: 'g1-m1' }] });
    recorder.save();
    const saved = JSON.parse(readFileSync(join(dir, 'example.snapshot.json'), 'utf8'));
    assert.deepEqual(saved, {
      receive: {
        recorded: { target: 'aws', date: '2026-12-03' },
        value: { Messages: [{ Body: 'g1-m1', MessageId: '<MessageId:1>' }] },
      },
    });

    const checker = useSnapshots(testFile, { target: 'local', autoSave: false });
    checker.match('receive', { Messages: [{ MessageId: 'local-id', Body: 'g1-m1' }] });
    checker.match('not recorded yet', { anything: 1 });
    assert.throws(
      () => checker.match('receive', { Messages: [{ MessageId: 'local-id', Body: 'g2-m1' }] }),
      /receive: the local answer differs from the one recorded on aws on 2026-12-03/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
