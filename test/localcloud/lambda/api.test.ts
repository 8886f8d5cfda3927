// The Lambda control plane through @aws-sdk/client-lambda: CRUD, waiters, versions, aliases,
// resource policies, validation errors with AWS's names and status codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AddPermissionCommand,
  CreateAliasCommand,
  DeleteFunctionCommand,
  GetAliasCommand,
  GetFunctionCommand,
  GetFunctionConfigurationCommand,
  GetPolicyCommand,
  InvalidParameterValueException,
  InvokeCommand,
  ListFunctionsCommand,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  RemovePermissionCommand,
  ResourceConflictException,
  ResourceNotFoundException,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
  waitUntilFunctionActiveV2,
  waitUntilFunctionUpdatedV2,
} from '@aws-sdk/client-lambda';
import { zipSync } from 'fflate';
import { createFunction, payloadOf, useLambdaCloud, zipFixture } from './lambdaKit';

const f = useLambdaCloud();

const versionZip = (v: string) => zipSync({ 'index.js': Buffer.from(`exports.handler = async () => 'v${v}';`) });

test('create, get, list and delete a function; waiters see it Active and Successful', async () => {
  await createFunction(f.lambda, { FunctionName: 'crud', Description: 'a function', MemorySize: 256, Timeout: 10 });
  await waitUntilFunctionActiveV2({ client: f.lambda, maxWaitTime: 10 }, { FunctionName: 'crud' });
  const got = await f.lambda.send(new GetFunctionCommand({ FunctionName: 'crud' }));
  const c = got.Configuration!;
  assert.equal(c.FunctionArn, 'arn:aws:lambda:us-east-1:000000000000:function:crud');
  assert.equal(c.Runtime, 'nodejs24.x');
  assert.equal(c.MemorySize, 256);
  assert.equal(c.Timeout, 10);
  assert.equal(c.State, 'Active');
  assert.equal(c.LastUpdateStatus, 'Successful');
  assert.equal(c.PackageType, 'Zip');
  assert.match(c.CodeSha256!, /^[A-Za-z0-9+/]{43}=$/);
  assert.equal(c.CodeSize, zipFixture('node-cjs').length);
  assert.match(c.LastModified!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
  const zip = await fetch(got.Code!.Location!);
  assert.equal(zip.status, 200);
  assert.equal((await zip.arrayBuffer()).byteLength, c.CodeSize);
  const list = await f.lambda.send(new ListFunctionsCommand({}));
  assert.ok(list.Functions!.some((fn) => fn.FunctionName === 'crud'));
  await f.lambda.send(new DeleteFunctionCommand({ FunctionName: 'crud' }));
  await assert.rejects(
    f.lambda.send(new GetFunctionCommand({ FunctionName: 'crud' })),
    (e: Error) =>
      e instanceof ResourceNotFoundException &&
      /Function not found: arn:aws:lambda:us-east-1:000000000000:function:crud/.test(e.message),
  );
});

test('errors carry AWS names and status codes', async () => {
  await createFunction(f.lambda, { FunctionName: 'dup' });
  await assert.rejects(
    createFunction(f.lambda, { FunctionName: 'dup' }),
    (e: ResourceConflictException) => e.name === 'ResourceConflictException' && e.$metadata.httpStatusCode === 409,
  );
  await assert.rejects(
    createFunction(f.lambda, { FunctionName: 'old', Runtime: 'nodejs12.x' as never }),
    (e: Error) => e instanceof InvalidParameterValueException,
  );
  await assert.rejects(
    createFunction(f.lambda, { FunctionName: 'badrole', Role: 'not-a-role' }),
    (e: Error & { $metadata: { httpStatusCode?: number } }) =>
      e.name === 'ValidationException' && e.$metadata.httpStatusCode === 400,
  );
  await assert.rejects(
    createFunction(f.lambda, { FunctionName: 'reserved', Environment: { Variables: { AWS_REGION: 'x' } } }),
    /reserved keys/,
  );
  await assert.rejects(
    f.lambda.send(new InvokeCommand({ FunctionName: 'nope' })),
    (e: ResourceNotFoundException) => e instanceof ResourceNotFoundException && e.$metadata.httpStatusCode === 404,
  );
  await assert.rejects(
    f.lambda.send(new InvokeCommand({ FunctionName: 'dup', Payload: Buffer.from('{not json') })),
    (e: Error) => e.name === 'InvalidRequestContentException',
  );
  await assert.rejects(
    f.lambda.send(new InvokeCommand({ FunctionName: 'dup', Payload: Buffer.alloc(6 * 1024 * 1024 + 10, 32) })),
    (e: Error & { $metadata: { httpStatusCode?: number } }) =>
      e.name === 'RequestTooLargeException' && e.$metadata.httpStatusCode === 413,
  );
  const dry = await f.lambda.send(new InvokeCommand({ FunctionName: 'dup', InvocationType: 'DryRun' }));
  assert.equal(dry.StatusCode, 204);
  await assert.rejects(
    f.lambda.send(new CreateAliasCommand({ FunctionName: 'dup', Name: 'live', FunctionVersion: '9' })),
    ResourceNotFoundException,
  );
  await assert.rejects(
    createFunction(f.lambda, {
      FunctionName: 'layered',
      Layers: ['arn:aws:lambda:us-east-1:000000000000:layer:deps:1'],
    }),
    (e: Error) => e instanceof InvalidParameterValueException && /Layers are not supported/.test(e.message),
  );
  await assert.rejects(
    createFunction(f.lambda, { FunctionName: 'badzip', Code: { ZipFile: Buffer.from('not a zip') } }),
    /Could not unzip uploaded file/,
  );
});

test('versions are immutable snapshots; aliases route to them; updates make $LATEST cold', async () => {
  await createFunction(f.lambda, { FunctionName: 'versioned', Code: { ZipFile: versionZip('1') } });
  const v1 = await f.lambda.send(new PublishVersionCommand({ FunctionName: 'versioned' }));
  assert.equal(v1.Version, '1');
  assert.equal(v1.FunctionArn, 'arn:aws:lambda:us-east-1:000000000000:function:versioned:1');
  const again = await f.lambda.send(new PublishVersionCommand({ FunctionName: 'versioned' }));
  assert.equal(again.Version, '1', 'nothing changed, so the same version comes back');
  await f.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'versioned', ZipFile: versionZip('2') }));
  await waitUntilFunctionUpdatedV2({ client: f.lambda, maxWaitTime: 10 }, { FunctionName: 'versioned' });
  const v2 = await f.lambda.send(new PublishVersionCommand({ FunctionName: 'versioned', Description: 'second' }));
  assert.equal(v2.Version, '2');
  const versions = await f.lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'versioned' }));
  assert.deepEqual(
    versions.Versions!.map((v) => v.Version),
    ['$LATEST', '1', '2'],
  );

  await f.lambda.send(new CreateAliasCommand({ FunctionName: 'versioned', Name: 'live', FunctionVersion: '1' }));
  const viaAlias = await f.lambda.send(new InvokeCommand({ FunctionName: 'versioned', Qualifier: 'live' }));
  assert.equal(payloadOf(viaAlias), 'v1');
  assert.equal(viaAlias.ExecutedVersion, '1');
  const viaArn = await f.lambda.send(
    new InvokeCommand({ FunctionName: 'arn:aws:lambda:us-east-1:000000000000:function:versioned:2' }),
  );
  assert.equal(payloadOf(viaArn), 'v2');
  assert.equal(payloadOf(await f.lambda.send(new InvokeCommand({ FunctionName: 'versioned' }))), 'v2');
  await f.lambda.send(new UpdateAliasCommand({ FunctionName: 'versioned', Name: 'live', FunctionVersion: '2' }));
  assert.equal(
    (await f.lambda.send(new GetAliasCommand({ FunctionName: 'versioned', Name: 'live' }))).FunctionVersion,
    '2',
  );
  assert.equal(payloadOf(await f.lambda.send(new InvokeCommand({ FunctionName: 'versioned:live' }))), 'v2');
  const cfg = await f.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'versioned', Qualifier: '1' }));
  assert.equal(cfg.Version, '1');
});

