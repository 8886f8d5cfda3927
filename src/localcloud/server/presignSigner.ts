// The AWS SDK's own signer, which verifies presigned URLs (sigv4.ts loads this file with the
// first one), and the node:crypto hash it signs with.
import { SignatureV4 } from '@smithy/signature-v4';
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import type { SigV4Scope } from './sigv4';

type SourceData = string | ArrayBuffer | ArrayBufferView;

function toBuffer(data: SourceData): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

/** SHA-256 and HMAC-SHA-256 on node:crypto for the signer: a pure-JS hash costs every request far more. */
export class NodeSha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBuffer(secret));
  }
  update(data: SourceData): void {
    this.hash.update(toBuffer(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
}

// One signer per scope: a signer caches its derived signing keys, which saves four HMACs a request.
const signers = new Map<string, SignatureV4>();

export function signerFor(scope: SigV4Scope, secretAccessKey: string): SignatureV4 {
  const key = [scope.service, scope.region, scope.accessKeyId, secretAccessKey].join('\n');
  let signer = signers.get(key);
  if (!signer) {
    if (signers.size >= 64) signers.clear();
    signer = new SignatureV4({
      service: scope.service,
      region: scope.region,
      credentials: { accessKeyId: scope.accessKeyId, secretAccessKey },
      sha256: NodeSha256,
      uriEscapePath: scope.service !== 's3',
      applyChecksum: false,
    });
    signers.set(key, signer);
  }
  return signer;
}
