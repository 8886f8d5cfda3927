// The server's own SigV4 computation agrees with the signer the AWS SDK signs with
// (@smithy/signature-v4) over paths that need escaping and normalising, repeated and odd
// query parameters, folded header whitespace, S3's literal paths and declared payload hashes;
// and it disagrees as soon as one signed part changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import type { IncomingHttpHeaders } from 'node:http';
import { headerSignature, sha256Hex } from '../../../src/localcloud/server/sigv4Header';

const SECRET = 'abcdEFGH1234/secret+key';
const DATE = new Date(Date.UTC(2026, 11, 3, 9, 30, 5));

interface Case {
  service: string;
  method: string;
  rawPath: string;
  rawQuery: string;
  headers: Record<string, string>;
  body: string;
}

const cases: Case[] = [
  {
    service: 'sqs',
    method: 'POST',
    rawPath: '/',
    rawQuery: '',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.SendMessage' },
    body: '{"QueueUrl":"q","MessageBody":"hé"}',
  },
  {
    service: 'lambda',
    method: 'GET',
    rawPath: '/2015-03-31/functions/my%3Afn/../functions/a%20b/',
    rawQuery: 'Marker=x%2By&MaxItems=5&a=2&a=1&empty=',
    headers: { 'x-extra': '  folded    value  ', 'x-tab': 'one\ttwo' },
    body: '',
  },
  {
    service: 's3',
    method: 'PUT',
    rawPath: '/bucket/a%20key/with%2Bplus',
    rawQuery: 'uploads=&x-id=PutObject',
    headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'x-amz-meta-n': 'v' },
    body: 'data',
  },
  {
    service: 'states',
    method: 'POST',
    rawPath: '/./a//b/',
    rawQuery: "q=it's%2A(*)",
    headers: { 'x-amz-target': 'AWSStepFunctions.ListStateMachines' },
    body: '{}',
  },
];

async function sdkSignature(
  c: Case,
): Promise<{ signature: string; signedHeaders: string[]; headers: IncomingHttpHeaders }> {
  const signer = new SignatureV4({
    service: c.service,
    region: 'eu-south-1',
    credentials: { accessKeyId: 'AKID', secretAccessKey: SECRET },
    sha256: Sha256,
    uriEscapePath: c.service !== 's3',
    applyChecksum: false,
  });
  const params = new URLSearchParams(c.rawQuery);
  const query: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    const prev = query[k];
    query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  const signed = await signer.sign(
    {
      method: c.method,
      protocol: 'http:',
      hostname: 'localhost',
      path: c.rawPath,
      query,
      headers: { host: 'localhost:4566', ...c.headers },
      body: c.body,
    },
    { signingDate: DATE },
  );
  const auth = String(signed.headers.authorization);
  const lower: IncomingHttpHeaders = {};
  for (const [k, v] of Object.entries(signed.headers)) lower[k.toLowerCase()] = v;
  return {
    signature: /Signature=([0-9a-f]+)/.exec(auth)![1]!,
    signedHeaders: /SignedHeaders=([^,]+)/.exec(auth)![1]!.split(';'),
    headers: lower,
  };
}

function ours(c: Case, headers: IncomingHttpHeaders, signedHeaders: string[], change: Partial<Case> = {}): string {
  const d = { ...c, ...change };
  const declared = headers['x-amz-content-sha256'];
  return headerSignature({
    method: d.method,
    rawPath: d.rawPath,
    searchParams: new URLSearchParams(d.rawQuery),
    headers,
    signedHeaders,
    payloadHash: typeof declared === 'string' ? declared : sha256Hex(Buffer.from(d.body)),
    amzDate: '20261203T093005Z',
    region: 'eu-south-1',
    service: d.service,
    secretAccessKey: SECRET,
  });
}

for (const c of cases) {
  test(`${c.service} ${c.method} ${c.rawPath}?${c.rawQuery}: the server computes the SDK's signature`, async () => {
    const { signature, signedHeaders, headers } = await sdkSignature(c);
    assert.equal(ours(c, headers, signedHeaders), signature);
  });

  test(`${c.service} ${c.method} ${c.rawPath}: a changed method, path, query or body no longer matches`, async () => {
    const { signature, signedHeaders, headers } = await sdkSignature(c);
    assert.notEqual(ours(c, headers, signedHeaders, { method: 'DELETE' }), signature);
    assert.notEqual(ours(c, headers, signedHeaders, { rawPath: `${c.rawPath}x` }), signature);
    assert.notEqual(ours(c, headers, signedHeaders, { rawQuery: `${c.rawQuery}&z=1` }), signature);
    if (!headers['x-amz-content-sha256'])
      assert.notEqual(ours(c, headers, signedHeaders, { body: `${c.body} ` }), signature);
    assert.notEqual(ours(c, { ...headers, 'x-amz-target': 'Other' }, [...signedHeaders, 'x-amz-target']), signature);
  });
}
