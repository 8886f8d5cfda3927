// The queue model's time rules, with time passed in (waiting out a 60-second retention or
// the 5-minute deduplication window through the SDK would make the suite crawl).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Queue } from '../../../src/localcloud/sqs/model/queue';
import type { StoredMessage } from '../../../src/localcloud/sqs/model/message';

const T0 = 1_800_000_000_000;

function message(id: string, over: Partial<StoredMessage> = {}): StoredMessage {
  return { id, body: id, md5OfBody: '', senderId: '0', sentAt: T0, visibleAt: T0, receiveCount: 0, ...over };
}

test('messages older than MessageRetentionPeriod are neither received, counted nor kept', () => {
  const q = new Queue('r', 'arn:aws:sqs:us-east-1:000000000000:r', false, { MessageRetentionPeriod: '60' }, {}, T0);
  q.messages.set('old', message('old'));
  q.messages.set('new', message('new', { sentAt: T0 + 30_000, visibleAt: T0 + 30_000 }));
  const at = T0 + 60_000;
  assert.deepEqual(
    [...q.receivable(at)].map((m) => m.id),
    ['new'],
  );
  assert.deepEqual(q.counts(at), { visible: 1, inflight: 0, delayed: 0 });
  q.expire(at);
  assert.deepEqual([...q.messages.keys()], ['new']);
});

test('the deduplication window lasts five minutes from the first send', () => {
  const q = new Queue('d.fifo', 'arn:aws:sqs:us-east-1:000000000000:d.fifo', true, {}, {}, T0);
  q.dedup.set(q.dedupKey('id-1', 'g'), { messageId: 'm1', at: T0 });
  assert.equal(q.findDuplicate(q.dedupKey('id-1', 'g'), T0 + 299_999)?.messageId, 'm1');
  assert.equal(q.findDuplicate(q.dedupKey('id-1', 'g'), T0 + 300_000), undefined);
});

test('FIFO: a delayed or in-flight head holds its group; other groups flow; a group that comes back goes behind them', () => {
  const q = new Queue('f.fifo', 'arn:aws:sqs:us-east-1:000000000000:f.fifo', true, {}, {}, T0);
  q.messages.set('a1', message('a1', { groupId: 'a', visibleAt: T0 + 10_000, receiveCount: 1 }));
  q.messages.set('a2', message('a2', { groupId: 'a' }));
  q.messages.set('b1', message('b1', { groupId: 'b' }));
  q.messages.set('b2', message('b2', { groupId: 'b' }));
  assert.deepEqual(
    [...q.receivable(T0)].map((m) => m.id),
    ['b1', 'b2'],
  );
  // a comes back at T0 + 10 s, behind b, which has been waiting since T0 (as AWS orders groups).
  assert.deepEqual(
    [...q.receivable(T0 + 10_000)].map((m) => m.id),
    ['b1', 'b2', 'a1', 'a2'],
  );
  assert.equal(q.nextVisibleAt(T0), T0 + 10_000);
});

test('sequence numbers are 20 digits and increase', () => {
  const q = new Queue('s.fifo', 'arn:aws:sqs:us-east-1:000000000000:s.fifo', true, {}, {}, T0);
  const a = q.nextSequenceNumber(1);
  q.lastSequence = 1;
  const b = q.nextSequenceNumber(1);
  assert.match(a, /^\d{20}$/);
  assert.ok(BigInt(b) > BigInt(a));
});
