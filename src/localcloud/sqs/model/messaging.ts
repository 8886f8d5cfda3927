// Message traffic: send (with FIFO deduplication and sequence numbers), receive (with long
// polling and dead-letter redrive), delete and visibility changes. Batch forms call these
// with several entries and get one result or error per entry; each call commits one event.
import { randomUUID } from 'node:crypto';
import { digestHex } from '../../server/digest';
import { AwsError } from '../../server/errors';
import {
  InvalidParameterValue,
  MessageNotInflight,
  MissingParameter,
  QueueDoesNotExist,
  ReceiptHandleIsInvalid,
} from '../errors';
import type { SqsBackend } from './backend';
import { md5Hex, md5OfAttributes } from './md5';
import type { SendInput, SendResult, StoredMessage } from './message';
import { checkAttributes, checkBody, checkFifoId, checkSize } from './messageValidation';
import type { Queue } from './queue';
import { newReceiptHandle, parseReceiptHandle } from './receiptHandle';

export interface ReceiveOptions {
  max?: number;
  waitSeconds?: number;
  visibilityTimeout?: number;
  /** FIFO: a retry with the same id within 5 minutes returns the same messages and handles. */
  attemptId?: string;
  signal?: AbortSignal;
}

/** A received message: a copy taken at receive time, with the handle this receive issued. */
export type ReceivedMessage = StoredMessage & { receiptHandle: string };

export function sendMessages(
  b: SqsBackend,
  q: Queue,
  inputs: SendInput[],
  senderId: string,
  batch = false,
): Array<SendResult | AwsError> {
  const now = Date.now();
  const results: Array<SendResult | AwsError> = [];
  const accepted: StoredMessage[] = [];
  const inThisCall = new Map<string, SendResult>();
  for (const input of inputs) {
    try {
      const message = buildMessage(q, input, now, senderId, batch);
      const key =
        message.deduplicationId !== undefined ? q.dedupKey(message.deduplicationId, message.groupId) : undefined;
      const duplicate = key !== undefined ? (inThisCall.get(key) ?? q.findDuplicate(key, now)) : undefined;
      if (duplicate) {
        // Inside the 5-minute window a duplicate is accepted but not enqueued again.
        results.push({
          messageId: duplicate.messageId,
          md5OfBody: message.md5OfBody,
          md5OfAttributes: message.md5OfAttributes,
          md5OfSystemAttributes: message.md5OfSystemAttributes,
          sequenceNumber: duplicate.sequenceNumber,
        });
        continue;
      }
      if (q.fifo) message.sequenceNumber = q.nextSequenceNumber(accepted.length + 1);
      const result: SendResult = {
        messageId: message.id,
        md5OfBody: message.md5OfBody,
        md5OfAttributes: message.md5OfAttributes,
        md5OfSystemAttributes: message.md5OfSystemAttributes,
        sequenceNumber: message.sequenceNumber,
      };
      if (key !== undefined) inThisCall.set(key, result);
      accepted.push(message);
      results.push(result);
    } catch (e) {
      if (!(e instanceof AwsError)) throw e;
      results.push(e);
    }
  }
  if (accepted.length > 0) {
    b.commit({
      t: 'send',
      name: q.name,
      messages: accepted,
      lastSequence: q.fifo ? q.lastSequence + accepted.length : undefined,
    });
    b.longPoll.notify(q.name, accepted.length);
  }
  return results;
}

