// The SigV4 signing key and HMAC, for what S3 signs beyond the request itself: aws-chunked
// chunk signatures and browser POST policies.
import { createHmac } from 'node:crypto';

export function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

export function signingKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service), 'aws4_request');
}
