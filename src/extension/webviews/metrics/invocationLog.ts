// A function's invocations read from its CloudWatch Logs REPORT lines (every target writes the
// same format), kept incrementally: each refresh asks only for events since the last one seen.
import { FilterLogEventsCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { invocationCost } from '../../../cloud/metrics/cost';
import { parseReportLine, type LambdaReport } from '../../../cloud/metrics/reportLine';
import { recommend, sweepPoints } from '../../../cloud/metrics/sizingSweep';
import type { Architecture } from '../../../cloud/metrics/prices';
import type { InvocationRow, SizingResult } from '../../../shared/webviewProtocolMetrics';

/** The view shows at most this many (the latest); more would only slow the charts down. */
export const INVOCATION_LIMIT = 2000;
/** How far back the first read looks. */
const LOOKBACK_MS = 7 * 24 * 3600 * 1000;

export function rowFromReport(r: LambdaReport, architecture: Architecture, line: string): InvocationRow {
  const status = /\bStatus: (\w+)/.exec(line)?.[1];
  return {
    requestId: r.requestId,
    timestamp: r.timestamp ?? 0,
    durationMs: r.durationMs,
    billedMs: r.billedDurationMs,
    initMs: r.initDurationMs,
    memorySizeMb: r.memorySizeMb,
    maxMemoryUsedMb: r.maxMemoryUsedMb,
    cold: r.initDurationMs !== undefined,
    ...(status ? { status } : {}),
    costUsd: invocationCost(r, architecture),
  };
}

export class InvocationLog {
  private readonly reports = new Map<string, { report: LambdaReport; row: InvocationRow }>();
  private since = 0;

  constructor(
    private readonly logs: CloudWatchLogsClient,
    readonly functionName: string,
    private readonly architecture: Architecture,
    private readonly now: () => number = Date.now,
  ) {}

  get logGroup(): string {
    return `/aws/lambda/${this.functionName}`;
  }

  /** Reads new REPORT lines; returns whether any arrived. */
  async refresh(): Promise<boolean> {
    const startTime = this.since ? this.since - 1 : this.now() - LOOKBACK_MS;
    let nextToken: string | undefined;
    let added = false;
    do {
      let page;
      try {
        page = await this.logs.send(
          new FilterLogEventsCommand({ logGroupName: this.logGroup, startTime, filterPattern: 'REPORT', nextToken }),
        );
      } catch (e) {
        // No log group yet: the function has never run. Not an error for this view.
        if ((e as Error).name === 'ResourceNotFoundException') return false;
        throw e;
      }
      for (const ev of page.events ?? []) {
        const report = ev.message ? parseReportLine(ev.message, ev.timestamp) : undefined;
        if (!report || this.reports.has(report.requestId)) continue;
        this.reports.set(report.requestId, { report, row: rowFromReport(report, this.architecture, ev.message!) });
        this.since = Math.max(this.since, ev.timestamp ?? 0);
        added = true;
      }
      nextToken = page.nextToken;
    } while (nextToken);
    if (!this.since) this.since = startTime;
    return added;
  }

  /** Oldest first, at most INVOCATION_LIMIT. */
  rows(): { invocations: InvocationRow[]; truncated: boolean } {
    const all = [...this.reports.values()].map((v) => v.row).sort((a, b) => a.timestamp - b.timestamp);
    return { invocations: all.slice(-INVOCATION_LIMIT), truncated: all.length > INVOCATION_LIMIT };
  }

  /**
   * A sizing sweep read from the logs: REPORT lines carry the memory size, so invocations at two
   * or more sizes (the lesson's sweep, or the student's own) give duration and cost per size.
   */
  sizing(): SizingResult | undefined {
    const points = sweepPoints([...this.reports.values()].map((v) => v.report));
    const rec = points.length >= 2 ? recommend(points) : undefined;
    if (!rec) return undefined;
    return {
      points: points.map((p) => ({
        memoryMb: p.memoryMb,
        durationMs: p.medianDurationMs,
        costPerInvocationUsd: p.meanCostUsd,
        samples: p.runs,
        coldStarts: p.coldStarts,
      })),
      recommended: { cost: rec.cost, speed: rec.speed, balanced: rec.balanced },
      reason: rec.summary,
    };
  }
}
