// Calls between services inside the local cloud (S3 → SQS/Lambda notifications, SQS → Lambda
// event source mappings, API Gateway / Step Functions → Lambda, Lambda → Logs). Each service
// implements its interface; callers reach it with ctx.services.get<…>(name). Failures are
// AwsErrors with the codes AWS uses.
import type { LocalService } from './types';

export interface SqsMessageAttributeValue {
  DataType: string;
  StringValue?: string;
  /** base64 */
  BinaryValue?: string;
}

/** A received message, with what an SQS → Lambda event record needs. */
export interface SqsReceivedMessage {
  messageId: string;
  receiptHandle: string;
  body: string;
  md5OfBody: string;
  md5OfMessageAttributes?: string;
  /** System attributes: ApproximateReceiveCount, SentTimestamp, SenderId, ApproximateFirstReceiveTimestamp, MessageGroupId … */
  attributes: Record<string, string>;
  messageAttributes: Record<string, SqsMessageAttributeValue>;
}

export interface SqsInternal extends LocalService {
  /** Queue name from an ARN (arn:aws:sqs:region:account:name) or a queue URL; undefined if absent. */
  findQueue(
    arnOrUrl: string,
  ): { name: string; arn: string; url: string; fifo: boolean; visibilityTimeout: number } | undefined;
  /** Whether the queue's access policy lets `service` (e.g. s3.amazonaws.com) send to it on behalf of `sourceArn`. */
  allowsServiceSend(arnOrUrl: string, service: string, sourceArn: string, sourceAccount: string): boolean;
  sendInternal(
    arnOrUrl: string,
    body: string,
    options?: {
      messageAttributes?: Record<string, SqsMessageAttributeValue>;
      messageGroupId?: string;
      messageDeduplicationId?: string;
      delaySeconds?: number;
    },
  ): Promise<{ messageId: string; md5OfBody: string; sequenceNumber?: string }>;
  /** Receives like ReceiveMessage with all attributes; waits up to waitSeconds for a message. */
  receiveInternal(
    arnOrUrl: string,
    options: { max: number; waitSeconds: number; visibilityTimeout?: number; signal?: AbortSignal },
  ): Promise<SqsReceivedMessage[]>;
  deleteInternal(arnOrUrl: string, receiptHandle: string): Promise<void>;
  changeVisibilityInternal(arnOrUrl: string, receiptHandle: string, visibilityTimeoutSeconds: number): Promise<void>;
}

export interface InvokeResult {
  statusCode: number;
  payload: Buffer;
  /** 'Unhandled' | 'Handled' when the function failed. */
  functionError?: string;
  /** base64 of the last 4 KB of the log, when logType is 'Tail'. */
  logResult?: string;
  executedVersion: string;
}

export interface LambdaInternal extends LocalService {
  /**
   * Invokes a function by name, ARN or partial ARN (qualifier allowed). With `principal`
   * (e.g. 'apigateway.amazonaws.com', 's3.amazonaws.com') the function's resource policy must
   * allow it for `sourceArn`, as AWS checks; otherwise AccessDeniedException.
   */
  invokeInternal(
    functionRef: string,
    payload: Buffer,
    options: {
      invocationType: 'RequestResponse' | 'Event';
      qualifier?: string;
      principal?: string;
      sourceArn?: string;
      sourceAccount?: string;
      logType?: 'Tail' | 'None';
      signal?: AbortSignal;
    },
  ): Promise<InvokeResult>;
  /** ARN of a function, or undefined when it does not exist. */
  functionArn(functionRef: string): string | undefined;
}

export interface LogsInternal extends LocalService {
  /** Creates group and stream when missing; timestamps in ms. */
  putEventsInternal(group: string, stream: string, events: Array<{ timestamp: number; message: string }>): void;
}
