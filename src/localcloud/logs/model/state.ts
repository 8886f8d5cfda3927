// CloudWatch Logs state: log groups, their streams and events. Every change is one event
// applied by apply(), both live (through commit) and when the journal is replayed.
import { ResourceNotFoundException } from '../errors';

export interface LogEvent {
  timestamp: number;
  message: string;
  ingestionTime: number;
}

export interface LogStream {
  name: string;
  creationTime: number;
  events: LogEvent[];
  storedBytes: number;
}

export interface LogGroup {
  name: string;
  creationTime: number;
  retentionInDays?: number;
  /** Tags (CreateLogGroup, TagResource); absent when the group has none. */
  tags?: Record<string, string>;
  streams: Map<string, LogStream>;
}

export type LogsEvent =
  | { t: 'createGroup'; name: string; time: number }
  | { t: 'deleteGroup'; name: string }
  | { t: 'createStream'; group: string; name: string; time: number }
  | { t: 'deleteStream'; group: string; name: string }
  | { t: 'retention'; group: string; days?: number }
  | { t: 'put'; group: string; stream: string; events: LogEvent[] }
  | { t: 'tag'; group: string; tags: Record<string, string> }
  | { t: 'untag'; group: string; keys: string[] };

/** Events kept per stream; older ones are dropped, as a retention policy would. */
const MAX_EVENTS_PER_STREAM = 10_000;
/**
 * A full stream is cut back to MAX_EVENTS_PER_STREAM once it holds this many more: cutting
 * on every put would move the whole array for each new line of a busy function.
 */
const TRIM_SLACK = 1_000;

export class LogsState {
  readonly groups = new Map<string, LogGroup>();

  constructor(private readonly record: (e: LogsEvent) => void = () => undefined) {}

  commit(e: LogsEvent): void {
    this.apply(e);
    this.record(e);
  }

  apply(e: LogsEvent): void {
    switch (e.t) {
      case 'createGroup':
        if (!this.groups.has(e.name))
          this.groups.set(e.name, { name: e.name, creationTime: e.time, streams: new Map() });
        break;
      case 'deleteGroup':
        this.groups.delete(e.name);
        break;
      case 'createStream': {
        const g = this.groups.get(e.group);
        if (g && !g.streams.has(e.name))
          g.streams.set(e.name, { name: e.name, creationTime: e.time, events: [], storedBytes: 0 });
        break;
      }
      case 'deleteStream':
        this.groups.get(e.group)?.streams.delete(e.name);
        break;
      case 'retention': {
        const g = this.groups.get(e.group);
        if (g) g.retentionInDays = e.days;
        break;
      }
      case 'tag': {
        const g = this.groups.get(e.group);
        if (g) g.tags = { ...g.tags, ...e.tags };
        break;
      }
      case 'untag': {
        const g = this.groups.get(e.group);
        if (!g?.tags) break;
        for (const key of e.keys) delete g.tags[key];
        if (Object.keys(g.tags).length === 0) delete g.tags;
        break;
      }
      case 'put': {
        const s = this.groups.get(e.group)?.streams.get(e.stream);
        if (!s) break;
        let ordered = true;
        for (const ev of e.events) {
          ordered &&= ev.timestamp >= (s.events[s.events.length - 1]?.timestamp ?? -Infinity);
          s.events.push(ev);
          s.storedBytes += Buffer.byteLength(ev.message);
        }
        // Events may arrive out of order across calls; readers expect time order. Lambda's own
        // lines come in order, so the stream is sorted only when a put breaks that.
        if (!ordered) s.events.sort((a, b) => a.timestamp - b.timestamp);
        if (s.events.length > MAX_EVENTS_PER_STREAM + TRIM_SLACK) {
          for (const dropped of s.events.splice(0, s.events.length - MAX_EVENTS_PER_STREAM))
            s.storedBytes -= Buffer.byteLength(dropped.message);
        }
        break;
      }
    }
  }

  group(name: string): LogGroup {
    const g = this.groups.get(name);
    if (!g) throw new ResourceNotFoundException('The specified log group does not exist.');
    return g;
  }

  stream(group: string, name: string): LogStream {
    const s = this.group(group).streams.get(name);
    if (!s) throw new ResourceNotFoundException('The specified log stream does not exist.');
    return s;
  }

  /** Creates group and stream when missing (what Lambda does for its own logs). */
  ensureStream(group: string, stream: string, now = Date.now()): void {
    if (!this.groups.has(group)) this.commit({ t: 'createGroup', name: group, time: now });
    if (!this.groups.get(group)!.streams.has(stream))
      this.commit({ t: 'createStream', group, name: stream, time: now });
  }

  snapshot(): unknown {
    return [...this.groups.values()].map((g) => ({ ...g, streams: [...g.streams.values()] }));
  }

  load(snapshot: unknown): void {
    this.groups.clear();
    for (const g of snapshot as Array<Omit<LogGroup, 'streams'> & { streams: LogStream[] }>) {
      this.groups.set(g.name, { ...g, streams: new Map(g.streams.map((s) => [s.name, s])) });
    }
  }
}

export function groupArn(region: string, account: string, name: string, withStar = true): string {
  return `arn:aws:logs:${region}:${account}:log-group:${name}${withStar ? ':*' : ''}`;
}
