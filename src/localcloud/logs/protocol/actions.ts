// CloudWatch Logs JSON 1.1 actions: parse the input, call the backend, return plain data.
import { InvalidParameterException } from '../errors';
import type { LogsBackend } from '../model/backend';
import { groupArn, type LogGroup, type LogStream } from '../model/state';
import { groupName, num, page, str, type Input } from './input';
import { tagMap } from './tagging';

export type LogsAction = (input: Input) => unknown;

export interface LogsScope {
  backend: LogsBackend;
  region: string;
  accountId: string;
}

function describeStream(s: LogStream, arnPrefix: string) {
  const first = s.events[0];
  const last = s.events[s.events.length - 1];
  return {
    logStreamName: s.name,
    creationTime: s.creationTime,
    ...(first
      ? {
          firstEventTimestamp: first.timestamp,
          lastEventTimestamp: last!.timestamp,
          lastIngestionTime: last!.ingestionTime,
        }
      : {}),
    uploadSequenceToken: String(s.events.length + 1).padStart(20, '0'),
    arn: `${arnPrefix}:log-stream:${s.name}`,
    storedBytes: 0,
  };
}

export function logsActions({ backend, region, accountId }: LogsScope): Record<string, LogsAction> {
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
  const nextToken = (t: string | undefined) => (t ? { nextToken: t } : {});

  return {
    CreateLogGroup: (input) => (backend.createLogGroup(str(input, 'logGroupName')!, tagMap(input.tags)), {}),
    DeleteLogGroup: (input) => (backend.deleteLogGroup(str(input, 'logGroupName')!), {}),
    CreateLogStream: (input) => (
      backend.createLogStream(str(input, 'logGroupName')!, str(input, 'logStreamName')!),
      {}
    ),
    DeleteLogStream: (input) => (
      backend.deleteLogStream(str(input, 'logGroupName')!, str(input, 'logStreamName')!),
      {}
    ),
    PutRetentionPolicy: (input) => (
      backend.setRetention(str(input, 'logGroupName')!, num(input, 'retentionInDays')),
      {}
    ),
    DeleteRetentionPolicy: (input) => (backend.setRetention(str(input, 'logGroupName')!, undefined), {}),
    DescribeLogGroups(input) {
      const groups = backend.describeLogGroups(
        str(input, 'logGroupNamePrefix', false) ?? '',
        str(input, 'logGroupNamePattern', false),
      );
      const p = page(groups, input, 50);
      return { logGroups: p.items.map(describeGroup), ...nextToken(p.nextToken) };
    },
    DescribeLogStreams(input) {
      const group = groupName(input);
      const streams = backend.describeLogStreams(
        group,
        str(input, 'logStreamNamePrefix', false) ?? '',
        input.orderBy === 'LastEventTime',
        input.descending === true,
      );
      const p = page(streams, input, 50);
      const arnPrefix = groupArn(region, accountId, group, false);
      return { logStreams: p.items.map((s) => describeStream(s, arnPrefix)), ...nextToken(p.nextToken) };
    },
    PutLogEvents(input) {
      const raw = input.logEvents;
      const events = Array.isArray(raw)
        ? raw.map((e: { timestamp?: unknown; message?: unknown }) => ({
            timestamp: Number(e.timestamp),
            message: String(e.message ?? ''),
          }))
        : [];
      const stream = backend.putLogEvents(str(input, 'logGroupName')!, str(input, 'logStreamName')!, events);
      return { nextSequenceToken: String(stream.events.length + 1).padStart(20, '0') };
    },
    GetLogEvents(input) {
      const events = backend.getLogEvents(
        groupName(input),
        str(input, 'logStreamName')!,
        num(input, 'startTime'),
        num(input, 'endTime'),
      );
      // Tokens f/N (forward from N) and b/N (backward from N), as opaque to clients as AWS's.
      const limit = Math.min(num(input, 'limit') ?? 10_000, 10_000);
      const t = typeof input.nextToken === 'string' ? /^([fb])\/(\d+)$/.exec(input.nextToken) : null;
      if (input.nextToken !== undefined && !t)
        throw new InvalidParameterException('The specified nextToken is invalid.');
      let from: number;
      if (t) from = t[1] === 'f' ? Number(t[2]) : Math.max(0, Number(t[2]) - limit);
      else from = input.startFromHead === true ? 0 : Math.max(0, events.length - limit);
      const to = t?.[1] === 'b' ? Math.min(Number(t[2]), events.length) : Math.min(from + limit, events.length);
      return {
        events: events
          .slice(from, to)
          .map((e) => ({ timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime })),
        nextForwardToken: `f/${String(to).padStart(56, '0')}`,
        nextBackwardToken: `b/${String(from).padStart(56, '0')}`,
      };
    },
    FilterLogEvents(input) {
      const found = backend.filterLogEvents(groupName(input), {
        streamNames: Array.isArray(input.logStreamNames) ? (input.logStreamNames as string[]) : undefined,
        streamPrefix: str(input, 'logStreamNamePrefix', false) ?? '',
        startTime: num(input, 'startTime'),
        endTime: num(input, 'endTime'),
        pattern: str(input, 'filterPattern', false),
      });
      const p = page(found, input, 10_000);
      return { events: p.items, searchedLogStreams: [], ...nextToken(p.nextToken) };
    },
  };
}
