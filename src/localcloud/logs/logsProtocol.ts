// CloudWatch Logs JSON 1.1 actions: parse the input, call the model, return plain data.
import { AwsError } from '../server/errors';
import { compileFilterPattern } from './filterPattern';
import { groupArn, type LogGroup, type LogsModel, type LogStream } from './logsModel';
import { tagMap } from './logsTagging';

type Input = Record<string, unknown>;
export type LogsAction = (input: Input) => unknown;

export interface LogsScope {
  model: LogsModel;
  region: string;
  accountId: string;
}

const str = (input: Input, key: string, required = true): string | undefined => {
  const v = input[key];
  if (v === undefined || v === null) {
    if (required) throw new AwsError('InvalidParameterException', `1 validation error detected: Value null at '${key}' failed to satisfy constraint: Member must not be null`);
    return undefined;
  }
  if (typeof v !== 'string') throw new AwsError('InvalidParameterException', `Value at '${key}' must be a string.`);
  return v;
};
const num = (input: Input, key: string): number | undefined => (typeof input[key] === 'number' ? (input[key] as number) : undefined);

/** Opaque page tokens: the index to continue from. */
const token = (n: number) => Buffer.from(`hoc:${n}`).toString('base64');
function fromToken(t: unknown): number {
  if (t === undefined) return 0;
  const m = /^hoc:(\d+)$/.exec(Buffer.from(String(t), 'base64').toString());
  if (!m) throw new AwsError('InvalidParameterException', 'The specified nextToken is invalid.');
  return Number(m[1]);
}

function page<T>(items: T[], input: Input, max: number): { items: T[]; nextToken?: string } {
  const start = fromToken(input.nextToken);
  const limit = Math.min(num(input, 'limit') ?? max, max);
  const slice = items.slice(start, start + limit);
  return { items: slice, nextToken: start + limit < items.length ? token(start + limit) : undefined };
}

function groupName(input: Input): string {
  const id = str(input, 'logGroupIdentifier', false);
  if (id) return id.startsWith('arn:') ? id.replace(/^arn:[^:]+:logs:[^:]*:[^:]*:log-group:/, '').replace(/:\*$/, '') : id;
  return str(input, 'logGroupName')!;
}

function describeStream(s: LogStream, arnPrefix: string) {
  const first = s.events[0];
  const last = s.events[s.events.length - 1];
  return {
    logStreamName: s.name,
    creationTime: s.creationTime,
    ...(first ? { firstEventTimestamp: first.timestamp, lastEventTimestamp: last!.timestamp, lastIngestionTime: last!.ingestionTime } : {}),
    uploadSequenceToken: String(s.events.length + 1).padStart(20, '0'),
    arn: `${arnPrefix}:log-stream:${s.name}`,
    storedBytes: 0,
  };
}

