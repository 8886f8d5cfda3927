// Node handlers through @aws-sdk/client-lambda: results, context, environment, logs in AWS's
// format, cold then warm starts, CommonJS/ESM and callback styles, errors shaped as AWS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvokeCommand, UpdateFunctionConfigurationCommand, waitUntilFunctionUpdatedV2 } from '@aws-sdk/client-lambda';
import { createFunction, payloadOf, tailOf, useLambdaCloud } from './lambdaKit';

const f = useLambdaCloud({
  ready: ({ lambda }) =>
    createFunction(lambda, { FunctionName: 'hello', Environment: { Variables: { GREETING: 'hi' } } }),
});

const invoke = (name: string, payload: unknown, extra: Record<string, unknown> = {}) =>
  f.lambda.send(
    new InvokeCommand({ FunctionName: name, Payload: Buffer.from(JSON.stringify(payload)), LogType: 'Tail', ...extra }),
  );

test('a cold invocation reports Init Duration, a warm one reuses the environment without it', async () => {
  const cold = await invoke('hello', { n: 1 });
  assert.equal(cold.StatusCode, 200);
  assert.equal(cold.FunctionError, undefined);
  assert.equal(cold.ExecutedVersion, '$LATEST');
  const first = payloadOf(cold) as Record<string, any>;
  assert.deepEqual(first.echo, { n: 1 });
  assert.equal(first.invocations, 1);
  const coldLog = tailOf(cold);
  assert.match(coldLog, new RegExp(`START RequestId: ${first.awsRequestId} Version: \\$LATEST\\n`));
  assert.match(
    coldLog,
    new RegExp(`\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\t${first.awsRequestId}\\tINFO\\tevent \\{"n":1\\}\\n`),
  );
  assert.match(coldLog, new RegExp(`END RequestId: ${first.awsRequestId}\\n`));
  const report =
    /REPORT RequestId: (\S+)\tDuration: (\d+\.\d\d) ms\tBilled Duration: (\d+) ms\tMemory Size: 128 MB\tMax Memory Used: (\d+) MB\tInit Duration: (\d+\.\d\d) ms\t\n/.exec(
      coldLog,
    );
  assert.ok(report, coldLog);
  const [, id, duration, billed, maxMem, init] = report;
  assert.equal(id, first.awsRequestId);
  // INIT is billed for ZIP functions since 2025-08-01: billed = ceil(duration + init).
  assert.equal(Number(billed), Math.ceil(Number(duration) + Number(init)));
  assert.ok(Number(maxMem) > 5 && Number(maxMem) <= 128);

  const warm = await invoke('hello', { n: 2 });
  const second = payloadOf(warm) as Record<string, any>;
  assert.equal(second.invocations, 2, 'the warm environment keeps module state');
  assert.equal(second.startedAt, first.startedAt);
  assert.equal(second.logStreamName, first.logStreamName);
  const warmReport =
    /REPORT RequestId: \S+\tDuration: (\d+\.\d\d) ms\tBilled Duration: (\d+) ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\t\n/.exec(
      tailOf(warm),
    );
  assert.ok(warmReport, tailOf(warm));
  assert.equal(Number(warmReport[2]), Math.max(1, Math.ceil(Number(warmReport[1]))));
});

test('context and environment carry what AWS provides, plus the local endpoint', async () => {
  const out = payloadOf(await invoke('hello', {})) as Record<string, any>;
  assert.equal(out.functionName, 'hello');
  assert.equal(out.functionVersion, '$LATEST');
  assert.equal(out.memoryLimitInMB, '128');
  assert.equal(out.invokedFunctionArn, 'arn:aws:lambda:us-east-1:000000000000:function:hello');
  assert.equal(out.logGroupName, '/aws/lambda/hello');
  assert.match(out.logStreamName, /^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/);
  assert.ok(out.remaining > 2000 && out.remaining <= 3000);
  assert.equal(out.env.AWS_REGION, 'us-east-1');
  assert.equal(out.env.AWS_LAMBDA_FUNCTION_NAME, 'hello');
  assert.equal(out.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE, '128');
  assert.equal(out.env._HANDLER, 'index.handler');
  assert.equal(out.env.TZ, ':UTC');
  assert.equal(out.env.AWS_ENDPOINT_URL, f.cloud.endpoint);
  assert.equal(out.env.GREETING, 'hi');
});

test('a configuration update makes the next invocation cold', async () => {
  await invoke('hello', {});
  await f.lambda.send(
    new UpdateFunctionConfigurationCommand({
      FunctionName: 'hello',
      Environment: { Variables: { GREETING: 'bonjour' } },
    }),
  );
  await waitUntilFunctionUpdatedV2({ client: f.lambda, maxWaitTime: 10 }, { FunctionName: 'hello' });
  const out = await invoke('hello', {});
  assert.equal((payloadOf(out) as Record<string, any>).env.GREETING, 'bonjour');
  assert.equal((payloadOf(out) as Record<string, any>).invocations, 1);
  assert.match(tailOf(out), /Init Duration: \d+\.\d\d ms/);
});

