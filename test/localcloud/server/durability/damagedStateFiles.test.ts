// A damaged snapshot.json or credentials.json stops `hoc cloud` before its port opens, with
// a message that names the file and what to do — no stack trace, no half-started server —
// and leaves the damaged file as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../../helpers/cloud';
import { ListQueuesCommand } from '@aws-sdk/client-sqs';
import { depth, refusedStart, runThenKill, sendMessages, snapshotOfMessages } from './stateDirRuns';

test(
  'a damaged snapshot.json refuses the start, is left untouched, and can be moved aside',
  { timeout: 60_000 },
  async () => {
    const dir = tempDir();
    try {
      await snapshotOfMessages(dir.path, 3);
      const snapshot = join(dir.path, 'snapshot.json');
      const whole = readFileSync(snapshot);
      const damaged = whole.subarray(0, whole.length >> 1);
      writeFileSync(snapshot, damaged);

      const run = await refusedStart(['--state-dir', dir.path]);
      assert.equal(run.code, 1);
      assert.equal(run.stdout, '', 'no banner: the port never opened');
      assert.match(
        run.stderr,
        new RegExp(
          `^hoc: The local cloud's saved state cannot be read: ${snapshot.replace(/[.]/g, '\\.')} is damaged \\(.+\\)\\. Restore that file from a backup, or move it aside`,
        ),
      );
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
      assert.deepEqual(readFileSync(snapshot), damaged, 'the damaged snapshot is kept as it was');

      // Moved aside, as the message says: the start goes on with what the journals hold.
      renameSync(snapshot, `${snapshot}.corrupt`);
      const { value } = await runThenKill(
        dir.path,
        async (s) => (await s.send(new ListQueuesCommand({}))).QueueUrls ?? [],
      );
      assert.deepEqual(value, [], 'the queue lived in the snapshot only: it is gone, as the message warned');
    } finally {
      dir.remove();
    }
  },
);

test(
  'a truncated credentials.json refuses the start with a sentence, not a stack trace',
  { timeout: 60_000 },
  async () => {
    const dir = tempDir();
    try {
      await runThenKill(dir.path, (sqs) => sendMessages(sqs, 1));
      const file = join(dir.path, 'credentials.json');
      writeFileSync(file, readFileSync(file, 'utf8').slice(0, 20));
      const run = await refusedStart(['--state-dir', dir.path]);
      assert.equal(run.code, 1);
      assert.equal(run.stdout, '');
      assert.match(
        run.stderr,
        /^hoc: The local cloud's credentials cannot be read: .*credentials\.json is damaged \(.+\)\. Delete it to have new credentials generated/,
      );
      assert.doesNotMatch(run.stderr, /\n\s+at /);
    } finally {
      dir.remove();
    }
  },
);

test('a state dir that cannot be created is a sentence too', { timeout: 60_000 }, async () => {
  const dir = tempDir();
  try {
    const file = join(dir.path, 'a-file');
    writeFileSync(file, '');
    const run = await refusedStart(['--state-dir', join(file, 'state')]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^hoc: Cannot use the state dir .*a-file\/state: ENOTDIR/);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  } finally {
    dir.remove();
  }
});

test(
  'a snapshot.json changed in a way that still parses (one byte of a message body) refuses the start',
  { timeout: 60_000 },
  async () => {
    const dir = tempDir();
    try {
      await snapshotOfMessages(dir.path, 3, 'message ');
      const snapshot = join(dir.path, 'snapshot.json');
      const whole = readFileSync(snapshot, 'utf8');
      assert.match(whole, /"sha256":"[0-9a-f]{64}"/, 'the snapshot carries its checksum');
      // The bodies sendMessages wrote are "message N": one digit changed is still valid JSON.
      const changed = whole.replace('message 1', 'message 7');
      assert.notEqual(changed, whole);
      JSON.parse(changed);
      writeFileSync(snapshot, changed);

      const run = await refusedStart(['--state-dir', dir.path]);
      assert.equal(run.code, 1);
      assert.equal(run.stdout, '', 'no banner: the port never opened');
      assert.match(
        run.stderr,
        /^hoc: The local cloud's saved state cannot be read: .*snapshot\.json is damaged \(its content does not match the checksum written with it\)\./,
      );
      assert.equal(readFileSync(snapshot, 'utf8'), changed, 'the damaged snapshot is kept as it was');

      // Put back as written, the same snapshot starts and holds the three messages.
      writeFileSync(snapshot, whole);
      const { value } = await runThenKill(dir.path, (s) => depth(s));
      assert.equal(value, 3, 'the three messages the snapshot holds');
    } finally {
      dir.remove();
    }
  },
);
