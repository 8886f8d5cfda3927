// `arn:aws:states:::states:startExecution` (and `.sync`, `.sync:2`): starts a nested execution
// of the local cloud; the sync forms wait for it and answer as DescribeExecution would.
import { randomUUID } from 'node:crypto';
import type { Json } from '../jsonPath';
import { StatesError } from '../statesError';
import { sdkErrorCause, sdkMetadata, type Integrations, type NestedExecution } from './types';

export async function startNestedExecution(
  integrations: Integrations,
  parameters: Json,
  parentExecutionArn: string,
): Promise<Json> {
  const p = (parameters ?? {}) as Record<string, Json>;
  const requestId = randomUUID();
  if (typeof p.StateMachineArn !== 'string') {
    throw new StatesError(
      'StepFunctions.AWSStepFunctionsException',
      sdkErrorCause(
        "The field 'StateMachineArn' is required.",
        'AWSStepFunctions',
        400,
        'ValidationException',
        requestId,
      ),
    );
  }
  const input =
    p.Input === undefined || p.Input === null ? '{}' : typeof p.Input === 'string' ? p.Input : JSON.stringify(p.Input);
  try {
    const started = await integrations.startExecution({
      stateMachineArn: p.StateMachineArn,
      input,
      name: typeof p.Name === 'string' ? p.Name : undefined,
      parentExecutionArn,
    });
    const out = { ExecutionArn: started.executionArn, StartDate: started.startDate.getTime() };
    return { ...out, ...sdkMetadata(requestId, JSON.stringify(out).length, 'application/x-amz-json-1.0') };
  } catch (e) {
    if (e instanceof StatesError) throw e;
    const err = e as { code?: string; status?: number; message?: string };
    const code = err.code ?? 'InternalFailure';
    throw new StatesError(
      `StepFunctions.${code}Exception`.replace(/ExceptionException$/, 'Exception'),
      sdkErrorCause(err.message ?? String(e), 'AWSStepFunctions', err.status ?? 400, code, requestId),
    );
  }
}

/** Waits for the nested execution; `.sync:2` parses Input/Output as JSON, `.sync` keeps strings. */
export async function waitNestedExecution(
  integrations: Integrations,
  submitted: Json,
  version: 1 | 2,
  signal: AbortSignal,
): Promise<Json> {
  const arn = (submitted as { ExecutionArn: string }).ExecutionArn;
  const done = await integrations.waitForExecution(arn, signal);
  const described = describe(done, version);
  if (done.status === 'SUCCEEDED') return described;
  // A failed, aborted or timed-out child fails the parent's task with States.TaskFailed.
  const error = 'States.TaskFailed';
  const failed = { ...describe(done, 1), Cause: done.cause, Error: done.error };
  return Promise.reject(new StatesError(error, JSON.stringify(failed), true));
}

function describe(e: NestedExecution, version: 1 | 2): Record<string, Json> {
  const parse = (s: string | undefined): Json => {
    if (s === undefined) return null;
    try {
      return JSON.parse(s) as Json;
    } catch {
      return s;
    }
  };
  const out: Record<string, Json> = {
    ExecutionArn: e.executionArn,
    Input: version === 2 ? parse(e.input) : e.input,
    InputDetails: { Included: true },
    Name: e.name,
    StartDate: e.startDate.getTime(),
    StateMachineArn: e.stateMachineArn,
    Status: e.status,
  };
  if (e.output !== undefined) {
    out.Output = version === 2 ? parse(e.output) : e.output;
    out.OutputDetails = { Included: true };
  }
  if (e.stopDate) out.StopDate = e.stopDate.getTime();
  if (e.error !== undefined) out.Error = e.error;
  if (e.cause !== undefined) out.Cause = e.cause;
  return out;
}