function buildMessage(q: Queue, input: SendInput, now: number, senderId: string, batch: boolean): StoredMessage {
  const body = checkBody(input.body);
  const attributes = checkAttributes(input.attributes);
  const systemAttributes = checkAttributes(input.systemAttributes, 'system');
  checkSize(body, attributes, q.int('MaximumMessageSize'));
  let delay = q.int('DelaySeconds');
  if (input.delaySeconds !== undefined) {
    const d = input.delaySeconds;
    if (!Number.isInteger(d) || d < 0 || d > 900)
      throw InvalidParameterValue.of('DelaySeconds', d, 'DelaySeconds must be >= 0 and <= 900.');
    if (q.fifo && d !== 0)
      throw InvalidParameterValue.of(
        'DelaySeconds',
        d,
        'The request include parameter that is not valid for this queue type.',
      );
    if (!q.fifo) delay = d;
  }
  const groupId = checkFifoId('MessageGroupId', input.groupId);
  let deduplicationId = checkFifoId('MessageDeduplicationId', input.deduplicationId);
  if (q.fifo) {
    if (groupId === undefined) {
      if (batch) throw new InvalidParameterValue('The request must contain the parameter MessageGroupId.');
      throw new MissingParameter('MessageGroupId');
    }
    if (deduplicationId === undefined) {
      if (!q.contentBasedDeduplication)
        throw new InvalidParameterValue(
          'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
        );
      deduplicationId = digestHex('sha256', body);
    }
  } else if (deduplicationId !== undefined) {
    throw InvalidParameterValue.of(
      'MessageDeduplicationId',
      deduplicationId,
      'The request include parameter that is not valid for this queue type',
    );
  }
  return {
    id: randomUUID(),
    body,
    md5OfBody: md5Hex(body),
    attributes,
    md5OfAttributes: md5OfAttributes(attributes),
    systemAttributes,
    md5OfSystemAttributes: md5OfAttributes(systemAttributes),
    senderId,
    sentAt: now,
    visibleAt: now + delay * 1000,
    receiveCount: 0,
    groupId,
    deduplicationId,
  };
}

/** ReceiveMessage: returns at once when messages are there, else waits up to waitSeconds for one. */
export async function receiveMessages(b: SqsBackend, queue: Queue, opts: ReceiveOptions): Promise<ReceivedMessage[]> {
  const max = opts.max ?? 1;
  if (!Number.isInteger(max) || max < 1 || max > 10)
    throw InvalidParameterValue.of('MaxNumberOfMessages', max, 'Must be between 1 and 10, if provided.');
  const wait = opts.waitSeconds ?? queue.int('ReceiveMessageWaitTimeSeconds');
  if (!Number.isInteger(wait) || wait < 0 || wait > 20)
    throw InvalidParameterValue.of('WaitTimeSeconds', wait, 'Must be >= 0 and <= 20, if provided.');
  const vt = opts.visibilityTimeout;
  if (vt !== undefined && (!Number.isInteger(vt) || vt < 0 || vt > 43_200))
    throw InvalidParameterValue.of('VisibilityTimeout', vt, 'Must be >= 0 and <= 43200, if provided.');
  const attemptId = queue.fifo ? checkFifoId('ReceiveRequestAttemptId', opts.attemptId) : undefined;
  if (attemptId !== undefined) {
    const repeated = queue.repeatAttempt(attemptId, Date.now());
    if (repeated) {
      // A retry of a receive whose answer was lost: same messages, same handles, visibility reset.
      const visibleAt = Date.now() + (vt ?? queue.int('VisibilityTimeout')) * 1000;
      b.commit({ t: 'visibility', name: queue.name, changes: repeated.map((m) => [m.id, visibleAt]) });
      return repeated.map((m) => ({ ...m }) as ReceivedMessage);
    }
  }
  const deadline = Date.now() + wait * 1000;
  for (;;) {
    const q = b.queues.get(queue.name);
    if (q !== queue) throw new QueueDoesNotExist();
    const got = receiveNow(b, q, max, vt, attemptId);
    const now = Date.now();
    // A full batch may leave messages behind: pass the wake-up on to the next waiting receive.
    if (got.length === max) b.longPoll.notify(q.name, 1);
    if (got.length > 0 || now >= deadline || opts.signal?.aborted || b.longPoll.closed) return got;
    const next = q.nextVisibleAt(now);
    await b.longPoll.wait(q.name, Math.min(deadline, next ?? deadline), opts.signal);
  }
}

