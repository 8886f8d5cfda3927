// Task states calling real Node functions of the local cloud's Lambda: a function ARN as
// Resource (Lambda* events), `lambda:invoke` with its wrapped result (Task* events), errors
// named by the function's errorType, Retry, Catch, TimeoutSeconds and `.waitForTaskToken`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { zipSync } from 'fflate';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { SendTaskSuccessCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { useFreshRuntimes } from '../lambda/lambdaKit';
import { createMachine, details, history, run, sequence, sfnFixture, waitForStop, type SfnFixture } from './sfnFixture';

let f: SfnFixture;
let fnArn: (name: string) => string;

const HANDLERS = `
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');
class CustomError extends Error { constructor(m) { super(m); this.name = 'CustomError'; } }
exports.echo = async (event) => event;
exports.fail = async () => { throw new CustomError('Some exception was raised.'); };
exports.slow = async (event) => { await new Promise((r) => setTimeout(r, event.ms)); return 'late'; };
// Fails until it has been called event.failures times for event.key (state in a temp file).
exports.flaky = async (event) => {
  const file = path.join(os.tmpdir(), 'sfn-flaky-' + event.key);
  const n = fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8')) : 0;
  fs.writeFileSync(file, String(n + 1));
  if (n < event.failures) { const e = new Error('try again'); e.name = 'Transient'; throw e; }
  return { attempts: n + 1 };
};
`;

before(async () => {
  useFreshRuntimes();
  f = await sfnFixture();
  const lambda = new LambdaClient(f.cloud.clientConfig);
  const zip = zipSync({ 'index.js': Buffer.from(HANDLERS) });
  for (const name of ['echo', 'fail', 'slow', 'flaky']) {
    await lambda.send(
      new CreateFunctionCommand({
        FunctionName: `sfn-${name}`,
        Runtime: 'nodejs24.x',
        Role: 'arn:aws:iam::000000000000:role/lambda-role',
        Handler: `index.${name}`,
        Code: { ZipFile: zip },
        Timeout: 10,
      }),
    );
  }
  fnArn = (name) => `arn:aws:lambda:us-east-1:000000000000:function:sfn-${name}`;
});
after(() => f.stop());

const task = (resource: string, extra: object = {}) => ({
  StartAt: 'step1',
  States: { step1: { Type: 'Task', Resource: resource, End: true, ...extra } },
});

test('a function ARN as Resource: LambdaFunctionScheduled/Started/Succeeded as on AWS', async () => {
  const { events, output } = await run(f.sfn, task(fnArn('echo')), { Return: 'HelloWorld' });
  assert.deepEqual(sequence(events), [
    '1 0 ExecutionStarted',
    '2 0 TaskStateEntered',
    '3 2 LambdaFunctionScheduled',
    '4 3 LambdaFunctionStarted',
    '5 4 LambdaFunctionSucceeded',
    '6 5 TaskStateExited',
    '7 6 ExecutionSucceeded',
  ]);
  assert.deepEqual(details(events[2]!), {
    resource: fnArn('echo'),
    input: '{"Return":"HelloWorld"}',
    inputDetails: { truncated: false },
  });
  assert.deepEqual(details(events[3]!), {});
  assert.deepEqual(details(events[4]!), { output: '{"Return":"HelloWorld"}', outputDetails: { truncated: false } });
  assert.deepEqual(output, { Return: 'HelloWorld' });
});

test('a function error is named by its errorType; Catch gets {Error, Cause}', async () => {
  const failed = await run(f.sfn, task(fnArn('fail')));
  assert.deepEqual(sequence(failed.events).slice(4), ['5 4 LambdaFunctionFailed', '6 5 ExecutionFailed']);
  const d = details(failed.events[4]!);
  assert.equal(d.error, 'CustomError');
  assert.equal((JSON.parse(String(d.cause)) as { errorMessage: string }).errorMessage, 'Some exception was raised.');
  assert.equal(failed.execution.error, 'CustomError');

  const caught = await run(
    f.sfn,
    {
      StartAt: 'Start',
      States: {
        Start: {
          Type: 'Task',
          Resource: fnArn('fail'),
          Catch: [{ ErrorEquals: ['CustomError'], ResultPath: '$.task_failed_error', Next: 'Handler' }],
          End: true,
        },
        Handler: { Type: 'Pass', End: true },
      },
    },
    { k: 1 },
  );
  assert.deepEqual(sequence(caught.events).slice(4), [
    '5 4 LambdaFunctionFailed',
    '6 5 TaskStateExited',
    '7 6 PassStateEntered',
    '8 7 PassStateExited',
    '9 8 ExecutionSucceeded',
  ]);
  const out = caught.output as { k: number; task_failed_error: { Error: string; Cause: string } };
  assert.equal(out.k, 1);
  assert.equal(out.task_failed_error.Error, 'CustomError');
  assert.equal((JSON.parse(out.task_failed_error.Cause) as { errorType: string }).errorType, 'CustomError');
});

