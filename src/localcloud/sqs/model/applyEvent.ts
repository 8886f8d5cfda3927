// Applies one SQS event to the in-memory state. The only place state changes, both for live
// requests (through SqsBackend.commit) and for replay after a restart.
import type { SqsBackend } from './backend';
import type { SqsEvent } from './events';
import { Queue } from './queue';

export function applyEvent(b: SqsBackend, e: SqsEvent): void {
  switch (e.t) {
    case 'create':
      b.queues.set(e.name, new Queue(e.name, b.arnOf(e.name), e.fifo, e.attributes, e.tags, e.at));
      return;
    case 'deleteQueue':
      b.queues.delete(e.name);
      b.longPoll.notify(e.name);
      return;
    case 'setAttributes': {
      const q = b.queues.get(e.name);
      if (!q) return;
      for (const [k, v] of Object.entries(e.attributes)) {
        if (v === '' && ['RedrivePolicy', 'RedriveAllowPolicy', 'Policy', 'KmsMasterKeyId'].includes(k))
          delete q.attributes[k];
        else q.attributes[k] = v;
      }
      q.modifiedAt = e.at;
      return;
    }
    case 'tag': {
      const q = b.queues.get(e.name);
      if (q) Object.assign(q.tags, e.tags);
      return;
    }
    case 'untag': {
      const q = b.queues.get(e.name);
      if (q) for (const k of e.keys) delete q.tags[k];
      return;
    }
    case 'purge': {
      const q = b.queues.get(e.name);
      if (!q) return;
      q.messages.clear();
      q.lastPurgeAt = e.at;
      return;
    }
    case 'send': {
      const q = b.queues.get(e.name);
      if (!q) return;
      for (const m of e.messages) {
        q.messages.set(m.id, m);
        q.stamp(m);
        if (m.deduplicationId !== undefined)
          q.dedup.set(q.dedupKey(m.deduplicationId, m.groupId), {
            messageId: m.id,
            sequenceNumber: m.sequenceNumber,
            at: m.sentAt,
          });
      }
      if (e.lastSequence !== undefined) q.lastSequence = e.lastSequence;
      return;
    }
    case 'receive': {
      const q = b.queues.get(e.name);
      if (!q) return;
      for (const [id, handle] of e.received) {
        const m = q.messages.get(id);
        if (!m) continue;
        m.receiveCount++;
        m.firstReceiveAt ??= e.at;
        m.receiptHandle = handle;
        m.visibleAt = e.visibleAt;
        q.stamp(m);
      }
      if (e.attemptId !== undefined) q.attempts.set(e.attemptId, { at: e.at, received: e.received });
      const dlq = e.dlq ? b.queues.get(e.dlq) : undefined;
      for (const id of e.deadLettered ?? []) {
        const m = q.messages.get(id);
        if (!m) continue;
        q.messages.delete(id);
        if (!dlq) continue;
        m.deadLetterSourceArn = q.arn;
        m.visibleAt = e.at;
        m.receiptHandle = undefined;
        dlq.messages.set(id, m);
        dlq.stamp(m);
      }
      return;
    }
    case 'delete': {
      const q = b.queues.get(e.name);
      if (q) for (const id of e.ids) q.messages.delete(id);
      return;
    }
    case 'visibility': {
      const q = b.queues.get(e.name);
      if (!q) return;
      for (const [id, visibleAt] of e.changes) {
        const m = q.messages.get(id);
        if (!m) continue;
        m.visibleAt = visibleAt;
        q.stamp(m);
      }
      return;
    }
    case 'move': {
      const from = b.queues.get(e.from);
      if (!from) return;
      for (const id of e.ids) {
        const m = from.messages.get(id);
        if (!m) continue;
        from.messages.delete(id);
        const target = e.to ? b.queues.get(e.to) : m.deadLetterSourceArn ? b.find(m.deadLetterSourceArn) : undefined;
        if (!target) continue;
        // A redriven message starts afresh in its destination.
        Object.assign(m, {
          receiveCount: 0,
          firstReceiveAt: undefined,
          receiptHandle: undefined,
          deadLetterSourceArn: undefined,
          visibleAt: e.at,
        });
        target.messages.set(id, m);
        target.stamp(m);
      }
      const task = b.tasks.get(e.taskId);
      if (task) task.moved += e.ids.length;
      return;
    }
    case 'task':
      b.tasks.set(e.task.taskId, { ...e.task });
      return;
  }
}
