// One queue: its attributes, tags and messages, with the pure rules that decide which
// messages a receive may take (visibility, delays, FIFO group order) and the counters.
import { defaultAttributes, parseRedrivePolicy, type RedrivePolicy } from './queueAttributes';
import { messageState, type StoredMessage } from './message';

const DEDUP_WINDOW_MS = 5 * 60 * 1000;
const SEQUENCE_BASE = 18_000_000_000_000_000_000n;

export interface DedupEntry {
  messageId: string;
  sequenceNumber?: string;
  at: number;
}

/** A FIFO ReceiveRequestAttemptId: what that receive returned, for retries within 5 minutes. */
export interface ReceiveAttempt {
  at: number;
  received: Array<[id: string, handle: string]>;
}

export interface QueueSnapshot {
  name: string;
  fifo: boolean;
  attributes: Record<string, string>;
  tags: Record<string, string>;
  createdAt: number;
  modifiedAt: number;
  lastPurgeAt?: number;
  lastSequence: number;
  messages: StoredMessage[];
  dedup: Array<[string, DedupEntry]>;
  attempts?: Array<[string, ReceiveAttempt]>;
}

export class Queue {
  attributes: Record<string, string>;
  tags: Record<string, string>;
  modifiedAt: number;
  lastPurgeAt: number | undefined;
  lastSequence = 0;
  /** Insertion order is send order (and sequence order for FIFO). */
  readonly messages = new Map<string, StoredMessage>();
  readonly dedup = new Map<string, DedupEntry>();
  readonly attempts = new Map<string, ReceiveAttempt>();

  constructor(
    readonly name: string,
    readonly arn: string,
    readonly fifo: boolean,
    attributes: Record<string, string>,
    tags: Record<string, string>,
    readonly createdAt: number,
  ) {
    this.attributes = { ...defaultAttributes(fifo), ...attributes };
    // Tag keys are the user's: no prototype, so `__proto__` or `constructor` are keys like any other.
    this.tags = Object.assign(Object.create(null) as Record<string, string>, tags);
    this.modifiedAt = createdAt;
  }

  static fromSnapshot(s: QueueSnapshot, arn: string): Queue {
    const q = new Queue(s.name, arn, s.fifo, s.attributes, s.tags, s.createdAt);
    q.modifiedAt = s.modifiedAt;
    q.lastPurgeAt = s.lastPurgeAt;
    q.lastSequence = s.lastSequence;
    for (const m of s.messages) {
      q.messages.set(m.id, m);
      q.clock = Math.max(q.clock, m.tick ?? 0);
    }
    for (const [k, v] of s.dedup) q.dedup.set(k, v);
    for (const [k, v] of s.attempts ?? []) q.attempts.set(k, v);
    return q;
  }

  toSnapshot(now: number): QueueSnapshot {
    this.expire(now);
    return {
      name: this.name,
      fifo: this.fifo,
      attributes: this.attributes,
      tags: this.tags,
      createdAt: this.createdAt,
      modifiedAt: this.modifiedAt,
      lastPurgeAt: this.lastPurgeAt,
      lastSequence: this.lastSequence,
      messages: [...this.messages.values()],
      dedup: [...this.dedup.entries()],
      attempts: [...this.attempts.entries()],
    };
  }

  int(name: string): number {
    return Number(this.attributes[name]);
  }

  get redrivePolicy(): RedrivePolicy | undefined {
    const v = this.attributes.RedrivePolicy;
    return v ? parseRedrivePolicy(v) : undefined;
  }

  get contentBasedDeduplication(): boolean {
    return this.attributes.ContentBasedDeduplication === 'true';
  }

  /** The dedup key of a FIFO message: per queue, or per group with DeduplicationScope=messageGroup. */
  dedupKey(dedupId: string, groupId: string | undefined): string {
    return this.attributes.DeduplicationScope === 'messageGroup' ? `${groupId ?? ''}\u0000${dedupId}` : dedupId;
  }

  findDuplicate(key: string, now: number): DedupEntry | undefined {
    const entry = this.dedup.get(key);
    if (entry && now - entry.at < DEDUP_WINDOW_MS) return entry;
    return undefined;
  }

