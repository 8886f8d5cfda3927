// With a state dir, functions, versions, aliases, policies, URLs and mappings survive a
// restart, and their code runs again (re-extracted from the durable zip if need be).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  AddPermissionCommand,
  CreateAliasCommand,
  CreateFunctionUrlConfigCommand,
  GetFunctionCommand,
  GetFunctionUrlConfigCommand,
  GetPolicyCommand,
  InvokeCommand,
  LambdaClient,
  PublishVersionCommand,
  PutFunctionConcurrencyCommand,
  DeleteFunctionConcurrencyCommand,
} from '@aws-sdk/client-lambda';
import {
  CloudWatchLogsClient,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { startTestCloud, tempDir } from '../../helpers/cloud';
import { createFunction, payloadOf, useFreshRuntimes } from './lambdaKit';

test('functions and their configuration survive a restart of the local cloud', async () => {
  useFreshRuntimes();
  const dir = tempDir();
  try {
    let cloud = await startTestCloud({ stateDir: dir.path });
    let lambda = new LambdaClient(cloud.clientConfig);
    await createFunction(lambda, { FunctionName: 'durable', MemorySize: 512 });
    await lambda.send(new PublishVersionCommand({ FunctionName: 'durable' }));
    await lambda.send(new CreateAliasCommand({ FunctionName: 'durable', Name: 'prod', FunctionVersion: '1' }));
    await lambda.send(
      new AddPermissionCommand({
        FunctionName: 'durable',
        StatementId: 'url',
        Action: 'lambda:InvokeFunctionUrl',
        Principal: '*',
        FunctionUrlAuthType: 'NONE',
      }),
    );
    await lambda.send(
      new AddPermissionCommand({
        FunctionName: 'durable',
        StatementId: 'invoke',
        Action: 'lambda:InvokeFunction',
        Principal: '*',
        InvokedViaFunctionUrl: true,
      }),
    );
    const { FunctionUrl } = await lambda.send(
      new CreateFunctionUrlConfigCommand({ FunctionName: 'durable', AuthType: 'NONE' }),
    );
    await lambda.send(new InvokeCommand({ FunctionName: 'durable' }));
    // An accepted asynchronous event, held back by throttling, must survive the restart.
    await createFunction(lambda, { FunctionName: 'later', Handler: 'index.record' });
    await lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'later', ReservedConcurrentExecutions: 0 }));
    const accepted = await lambda.send(
      new InvokeCommand({
        FunctionName: 'later',
        InvocationType: 'Event',
        Payload: Buffer.from('{"id":"kept-across-restart"}'),
      }),
    );
    assert.equal(accepted.StatusCode, 202);
    const before = await lambda.send(new GetFunctionCommand({ FunctionName: 'durable' }));
    await cloud.stop();

    // The extracted code may be lost (a crash mid-extract); the durable zip brings it back.
    const codeDir = join(dir.path, 'blobs', 'lambda', 'code');
    const extracted = readdirSync(codeDir).filter((f) => !f.endsWith('.zip'));
    assert.ok(extracted.length >= 1);
    for (const f of extracted) rmSync(join(codeDir, f), { recursive: true, force: true });
    cloud = await startTestCloud({ stateDir: dir.path });
    lambda = new LambdaClient(cloud.clientConfig);
    try {
      const after = await lambda.send(new GetFunctionCommand({ FunctionName: 'durable' }));
      assert.equal(after.Configuration!.CodeSha256, before.Configuration!.CodeSha256);
      assert.equal(after.Configuration!.MemorySize, 512);
      const viaAlias = await lambda.send(
        new InvokeCommand({ FunctionName: 'durable:prod', Payload: Buffer.from('{"k":1}') }),
      );
      assert.equal(viaAlias.FunctionError, undefined, Buffer.from(viaAlias.Payload ?? []).toString());
      assert.deepEqual((payloadOf(viaAlias) as { echo: unknown }).echo, { k: 1 });
      assert.equal(viaAlias.ExecutedVersion, '1');
      assert.ok((await lambda.send(new GetPolicyCommand({ FunctionName: 'durable' }))).Policy);
      const url = await lambda.send(new GetFunctionUrlConfigCommand({ FunctionName: 'durable' }));
      assert.equal(new URL(url.FunctionUrl!).hostname, new URL(FunctionUrl!).hostname);
      const streams = await new CloudWatchLogsClient(cloud.clientConfig).send(
        new DescribeLogStreamsCommand({ logGroupName: '/aws/lambda/durable' }),
      );
      assert.equal(
        streams.logStreams!.length,
        2,
        'the log of the first run is kept, the restart brought a new environment',
      );
      await lambda.send(new DeleteFunctionConcurrencyCommand({ FunctionName: 'later' }));
      const logs = new CloudWatchLogsClient(cloud.clientConfig);
      const until = Date.now() + 30_000;
      let seen = 0;
      while (seen === 0 && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 300));
        const found = await logs
          .send(
            new FilterLogEventsCommand({
              logGroupName: '/aws/lambda/later',
              filterPattern: 'RECORD kept-across-restart',
            }),
          )
          .catch(() => ({ events: [] }));
        seen = found.events!.length;
      }
      assert.equal(seen, 1, 'the event accepted before the restart ran after it');
    } finally {
      await cloud.stop();
    }
  } finally {
    dir.remove();
  }
});