export function logsActions({ model, region, accountId }: LogsScope): Record<string, LogsAction> {
  const describeGroup = (g: LogGroup) => ({
    logGroupName: g.name,
    creationTime: g.creationTime,
    ...(g.retentionInDays ? { retentionInDays: g.retentionInDays } : {}),
    metricFilterCount: 0,
    arn: groupArn(region, accountId, g.name),
    storedBytes: [...g.streams.values()].reduce((n, s) => n + s.storedBytes, 0),
    logGroupClass: 'STANDARD',
    logGroupArn: groupArn(region, accountId, g.name, false),
  });

  return {
    CreateLogGroup(input) {
      const name = str(input, 'logGroupName')!;
      if (!/^[\w\-/.#]{1,512}$/.test(name)) throw new AwsError('InvalidParameterException', `1 validation error detected: Value '${name}' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+`);
      if (model.groups.has(name)) throw new AwsError('ResourceAlreadyExistsException', 'The specified log group already exists');
      const tags = tagMap(input.tags);
      model.commit({ t: 'createGroup', name, time: Date.now() });
      if (tags) model.commit({ t: 'tag', group: name, tags });
      return {};
    },
    DeleteLogGroup(input) {
      const name = str(input, 'logGroupName')!;
      model.group(name);
      model.commit({ t: 'deleteGroup', name });
      return {};
    },
    CreateLogStream(input) {
      const group = str(input, 'logGroupName')!;
      const name = str(input, 'logStreamName')!;
      if (model.group(group).streams.has(name)) throw new AwsError('ResourceAlreadyExistsException', 'The specified log stream already exists');
      model.commit({ t: 'createStream', group, name, time: Date.now() });
      return {};
    },
    DeleteLogStream(input) {
      const group = str(input, 'logGroupName')!;
      const name = str(input, 'logStreamName')!;
      model.stream(group, name);
      model.commit({ t: 'deleteStream', group, name });
      return {};
    },
    PutRetentionPolicy(input) {
      const group = str(input, 'logGroupName')!;
      model.group(group);
      model.commit({ t: 'retention', group, days: num(input, 'retentionInDays') });
      return {};
    },
    DeleteRetentionPolicy(input) {
      const group = str(input, 'logGroupName')!;
      model.group(group);
      model.commit({ t: 'retention', group });
      return {};
    },
    DescribeLogGroups(input) {
      const prefix = str(input, 'logGroupNamePrefix', false) ?? '';
      const pattern = str(input, 'logGroupNamePattern', false);
      const groups = [...model.groups.values()]
        .filter((g) => g.name.startsWith(prefix) && (!pattern || g.name.includes(pattern)))
        .sort((a, b) => a.name.localeCompare(b.name));
      const p = page(groups, input, 50);
      return { logGroups: p.items.map(describeGroup), ...(p.nextToken ? { nextToken: p.nextToken } : {}) };
    },
    DescribeLogStreams(input) {
      const g = model.group(groupName(input));
      const prefix = str(input, 'logStreamNamePrefix', false) ?? '';
      const byTime = input.orderBy === 'LastEventTime';
      if (byTime && prefix) throw new AwsError('InvalidParameterException', 'Cannot order by LastEventTime with a logStreamNamePrefix.');
      const lastTime = (s: LogStream) => s.events[s.events.length - 1]?.timestamp ?? s.creationTime;
      const streams = [...g.streams.values()]
        .filter((s) => s.name.startsWith(prefix))
        .sort((a, b) => (byTime ? lastTime(a) - lastTime(b) : a.name.localeCompare(b.name)));
      if (input.descending === true) streams.reverse();
      const p = page(streams, input, 50);
      const arnPrefix = groupArn(region, accountId, g.name, false);
      return { logStreams: p.items.map((s) => describeStream(s, arnPrefix)), ...(p.nextToken ? { nextToken: p.nextToken } : {}) };
    },
    PutLogEvents(input) {
      const group = str(input, 'logGroupName')!;
      const stream = str(input, 'logStreamName')!;
      model.stream(group, stream);
      const raw = input.logEvents;
      if (!Array.isArray(raw) || raw.length === 0) throw new AwsError('InvalidParameterException', 'logEvents must contain at least one event.');
      const now = Date.now();
      const events = raw.map((e: { timestamp?: unknown; message?: unknown }) => ({ timestamp: Number(e.timestamp), message: String(e.message ?? ''), ingestionTime: now }));
      model.commit({ t: 'put', group, stream, events });
      return { nextSequenceToken: String(model.stream(group, stream).events.length + 1).padStart(20, '0') };
    },
    GetLogEvents(input) {
      const s = model.stream(groupName(input), str(input, 'logStreamName')!);
      const startTime = num(input, 'startTime') ?? -Infinity;
      const endTime = num(input, 'endTime') ?? Infinity;
      const events = s.events.filter((e) => e.timestamp >= startTime && e.timestamp < endTime);
      const limit = Math.min(num(input, 'limit') ?? 10_000, 10_000);
      const t = typeof input.nextToken === 'string' ? /^([fb])\/(\d+)$/.exec(input.nextToken) : null;
      if (input.nextToken !== undefined && !t) throw new AwsError('InvalidParameterException', 'The specified nextToken is invalid.');
      let from: number;
      if (t) from = t[1] === 'f' ? Number(t[2]) : Math.max(0, Number(t[2]) - limit);
      else from = input.startFromHead === true ? 0 : Math.max(0, events.length - limit);
      const to = t?.[1] === 'b' ? Math.min(Number(t[2]), events.length) : Math.min(from + limit, events.length);
      return {
        events: events.slice(from, to).map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime })),
        nextForwardToken: `f/${String(to).padStart(56, '0')}`,
        nextBackwardToken: `b/${String(from).padStart(56, '0')}`,
      };
    },
    FilterLogEvents(input) {
      const g = model.group(groupName(input));
      const names = Array.isArray(input.logStreamNames) ? (input.logStreamNames as string[]) : undefined;
      const prefix = str(input, 'logStreamNamePrefix', false) ?? '';
      const startTime = num(input, 'startTime') ?? -Infinity;
      const endTime = num(input, 'endTime') ?? Infinity;
      const match = compileFilterPattern(str(input, 'filterPattern', false));
      const found = [];
      for (const s of g.streams.values()) {
        if (names ? !names.includes(s.name) : !s.name.startsWith(prefix)) continue;
        for (const [i, e] of s.events.entries()) {
          if (e.timestamp < startTime || e.timestamp > endTime || !match(e.message)) continue;
          found.push({ logStreamName: s.name, timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime, eventId: `${e.timestamp}${String(i).padStart(8, '0')}` });
        }
      }
      found.sort((a, b) => a.timestamp - b.timestamp);
      const p = page(found, input, 10_000);
      return { events: p.items, searchedLogStreams: [], ...(p.nextToken ? { nextToken: p.nextToken } : {}) };
    },
  };
}
