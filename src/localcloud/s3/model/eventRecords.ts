// S3 event messages exactly as AWS delivers them to SQS and Lambda.
import { randomBytes } from 'node:crypto';
import type { ObjectChange } from './types';

let lastSequencer = 0n;

/** S3's sequencer: a hex value that grows with every change of a key. */
function nextSequencer(time: number): string {
  const candidate = BigInt(time) * 1_000_000n;
  lastSequencer = candidate > lastSequencer ? candidate : lastSequencer + 1n;
  return lastSequencer.toString(16).toUpperCase().padStart(18, '0');
}

/** Keys in event messages are form-encoded (a space becomes '+'), slashes kept. */
export function encodeEventKey(key: string): string {
  return encodeURIComponent(key)
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+')
    .replace(/%2F/g, '/');
}

export function hostId(): string {
  return randomBytes(48).toString('base64');
}

export function eventRecord(change: ObjectChange, configurationId: string, ownerId: string): Record<string, unknown> {
  const object: Record<string, unknown> = { key: encodeEventKey(change.key) };
  if (change.size !== undefined) object.size = change.size;
  if (change.etag !== undefined) object.eTag = change.etag.replace(/"/g, '');
  object.sequencer = nextSequencer(change.time);
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: change.region,
    eventTime: new Date(change.time).toISOString(),
    eventName: change.eventName,
    userIdentity: { principalId: change.principalId },
    requestParameters: { sourceIPAddress: change.sourceIp },
    responseElements: { 'x-amz-request-id': change.requestId, 'x-amz-id-2': hostId() },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId,
      bucket: { name: change.bucket, ownerIdentity: { principalId: ownerId }, arn: `arn:aws:s3:::${change.bucket}` },
      object,
    },
  };
}

/** What S3 sends to a queue when a notification configuration names it. */
export function testEvent(bucket: string, requestId: string, time: number): Record<string, unknown> {
  return {
    Service: 'Amazon S3',
    Event: 's3:TestEvent',
    Time: new Date(time).toISOString(),
    Bucket: bucket,
    RequestId: requestId,
    HostId: hostId(),
  };
}
