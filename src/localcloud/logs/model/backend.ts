// CloudWatch Logs operations on the state: one typed method per operation, no HTTP. The
// protocol reads requests and shapes answers around these.
import { InvalidParameterException, ResourceAlreadyExistsException, TooManyTagsException } from '../errors';
import { compileFilterPattern } from './filterPattern';
import { LogsState, type LogGroup, type LogStream } from './state';

/** Tags per log group (botocore 1.43.11 data/logs/2014-03-28, read 2026-12-03). */
const MAX_TAGS = 50;

export interface FoundEvent {
  logStreamName: string;
  timestamp: number;
  message: string;
  ingestionTime: number;
  eventId: string;
}

export interface EventFilter {
  streamNames?: string[];
  streamPrefix: string;
  startTime?: number;
  endTime?: number;
  pattern?: string;
}

export class LogsBackend extends LogsState {
  createLogGroup(name: string, tags: Record<string, string> | undefined, now = Date.now()): void {
    if (!/^[\w\-/.#]{1,512}$/.test(name)) {
      throw new InvalidParameterException(
        `1 validation error detected: Value '${name}' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+`,
      );
    }
    if (this.groups.has(name)) throw new ResourceAlreadyExistsException('The specified log group already exists');
    this.commit({ t: 'createGroup', name, time: now });
    if (tags) this.commit({ t: 'tag', group: name, tags });
  }

  deleteLogGroup(name: string): void {
    this.group(name);
    this.commit({ t: 'deleteGroup', name });
  }

  createLogStream(group: string, name: string, now = Date.now()): void {
    if (this.group(group).streams.has(name))
      throw new ResourceAlreadyExistsException('The specified log stream already exists');
    this.commit({ t: 'createStream', group, name, time: now });
  }

  deleteLogStream(group: string, name: string): void {
    this.stream(group, name);
    this.commit({ t: 'deleteStream', group, name });
  }

  /** PutRetentionPolicy with days, DeleteRetentionPolicy without. */
  setRetention(group: string, days: number | undefined): void {
    this.group(group);
    this.commit({ t: 'retention', group, days });
  }

  describeLogGroups(prefix: string, pattern: string | undefined): LogGroup[] {
    return [...this.groups.values()]
      .filter((g) => g.name.startsWith(prefix) && (!pattern || g.name.includes(pattern)))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  describeLogStreams(group: string, prefix: string, byLastEventTime: boolean, descending: boolean): LogStream[] {
    const g = this.group(group);
    if (byLastEventTime && prefix)
      throw new InvalidParameterException('Cannot order by LastEventTime with a logStreamNamePrefix.');
    const lastTime = (s: LogStream) => s.events[s.events.length - 1]?.timestamp ?? s.creationTime;
    const streams = [...g.streams.values()]
      .filter((s) => s.name.startsWith(prefix))
      .sort((a, b) => (byLastEventTime ? lastTime(a) - lastTime(b) : a.name.localeCompare(b.name)));
    return descending ? streams.reverse() : streams;
  }

  /** Returns the stream after the put (its event count makes the sequence token). */
  putLogEvents(
    group: string,
    stream: string,
    events: Array<{ timestamp: number; message: string }>,
    now = Date.now(),
  ): LogStream {
    this.stream(group, stream);
    if (events.length === 0) throw new InvalidParameterException('logEvents must contain at least one event.');
    this.commit({ t: 'put', group, stream, events: events.map((e) => ({ ...e, ingestionTime: now })) });
    return this.stream(group, stream);
  }

  /** GetLogEvents before paging: the stream's events in [startTime, endTime). */
  getLogEvents(group: string, stream: string, startTime = -Infinity, endTime = Infinity): LogStream['events'] {
    return this.stream(group, stream).events.filter((e) => e.timestamp >= startTime && e.timestamp < endTime);
  }

  filterLogEvents(group: string, filter: EventFilter): FoundEvent[] {
    const g = this.group(group);
    const { streamNames: names, streamPrefix: prefix, startTime = -Infinity, endTime = Infinity } = filter;
    const match = compileFilterPattern(filter.pattern);
    const found: FoundEvent[] = [];
    for (const s of g.streams.values()) {
      if (names ? !names.includes(s.name) : !s.name.startsWith(prefix)) continue;
      for (const [i, e] of s.events.entries()) {
        if (e.timestamp < startTime || e.timestamp > endTime || !match(e.message)) continue;
        found.push({
          logStreamName: s.name,
          timestamp: e.timestamp,
          message: e.message,
          ingestionTime: e.ingestionTime,
          eventId: `${e.timestamp}${String(i).padStart(8, '0')}`,
        });
      }
    }
    return found.sort((a, b) => a.timestamp - b.timestamp);
  }

  tagsOf(group: string): Record<string, string> {
    return this.group(group).tags ?? {};
  }

  tagLogGroup(group: string, tags: Record<string, string>): void {
    if (Object.keys({ ...this.group(group).tags, ...tags }).length > MAX_TAGS)
      throw new TooManyTagsException(MAX_TAGS, group);
    this.commit({ t: 'tag', group, tags });
  }

  untagLogGroup(group: string, keys: string[]): void {
    this.commit({ t: 'untag', group, keys });
  }
}
