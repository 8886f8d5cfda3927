// A read-only view of a queue for the message viewer: nothing here commits an event, so
// receive counts and visibility stay as they are.
import type { PeekResult } from '../peekTypes';
import type { SqsBackend } from './backend';
import { messageState, systemAttributesOf } from './message';
import type { Queue } from './queue';

export function peekQueue(b: SqsBackend, q: Queue): PeekResult {
  const now = Date.now();
  const c = q.counts(now);
  const messages = [...q.messages.values()]
    .filter((m) => !q.isExpired(m, now))
    .map((m) => ({
      MessageId: m.id,
      Body: m.body,
      MD5OfBody: m.md5OfBody,
      State: messageState(m, now),
      ReceiveCount: m.receiveCount,
      SentTimestamp: m.sentAt,
      VisibleAt: m.visibleAt,
      ...(m.firstReceiveAt !== undefined ? { FirstReceiveTimestamp: m.firstReceiveAt } : {}),
      ...(m.groupId !== undefined ? { MessageGroupId: m.groupId } : {}),
      ...(m.deduplicationId !== undefined ? { MessageDeduplicationId: m.deduplicationId } : {}),
      ...(m.sequenceNumber !== undefined ? { SequenceNumber: m.sequenceNumber } : {}),
      ...(m.deadLetterSourceArn !== undefined ? { DeadLetterQueueSourceArn: m.deadLetterSourceArn } : {}),
      Attributes: systemAttributesOf(m),
      ...(m.attributes ? { MessageAttributes: m.attributes } : {}),
    }));
  return {
    QueueUrl: b.urlOf(q.name),
    QueueArn: q.arn,
    Fifo: q.fifo,
    Counts: { Visible: c.visible, InFlight: c.inflight, Delayed: c.delayed },
    Messages: messages,
  };
}
