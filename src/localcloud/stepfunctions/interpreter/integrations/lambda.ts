// Lambda from Task states: a function ARN as Resource (the event is the payload, the result
// is the function's answer) and `arn:aws:states:::lambda:invoke` (the result is wrapped with
// Payload, StatusCode, ExecutedVersion and the SDK metadata).
import { randomUUID } from 'node:crypto';
import type { InvokeResult, LambdaInternal } from '../../../server/internal';
import type { Json } from '../jsonPath';
import { StatesError } from '../statesError';
import { sdkErrorCause, sdkMetadata, type Integrations } from './types';

function lambdaOf(integrations: Integrations): LambdaInternal {
  const lambda = integrations.lambda();
  if (!lambda)
    throw new StatesError('Lambda.ServiceException', 'The local cloud is running without its Lambda service.');
  return lambda;
}

async function invoke(
  integrations: Integrations,
  functionRef: string,
  payload: Buffer,
  options: {
    qualifier?: string;
    invocationType?: 'RequestResponse' | 'Event';
    logType?: 'Tail' | 'None';
    signal: AbortSignal;
  },
): Promise<InvokeResult> {
  try {
    return await lambdaOf(integrations).invokeInternal(functionRef, payload, {
      invocationType: options.invocationType ?? 'RequestResponse',
      qualifier: options.qualifier,
      logType: options.logType,
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof StatesError) throw e;
    const err = e as { code?: string; status?: number; message?: string };
    const code = err.code ?? 'ServiceException';
    const requestId = randomUUID();
    const message =
      code === 'ResourceNotFoundException'
        ? `Function not found: ${qualifiedArn(integrations, functionRef, options.qualifier)}`
        : (err.message ?? String(e));
    throw new StatesError(`Lambda.${code}`, sdkErrorCause(message, 'AWSLambda', err.status ?? 500, code, requestId));
  }
}

function qualifiedArn(integrations: Integrations, ref: string, qualifier: string | undefined): string {
  const arn = ref.startsWith('arn:')
    ? ref
    : `arn:aws:lambda:${integrations.region}:${integrations.accountId}:function:${ref}`;
  return /:function:[^:]+:[^:]+$/.test(arn) ? arn : `${arn}:${qualifier ?? '$LATEST'}`;
}

/** A function's error answer → the Step Functions error: its errorType, the payload as Cause. */
function functionError(result: InvokeResult, compactCause: boolean): StatesError {
  const text = result.payload.toString('utf8');
  let error = 'Exception';
  let cause = text;
  try {
    const parsed = JSON.parse(text) as { errorType?: string };
    if (parsed && typeof parsed.errorType === 'string') error = parsed.errorType;
    if (compactCause) cause = JSON.stringify(parsed);
  } catch {
    // Not JSON: the raw answer is the cause.
  }
  return new StatesError(error, cause, true);
}

function parsePayload(buf: Buffer): Json {
  const text = buf.toString('utf8');
  if (text === '') return null;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

/** Resource = a function ARN: the answer is the output. */
export async function invokeFunctionArn(
  integrations: Integrations,
  functionArn: string,
  input: Json,
  signal: AbortSignal,
): Promise<Json> {
  const result = await invoke(integrations, functionArn, Buffer.from(JSON.stringify(input)), { signal });
  if (result.functionError) throw functionError(result, false);
  return parsePayload(result.payload);
}

/** `lambda:invoke`: the answer is wrapped as AWS wraps it. */
export async function lambdaInvoke(integrations: Integrations, parameters: Json, signal: AbortSignal): Promise<Json> {
  const p = (parameters ?? {}) as Record<string, Json>;
  if (typeof p.FunctionName !== 'string')
    throw new StatesError('States.Runtime', "The field 'FunctionName' is required by arn:aws:states:::lambda:invoke.");
  const payload =
    p.Payload === undefined ? '{}' : typeof p.Payload === 'string' ? p.Payload : JSON.stringify(p.Payload);
  const invocationType = p.InvocationType === 'Event' ? 'Event' : 'RequestResponse';
  const result = await invoke(integrations, p.FunctionName, Buffer.from(payload), {
    qualifier: typeof p.Qualifier === 'string' ? p.Qualifier : undefined,
    invocationType,
    logType: p.LogType === 'Tail' ? 'Tail' : undefined,
    signal,
  });
  if (result.functionError) throw functionError(result, true);
  const requestId = randomUUID();
  const extra: Record<string, string> = {
    'X-Amz-Executed-Version': result.executedVersion,
    'x-amzn-Remapped-Content-Length': '0',
  };
  if (result.logResult) extra['X-Amz-Log-Result'] = result.logResult;
  const out: Record<string, Json> = {
    ExecutedVersion: result.executedVersion,
    Payload: invocationType === 'Event' ? '' : parsePayload(result.payload),
    ...sdkMetadata(requestId, result.payload.length, 'application/json', extra),
    StatusCode: result.statusCode,
  };
  if (result.logResult) out.LogResult = result.logResult;
  return out;
}