test('Retry re-schedules the function without re-entering the state', async () => {
  const key = `retry-${process.pid}-${Date.now()}`;
  const def = task(fnArn('flaky'), {
    Retry: [{ ErrorEquals: ['Transient'], IntervalSeconds: 1, BackoffRate: 1, MaxAttempts: 3 }],
  });
  const { events, output } = await run(
    f.sfn,
    def,
    { key, failures: 2 },
    { tags: [{ key: 'hoc:time-scale', value: '0.01' }] },
  );
  assert.deepEqual(
    events.map((e) => e.type),
    [
      'ExecutionStarted',
      'TaskStateEntered',
      'LambdaFunctionScheduled',
      'LambdaFunctionStarted',
      'LambdaFunctionFailed',
      'LambdaFunctionScheduled',
      'LambdaFunctionStarted',
      'LambdaFunctionFailed',
      'LambdaFunctionScheduled',
      'LambdaFunctionStarted',
      'LambdaFunctionSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ],
  );
  assert.equal(events[5]!.previousEventId, 5);
  assert.deepEqual(output, { attempts: 3 });
});

test('lambda:invoke wraps the answer (Payload, StatusCode, ExecutedVersion, SDK metadata) in Task* events', async () => {
  const def = task('arn:aws:states:::lambda:invoke', { Parameters: { FunctionName: 'sfn-echo', 'Payload.$': '$' } });
  const { events, output } = await run(f.sfn, def, { hello: 'world' });
  assert.deepEqual(sequence(events), [
    '1 0 ExecutionStarted',
    '2 0 TaskStateEntered',
    '3 2 TaskScheduled',
    '4 3 TaskStarted',
    '5 4 TaskSucceeded',
    '6 5 TaskStateExited',
    '7 6 ExecutionSucceeded',
  ]);
  assert.deepEqual(details(events[2]!), {
    resourceType: 'lambda',
    resource: 'invoke',
    region: 'us-east-1',
    parameters: JSON.stringify({ FunctionName: 'sfn-echo', Payload: { hello: 'world' } }),
  });
  const out = output as Record<string, unknown>;
  assert.deepEqual(out.Payload, { hello: 'world' });
  assert.equal(out.StatusCode, 200);
  assert.equal(out.ExecutedVersion, '$LATEST');
  const meta = out.SdkHttpMetadata as { HttpStatusCode: number; HttpHeaders: Record<string, string> };
  assert.equal(meta.HttpStatusCode, 200);
  assert.equal(meta.HttpHeaders['X-Amz-Executed-Version'], '$LATEST');
  assert.ok((out.SdkResponseMetadata as { RequestId: string }).RequestId);
});

test('lambda:invoke errors: the errorType with a compact JSON cause; a missing function is Lambda.ResourceNotFoundException', async () => {
  const failed = await run(
    f.sfn,
    task('arn:aws:states:::lambda:invoke', { Parameters: { FunctionName: 'sfn-fail', Payload: {} } }),
  );
  assert.deepEqual(failed.events.map((e) => e.type).slice(4), ['TaskFailed', 'ExecutionFailed']);
  const d = details(failed.events[4]!);
  assert.equal(d.error, 'CustomError');
  assert.equal(d.resource, 'invoke');
  assert.doesNotMatch(String(d.cause), /": /);

  const missing = await run(
    f.sfn,
    task('arn:aws:states:::lambda:invoke', { Parameters: { FunctionName: 'no_such_function', Payload: null } }),
  );
  assert.equal(missing.execution.error, 'Lambda.ResourceNotFoundException');
  assert.match(
    missing.execution.cause!,
    /^Function not found: arn:aws:lambda:us-east-1:000000000000:function:no_such_function:\$LATEST \(Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: [^;]+; Proxy: null\)$/,
  );
});

test('TimeoutSeconds: a slow function ends in States.Timeout, which a Catch can handle', async () => {
  const def = {
    StartAt: 'Start',
    States: {
      Start: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: 'sfn-slow', Payload: { ms: 4000 } },
        TimeoutSeconds: 1,
        Catch: [{ ErrorEquals: ['States.Timeout'], Next: 'EndWithHandler' }],
        End: true,
      },
      EndWithHandler: { Type: 'Pass', End: true },
    },
  };
  const { events, output } = await run(f.sfn, def);
  assert.deepEqual(events.map((e) => e.type).slice(2, 6), [
    'TaskScheduled',
    'TaskStarted',
    'TaskTimedOut',
    'TaskStateExited',
  ]);
  assert.equal(details(events[2]!).timeoutInSeconds, 1);
  assert.deepEqual(details(events[4]!), { resourceType: 'lambda', resource: 'invoke', error: 'States.Timeout' });
  assert.deepEqual(output, { Error: 'States.Timeout', Cause: '' });

  const arnTimeout = await run(f.sfn, task(fnArn('slow'), { TimeoutSeconds: 1 }), { ms: 4000 });
  assert.deepEqual(arnTimeout.events.map((e) => e.type).slice(4), ['LambdaFunctionTimedOut', 'ExecutionFailed']);
  assert.equal(arnTimeout.execution.error, 'States.Timeout');
});

test('lambda:invoke.waitForTaskToken waits for SendTaskSuccess', async () => {
  const def = task('arn:aws:states:::lambda:invoke.waitForTaskToken', {
    Parameters: { FunctionName: 'sfn-echo', Payload: { 'token.$': '$$.Task.Token' } },
  });
  const stateMachineArn = await createMachine(f.sfn, def);
  const { executionArn } = await f.sfn.send(new StartExecutionCommand({ stateMachineArn }));
  let token: string | undefined;
  for (let i = 0; i < 200 && !token; i++) {
    const events = await history(f.sfn, executionArn!);
    const submitted = events.find((e) => e.type === 'TaskSubmitted');
    if (submitted)
      token = (JSON.parse(submitted.taskSubmittedEventDetails!.output!) as { Payload: { token: string } }).Payload
        .token;
    else await new Promise((r) => setTimeout(r, 50));
  }
  assert.ok(token, 'the function answered with the task token');
  await f.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"approved":true}' }));
  const done = await waitForStop(f.sfn, executionArn!);
  assert.equal(done.status, 'SUCCEEDED');
  assert.equal(done.output, '{"approved":true}');
});
