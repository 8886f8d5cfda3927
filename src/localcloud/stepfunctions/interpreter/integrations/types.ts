// What Task states may call: other services of the local cloud, nested executions, and the
// task-token registry for `.waitForTaskToken`.
import type { LambdaInternal, SqsInternal } from '../../../server/internal';
import type { Json } from '../jsonPath';
import type { TaskTokens } from '../taskTokens';

/** A nested execution as DescribeExecution shows it (for `.sync` and `.sync:2`). */
export interface NestedExecution {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: string;
  startDate: Date;
  stopDate?: Date;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
}

export interface Integrations {
  readonly region: string;
  readonly accountId: string;
  lambda(): LambdaInternal | undefined;
  sqs(): SqsInternal | undefined;
  startExecution(request: {
    stateMachineArn: string;
    input?: string;
    name?: string;
    parentExecutionArn: string;
  }): Promise<{ executionArn: string; startDate: Date }>;
  /** Resolves when the execution has stopped. */
  waitForExecution(executionArn: string, signal: AbortSignal): Promise<NestedExecution>;
  readonly tokens: TaskTokens;
}

/** The SDK metadata AWS adds to every service integration result. */
export function sdkMetadata(
  requestId: string,
  bodyLength: number,
  contentType: string,
  extra: Record<string, string> = {},
): Record<string, Json> {
  const date = new Date().toUTCString();
  const headers: Record<string, string> = {
    connection: 'keep-alive',
    'Content-Length': String(bodyLength),
    'Content-Type': contentType,
    Date: date,
    'x-amzn-RequestId': requestId,
    ...extra,
  };
  return {
    SdkHttpMetadata: {
      AllHttpHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
      HttpHeaders: headers,
      HttpStatusCode: 200,
    },
    SdkResponseMetadata: { RequestId: requestId },
  };
}

/** AWS's Java SDK rendering of a service error, as Step Functions puts it in a Cause. */
export function sdkErrorCause(
  message: string,
  service: string,
  status: number,
  code: string,
  requestId: string,
): string {
  return `${message} (Service: ${service}; Status Code: ${status}; Error Code: ${code}; Request ID: ${requestId}; Proxy: null)`;
}
