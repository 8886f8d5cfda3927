// A queue whose access policy lets S3 send bucket notifications to it, as AWS requires
// before a bucket's notification configuration may name the queue.
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';

export function s3SendPolicy(bucketArnPattern = 'arn:aws:s3:::*'): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 's3.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Condition: { ArnLike: { 'aws:SourceArn': bucketArnPattern } },
      },
    ],
  });
}

export async function createNotifiableQueue(sqs: SQSClient, name: string): Promise<{ url: string; arn: string }> {
  const { QueueUrl } = await sqs.send(
    new CreateQueueCommand({ QueueName: name, Attributes: { Policy: s3SendPolicy() } }),
  );
  const attrs = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
  return { url: QueueUrl!, arn: attrs.Attributes!.QueueArn! };
}
