// AWS's runtime calendar in the local cloud: CreateFunction / UpdateFunctionConfiguration /
// UpdateFunctionCode refuse a runtime past its block dates with AWS's InvalidParameterValueException
// ("The runtime parameter of … is no longer supported …", AWS Lambda guide "Lambda runtimes",
// read 2026-12-03); current runtimes (nodejs22.x, nodejs24.x, python3.12–3.14) are created and run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  InvalidParameterValueException,
  InvokeCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionUpdatedV2,
} from '@aws-sdk/client-lambda';
import { zipSync } from 'fflate';
import { runtimeBlocked } from '../../../src/shared/lambdaRuntimeCalendar';
import { errorShape, useSnapshots } from '../../helpers/snapshots';
import { payloadOf, useLambdaOnTarget, zipFixture } from './lambdaKit';

// Runs on HOC_CONFORMANCE_TARGET (local cloud by default; LocalStack or AWS to re-check).
const f = useLambdaOnTarget();
const snapshots = useSnapshots(import.meta.filename);

const refused = (runtime: string, instead: string) => (e: Error) => {
  snapshots.match(`refused ${runtime}`, errorShape(e));
  assert.ok(e instanceof InvalidParameterValueException, `${e.name}: ${e.message}`);
  assert.equal(e.$metadata.httpStatusCode, 400);
  assert.equal(
    e.message,
    `The runtime parameter of ${runtime} is no longer supported for creating or updating AWS Lambda functions. We recommend you use the new runtime (${instead}) while creating or updating functions.`,
  );
  return true;
};

test('the calendar on 2026-12-03: old runtimes blocked, nodejs20.x, python3.9 and provided.al2 deprecated but creatable until 2027-02-01', () => {
  const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
  const today = day('2026-12-03');
  for (const r of ['nodejs14.x', 'nodejs12.x', 'python3.7', 'python3.6', 'provided'])
    assert.ok(runtimeBlocked(r, 'create', today), r);
  for (const r of ['nodejs20.x', 'nodejs18.x', 'python3.9', 'python3.10', 'provided.al2']) {
    assert.ok(!runtimeBlocked(r, 'create', today), r);
    assert.ok(runtimeBlocked(r, 'create', day('2027-02-01')), `${r} on 2027-02-01`);
    assert.ok(!runtimeBlocked(r, 'update', day('2027-03-02')), `${r} updates until 2027-03-03`);
    assert.ok(runtimeBlocked(r, 'update', day('2027-03-03')), `${r} on 2027-03-03`);
  }
  for (const r of [
    'nodejs22.x',
    'nodejs24.x',
    'python3.11',
    'python3.12',
    'python3.13',
    'python3.14',
    'provided.al2023',
  ])
    assert.ok(!runtimeBlocked(r, 'create', today), r);
  assert.ok(runtimeBlocked('nodejs12.x', 'update', today), 'nodejs12.x updates blocked since 2023-04-30');
});

test('CreateFunction on a blocked runtime is refused with the runtime AWS recommends instead', async () => {
  await assert.rejects(
    f.create({ FunctionName: 'old-node', Runtime: 'nodejs14.x' }),
    refused('nodejs14.x', 'nodejs24.x'),
  );
  await assert.rejects(
    f.create({ FunctionName: 'old-py', fixture: 'python', Runtime: 'python3.7', Handler: 'lambda_function.handler' }),
    refused('python3.7', 'python3.14'),
  );
  await assert.rejects(
    f.create({ FunctionName: 'old-custom', fixture: 'custom', Runtime: 'provided', Handler: 'x' }),
    refused('provided', 'provided.al2023'),
  );
});

test('UpdateFunctionConfiguration to a blocked runtime is refused and leaves the function as it was', async () => {
  await f.create({ FunctionName: 'moving', Runtime: 'nodejs24.x' });
  await assert.rejects(
    f.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: f.name('moving'), Runtime: 'nodejs12.x' })),
    refused('nodejs12.x', 'nodejs24.x'),
  );
  const moved = await f.lambda.send(
    new UpdateFunctionConfigurationCommand({ FunctionName: f.name('moving'), Runtime: 'nodejs24.x' }),
  );
  assert.equal(moved.Runtime, 'nodejs24.x');
  await waitUntilFunctionUpdatedV2({ client: f.lambda, maxWaitTime: 60 }, { FunctionName: f.name('moving') });
  await f.lambda.send(
    new UpdateFunctionCodeCommand({
      FunctionName: f.name('moving'),
      ZipFile: zipSync({ 'index.js': Buffer.from("exports.handler = async () => 'moved';") }),
    }),
  );
  await waitUntilFunctionUpdatedV2({ client: f.lambda, maxWaitTime: 60 }, { FunctionName: f.name('moving') });
  assert.equal(payloadOf(await f.lambda.send(new InvokeCommand({ FunctionName: f.name('moving') }))), 'moved');
});

// Fails once AWS blocks nodejs22.x (2027-06-01): then the calendar and this list need a refresh.
test('current runtimes are created and invoked: nodejs22.x, nodejs24.x, python3.12, python3.13, python3.14', async () => {
  for (const runtime of ['nodejs22.x', 'nodejs24.x']) {
    const name = `current-${runtime.replace('.', '-')}`;
    await f.create({
      FunctionName: name,
      Runtime: runtime as never,
      Code: {
        ZipFile: zipSync({ 'index.js': Buffer.from('exports.handler = async () => process.env.AWS_EXECUTION_ENV;') }),
      },
    });
    assert.equal(
      payloadOf(await f.lambda.send(new InvokeCommand({ FunctionName: f.name(name) }))),
      `AWS_Lambda_${runtime}`,
    );
  }
  for (const runtime of ['python3.12', 'python3.13', 'python3.14']) {
    const name = `current-${runtime.replace('.', '-')}`;
    await f.create({
      FunctionName: name,
      Runtime: runtime as never,
      Handler: 'lambda_function.handler',
      Code: { ZipFile: zipFixture('python') },
    });
    const out = await f.lambda.send(new InvokeCommand({ FunctionName: f.name(name), Payload: Buffer.from('{}') }));
    assert.equal(out.FunctionError, undefined, Buffer.from(out.Payload ?? []).toString());
  }
});
