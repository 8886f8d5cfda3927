// AWS::SQS::QueuePolicy — the access policy of one or more queues (e.g. letting S3 send).
import { GetQueueAttributesCommand, SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { ifExists } from '../awsErrors';
import type { ResourceHandler } from '../context';

export const sqsQueuePolicy: ResourceHandler = {
  async deploy(resource, props, ctx, previous) {
    const policy = JSON.stringify(props.PolicyDocument);
    let changed = false;
    for (const url of (props.Queues ?? []) as string[]) {
      const current = (
        await ctx.clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['Policy'] }))
      ).Attributes?.Policy;
      if (current && JSON.stringify(JSON.parse(current)) === JSON.stringify(JSON.parse(policy))) continue;
      await ctx.clients.sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { Policy: policy } }));
      changed = true;
    }
    return {
      ref: resource.logicalId,
      attributes: {},
      outcome: changed ? (previous ? 'updated' : 'created') : 'unchanged',
    };
  },

  async remove(resource, ctx) {
    let removed = false;
    for (const q of (resource.properties.Queues ?? []) as unknown[]) {
      let url: string;
      try {
        url = String(ctx.resolve(q));
      } catch {
        continue; // the queue was never deployed
      }
      if (
        await ifExists(() =>
          ctx.clients.sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { Policy: '' } })),
        )
      )
        removed = true;
    }
    return removed;
  },
};
