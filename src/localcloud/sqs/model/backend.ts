// SQS state for one account and region: the queues, their lifecycle operations and the
// single commit() through which every change goes (applied in memory, then journaled).
// Message traffic lives in messaging.ts and move tasks in moveTasks.ts; no HTTP here.
import {
  InvalidAttributeName,
  InvalidParameterValue,
  PurgeQueueInProgress,
  QueueDoesNotExist,
  QueueNameExists,
} from '../errors';
import { applyEvent } from './applyEvent';
import type { SqsEvent } from './events';
import { LongPoll } from './longPoll';
import type { MoveTaskRecord } from './moveTaskRecord';
import { withoutPermission, withPermission } from './permissions';
import { Queue, type QueueSnapshot } from './queue';
import { ALL_ATTRIBUTE_NAMES, parseRedrivePolicy, redriveAllowPolicy, validateAttributes } from './queueAttributes';

export interface BackendEnv {
  region: string;
  accountId: string;
  /** Base URL for queue URLs, e.g. http://127.0.0.1:4566. */
  endpoint: string;
  /** Appends an event to the journal (after it was applied). */
  record(event: SqsEvent): void;
}

export interface BackendSnapshot {
  queues: QueueSnapshot[];
  tasks: MoveTaskRecord[];
}

const STANDARD_NAME = /^[A-Za-z0-9_-]{1,80}$/;
const FIFO_NAME = /^[A-Za-z0-9_-]{1,75}\.fifo$/;
const PURGE_INTERVAL_MS = 60_000;

export class SqsBackend {
  readonly queues = new Map<string, Queue>();
  readonly tasks = new Map<string, MoveTaskRecord>();
  readonly longPoll = new LongPoll();

  constructor(readonly env: BackendEnv) {}

  commit(event: SqsEvent): void {
    this.apply(event);
    this.env.record(event);
  }

  arnOf(name: string): string {
    return `arn:aws:sqs:${this.env.region}:${this.env.accountId}:${name}`;
  }

  urlOf(name: string): string {
    return `${this.env.endpoint}/${this.env.accountId}/${name}`;
  }

  /** Resolves a queue URL (any host: only the account and name in its path count), ARN or name. */
  find(ref: string | undefined): Queue | undefined {
    if (!ref) return undefined;
    let account = this.env.accountId;
    let name = ref;
    if (ref.startsWith('arn:')) {
      const parts = ref.split(':');
      account = parts[4] ?? '';
      name = parts[5] ?? '';
    } else if (ref.includes('/')) {
      const segments = ref
        .replace(/^[a-z]+:\/\/[^/]*/i, '')
        .split('/')
        .filter(Boolean);
      name = segments[segments.length - 1] ?? '';
      account = segments.length >= 2 ? segments[segments.length - 2]! : account;
    }
    if (account !== this.env.accountId && account !== 'queue') return undefined;
    return this.queues.get(name);
  }

  require(ref: string | undefined): Queue {
    const q = this.find(ref);
    if (!q) throw new QueueDoesNotExist();
    return q;
  }

  createQueue(name: string, attributes: Record<string, string>, tags: Record<string, string>): string {
    const fifoRequested = attributes.FifoQueue === 'true';
    if (fifoRequested ? !FIFO_NAME.test(name) : !STANDARD_NAME.test(name)) {
      throw new InvalidParameterValue(
        fifoRequested || name.endsWith('.fifo')
          ? 'The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.'
          : 'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length',
      );
    }
    const valid = validateAttributes(attributes, fifoRequested, true);
    if (valid.RedrivePolicy) this.checkDeadLetterTarget(valid.RedrivePolicy, fifoRequested, this.arnOf(name));
    const existing = this.queues.get(name);
    if (existing) {
      for (const [k, v] of Object.entries(valid)) {
        if (existing.attributes[k] !== v) throw new QueueNameExists(k);
      }
      return this.urlOf(name);
    }
    const { FifoQueue: _fifo, ...rest } = valid;
    this.commit({ t: 'create', name, fifo: fifoRequested, attributes: rest, tags, at: Date.now() });
    return this.urlOf(name);
  }

  deleteQueue(q: Queue): void {
    this.commit({ t: 'deleteQueue', name: q.name });
  }

  /** GetQueueAttributes: the names asked for ('All' for every one), read-only counters included. */
  getAttributes(q: Queue, names: string[]): Record<string, string> {
    for (const n of names) {
      if (n !== 'All' && !ALL_ATTRIBUTE_NAMES.has(n)) throw new InvalidAttributeName(`Unknown Attribute ${n}.`);
    }
    const now = Date.now();
    const c = q.counts(now);
    const all: Record<string, string> = {
      QueueArn: q.arn,
      ApproximateNumberOfMessages: String(c.visible),
      ApproximateNumberOfMessagesNotVisible: String(c.inflight),
      ApproximateNumberOfMessagesDelayed: String(c.delayed),
      CreatedTimestamp: String(Math.floor(q.createdAt / 1000)),
      LastModifiedTimestamp: String(Math.floor(q.modifiedAt / 1000)),
      ...q.attributes,
    };
    const wanted = names.includes('All') ? Object.keys(all) : names;
    const out: Record<string, string> = {};
    for (const n of wanted) if (all[n] !== undefined && all[n] !== '') out[n] = all[n]!;
    return out;
  }

