// Receipt handles name the queue and message they were issued for, plus a nonce so every
// receive yields a fresh one. They are opaque to clients, as on AWS.
import { randomBytes } from 'node:crypto';

export function newReceiptHandle(queueName: string, messageId: string): string {
  return Buffer.from(`${messageId} ${queueName} ${randomBytes(24).toString('base64')}`).toString('base64');
}

export function parseReceiptHandle(handle: string): { messageId: string; queueName: string } | undefined {
  if (!/^[A-Za-z0-9+/=]+$/.test(handle)) return undefined;
  const parts = Buffer.from(handle, 'base64').toString('utf8').split(' ');
  if (parts.length !== 3 || !parts[0] || !parts[1]) return undefined;
  return { messageId: parts[0], queueName: parts[1] };
}
