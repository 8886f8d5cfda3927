// The answer of the local cloud's PeekMessages (X-Amz-Target: LocalCloud.PeekMessages on the
// sqs service): every message of a queue with its state, read without receiving it.
export type PeekState = 'visible' | 'inflight' | 'delayed';

export interface PeekedMessage {
  MessageId: string;
  Body: string;
  MD5OfBody: string;
  State: PeekState;
  /** How many times the message was received (ApproximateReceiveCount). */
  ReceiveCount: number;
  /** Epoch ms when sent. */
  SentTimestamp: number;
  /** Epoch ms when it becomes (or became) visible: end of its delay or visibility timeout. */
  VisibleAt: number;
  FirstReceiveTimestamp?: number;
  MessageGroupId?: string;
  MessageDeduplicationId?: string;
  SequenceNumber?: string;
  DeadLetterQueueSourceArn?: string;
  /** System attributes as ReceiveMessage would name them. */
  Attributes: Record<string, string>;
  MessageAttributes?: Record<string, { DataType: string; StringValue?: string; BinaryValue?: string }>;
}

export interface PeekResult {
  QueueUrl: string;
  QueueArn: string;
  Fifo: boolean;
  Counts: { Visible: number; InFlight: number; Delayed: number };
  /** In queue order (send order; sequence order on FIFO queues). */
  Messages: PeekedMessage[];
}
