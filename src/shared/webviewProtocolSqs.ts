// Messages between the SQS messages view and its host.
import { check, type ParamCheckers } from './webviewProtocol';

export interface QueueRef {
  name: string;
  url: string;
}

export interface QueueCounters {
  visible: number;
  inFlight: number;
  delayed: number;
}

export interface QueueInfo extends QueueRef {
  arn: string;
  fifo: boolean;
  /** Every attribute GetQueueAttributes(All) returned, as AWS spells them. */
  attributes: Record<string, string>;
  counters: QueueCounters;
  /** Where messages go after maxReceiveCount receives (RedrivePolicy). */
  deadLetterQueue?: QueueRef & { maxReceiveCount: number };
  /** Queues that use this one as their dead-letter queue. */
  sourceQueues: QueueRef[];
}

export interface MessageRow {
  messageId: string;
  /** The body, cut at BODY_LIMIT characters (bodyLength tells the full size). */
  body: string;
  bodyLength: number;
  /** Message attributes, each rendered as `value (DataType)`. */
  attributes: Record<string, string>;
  receiveCount: number;
  sentTimestamp: number;
  groupId?: string;
  sequenceNumber?: string;
  deduplicationId?: string;
  /** Only the local cloud's peek knows it; receive-based listing sees visible messages only. */
  state?: 'visible' | 'inFlight' | 'delayed';
}

export const BODY_LIMIT = 4096;

/** How messages were listed: the local cloud's non-destructive peek, or ReceiveMessage with VisibilityTimeout 0. */
export type ListingMode = 'peek' | 'receive';

export interface MessageListing {
  mode: ListingMode;
  messages: MessageRow[];
  /** True when more messages exist than were listed. */
  truncated: boolean;
}

export interface SendParams {
  body: string;
  attributes: Array<{ name: string; dataType: 'String' | 'Number' | 'Binary'; value: string }>;
  groupId?: string;
  deduplicationId?: string;
  delaySeconds?: number;
}

export type SqsMethods = {
  queue: { params: Record<string, never>; result: QueueInfo };
  /** The three counters alone: what the view polls. */
  counters: { params: Record<string, never>; result: QueueCounters };
  messages: { params: { max: number }; result: MessageListing };
  send: { params: SendParams; result: { messageId: string; sequenceNumber?: string } };
  receiveAndDelete: { params: { max: number }; result: { deleted: number } };
  purge: { params: Record<string, never>; result: { purged: boolean } };
  openQueue: { params: { url: string }; result: Record<string, never> };
};

export type SqsEvent = { type: 'target'; label: string; queueUrl: string };

export const sqsParams: ParamCheckers<SqsMethods> = {
  queue: check.object({}),
  counters: check.object({}),
  messages: check.object({ max: check.number }),
  send: check.object<SendParams>({
    body: check.string,
    attributes: check.array(
      check.object({ name: check.string, dataType: check.literal('String', 'Number', 'Binary'), value: check.string }),
      10,
    ),
    groupId: check.optional(check.string),
    deduplicationId: check.optional(check.string),
    delaySeconds: check.optional(check.number),
  }),
  receiveAndDelete: check.object({ max: check.number }),
  purge: check.object({}),
  openQueue: check.object({ url: check.string }),
};

/** View state kept across hide/show (getState/setState). */
export interface SqsViewState {
  queueUrl: string;
  selectedMessageId?: string;
  draft?: SendParams;
}
