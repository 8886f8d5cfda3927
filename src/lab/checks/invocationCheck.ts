// Invocation count and cold/warm starts, read from the function's REPORT lines in CloudWatch
// Logs — the same evidence on every target (AWS delivers logs a few seconds late).
import { DescribeLogStreamsCommand, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { ifExists } from '../../cloud/deploy/awsErrors';
import { parseReportLine, type LambdaReport } from '../../cloud/metrics/reportLine';
import type { LabSession } from '../session';
import type { Verdict } from './verdict';

/** REPORT records of a function's most recent log streams. */
export async function functionReports(
  session: LabSession,
  functionName: string,
  maxStreams = 20,
): Promise<LambdaReport[]> {
  const logs = session.clients.logs;
  const group = `/aws/lambda/${functionName}`;
  const streams = await ifExists(() =>
    logs.send(
      new DescribeLogStreamsCommand({
        logGroupName: group,
        orderBy: 'LastEventTime',
        descending: true,
        limit: maxStreams,
      }),
    ),
  );
  const out: LambdaReport[] = [];
  for (const s of streams?.logStreams ?? []) {
    let token: string | undefined;
    for (let page = 0; page < 20; page++) {
      const r = await logs.send(
        new GetLogEventsCommand({
          logGroupName: group,
          logStreamName: s.logStreamName,
          startFromHead: true,
          nextToken: token,
        }),
      );
      for (const e of r.events ?? []) {
        const rep = e.message ? parseReportLine(e.message, e.timestamp) : undefined;
        if (rep) out.push(rep);
      }
      if (!r.nextForwardToken || r.nextForwardToken === token || !(r.events ?? []).length) break;
      token = r.nextForwardToken;
    }
  }
  return out;
}

export async function invocations(
  session: LabSession,
  c: { function: string; atLeast?: number; coldStart?: boolean },
): Promise<Verdict> {
  const name = session.physicalName(c.function);
  const reports = await functionReports(session, name);
  const want = c.atLeast ?? 1;
  const cold = reports.filter((r) => r.initDurationMs !== undefined).length;
  const warm = reports.length - cold;
  const delay = session.target.kind === 'aws' ? ' (on AWS, logs arrive a few seconds late; check again shortly)' : '';
  if (reports.length < want)
    return {
      passed: false,
      message: `${c.function} ran ${reports.length} time${reports.length === 1 ? '' : 's'}; it needs at least ${want} — invoke it${delay}`,
    };
  if (c.coldStart === true && cold === 0)
    return {
      passed: false,
      message: `no cold start of ${c.function} seen yet; redeploy it (or wait for its instances to be reclaimed) and invoke again`,
    };
  if (c.coldStart === false && warm === 0)
    return {
      passed: false,
      message: `no warm start of ${c.function} seen yet; invoke it again right away so an instance is reused`,
    };
  return {
    passed: true,
    message: `${c.function} ran ${reports.length} time${reports.length === 1 ? '' : 's'} (${cold} cold, ${warm} warm)`,
  };
}
