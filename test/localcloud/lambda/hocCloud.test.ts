// `hoc cloud` (dist/cli.js, built by `node esbuild.mjs`) runs functions with the bundled
// runtimes in dist/runtimes, and stops cleanly with environments running.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { spawnCloud } from '../../helpers/cloudProcess';
import { createFunction, payloadOf, tailOf } from './lambdaKit';

test('hoc cloud invokes Node and Python functions with the runtimes it ships', async () => {
  const cloud = await spawnCloud();
  try {
    const lambda = new LambdaClient(cloud.clientConfig);
    await createFunction(lambda, { FunctionName: 'from-dist' });
    const out = await lambda.send(
      new InvokeCommand({ FunctionName: 'from-dist', Payload: Buffer.from('{"via":"hoc"}'), LogType: 'Tail' }),
    );
    assert.equal(out.FunctionError, undefined, tailOf(out));
    assert.deepEqual((payloadOf(out) as { echo: unknown }).echo, { via: 'hoc' });
    await createFunction(lambda, {
      FunctionName: 'py-dist',
      fixture: 'python',
      Runtime: 'python3.12',
      Handler: 'lambda_function.handler',
    });
    const py = await lambda.send(new InvokeCommand({ FunctionName: 'py-dist', Payload: Buffer.from('{}') }));
    assert.equal(py.FunctionError, undefined, Buffer.from(py.Payload ?? []).toString());
  } finally {
    assert.equal(await cloud.stop('SIGTERM'), 0);
  }
});
