// What the SQS view shows, fetched with the AWS SDK (no vscode here, so tests drive it against
// the local cloud): queue attributes and counters, DLQ links, and the operations of the view.
import {
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListDeadLetterSourceQueuesCommand,
  PurgeQueueCommand,
  ReceiveMessageCommand,
  DeleteMessageBatchCommand,
  SendMessageCommand,
  type SQSClient,
  type MessageAttributeValue,
} from '@aws-sdk/client-sqs';
import type { QueueInfo, QueueRef, SendParams } from '../../../shared/webviewProtocolSqs';

export function queueNameFromUrl(url: string): string {
  return decodeURIComponent(url.replace(/\/+$/, '').split('/').pop() ?? url);
}

/** Queue URL from a URL, an ARN (arn:aws:sqs:region:account:name) or a bare name. */
export async function resolveQueueUrl(client: SQSClient, ref: string): Promise<string> {
  if (/^https?:\/\//.test(ref)) return ref;
  const arn = /^arn:[^:]+:sqs:[^:]*:(\d+):(.+)$/.exec(ref);
  const out = await client.send(
    new GetQueueUrlCommand(arn ? { QueueName: arn[2], QueueOwnerAWSAccountId: arn[1] } : { QueueName: ref }),
  );
  if (!out.QueueUrl) throw new Error(`The queue ${ref} has no URL; check its name.`);
  return out.QueueUrl;
}

export async function loadQueueInfo(client: SQSClient, url: string): Promise<QueueInfo> {
  const out = await client.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }));
  const attributes: Record<string, string> = { ...(out.Attributes ?? {}) };
  const num = (k: string) => Number(attributes[k] ?? 0) || 0;
  const name = queueNameFromUrl(url);
  const info: QueueInfo = {
    name,
    url,
    arn: attributes.QueueArn ?? '',
    fifo: attributes.FifoQueue === 'true' || name.endsWith('.fifo'),
    attributes,
    counters: {
      visible: num('ApproximateNumberOfMessages'),
      inFlight: num('ApproximateNumberOfMessagesNotVisible'),
      delayed: num('ApproximateNumberOfMessagesDelayed'),
    },
    sourceQueues: [],
  };
  const redrive = parseRedrive(attributes.RedrivePolicy);
  if (redrive) {
    const dlqName = redrive.deadLetterTargetArn.split(':').pop() ?? '';
    let dlqUrl = '';
    try {
      dlqUrl = await resolveQueueUrl(client, redrive.deadLetterTargetArn);
    } catch {
      // The DLQ may have been deleted; still show its name so the student sees the broken link.
    }
    info.deadLetterQueue = { name: dlqName, url: dlqUrl, maxReceiveCount: redrive.maxReceiveCount };
  }
  info.sourceQueues = await deadLetterSources(client, url);
  return info;
}

/** Counters only: cheap enough to poll every few seconds. */
export async function loadCounters(client: SQSClient, url: string): Promise<QueueInfo['counters']> {
  const out = await client.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: [
        'ApproximateNumberOfMessages',
        'ApproximateNumberOfMessagesNotVisible',
        'ApproximateNumberOfMessagesDelayed',
      ],
    }),
  );
  const a = out.Attributes ?? {};
  return {
    visible: Number(a.ApproximateNumberOfMessages ?? 0),
    inFlight: Number(a.ApproximateNumberOfMessagesNotVisible ?? 0),
    delayed: Number(a.ApproximateNumberOfMessagesDelayed ?? 0),
  };
}

function parseRedrive(text: string | undefined): { deadLetterTargetArn: string; maxReceiveCount: number } | undefined {
  if (!text) return undefined;
  try {
    const p = JSON.parse(text) as { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown };
    if (typeof p.deadLetterTargetArn !== 'string') return undefined;
    return { deadLetterTargetArn: p.deadLetterTargetArn, maxReceiveCount: Number(p.maxReceiveCount) || 0 };
  } catch {
    return undefined;
  }
}

async function deadLetterSources(client: SQSClient, url: string): Promise<QueueRef[]> {
  try {
    const out = await client.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: url }));
    return (out.queueUrls ?? []).map((u) => ({ name: queueNameFromUrl(u), url: u }));
  } catch {
    // Not every emulator implements it; the link from the source queue still works.
    return [];
  }
}

export async function sendFromView(
  client: SQSClient,
  url: string,
  p: SendParams,
): Promise<{ messageId: string; sequenceNumber?: string }> {
  const attrs: Record<string, MessageAttributeValue> = {};
  for (const a of p.attributes) {
    if (!a.name) continue;
    attrs[a.name] =
      a.dataType === 'Binary'
        ? { DataType: 'Binary', BinaryValue: Buffer.from(a.value, 'base64') }
        : { DataType: a.dataType, StringValue: a.value };
  }
  const out = await client.send(
    new SendMessageCommand({
      QueueUrl: url,
      MessageBody: p.body,
      MessageAttributes: Object.keys(attrs).length ? attrs : undefined,
      MessageGroupId: p.groupId || undefined,
      MessageDeduplicationId: p.deduplicationId || undefined,
      DelaySeconds: p.delaySeconds || undefined,
    }),
  );
  return { messageId: out.MessageId ?? '', sequenceNumber: out.SequenceNumber };
}

/** Receives up to `max` messages (in batches of 10) and deletes each one received. */
export async function receiveAndDelete(client: SQSClient, url: string, max: number): Promise<number> {
  let deleted = 0;
  while (deleted < max) {
    const got = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: url,
        MaxNumberOfMessages: Math.min(10, max - deleted),
        WaitTimeSeconds: 0,
      }),
    );
    const messages = got.Messages ?? [];
    if (messages.length === 0) break;
    const out = await client.send(
      new DeleteMessageBatchCommand({
        QueueUrl: url,
        Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })),
      }),
    );
    deleted += out.Successful?.length ?? 0;
  }
  return deleted;
}

export async function purge(client: SQSClient, url: string): Promise<void> {
  await client.send(new PurgeQueueCommand({ QueueUrl: url }));
}
