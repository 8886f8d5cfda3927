// Hex digests for the request path. Node's one-shot crypto.hash (20.12+) skips the Hash
// object, its stream machinery and its garbage: on a SigV4-verified SQS request (two SHA-256s
// and an MD5) that is a measurable share of the server's CPU. Older runtimes, such as an editor
// built on an earlier Node, take createHash.
import * as crypto from 'node:crypto';

const oneShot = typeof crypto.hash === 'function' ? crypto.hash : undefined;

export function digestHex(algorithm: 'sha256' | 'md5', data: string | Buffer): string {
  return oneShot ? oneShot(algorithm, data, 'hex') : crypto.createHash(algorithm).update(data).digest('hex');
}
