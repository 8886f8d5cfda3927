// Python handlers (Debian python3) and a shell custom runtime (provided.al2023) speak the same
// Runtime API: results, context, logging format, errors, cold then warm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { createFunction, payloadOf, tailOf, useLambdaCloud } from './lambdaKit';

const f = useLambdaCloud({ env: { HOC_PYTHON: '/usr/bin/python3' } });

const invoke = (name: string, payload: unknown) =>
  f.lambda.send(
    new InvokeCommand({ FunctionName: name, Payload: Buffer.from(JSON.stringify(payload)), LogType: 'Tail' }),
  );

test('a Python handler gets the event and a context; print and logging go to the log', async () => {
  await createFunction(f.lambda, {
    FunctionName: 'py',
    fixture: 'python',
    Runtime: 'python3.12',
    Handler: 'lambda_function.handler',
    MemorySize: 256,
  });
  const cold = await invoke('py', { city: 'Lyon' });
  assert.equal(cold.FunctionError, undefined, tailOf(cold));
  const out = payloadOf(cold) as Record<string, any>;
  assert.deepEqual(out.echo, { city: 'Lyon' });
  assert.equal(out.function_name, 'py');
  assert.equal(out.memory_limit_in_mb, 256);
  assert.equal(out.region, 'us-east-1');
  assert.ok(out.remaining > 0 && out.remaining <= 3000);
  const log = tailOf(cold);
  assert.match(log, /\nprinted \{"city": "Lyon"\}\n/);
  assert.match(
    log,
    new RegExp(
      `\\[INFO\\]\\t\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\\t${out.aws_request_id}\\tlogged at info\\n`,
    ),
  );
  assert.match(log, /Memory Size: 256 MB\tMax Memory Used: \d+ MB\tInit Duration: \d+\.\d\d ms\t\n/);
  const warm = await invoke('py', {});
  assert.equal((payloadOf(warm) as Record<string, any>).invocations, 2);
  assert.doesNotMatch(tailOf(warm), /Init Duration/);
});

test('Python errors and import failures come back as AWS shapes them', async () => {
  await createFunction(f.lambda, {
    FunctionName: 'py-fails',
    fixture: 'python',
    Runtime: 'python3.13',
    Handler: 'lambda_function.fails',
  });
  const out = await invoke('py-fails', {});
  assert.equal(out.FunctionError, 'Unhandled');
  const body = payloadOf(out) as Record<string, any>;
  assert.equal(body.errorType, 'OrderError');
  assert.equal(body.errorMessage, 'no such order');
  assert.ok(
    body.stackTrace.some((frame: string) => frame.includes('lambda_function.py') && frame.includes('in fails')),
  );
  assert.ok(!body.stackTrace.some((frame: string) => frame.includes('bootstrap.py')));
  assert.match(tailOf(out), /\[ERROR\] OrderError: no such order\nTraceback \(most recent call last\):/);

  await createFunction(f.lambda, {
    FunctionName: 'py-missing',
    fixture: 'python',
    Runtime: 'python3.13',
    Handler: 'nope.handler',
  });
  const missing = payloadOf(await invoke('py-missing', {})) as Record<string, any>;
  assert.equal(missing.errorType, 'Runtime.ImportModuleError');
  assert.equal(missing.errorMessage, "Unable to import module 'nope': No module named 'nope'");

  await createFunction(f.lambda, {
    FunctionName: 'py-nohandler',
    fixture: 'python',
    Runtime: 'python3.12',
    Handler: 'lambda_function.absent',
  });
  const absent = payloadOf(await invoke('py-nohandler', {})) as Record<string, any>;
  assert.equal(absent.errorType, 'Runtime.HandlerNotFound');
  assert.equal(absent.errorMessage, "Handler 'absent' missing on module 'lambda_function'");
});

test('without python3 the invocation fails with a sentence that says what to install', async () => {
  process.env.HOC_PYTHON = '/nonexistent/python3';
  try {
    await createFunction(f.lambda, {
      FunctionName: 'py-nopython',
      fixture: 'python',
      Runtime: 'python3.12',
      Handler: 'lambda_function.handler',
    });
    const out = await invoke('py-nopython', {});
    assert.equal(out.FunctionError, 'Unhandled');
    const body = payloadOf(out) as Record<string, any>;
    assert.equal(body.errorType, 'Runtime.InvalidEntrypoint');
    assert.match(body.errorMessage, /install Python 3/);
  } finally {
    process.env.HOC_PYTHON = '/usr/bin/python3';
  }
});

test("a custom runtime runs the zip's own bootstrap (shell + curl)", async () => {
  await createFunction(f.lambda, {
    FunctionName: 'custom',
    fixture: 'custom',
    Runtime: 'provided.al2023',
    Handler: 'function.handler',
  });
  const cold = await invoke('custom', { shell: true });
  assert.equal(cold.FunctionError, undefined, tailOf(cold));
  assert.deepEqual(payloadOf(cold), { handler: 'function.handler', event: { shell: true } });
  assert.match(tailOf(cold), /\nhandling [0-9a-f-]{36} with function\.handler\n/);
  assert.match(tailOf(cold), /Init Duration: \d+\.\d\d ms/);
  const warm = await invoke('custom', { n: 2 });
  assert.deepEqual(payloadOf(warm), { handler: 'function.handler', event: { n: 2 } });
  assert.doesNotMatch(tailOf(warm), /Init Duration/);
});

test('a custom runtime zip without a bootstrap fails as AWS reports it', async () => {
  await createFunction(f.lambda, {
    FunctionName: 'custom-empty',
    fixture: 'python',
    Runtime: 'provided.al2023',
    Handler: 'x',
  });
  const body = payloadOf(await invoke('custom-empty', {})) as Record<string, any>;
  assert.equal(body.errorType, 'Runtime.InvalidEntrypoint');
  assert.match(body.errorMessage, /bootstrap/);
});
