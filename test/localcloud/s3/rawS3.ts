// Raw S3 requests over HTTP, SigV4-signed by @smithy/signature-v4, for what an SDK never
// sends: malformed documents, unknown methods, truncated bodies.
import { request } from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import type { TestCloud } from '../../helpers/cloud';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export async function rawS3(
  cloud: TestCloud,
  input: {
    method: string;
    path: string;
    query?: Record<string, string>;
    headers?: Record<string, string>;
    body?: string | Buffer;
  },
): Promise<RawResponse> {
  const url = new URL(cloud.endpoint);
  const body = typeof input.body === 'string' ? Buffer.from(input.body) : (input.body ?? Buffer.alloc(0));
  const signer = new SignatureV4({
    service: 's3',
    region: cloud.region,
    credentials: cloud.credentials,
    sha256: Sha256,
    uriEscapePath: false,
  });
  const signed = await signer.sign({
    method: input.method,
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: input.path,
    query: input.query ?? {},
    headers: { host: url.host, 'content-length': String(body.length), ...(input.headers ?? {}) },
    body,
  });
  const qs = new URLSearchParams(input.query ?? {}).toString();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: input.method,
        path: input.path + (qs ? `?${qs}` : ''),
        headers: signed.headers,
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export function errorCode(body: string): string | undefined {
  return /<Code>([^<]+)<\/Code>/.exec(body)?.[1];
}
