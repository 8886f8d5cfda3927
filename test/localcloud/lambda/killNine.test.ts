// kill -9 of `hoc cloud`: every acknowledged function survives on the state dir, and the
// execution environments it left behind end by themselves (their Runtime API is gone).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readlinkSync } from 'node:fs';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { tempDir } from '../../helpers/cloud';
import { spawnCloud } from '../../helpers/cloudProcess';
import { createFunction, payloadOf } from './lambdaKit';

/** Processes whose working directory is a function's code folder under this state dir (Linux /proc). */
async function environments(stateDir: string): Promise<number> {
  let n = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (readlinkSync(`/proc/${pid}/cwd`).startsWith(stateDir)) n++;
    } catch {
      // gone, or not ours to read
    }
  }
  return n;
}

test(
  'after kill -9 the functions are back and no environment outlives the local cloud',
  { skip: process.platform !== 'linux' && 'reads /proc' },
  async (t) => {
    const state = tempDir();
    try {
      let cloud = await spawnCloud(['--state-dir', state.path]);
      const first = cloud;
      let lambda = new LambdaClient(cloud.clientConfig);
      // A failing step must not leave the first local cloud running (it would hold the test process).
      t.after(() => first.stop('SIGKILL'));
      // A shell runtime at 128 MB gets 7% of a core: on a loaded machine 3 s is too short for it.
      await createFunction(lambda, {
        FunctionName: 'survivor',
        fixture: 'custom',
        Runtime: 'provided.al2023',
        Handler: 'x.y',
        Timeout: 30,
      });
      await createFunction(lambda, { FunctionName: 'survivor-node', Timeout: 30 });
      await lambda.send(new InvokeCommand({ FunctionName: 'survivor', Payload: Buffer.from('{"n":1}') }));
      await lambda.send(new InvokeCommand({ FunctionName: 'survivor-node', Payload: Buffer.from('{"n":1}') }));
      const before = await environments(state.path);
      assert.ok(before >= 2, `expected the two environments, found ${before}`);
      await cloud.stop('SIGKILL');

      const until = Date.now() + 15_000;
      let left = before;
      while (left > 0 && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 250));
        left = await environments(state.path);
      }
      assert.equal(left, 0, 'environments end once their local cloud is gone');

      cloud = await spawnCloud(['--state-dir', state.path]);
      try {
        lambda = new LambdaClient(cloud.clientConfig);
        const out = await lambda.send(new InvokeCommand({ FunctionName: 'survivor', Payload: Buffer.from('{"n":2}') }));
        assert.deepEqual(payloadOf(out), { handler: 'x.y', event: { n: 2 } });
        const node = await lambda.send(
          new InvokeCommand({ FunctionName: 'survivor-node', Payload: Buffer.from('{"n":2}') }),
        );
        assert.deepEqual((payloadOf(node) as { echo: unknown }).echo, { n: 2 });
      } finally {
        await cloud.stop();
      }
    } finally {
      state.remove();
    }
  },
);
