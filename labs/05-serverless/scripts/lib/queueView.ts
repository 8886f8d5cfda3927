// Reads what a queue holds without taking it away from the student, for the lesson's checks.
// On the local cloud: its peek (X-Amz-Target LocalCloud.PeekMessages), which changes nothing.
// Elsewhere SQS has no peek, so every message is received and at once put back with
// ChangeMessageVisibility 0; that raises ApproximateReceiveCount by one, and `how` says so.
import { ChangeMessageVisibilityCommand, GetQueueAttributesCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { sqs } from './queues';

export interface QueuedMessage {
  id: string;
  body: string;
  groupId?: string;
  deduplicationId?: string;
  sequenceNumber?: string;
  receiveCount: number;
  /** Received and not deleted (peek only; a receive cannot see in-flight messages). */
  inFlight: boolean;
}

export interface QueueView {
  messages: QueuedMessage[];
  /** Messages received by someone and not yet deleted or returned. */
  inFlight: number;
  /** One sentence: how the queue was read. */
  how: string;
}

interface PeekAnswer {
  Counts: { InFlight: number };
  Messages: Array<{
    MessageId: string;
    Body: string;
    State: string;
    ReceiveCount: number;
    MessageGroupId?: string;
    MessageDeduplicationId?: string;
    SequenceNumber?: string;
  }>;
}

async function peek(url: string): Promise<QueueView> {
  let raw = '';
  const command = new GetQueueAttributesCommand({ QueueUrl: url });
  // Same client, same signature; only the operation differs: the target header is replaced
  // before signing and the raw answer is kept before the SDK's parser sees it.
  command.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers: Record<string, string>; body: string };
      request.headers['x-amz-target'] = 'LocalCloud.PeekMessages';
      request.body = JSON.stringify({ QueueUrl: url });
      return next(args);
    },
    { step: 'build', name: 'localCloudPeekTarget' },
  );
  command.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const response = result.response as { body: AsyncIterable<Uint8Array> & NodeJS.ReadableStream };
      const chunks: Buffer[] = [];
      for await (const chunk of response.body) chunks.push(Buffer.from(chunk));
      raw = Buffer.concat(chunks).toString('utf8');
      const { Readable } = await import('node:stream');
      (result.response as { body: unknown }).body = Readable.from([Buffer.from(raw)]);
      return result;
    },
    { step: 'deserialize', name: 'localCloudPeekBody', priority: 'low' },
  );
  await sqs.send(command);
  const answer = JSON.parse(raw) as PeekAnswer;
  const messages = answer.Messages.map((m) => ({
    id: m.MessageId,
    body: m.Body,
    groupId: m.MessageGroupId,
    deduplicationId: m.MessageDeduplicationId,
    sequenceNumber: m.SequenceNumber,
    receiveCount: m.ReceiveCount,
    inFlight: m.State === 'inflight',
  }));
  return { messages, inFlight: answer.Counts.InFlight, how: "read with the local cloud's peek; nothing was received" };
}

async function receiveAndReturn(url: string): Promise<QueueView> {
  const seen = new Map<string, QueuedMessage>();
  const handles: string[] = [];
  try {
    for (let round = 0; round < 20; round++) {
      const res = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: url,
          MaxNumberOfMessages: 10,
          VisibilityTimeout: 30,
          WaitTimeSeconds: 1,
          MessageSystemAttributeNames: ['All'],
        }),
      );
      if (!res.Messages?.length) break;
      for (const m of res.Messages) {
        handles.push(m.ReceiptHandle!);
        const a = m.Attributes ?? {};
        seen.set(m.MessageId!, {
          id: m.MessageId!,
          body: m.Body ?? '',
          groupId: a.MessageGroupId,
          deduplicationId: a.MessageDeduplicationId,
          sequenceNumber: a.SequenceNumber,
          receiveCount: Number(a.ApproximateReceiveCount ?? 1) - 1,
          inFlight: false,
        });
      }
    }
  } finally {
    for (const handle of handles)
      await sqs
        .send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: handle, VisibilityTimeout: 0 }))
        .catch(() => undefined);
  }
  const attrs = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessagesNotVisible'] }),
  );
  // Messages seen in this read were already put back; what is still not visible was in flight before.
  const inFlight = Number(attrs.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
  return {
    messages: [...seen.values()],
    inFlight,
    how: `read by receiving ${seen.size} message(s) and putting each back at once (visibility 0), which raised its receive count by one`,
  };
}

export function readQueue(url: string): Promise<QueueView> {
  return process.env.HOC_TARGET === 'local' ? peek(url) : receiveAndReturn(url);
}