test('resource policies: AddPermission, GetPolicy, RemovePermission', async () => {
  await createFunction(f.lambda, { FunctionName: 'guarded' });
  await assert.rejects(f.lambda.send(new GetPolicyCommand({ FunctionName: 'guarded' })), ResourceNotFoundException);
  const added = await f.lambda.send(
    new AddPermissionCommand({
      FunctionName: 'guarded',
      StatementId: 's3-invoke',
      Action: 'lambda:InvokeFunction',
      Principal: 's3.amazonaws.com',
      SourceArn: 'arn:aws:s3:::photos',
      SourceAccount: '000000000000',
    }),
  );
  assert.deepEqual(JSON.parse(added.Statement!), {
    Sid: 's3-invoke',
    Effect: 'Allow',
    Principal: { Service: 's3.amazonaws.com' },
    Action: 'lambda:InvokeFunction',
    Resource: 'arn:aws:lambda:us-east-1:000000000000:function:guarded',
    Condition: {
      ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::photos' },
      StringEquals: { 'AWS:SourceAccount': '000000000000' },
    },
  });
  await assert.rejects(
    f.lambda.send(
      new AddPermissionCommand({
        FunctionName: 'guarded',
        StatementId: 's3-invoke',
        Action: 'lambda:InvokeFunction',
        Principal: 's3.amazonaws.com',
      }),
    ),
    ResourceConflictException,
  );
  const policy = JSON.parse((await f.lambda.send(new GetPolicyCommand({ FunctionName: 'guarded' }))).Policy!);
  assert.equal(policy.Version, '2012-10-17');
  assert.equal(policy.Statement.length, 1);
  await f.lambda.send(new RemovePermissionCommand({ FunctionName: 'guarded', StatementId: 's3-invoke' }));
  await assert.rejects(f.lambda.send(new GetPolicyCommand({ FunctionName: 'guarded' })), ResourceNotFoundException);
  await assert.rejects(
    f.lambda.send(new RemovePermissionCommand({ FunctionName: 'guarded', StatementId: 's3-invoke' })),
    ResourceNotFoundException,
  );
});
