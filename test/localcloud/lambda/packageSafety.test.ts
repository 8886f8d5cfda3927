// Deployment packages against a `hoc cloud` process: the code download (GetFunction's
// Code.Location) is a presigned URL that nobody can use without it, and zip bombs — honest
// about their size or lying about it — are refused without inflating them into memory.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { constants, deflateRawSync } from 'node:zlib';
import { CreateFunctionCommand, GetFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { spawnCloud, type CloudProcess } from '../../helpers/cloudProcess';
import { peakRssMb } from '../../helpers/procStatus';
import { createFunction } from './lambdaKit';

const MB = 1024 * 1024;
let cloud: CloudProcess;
let lambda: LambdaClient;

before(async () => {
  cloud = await spawnCloud();
  lambda = new LambdaClient(cloud.clientConfig);
});
after(async () => {
  lambda.destroy();
  await cloud.stop();
});

/** A raw deflate stream of `chunks` × 10 MB of zeros, built without holding them: full-flushed blocks repeat. */
function zerosDeflated(chunks: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(10 * MB), { finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array.from({ length: chunks }, () => block), Buffer.from([0x03, 0x00])]);
}

/** A one-entry zip whose directory declares `declaredSize` for the entry. */
function oneEntryZip(name: string, deflated: Buffer, declaredSize: number): Buffer {
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(deflated.length, 18);
  local.writeUInt32LE(declaredSize, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(deflated.length, 20);
  central.writeUInt32LE(declaredSize, 24);
  central.writeUInt16LE(fileName.length, 28);
  const directoryOffset = local.length + fileName.length + deflated.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([local, fileName, deflated, central, fileName, end]);
}

test('Code.Location is presigned: it downloads the zip, and without its signature it is refused', async () => {
  await createFunction(lambda, { FunctionName: 'secret-code' });
  await createFunction(lambda, { FunctionName: 'other' });
  const got = await lambda.send(new GetFunctionCommand({ FunctionName: 'secret-code' }));
  const location = got.Code!.Location!;
  assert.match(location, /X-Amz-Signature=[0-9a-f]{64}/);
  const zip = await fetch(location);
  assert.equal(zip.status, 200);
  assert.equal(
    createHash('sha256')
      .update(Buffer.from(await zip.arrayBuffer()))
      .digest('base64'),
    got.Configuration!.CodeSha256,
  );

  const bare = new URL(location);
  bare.search = '';
  const unsigned = await fetch(bare);
  assert.equal(unsigned.status, 403);
  assert.equal(unsigned.headers.get('x-amzn-errortype'), 'MissingAuthenticationToken');
  const tampered = await fetch(
    location.replace(/X-Amz-Signature=[0-9a-f]/, (m) => m.slice(0, -1) + (m.endsWith('0') ? '1' : '0')),
  );
  assert.equal(tampered.status, 403);
  const elsewhere = await fetch(location.replace('/secret-code/', '/other/'));
  assert.equal(elsewhere.status, 403);
});

test(
  'a 1 MB zip that unpacks to 1 GB is refused from its directory, and one lying about its size at the lie; memory stays bounded',
  { skip: process.platform !== 'linux' && 'reads /proc' },
  async () => {
    const baseline = peakRssMb(cloud.child.pid!);
    const gigabyte = zerosDeflated(100);
    assert.ok(gigabyte.length < 2 * MB);
    const create = (FunctionName: string, zip: Buffer) =>
      lambda.send(
        new CreateFunctionCommand({
          FunctionName,
          Runtime: 'nodejs24.x',
          Role: 'arn:aws:iam::000000000000:role/r',
          Handler: 'index.handler',
          Code: { ZipFile: zip },
        }),
      );

    await assert.rejects(
      create('bomb', oneEntryZip('index.js', gigabyte, 1024 * MB)),
      (e: Error & { $metadata: { httpStatusCode: number } }) => {
        assert.equal(e.name, 'InvalidParameterValueException');
        assert.equal(e.message, 'Unzipped size must be smaller than 262144000 bytes');
        assert.equal(e.$metadata.httpStatusCode, 400);
        return true;
      },
    );
    await assert.rejects(
      create('liar', oneEntryZip('index.js', gigabyte, 1000)),
      (e: Error) => e.name === 'InvalidParameterValueException' && /Could not unzip uploaded file/.test(e.message),
    );
    const growth = peakRssMb(cloud.child.pid!) - baseline;
    assert.ok(growth < 100, `peak memory grew by ${growth.toFixed(0)} MB`);
    await assert.rejects(
      lambda.send(new GetFunctionCommand({ FunctionName: 'bomb' })),
      (e: Error) => e.name === 'ResourceNotFoundException',
    );
  },
);
