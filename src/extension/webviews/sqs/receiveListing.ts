// Lists messages where no peek exists (LocalStack, AWS) with ReceiveMessage. Receiving with
// VisibilityTimeout 0 alone cannot page: every call may return the same first ten messages. So
// each batch is held for a few seconds — long enough for the next calls to return other
// messages — and every message is released (visibility 0) as soon as the listing ends.
// It is still a receive: each listed message's ApproximateReceiveCount grows by one, and with a
// redrive policy a message can reach the DLQ by being listed. The view says so.
import {
  ChangeMessageVisibilityBatchCommand,
  ReceiveMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { BODY_LIMIT, type MessageListing, type MessageRow } from '../../../shared/webviewProtocolSqs';

/** Seconds a listed message stays hidden if the release fails (e.g. the editor closes). */
const HOLD_SECONDS = 5;
/** Empty batches in a row before we stop: short polling samples servers, one empty batch proves little. */
const PATIENCE = 2;

export async function listByReceive(client: SQSClient, url: string, max: number): Promise<MessageListing> {
  const rows = new Map<string, MessageRow>();
  const handles: string[] = [];
  let empty = 0;
  try {
    while (rows.size < max && empty < PATIENCE) {
      const out = await client.send(
        new ReceiveMessageCommand({
          QueueUrl: url,
          MaxNumberOfMessages: Math.min(10, max - rows.size),
          VisibilityTimeout: HOLD_SECONDS,
          WaitTimeSeconds: 0,
          MessageSystemAttributeNames: ['All'],
          AttributeNames: ['All'], // older emulators honour only the deprecated name
          MessageAttributeNames: ['All'],
        }),
      );
      const got = out.Messages ?? [];
      empty = got.length ? 0 : empty + 1;
      for (const m of got) {
        if (m.ReceiptHandle) handles.push(m.ReceiptHandle);
        if (m.MessageId && !rows.has(m.MessageId)) rows.set(m.MessageId, rowFromMessage(m));
      }
    }
  } finally {
    await release(client, url, handles);
  }
  const messages = [...rows.values()].sort((a, b) => a.sentTimestamp - b.sentTimestamp);
  return { mode: 'receive', messages, truncated: rows.size >= max };
}

/** Makes every listed message visible again at once. */
async function release(client: SQSClient, url: string, handles: string[]): Promise<void> {
  for (let i = 0; i < handles.length; i += 10) {
    const batch = handles.slice(i, i + 10);
    await client
      .send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: url,
          Entries: batch.map((h, j) => ({ Id: String(j), ReceiptHandle: h, VisibilityTimeout: 0 })),
        }),
      )
      .catch(() => undefined); // they come back by themselves after HOLD_SECONDS
  }
}

export function rowFromMessage(m: Message): MessageRow {
  const sys = m.Attributes ?? {};
  const body = m.Body ?? '';
  const attributes: Record<string, string> = {};
  for (const [name, v] of Object.entries(m.MessageAttributes ?? {})) {
    const value = v.StringValue ?? (v.BinaryValue ? `${v.BinaryValue.length} bytes` : '');
    attributes[name] = `${value} (${v.DataType ?? 'String'})`;
  }
  return {
    messageId: m.MessageId ?? '',
    body: body.slice(0, BODY_LIMIT),
    bodyLength: body.length,
    attributes,
    receiveCount: Number(sys.ApproximateReceiveCount ?? 0),
    sentTimestamp: Number(sys.SentTimestamp ?? 0),
    groupId: sys.MessageGroupId,
    sequenceNumber: sys.SequenceNumber,
    deduplicationId: sys.MessageDeduplicationId,
  };
}
