// Execution logging to CloudWatch Logs, as a state machine's loggingConfiguration asks
// (level ALL/ERROR/FATAL, includeExecutionData, a log group destination): one JSON line per
// history event, in the format AWS writes.
import type { LogsInternal } from '../../server/internal';
import type { CloudContext } from '../../server/types';
import type { HistoryEventRecord } from './store';

export interface LoggingConfiguration {
  level?: string;
  includeExecutionData?: boolean;
  destinations?: Array<{ cloudWatchLogsLogGroup?: { logGroupArn?: string } }>;
}

const FATAL = new Set(['ExecutionFailed', 'ExecutionAborted', 'ExecutionTimedOut']);
const ERROR = /Failed$|TimedOut$|Aborted$/;

/** The log group a configuration names, or undefined when logging is off. */
export function logGroupOf(config: LoggingConfiguration | undefined): string | undefined {
  if (!config || !config.level || config.level === 'OFF') return undefined;
  const arn = config.destinations?.[0]?.cloudWatchLogsLogGroup?.logGroupArn;
  const m = arn ? /:log-group:([^:]+)/.exec(arn) : null;
  return m?.[1];
}

export function shouldLog(level: string | undefined, type: string): boolean {
  if (level === 'ALL') return true;
  if (level === 'ERROR') return ERROR.test(type);
  if (level === 'FATAL') return FATAL.has(type);
  return false;
}

export class ExecutionLogger {
  constructor(private readonly ctx: CloudContext) {}

  log(
    config: LoggingConfiguration | undefined,
    execution: { arn: string; name: string; stateMachineName: string; startDate: number },
    event: HistoryEventRecord,
  ): void {
    const group = logGroupOf(config);
    if (!group || !shouldLog(config!.level, event.type)) return;
    const logs = this.ctx.services.get<LogsInternal>('logs');
    if (!logs) return;
    let details = event.details;
    if (details && config!.includeExecutionData !== true) {
      const { input: _i, output: _o, ...rest } = details;
      details = rest;
    }
    const message = {
      id: String(event.id),
      type: event.type,
      details: details ?? {},
      previous_event_id: String(event.previousEventId),
      event_timestamp: String(event.timestamp),
      execution_arn: execution.arn,
      redrive_count: '0',
    };
    const day = new Date(execution.startDate).toISOString().slice(0, 10);
    const stream = `states/${execution.stateMachineName}/${day}/${execution.name}`;
    logs.putEventsInternal(group, stream, [{ timestamp: event.timestamp, message: JSON.stringify(message) }]);
  }
}
