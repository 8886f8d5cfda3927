// Idle environments are reclaimed (HOC_LAMBDA_IDLE_SECONDS), so the next invocation is cold;
// stopping the local cloud ends every environment's process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { startTestCloud } from '../../helpers/cloud';
import { createFunction, payloadOf, tailOf, useFreshRuntimes } from './lambdaKit';

/** Processes running this test's Node bootstrap. */
function bootstrapProcesses(): Promise<number> {
  return new Promise((resolve) => {
    execFile('ps', ['-eo', 'args'], (_e, out) =>
      resolve(out.split('\n').filter((l) => l.includes(process.env.HOC_LAMBDA_RUNTIMES_DIR!)).length),
    );
  });
}

test('an environment idle for longer than the idle limit is reclaimed; stop ends the processes', async () => {
  useFreshRuntimes();
  const saved = process.env.HOC_LAMBDA_IDLE_SECONDS;
  process.env.HOC_LAMBDA_IDLE_SECONDS = '1';
  const cloud = await startTestCloud();
  try {
    const lambda = new LambdaClient(cloud.clientConfig);
    await createFunction(lambda, { FunctionName: 'idle' });
    const first = await lambda.send(new InvokeCommand({ FunctionName: 'idle', LogType: 'Tail' }));
    assert.match(tailOf(first), /Init Duration/);
    const warm = await lambda.send(new InvokeCommand({ FunctionName: 'idle', LogType: 'Tail' }));
    assert.doesNotMatch(tailOf(warm), /Init Duration/);
    await new Promise((r) => setTimeout(r, 2500));
    const again = await lambda.send(new InvokeCommand({ FunctionName: 'idle', LogType: 'Tail' }));
    assert.match(tailOf(again), /Init Duration/, 'reclaimed while idle, so cold again');
    assert.equal((payloadOf(again) as { invocations: number }).invocations, 1);
    assert.equal(await bootstrapProcesses(), 1);
  } finally {
    await cloud.stop();
    assert.equal(await bootstrapProcesses(), 0);
    if (saved === undefined) delete process.env.HOC_LAMBDA_IDLE_SECONDS;
    else process.env.HOC_LAMBDA_IDLE_SECONDS = saved;
  }
});