function receiveNow(
  b: SqsBackend,
  q: Queue,
  max: number,
  visibilityTimeout: number | undefined,
  attemptId: string | undefined,
): ReceivedMessage[] {
  const now = Date.now();
  q.expireNowAndThen(now);
  const dlq = b.deadLetterQueueOf(q);
  const received: Array<[string, string]> = [];
  const deadLettered: string[] = [];
  for (const m of q.receivable(now)) {
    if (received.length >= max) break;
    // A message received maxReceiveCount times moves to the dead-letter queue instead.
    if (dlq && m.receiveCount >= dlq.maxReceiveCount) deadLettered.push(m.id);
    else received.push([m.id, newReceiptHandle(q.name, m.id)]);
  }
  if (received.length === 0 && deadLettered.length === 0) return [];
  const visibleAt = now + (visibilityTimeout ?? q.int('VisibilityTimeout')) * 1000;
  b.commit({
    t: 'receive',
    name: q.name,
    at: now,
    visibleAt,
    received,
    ...(deadLettered.length ? { dlq: dlq!.queue.name, deadLettered } : {}),
    ...(attemptId !== undefined && received.length ? { attemptId } : {}),
  });
  if (deadLettered.length) b.longPoll.notify(dlq!.queue.name, deadLettered.length);
  return received.map(([id]) => ({ ...q.messages.get(id)! }) as ReceivedMessage);
}

function resolveHandle(q: Queue, handle: string | undefined): { id: string; message?: StoredMessage } {
  if (!handle) throw new MissingParameter('ReceiptHandle');
  const parsed = parseReceiptHandle(handle);
  if (!parsed || parsed.queueName !== q.name) throw new ReceiptHandleIsInvalid(handle);
  return { id: parsed.messageId, message: q.messages.get(parsed.messageId) };
}

function expired(handle: string): AwsError {
  return InvalidParameterValue.of('ReceiptHandle', handle, 'The receipt handle has expired.');
}

export function deleteMessages(b: SqsBackend, q: Queue, handles: string[]): Array<AwsError | undefined> {
  const now = Date.now();
  const ids: string[] = [];
  const results = handles.map((handle) => {
    try {
      const { id, message } = resolveHandle(q, handle);
      // Deleting a message that is already gone succeeds, as on AWS.
      if (!message) return undefined;
      if (q.fifo && (message.receiptHandle !== handle || message.visibleAt <= now)) throw expired(handle);
      ids.push(id);
      return undefined;
    } catch (e) {
      if (e instanceof AwsError) return e;
      throw e;
    }
  });
  if (ids.length) {
    b.commit({ t: 'delete', name: q.name, ids });
    // On a FIFO queue a delete releases its message group: waiting receives may take the next one.
    if (q.fifo) b.longPoll.notify(q.name, ids.length);
  }
  return results;
}

export function changeVisibility(
  b: SqsBackend,
  q: Queue,
  entries: Array<{ handle: string; timeout: number | undefined }>,
): Array<AwsError | undefined> {
  const now = Date.now();
  const changes: Array<[string, number]> = [];
  const results = entries.map(({ handle, timeout }) => {
    try {
      const { id, message } = resolveHandle(q, handle);
      if (timeout === undefined) throw new MissingParameter('VisibilityTimeout');
      if (!Number.isInteger(timeout) || timeout < 0 || timeout > 43_200)
        throw InvalidParameterValue.of(
          'VisibilityTimeout',
          timeout,
          'VisibilityTimeout must be an integer between 0 and 43200.',
        );
      if (!message || message.receiveCount === 0 || message.visibleAt <= now) throw new MessageNotInflight();
      if (message.receiptHandle !== handle) throw expired(handle);
      changes.push([id, now + timeout * 1000]);
      return undefined;
    } catch (e) {
      if (e instanceof AwsError) return e;
      throw e;
    }
  });
  if (changes.length) {
    b.commit({ t: 'visibility', name: q.name, changes });
    b.longPoll.notify(q.name, changes.length);
  }
  return results;
}
