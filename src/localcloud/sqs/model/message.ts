// A message as the queue stores it, and the input SendMessage accepts after validation.
import type { SqsMessageAttributeValue } from '../../server/internal';

export type MessageAttributes = Record<string, SqsMessageAttributeValue>;

export interface StoredMessage {
  id: string;
  body: string;
  md5OfBody: string;
  attributes?: MessageAttributes;
  md5OfAttributes?: string;
  /** AWSTraceHeader, the only system attribute a sender may set. */
  systemAttributes?: MessageAttributes;
  md5OfSystemAttributes?: string;
  senderId: string;
  /** Epoch ms when first sent (kept when moved to a dead-letter queue, as on AWS). */
  sentAt: number;
  /** Epoch ms from which the message can be received (delay or visibility timeout). */
  visibleAt: number;
  receiveCount: number;
  firstReceiveAt?: number;
  /** The receipt handle of the latest receive; older handles no longer change visibility. */
  receiptHandle?: string;
  groupId?: string;
  deduplicationId?: string;
  sequenceNumber?: string;
  /** Order of the event that last set visibleAt, among the queue's events (FIFO group order). */
  tick?: number;
  /** Set when a redrive moved the message here from its source queue. */
  deadLetterSourceArn?: string;
}

export type MessageState = 'visible' | 'inflight' | 'delayed';

export function messageState(m: StoredMessage, now: number): MessageState {
  if (m.visibleAt <= now) return 'visible';
  return m.receiveCount > 0 ? 'inflight' : 'delayed';
}

/** What a sender hands to the backend, already validated. */
export interface SendInput {
  body: string;
  delaySeconds?: number;
  attributes?: MessageAttributes;
  systemAttributes?: MessageAttributes;
  groupId?: string;
  deduplicationId?: string;
}

export interface SendResult {
  messageId: string;
  md5OfBody: string;
  md5OfAttributes?: string;
  md5OfSystemAttributes?: string;
  sequenceNumber?: string;
}

/** System attributes of a received message, as ReceiveMessage names them. */
export function systemAttributesOf(m: StoredMessage): Record<string, string> {
  const out: Record<string, string> = {
    SenderId: m.senderId,
    SentTimestamp: String(m.sentAt),
    ApproximateReceiveCount: String(m.receiveCount),
    ApproximateFirstReceiveTimestamp: String(m.firstReceiveAt ?? m.sentAt),
  };
  if (m.sequenceNumber !== undefined) out.SequenceNumber = m.sequenceNumber;
  if (m.deduplicationId !== undefined) out.MessageDeduplicationId = m.deduplicationId;
  if (m.groupId !== undefined) out.MessageGroupId = m.groupId;
  const trace = m.systemAttributes?.AWSTraceHeader?.StringValue;
  if (trace !== undefined) out.AWSTraceHeader = trace;
  if (m.deadLetterSourceArn !== undefined) out.DeadLetterQueueSourceArn = m.deadLetterSourceArn;
  return out;
}
