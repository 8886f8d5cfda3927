// aws-chunked bodies: the signed-chunk example from AWS's SigV4 streaming documentation, and
// raw HTTP uploads in every streaming variant (seed signature from @smithy/signature-v4).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { request } from 'node:http';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { decodeAwsChunked } from '../../../src/localcloud/s3/protocol/awsChunked';
import { verifyChunkSignatures } from '../../../src/localcloud/s3/protocol/chunkSignatures';
import type { AwsRequest } from '../../../src/localcloud/server/types';
import { bodyText, useS3 } from './s3Fixture';

const f = useS3();
const sha256 = (d: string | Buffer) => createHash('sha256').update(d).digest('hex');

test("AWS's documented chunked-upload example verifies, and a changed byte does not", () => {
  const seed = '4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9';
  const chunk = (data: Buffer, sig: string) =>
    Buffer.concat([Buffer.from(`${data.length.toString(16)};chunk-signature=${sig}\r\n`), data, Buffer.from('\r\n')]);
  const body = Buffer.concat([
    chunk(Buffer.alloc(65536, 'a'), 'ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648'),
    chunk(Buffer.alloc(1024, 'a'), '0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497'),
    chunk(Buffer.alloc(0), 'b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9'),
  ]);
  assert.equal(body.length, 66824, 'the Content-Length the example gives');
  const req = {
    headers: {
      authorization: `AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class,Signature=${seed}`,
      'x-amz-date': '20130524T000000Z',
    },
  } as unknown as AwsRequest;
  const decoded = decodeAwsChunked(body);
  assert.equal(decoded.body.length, 66560);
  verifyChunkSignatures(req, decoded, 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', false);
  body[200] = 'b'.charCodeAt(0);
  assert.throws(
    () => verifyChunkSignatures(req, decodeAwsChunked(body), 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', false),
    /signature/,
  );
});

interface Sent {
  status: number;
  body: string;
}

/** PUTs an aws-chunked body over raw HTTP, signed (seed) by @smithy/signature-v4. */
async function putChunked(
  bucket: string,
  key: string,
  mode: string,
  chunks: Buffer[],
  trailer?: [string, string],
  tamper = false,
): Promise<Sent> {
  const { endpoint, region, credentials } = f.cloud.clientConfig;
  const url = new URL(`${endpoint}/${bucket}/${key}`);
  const amzDate = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
  const decodedLength = chunks.reduce((n, c) => n + c.length, 0);
  const headers: Record<string, string> = {
    host: url.host,
    'x-amz-content-sha256': mode,
    'content-encoding': 'aws-chunked',
    'x-amz-decoded-content-length': String(decodedLength),
    'x-amz-date': amzDate,
  };
  if (trailer) headers['x-amz-trailer'] = trailer[0];
  const signer = new SignatureV4({
    service: 's3',
    region,
    credentials,
    sha256: Sha256,
    uriEscapePath: false,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    {
      method: 'PUT',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: url.pathname,
      headers,
      query: {},
    },
    { signingDate: new Date() },
  );
  const seed = /Signature=([0-9a-f]+)/.exec(String(signed.headers.authorization))![1]!;
  const date = amzDate.slice(0, 8);
  const scope = `${date}/${region}/s3/aws4_request`;
  const hmac = (k: Buffer | string, d: string) => createHmac('sha256', k).update(d).digest();
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, date), region), 's3'), 'aws4_request');
  const signedMode = mode.startsWith('STREAMING-AWS4');
  let previous = seed;
  const parts: Buffer[] = [];
  for (const data of [...chunks, Buffer.alloc(0)]) {
    let ext = '';
    if (signedMode) {
      const sig = createHmac('sha256', signingKey)
        .update(['AWS4-HMAC-SHA256-PAYLOAD', amzDate, scope, previous, sha256(''), sha256(data)].join('\n'))
        .digest('hex');
      previous = sig;
      ext = `;chunk-signature=${tamper ? sig.replace(/^./, (c) => (c === '0' ? '1' : '0')) : sig}`;
    }
    parts.push(Buffer.from(`${data.length.toString(16)}${ext}\r\n`), data);
    if (data.length > 0) parts.push(Buffer.from('\r\n'));
  }
  if (trailer) {
    parts.push(Buffer.from(`${trailer[0]}:${trailer[1]}\r\n`));
    if (mode.endsWith('-TRAILER') && signedMode) {
      const sig = createHmac('sha256', signingKey)
        .update(
          ['AWS4-HMAC-SHA256-TRAILER', amzDate, scope, previous, sha256(`${trailer[0]}:${trailer[1]}\n`)].join('\n'),
        )
        .digest('hex');
      parts.push(Buffer.from(`x-amz-trailer-signature:${sig}\r\n`));
    }
  }
  parts.push(Buffer.from('\r\n'));
  const body = Buffer.concat(parts);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: 'PUT',
        path: url.pathname,
        headers: { ...(signed.headers as Record<string, string>), 'content-length': String(body.length) },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const crc32 = (data: Buffer) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(zlibCrc32(data));
  return b.toString('base64');
};

test('every aws-chunked variant is decoded; signatures and trailing checksums are verified', async () => {
  const bucket = await f.bucket('chunked');
  const chunks = [Buffer.from('hello '), Buffer.from('chunked '), Buffer.from('world')];
  const whole = Buffer.concat(chunks);
  const variants: Array<[string, [string, string] | undefined]> = [
    ['STREAMING-AWS4-HMAC-SHA256-PAYLOAD', undefined],
    ['STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER', ['x-amz-checksum-crc32', crc32(whole)]],
    ['STREAMING-UNSIGNED-PAYLOAD-TRAILER', ['x-amz-checksum-crc32', crc32(whole)]],
  ];
  for (const [mode, trailer] of variants) {
    const sent = await putChunked(bucket, mode, mode, chunks, trailer);
    assert.equal(sent.status, 200, `${mode}: ${sent.body}`);
    const got = await f.s3.send(new GetObjectCommand({ Bucket: bucket, Key: mode }));
    assert.equal(await bodyText(got.Body), whole.toString(), mode);
  }
  const forged = await putChunked(bucket, 'forged', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD', chunks, undefined, true);
  assert.equal(forged.status, 403);
  assert.match(forged.body, /<Code>SignatureDoesNotMatch<\/Code>/);
  const wrongCrc = await putChunked(bucket, 'wrongcrc', 'STREAMING-UNSIGNED-PAYLOAD-TRAILER', chunks, [
    'x-amz-checksum-crc32',
    'AAAAAA==',
  ]);
  assert.equal(wrongCrc.status, 400);
  assert.match(wrongCrc.body, /<Code>BadDigest<\/Code>/);
});
