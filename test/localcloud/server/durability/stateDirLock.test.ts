// One local cloud per state dir: a second `hoc cloud` on the same folder refuses to start and
// names the process that holds it (two servers would each keep their own state and delete
// each other's journals when compacting); once the holder is killed, its lock is stale and
// the next server takes the dir over with everything acknowledged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tempDir } from '../../../helpers/cloud';
import { spawnCloud } from '../../../helpers/cloudProcess';
import { depth, refusedStart, runThenKill, sendMessages, sqsOf } from './stateDirRuns';

test('a second server on a state dir in use refuses to start, naming the holder', async () => {
  const dir = tempDir();
  const first = await spawnCloud(['--state-dir', dir.path]);
  try {
    const sqs = sqsOf(first);
    await sendMessages(sqs, 50);
    const second = await refusedStart(['--state-dir', dir.path]);
    assert.equal(second.code, 1);
    assert.equal(second.stdout, '', 'no banner: it never started');
    assert.match(
      second.stderr,
      new RegExp(
        `^hoc: The state dir .* is in use by another local cloud \\(process ${first.child.pid}\\)\\. Stop that one first`,
      ),
    );
    await sendMessages(sqs, 50, 'after');
    sqs.destroy();
    // A clean stop compacts: it must not take what a second server wrote with it (there is none).
    assert.equal(await first.stop('SIGTERM'), 0);
  } finally {
    await first.stop('SIGKILL');
  }
  try {
    const { value } = await runThenKill(dir.path, (sqs) => depth(sqs));
    assert.equal(value, 100);
  } finally {
    dir.remove();
  }
});

test('the lock of a killed server is stale: the next one starts and has every acknowledged write', async () => {
  const dir = tempDir();
  try {
    await runThenKill(dir.path, (sqs) => sendMessages(sqs, 20));
    const { value } = await runThenKill(dir.path, (sqs) => depth(sqs));
    assert.equal(value, 20);
  } finally {
    dir.remove();
  }
});
