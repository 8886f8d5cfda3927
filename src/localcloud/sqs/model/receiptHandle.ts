// Receipt handles name the queue and message they were issued for, plus a nonce so every
// receive yields a fresh one (a random UUID: node draws those from a pooled buffer, cheaper than
// a randomBytes call per handle). They are opaque to clients, as on AWS.
import { randomUUID } from 'node:crypto';

export function newReceiptHandle(queueName: string, messageId: string): string {
  return Buffer.from(`${messageId} ${queueName} ${randomUUID()}`).toString('base64');
}

export function parseReceiptHandle(handle: string): { messageId: string; queueName: string } | undefined {
  if (!/^[A-Za-z0-9+/=]+$/.test(handle)) return undefined;
  const parts = Buffer.from(handle, 'base64').toString('utf8').split(' ');
  if (parts.length !== 3 || !parts[0] || !parts[1]) return undefined;
  return { messageId: parts[0], queueName: parts[1] };
}
