// Bodies are judged on their headers before they are read: an unsigned or wrongly signed
// 500 MB upload is refused while the client is still sending it, a chunked one is cut off at
// the bound, and the `hoc cloud` process's peak memory (VmHWM in /proc) barely moves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { spawnCloud, type CloudProcess } from '../../helpers/cloudProcess';
import { peakRssMb } from '../../helpers/procStatus';
import { rawRequest } from './rawRequest';

const MB = 1024 * 1024;
const DECLARED = 500 * MB;
let cloud: CloudProcess;

before(async () => {
  cloud = await spawnCloud();
  const s3 = new S3Client(cloud.clientConfig);
  await s3.send(new CreateBucketCommand({ Bucket: 'big' }));
  s3.destroy();
});
after(async () => {
  await cloud.stop();
});

interface Upload {
  status: number;
  text: string;
  /** Bytes of the body written before the answer came. */
  sent: number;
}

/** Sends up to `total` bytes (declared as Content-Length, or chunked) and stops as soon as an answer comes. */
function upload(path: string, headers: Record<string, string>, total: number, chunked = false): Promise<Upload> {
  const url = new URL(path, cloud.endpoint);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request(url, {
      method: 'PUT',
      headers: chunked ? headers : { ...headers, 'content-length': String(total) },
    });
    req.on('response', (res) => {
      answered = true;
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode!, text, sent });
      });
    });
    req.on('error', (e) => (answered ? undefined : reject(e)));
    const chunk = Buffer.alloc(MB, 0x61);
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

test(
  'unsigned 500 MB PUTs, three at once, are refused on their headers; memory stays bounded',
  { skip: process.platform !== 'linux' && 'reads /proc' },
  async () => {
    const baseline = peakRssMb(cloud.child.pid!);
    const answers = await Promise.all(
      [1, 2, 3].map((i) => upload(`/big/huge-${i}.bin`, { 'content-type': 'application/octet-stream' }, DECLARED)),
    );
    for (const a of answers) {
      assert.equal(a.status, 400);
      assert.match(a.text, /<Code>EntityTooLarge<\/Code>/);
      assert.ok(a.sent < DECLARED, `refused after ${a.sent / MB} MB of ${DECLARED / MB} MB`);
    }
    const chunked = await upload('/big/chunked.bin', { 'content-type': 'application/octet-stream' }, 200 * MB, true);
    assert.equal(chunked.status, 400);
    const growth = peakRssMb(cloud.child.pid!) - baseline;
    assert.ok(growth < 100, `peak memory grew by ${growth.toFixed(0)} MB`);
  },
);

test('a wrongly signed 500 MB S3 PUT is refused before its body is read', async () => {
  const url = new URL('/big/signed.bin', cloud.endpoint);
  const signer = new SignatureV4({
    service: 's3',
    region: 'us-east-1',
    sha256: Sha256,
    uriEscapePath: false,
    credentials: { accessKeyId: cloud.clientConfig.credentials.accessKeyId, secretAccessKey: 'not-the-secret' },
  });
  const signed = await signer.sign({
    method: 'PUT',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query: {},
    headers: { host: url.host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'content-length': String(DECLARED) },
  });
  const answer = await upload(url.pathname, signed.headers as Record<string, string>, DECLARED);
  assert.equal(answer.status, 403);
  assert.match(answer.text, /<Code>SignatureDoesNotMatch<\/Code>/);
  assert.ok(answer.sent < DECLARED);
});

test("a signed body over its service's bound gets 413 in the service's shape", async () => {
  const answer = await rawRequest({
    endpoint: cloud.endpoint,
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.SendMessage' },
    body: JSON.stringify({ QueueUrl: `${cloud.endpoint}/000000000000/q`, MessageBody: 'x'.repeat(5 * MB) }),
    sign: { ...cloud.clientConfig.credentials, service: 'sqs' },
  });
  assert.equal(answer.status, 413);
  assert.equal(JSON.parse(answer.text).__type, 'RequestEntityTooLarge');
});
