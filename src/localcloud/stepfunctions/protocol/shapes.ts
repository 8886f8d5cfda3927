// How Step Functions answers look on the wire: timestamps as epoch seconds (as the SDK
// expects), summaries and descriptions of machines and executions, and paged lists.
import { InvalidToken, ValidationException } from '../errors';
import type { ExecutionRecord, StateMachineRecord } from '../model/store';
import type { Body } from './dispatch';

export const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

export function machineSummary(m: StateMachineRecord) {
  return { stateMachineArn: m.arn, name: m.name, type: m.type, creationDate: seconds(m.creationDate) };
}

export function describeMachine(m: StateMachineRecord) {
  return {
    stateMachineArn: m.arn,
    name: m.name,
    status: 'ACTIVE',
    definition: m.definition,
    roleArn: m.roleArn,
    type: m.type,
    creationDate: seconds(m.creationDate),
    loggingConfiguration: m.loggingConfiguration,
    tracingConfiguration: m.tracingConfiguration,
    revisionId: m.revisionId,
    description: m.description,
  };
}

export function executionSummary(e: ExecutionRecord) {
  return {
    executionArn: e.arn,
    stateMachineArn: e.stateMachineArn,
    name: e.name,
    status: e.status,
    startDate: seconds(e.startDate),
    stopDate: seconds(e.stopDate),
  };
}

export function describeExecution(e: ExecutionRecord) {
  return {
    ...executionSummary(e),
    input: e.input,
    inputDetails: { included: true },
    output: e.output,
    outputDetails: e.output !== undefined ? { included: true } : undefined,
    error: e.error,
    cause: e.cause,
    redriveCount: 0,
    redriveStatus: 'NOT_REDRIVABLE',
  };
}

export function page<T>(items: T[], body: Body, key: string): Record<string, unknown> {
  const max = body.maxResults === undefined || body.maxResults === 0 ? 100 : Number(body.maxResults);
  if (!Number.isInteger(max) || max < 0 || max > 1000)
    throw new ValidationException(
      `1 validation error detected: Value '${String(body.maxResults)}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000`,
    );
  let start = 0;
  if (body.nextToken !== undefined) {
    start = Number(Buffer.from(String(body.nextToken), 'base64').toString('utf8'));
    if (!Number.isInteger(start) || start < 0) throw new InvalidToken('Invalid nextToken');
  }
  const slice = items.slice(start, start + max);
  return {
    [key]: slice,
    nextToken: start + max < items.length ? Buffer.from(String(start + max)).toString('base64') : undefined,
  };
}
