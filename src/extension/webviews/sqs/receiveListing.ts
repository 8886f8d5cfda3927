// Lists messages where no peek exists (LocalStack, AWS): ReceiveMessage with VisibilityTimeout 0,
// so every message stays visible. It is not free of side effects — each read counts as a receive
// (ApproximateReceiveCount grows; with a redrive policy messages can move to the DLQ) — the view
// says so. Batches repeat until no new message id appears or `max` are listed.
import { ReceiveMessageCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import { BODY_LIMIT, type MessageListing, type MessageRow } from '../../../shared/webviewProtocolSqs';

/** Fruitless batches in a row before we stop: SQS samples servers, so one empty batch proves little. */
const PATIENCE = 3;

export async function listByReceive(client: SQSClient, url: string, max: number): Promise<MessageListing> {
  const rows = new Map<string, MessageRow>();
  let fruitless = 0;
  while (rows.size < max && fruitless < PATIENCE) {
    const out = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: url,
        MaxNumberOfMessages: 10,
        VisibilityTimeout: 0,
        WaitTimeSeconds: 0,
        MessageSystemAttributeNames: ['All'],
        AttributeNames: ['All'], // older emulators honour only the deprecated name
        MessageAttributeNames: ['All'],
      }),
    );
    const before = rows.size;
    for (const m of out.Messages ?? []) {
      if (m.MessageId && !rows.has(m.MessageId) && rows.size < max) rows.set(m.MessageId, rowFromMessage(m));
    }
    fruitless = rows.size === before ? fruitless + 1 : 0;
  }
  const messages = [...rows.values()].sort((a, b) => a.sentTimestamp - b.sentTimestamp);
  return { mode: 'receive', messages, truncated: rows.size >= max };
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