  setAttributes(q: Queue, attributes: Record<string, string>): void {
    const valid = validateAttributes(attributes, q.fifo, false);
    if (valid.RedrivePolicy) this.checkDeadLetterTarget(valid.RedrivePolicy, q.fifo, q.arn);
    this.commit({ t: 'setAttributes', name: q.name, attributes: valid, at: Date.now() });
    this.longPoll.notify(q.name);
  }

  addPermission(q: Queue, label: string, accounts: string[], actions: string[]): void {
    this.setAttributes(q, { Policy: withPermission(q.attributes.Policy, q.arn, label, accounts, actions) });
  }

  removePermission(q: Queue, label: string): void {
    this.setAttributes(q, { Policy: withoutPermission(q.attributes.Policy, label) });
  }

  tag(q: Queue, tags: Record<string, string>): void {
    if (Object.keys(q.tags).length + Object.keys(tags).filter((k) => !(k in q.tags)).length > 50) {
      throw new InvalidParameterValue('Too many tags added for queue. A queue can have at most 50 tags.');
    }
    this.commit({ t: 'tag', name: q.name, tags });
  }

  untag(q: Queue, keys: string[]): void {
    this.commit({ t: 'untag', name: q.name, keys });
  }

  purge(q: Queue): void {
    const now = Date.now();
    if (q.lastPurgeAt !== undefined && now - q.lastPurgeAt < PURGE_INTERVAL_MS) throw new PurgeQueueInProgress(q.name);
    this.commit({ t: 'purge', name: q.name, at: now });
  }

  listQueues(
    prefix: string | undefined,
    maxResults: number | undefined,
    nextToken: string | undefined,
  ): { urls: string[]; nextToken?: string } {
    const names = [...this.queues.keys()].filter((n) => !prefix || n.startsWith(prefix)).sort();
    return paginate(
      names.map((n) => this.urlOf(n)),
      maxResults,
      nextToken,
    );
  }

  listDeadLetterSourceQueues(
    q: Queue,
    maxResults: number | undefined,
    nextToken: string | undefined,
  ): { urls: string[]; nextToken?: string } {
    const names = this.deadLetterSourcesOf(q)
      .map((s) => s.name)
      .sort();
    return paginate(
      names.map((n) => this.urlOf(n)),
      maxResults,
      nextToken,
    );
  }

  /** The queues whose redrive policy names this one as their dead-letter queue. */
  deadLetterSourcesOf(q: Queue): Queue[] {
    return [...this.queues.values()].filter((s) => s.redrivePolicy?.deadLetterTargetArn === q.arn);
  }

  /** The queue a source redrives to, when its policy names an existing queue. */
  deadLetterQueueOf(q: Queue): { queue: Queue; maxReceiveCount: number } | undefined {
    const policy = q.redrivePolicy;
    if (!policy) return undefined;
    const target = this.find(policy.deadLetterTargetArn);
    return target ? { queue: target, maxReceiveCount: policy.maxReceiveCount } : undefined;
  }

  private checkDeadLetterTarget(policyText: string, fifo: boolean, sourceArn: string): void {
    const policy = parseRedrivePolicy(policyText);
    const target = this.find(policy.deadLetterTargetArn);
    if (!target) throw InvalidParameterValue.of('RedrivePolicy', policyText, 'Dead letter target does not exist.');
    if (target.fifo !== fifo)
      throw InvalidParameterValue.of(
        'RedrivePolicy',
        policyText,
        'Dead-letter queue must be same type of queue as the source.',
      );
    const allow = redriveAllowPolicy(target.attributes);
    if (
      allow &&
      (allow.redrivePermission === 'denyAll' ||
        (allow.redrivePermission === 'byQueue' && !allow.sourceQueueArns?.includes(sourceArn)))
    ) {
      throw InvalidParameterValue.of(
        'RedrivePolicy',
        policyText,
        `The dead-letter queue's RedriveAllowPolicy does not allow ${sourceArn} as a source queue.`,
      );
    }
  }

  apply(e: SqsEvent): void {
    applyEvent(this, e);
  }

  snapshot(): BackendSnapshot {
    const now = Date.now();
    return { queues: [...this.queues.values()].map((q) => q.toSnapshot(now)), tasks: [...this.tasks.values()] };
  }

  load(s: BackendSnapshot): void {
    this.queues.clear();
    for (const q of s.queues) this.queues.set(q.name, Queue.fromSnapshot(q, this.arnOf(q.name)));
    this.tasks.clear();
    for (const t of s.tasks) this.tasks.set(t.taskId, t);
  }
}

function paginate(
  items: string[],
  maxResults: number | undefined,
  nextToken: string | undefined,
): { urls: string[]; nextToken?: string } {
  let start = 0;
  if (nextToken) {
    const after = Buffer.from(nextToken, 'base64').toString('utf8');
    start = items.findIndex((u) => u > after);
    if (start === -1) start = items.length;
  }
  if (maxResults === undefined) return { urls: items.slice(start, start + 1000) };
  const page = items.slice(start, start + maxResults);
  const more = start + maxResults < items.length;
  return more ? { urls: page, nextToken: Buffer.from(page[page.length - 1]!).toString('base64') } : { urls: page };
}