  /**
   * The messages of an earlier receive with this attempt id, when it is under 5 minutes old
   * and none of them was deleted or received again since; otherwise undefined.
   */
  repeatAttempt(attemptId: string, now: number): StoredMessage[] | undefined {
    const attempt = this.attempts.get(attemptId);
    if (!attempt || now - attempt.at >= DEDUP_WINDOW_MS) return undefined;
    const messages = attempt.received.map(([id, handle]) => {
      const m = this.messages.get(id);
      return m && m.receiptHandle === handle ? m : undefined;
    });
    return messages.every((m) => m !== undefined) ? (messages as StoredMessage[]) : undefined;
  }

  nextSequenceNumber(offset: number): string {
    return (SEQUENCE_BASE + BigInt(this.lastSequence + offset)).toString().padStart(20, '0');
  }

  private lastExpiry = 0;

  /** expire(), at most once a second: it walks every message. */
  expireNowAndThen(now: number): void {
    if (now - this.lastExpiry < 1000) return;
    this.lastExpiry = now;
    this.expire(now);
  }

  /** Drops messages past MessageRetentionPeriod and dedup entries past the 5-minute window. */
  expire(now: number): void {
    const retentionMs = this.int('MessageRetentionPeriod') * 1000;
    for (const [id, m] of this.messages) if (m.sentAt + retentionMs <= now) this.messages.delete(id);
    for (const [k, e] of this.dedup) if (now - e.at >= DEDUP_WINDOW_MS) this.dedup.delete(k);
    for (const [k, a] of this.attempts) if (now - a.at >= DEDUP_WINDOW_MS) this.attempts.delete(k);
  }

  isExpired(m: StoredMessage, now: number): boolean {
    return m.sentAt + this.int('MessageRetentionPeriod') * 1000 <= now;
  }

  /**
   * Messages a receive may take now, in order. Standard: visible messages in send order. FIFO:
   * messages grouped by MessageGroupId, each group in order and held from its first message
   * that is in flight or delayed; groups in the order they last became available, so a group
   * that comes back (visibility timeout over, VisibilityTimeout 0, visibility changed) goes to
   * the back. AWS-validated: LocalStack's test_fifo_receive_message_group_id_ordering, …_with_zero_visibility_timeout
   * and …_visibility_timeout_shared_in_group (tests/aws/services/sqs/test_sqs.py, read 2026-12-03).
   */
  *receivable(now: number): Generator<StoredMessage> {
    if (!this.fifo) {
      for (const m of this.messages.values()) if (!this.isExpired(m, now) && m.visibleAt <= now) yield m;
      return;
    }
    const groups = new Map<string, { ready: StoredMessage[]; held: boolean; first: number }>();
    for (const m of this.messages.values()) {
      if (this.isExpired(m, now)) continue;
      const id = m.groupId ?? '';
      let g = groups.get(id);
      if (!g) groups.set(id, (g = { ready: [], held: false, first: groups.size }));
      if (g.held) continue;
      if (m.visibleAt > now) g.held = true;
      else g.ready.push(m);
    }
    const ready = [...groups.values()].filter((g) => g.ready.length > 0);
    // A group is available since its first message became visible: (time, then event order).
    ready.sort(
      (a, b) =>
        a.ready[0]!.visibleAt - b.ready[0]!.visibleAt ||
        (a.ready[0]!.tick ?? 0) - (b.ready[0]!.tick ?? 0) ||
        a.first - b.first,
    );
    for (const g of ready) yield* g.ready;
  }

  /** Orders events that touch visibility within one millisecond (see receivable). */
  clock = 0;

  /** Marks a message as made visible-or-not by the event being applied now. */
  stamp(m: StoredMessage): void {
    m.tick = ++this.clock;
  }

  /** Earliest future time a message becomes visible, for long polls to wake up. */
  nextVisibleAt(now: number): number | undefined {
    let next: number | undefined;
    for (const m of this.messages.values())
      if (m.visibleAt > now && (next === undefined || m.visibleAt < next)) next = m.visibleAt;
    return next;
  }

  counts(now: number): { visible: number; inflight: number; delayed: number } {
    const c = { visible: 0, inflight: 0, delayed: 0 };
    for (const m of this.messages.values()) {
      if (this.isExpired(m, now)) continue;
      const s = messageState(m, now);
      if (s === 'visible') c.visible++;
      else if (s === 'inflight') c.inflight++;
      else c.delayed++;
    }
    return c;
  }
}
