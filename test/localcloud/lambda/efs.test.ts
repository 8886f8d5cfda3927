// "Lambda + EFS": the EFS API subset (signed restJson, as the EFS SDK sends it), and two
// functions mounting the same access point share files through its folder in the state dir.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { startTestCloud, tempDir, type TestCloud } from '../../helpers/cloud';
import { createFunction, payloadOf, useFreshRuntimes } from './lambdaKit';

let cloud: TestCloud;
let lambda: LambdaClient;
const state = tempDir();

before(async () => {
  useFreshRuntimes();
  cloud = await startTestCloud({ stateDir: state.path });
  lambda = new LambdaClient(cloud.clientConfig);
});

after(async () => {
  await cloud.stop();
  state.remove();
});

async function efs(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: any; errorType?: string }> {
  const url = new URL(path, cloud.endpoint);
  const text = body === undefined ? undefined : JSON.stringify(body);
  const signer = new SignatureV4({
    service: 'elasticfilesystem',
    region: 'us-east-1',
    credentials: cloud.credentials,
    sha256: Sha256,
  });
  const query = Object.fromEntries(url.searchParams);
  const signed = await signer.sign({
    method,
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query,
    headers: { host: url.host, ...(text ? { 'content-type': 'application/json' } : {}) },
    body: text,
  });
  const res = await fetch(url, { method, headers: signed.headers as Record<string, string>, body: text });
  const raw = await res.text();
  return {
    status: res.status,
    body: raw ? JSON.parse(raw) : undefined,
    errorType: res.headers.get('x-amzn-errortype') ?? undefined,
  };
}

test('file system and access point through the EFS API; functions share files through it', async () => {
  const fs = await efs('POST', '/2015-02-01/file-systems', { CreationToken: 'lesson-efs', Encrypted: true });
  assert.equal(fs.status, 201);
  assert.match(fs.body.FileSystemId, /^fs-[0-9a-f]{17}$/);
  assert.equal(fs.body.LifeCycleState, 'available');
  const again = await efs('POST', '/2015-02-01/file-systems', { CreationToken: 'lesson-efs' });
  assert.equal(again.status, 409);
  assert.equal(again.errorType, 'FileSystemAlreadyExists');
  const ap = await efs('POST', '/2015-02-01/access-points', {
    FileSystemId: fs.body.FileSystemId,
    RootDirectory: { Path: '/lambda' },
    PosixUser: { Uid: 1000, Gid: 1000 },
  });
  assert.equal(ap.status, 200);
  assert.match(
    ap.body.AccessPointArn,
    /^arn:aws:elasticfilesystem:us-east-1:000000000000:access-point\/fsap-[0-9a-f]{17}$/,
  );
  const listed = await efs('GET', `/2015-02-01/access-points?FileSystemId=${fs.body.FileSystemId}`);
  assert.equal(listed.body.AccessPoints.length, 1);
  const missing = await efs('GET', '/2015-02-01/file-systems?FileSystemId=fs-00000000000000000');
  assert.equal(missing.status, 404);
  assert.equal(missing.errorType, 'FileSystemNotFound');

  const mount = [{ Arn: ap.body.AccessPointArn, LocalMountPath: '/mnt/shared' }];
  await createFunction(lambda, { FunctionName: 'writer', Handler: 'index.efsWrite', FileSystemConfigs: mount });
  await createFunction(lambda, { FunctionName: 'reader', Handler: 'index.efsRead', FileSystemConfigs: mount });
  const wrote = await lambda.send(
    new InvokeCommand({
      FunctionName: 'writer',
      Payload: Buffer.from('{"file":"greeting.txt","text":"hello from writer"}'),
    }),
  );
  assert.equal(wrote.FunctionError, undefined);
  const read = await lambda.send(
    new InvokeCommand({ FunctionName: 'reader', Payload: Buffer.from('{"file":"greeting.txt"}') }),
  );
  assert.equal(payloadOf(read), 'hello from writer');
  const onDisk = join(state.path, 'efs', fs.body.FileSystemId, 'lambda', 'greeting.txt');
  assert.ok(existsSync(onDisk));
  assert.equal(readFileSync(onDisk, 'utf8'), 'hello from writer');
});
