// A bucket's notifications (to Lambda and SQS), kept apart from the bucket so a function
// may Ref the bucket that triggers it without a circular dependency.
import {
  GetBucketNotificationConfigurationCommand,
  HeadBucketCommand,
  PutBucketNotificationConfigurationCommand,
  type NotificationConfiguration,
} from '@aws-sdk/client-s3';
import { ifExists } from '../awsErrors';
import type { DeployContext, ResourceHandler } from '../context';
import { GetQueueAttributesCommand, GetQueueUrlCommand, SetQueueAttributesCommand } from '@aws-sdk/client-sqs';

interface CfnFilter {
  S3Key?: { Rules?: Array<{ Name: string; Value: string }> };
}

function filterOf(f: CfnFilter | undefined) {
  const rules = f?.S3Key?.Rules;
  if (!rules?.length) return undefined;
  return {
    Key: {
      FilterRules: rules.map((r) => ({
        Name: (r.Name.toLowerCase() === 'prefix' ? 'prefix' : 'suffix') as 'prefix' | 'suffix',
        Value: r.Value,
      })),
    },
  };
}

export const bucketNotification: ResourceHandler = {
  async deploy(_resource, props, ctx) {
    const bucket = String(props.Bucket);
    const lambda = (props.LambdaConfigurations ?? []) as Array<{ Event: string; Function: string; Filter?: CfnFilter }>;
    const queue = (props.QueueConfigurations ?? []) as Array<{ Event: string; Queue: string; Filter?: CfnFilter }>;
    const wanted: NotificationConfiguration = {
      LambdaFunctionConfigurations: lambda.map((c, i) => ({
        Id: `lambda-${i}`,
        Events: [c.Event as never],
        LambdaFunctionArn: c.Function,
        Filter: filterOf(c.Filter),
      })),
      QueueConfigurations: queue.map((c, i) => ({
        Id: `queue-${i}`,
        Events: [c.Event as never],
        QueueArn: c.Queue,
        Filter: filterOf(c.Filter),
      })),
    };
    for (const c of queue) await allowS3ToSend(ctx, c.Queue, bucket);
    const current = await ctx.clients.s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }));
    const same = normalise(current) === normalise(wanted);
    if (!same)
      await ctx.clients.s3.send(
        new PutBucketNotificationConfigurationCommand({ Bucket: bucket, NotificationConfiguration: wanted }),
      );
    return { ref: bucket, attributes: {}, outcome: same ? 'unchanged' : 'updated' };
  },

  async remove(resource, ctx, previous) {
    const bucketId = (resource.properties.Bucket as { Ref?: string }).Ref;
    const bucketResource = bucketId ? ctx.template.resources[bucketId] : undefined;
    const bucket = previous?.ref ?? (bucketResource ? ctx.physicalName(bucketResource) : undefined);
    if (!bucket || !(await ifExists(() => ctx.clients.s3.send(new HeadBucketCommand({ Bucket: bucket })))))
      return false;
    await ctx.clients.s3.send(
      new PutBucketNotificationConfigurationCommand({ Bucket: bucket, NotificationConfiguration: {} }),
    );
    return true;
  },
};

/**
 * AWS (and the local cloud) refuse a queue notification unless the queue's policy lets S3 send to it. A template
 * should carry an AWS::SQS::QueuePolicy (as `sam deploy` needs); when it has none, we add the
 * minimal policy rather than fail the student's deploy.
 */
async function allowS3ToSend(ctx: DeployContext, queueArn: string, bucket: string): Promise<void> {
  const name = queueArn.split(':').pop()!;
  const url = (await ctx.clients.sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl!;
  const current = (
    await ctx.clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['Policy'] }))
  ).Attributes?.Policy;
  if (current?.includes('s3.amazonaws.com')) return;
  ctx.note(`allowing S3 to send to ${name}`);
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'S3Notifications',
        Effect: 'Allow',
        Principal: { Service: 's3.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: queueArn,
        Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:s3:::${bucket}` } },
      },
    ],
  };
  await ctx.clients.sqs.send(
    new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { Policy: JSON.stringify(policy) } }),
  );
}

/** Comparable form: AWS answers rule names as Prefix/Suffix and adds ids of its own. */
function normalise(c: NotificationConfiguration): string {
  type Entry = {
    Events?: string[];
    Filter?: { Key?: { FilterRules?: Array<{ Name?: string; Value?: string }> } };
    LambdaFunctionArn?: string;
    QueueArn?: string;
  };
  const rules = (f: Entry['Filter']) =>
    (f?.Key?.FilterRules ?? []).map((r) => `${(r.Name ?? '').toLowerCase()}=${r.Value}`).sort();
  const pick = (list: Entry[] | undefined) =>
    (list ?? [])
      .map((x) =>
        JSON.stringify({ e: [...(x.Events ?? [])].sort(), t: x.LambdaFunctionArn ?? x.QueueArn, f: rules(x.Filter) }),
      )
      .sort();
  return JSON.stringify([pick(c.LambdaFunctionConfigurations), pick(c.QueueConfigurations)]);
}