test('callback-style handlers and ES modules importing the SDK from the runtime', async () => {
  await createFunction(f.lambda, { FunctionName: 'cb', Handler: 'index.callback' });
  assert.deepEqual(payloadOf(await invoke('cb', { value: 7 })), { style: 'callback', value: 7 });
  await createFunction(f.lambda, { FunctionName: 'esm', fixture: 'node-esm', Runtime: 'nodejs22.x' });
  const esm = payloadOf(await invoke('esm', { name: 'ada' })) as Record<string, any>;
  assert.equal(esm.module, 'esm');
  assert.equal(esm.sdk, 'function');
  assert.equal(esm.helper, 'hello ada');
});

test('handler code reaches the local cloud with the SDK it did not bundle', async () => {
  await createFunction(f.lambda, { FunctionName: 'sdk-user', Handler: 'index.sdk', Timeout: 20 });
  const out = await invoke('sdk-user', {});
  assert.equal(out.FunctionError, undefined, tailOf(out));
  assert.ok((payloadOf(out) as string[]).includes('sdk-user'));
});

test('a callback answer waits for the event loop to drain unless callbackWaitsForEmptyEventLoop is false', async () => {
  await createFunction(f.lambda, { FunctionName: 'pending', Handler: 'index.pendingTimer' });
  const waited = await invoke('pending', {});
  assert.equal(payloadOf(waited), 'answered');
  const log = tailOf(waited);
  assert.ok(log.indexOf('timer fired') !== -1 && log.indexOf('timer fired') < log.indexOf('END RequestId'), log);
  const quick = await invoke('pending', { wait: false });
  assert.equal(payloadOf(quick), 'answered');
  assert.ok(!tailOf(quick).split('END RequestId')[0]!.includes('timer fired'), tailOf(quick));
});

test('a thrown error comes back as AWS shapes it, with X-Amz-Function-Error', async () => {
  await createFunction(f.lambda, { FunctionName: 'fails', Handler: 'index.fails' });
  const out = await invoke('fails', {});
  assert.equal(out.StatusCode, 200);
  assert.equal(out.FunctionError, 'Unhandled');
  const body = payloadOf(out) as Record<string, any>;
  assert.equal(body.errorType, 'ValidationError');
  assert.equal(body.errorMessage, 'the order has no items');
  assert.ok(Array.isArray(body.trace) && body.trace[0].startsWith('ValidationError: the order has no items'));
  const log = tailOf(out);
  assert.match(log, /\tERROR\tabout to fail\n/);
  assert.match(
    log,
    /\tERROR\tInvoke Error \t\{"errorType":"ValidationError","errorMessage":"the order has no items","stack":\[/,
  );
  // The environment survives a handled error and stays warm.
  assert.doesNotMatch(tailOf(await invoke('fails', {})), /Init Duration/);
});

test('callback errors, multi-line logs and raw stdout', async () => {
  await createFunction(f.lambda, { FunctionName: 'cberr', Handler: 'index.callbackError' });
  const err = payloadOf(await invoke('cberr', {})) as Record<string, any>;
  assert.equal(err.errorType, 'Error');
  assert.equal(err.errorMessage, 'callback failure');
  await createFunction(f.lambda, { FunctionName: 'multi', Handler: 'index.multiline' });
  const log = tailOf(await invoke('multi', {}));
  assert.match(log, /\tINFO\tfirst line\nsecond line\n/);
  assert.match(log, /\tWARN\tcareful\n/);
  assert.match(log, /\nraw stdout line\n/);
});

test('init failures: missing module, syntax error, missing export, throwing at load', async () => {
  const cases: Array<[string, string, RegExp]> = [
    ['missing.handler', 'Runtime.ImportModuleError', /Cannot find module 'a-package-that-is-not-installed'/],
    ['syntax.handler', 'Runtime.UserCodeSyntaxError', /SyntaxError/],
    ['noexport.handler', 'Runtime.HandlerNotFound', /noexport\.handler is undefined or not exported/],
    ['nofile.handler', 'Runtime.ImportModuleError', /Cannot find module 'nofile'/],
    ['initThrows.handler', 'Error', /configuration is missing/],
  ];
  for (const [handler, type, message] of cases) {
    const name = `broken-${handler.split('.')[0]}`;
    await createFunction(f.lambda, { FunctionName: name, fixture: 'node-broken', Handler: handler });
    const out = await invoke(name, {});
    assert.equal(out.FunctionError, 'Unhandled', handler);
    const body = payloadOf(out) as Record<string, any>;
    assert.equal(body.errorType, type, handler);
    assert.match(body.errorMessage, message);
    const log = tailOf(out);
    assert.match(
      log,
      new RegExp(
        `INIT_REPORT Init Duration: \\d+\\.\\d\\d ms\\tPhase: init\\tStatus: error\\tError Type: ${type.replace('.', '\\.')}`,
      ),
      log,
    );
    assert.match(
      log,
      new RegExp(
        `REPORT RequestId: \\S+\\tDuration: [\\d.]+ ms\\tBilled Duration: \\d+ ms\\tMemory Size: 128 MB\\tMax Memory Used: \\d+ MB\\tInit Duration: [\\d.]+ ms\\tStatus: error\\tError Type: ${type.replace('.', '\\.')}`,
      ),
      log,
    );
  }
});
