// AWS::SQS::Queue — create, or bring attributes in line; Ref is the queue URL.
import {
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  SetQueueAttributesCommand,
} from '@aws-sdk/client-sqs';
import { ifExists } from '../awsErrors';
import type { ResourceHandler } from '../context';

const ATTRIBUTES = [
  'VisibilityTimeout',
  'MessageRetentionPeriod',
  'DelaySeconds',
  'ReceiveMessageWaitTimeSeconds',
  'MaximumMessageSize',
  'RedrivePolicy',
  'ContentBasedDeduplication',
] as const;

function attributesOf(props: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of ATTRIBUTES) {
    const v = props[a];
    if (v === undefined) continue;
    out[a] = typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return out;
}

export const sqsQueue: ResourceHandler = {
  async deploy(resource, props, ctx) {
    const name = ctx.physicalName(resource);
    const sqs = ctx.clients.sqs;
    const wanted = attributesOf(props);
    const existing = await ifExists(() => sqs.send(new GetQueueUrlCommand({ QueueName: name })));
    let url: string;
    let outcome: 'created' | 'updated' | 'unchanged' = 'unchanged';
    if (existing?.QueueUrl) {
      url = existing.QueueUrl;
      const current: Record<string, string> =
        (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }))).Attributes ?? {};
      const changed = Object.fromEntries(Object.entries(wanted).filter(([k, v]) => !sameAttribute(current[k], v)));
      if (Object.keys(changed).length) {
        await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: changed }));
        outcome = 'updated';
      }
    } else {
      const fifo = name.endsWith('.fifo') ? { FifoQueue: 'true' } : {};
      url = (await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: { ...wanted, ...fifo } }))).QueueUrl!;
      outcome = 'created';
    }
    const arn = `arn:aws:sqs:${ctx.region}:${ctx.accountId}:${name}`;
    return { ref: url, attributes: { Arn: arn, QueueName: name, QueueUrl: url }, outcome };
  },

  async remove(resource, ctx) {
    const name = ctx.physicalName(resource);
    const existing = await ifExists(() => ctx.clients.sqs.send(new GetQueueUrlCommand({ QueueName: name })));
    if (!existing?.QueueUrl) return false;
    await ifExists(() => ctx.clients.sqs.send(new DeleteQueueCommand({ QueueUrl: existing.QueueUrl })));
    return true;
  },
};

function sameAttribute(current: string | undefined, wanted: string): boolean {
  if (current === wanted) return true;
  try {
    return JSON.stringify(JSON.parse(current ?? '')) === JSON.stringify(JSON.parse(wanted));
  } catch {
    return false;
  }
}
