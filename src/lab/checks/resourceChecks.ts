// Checks on resources: exists, queue depth, objects under a prefix.
import { GetFunctionCommand } from '@aws-sdk/client-lambda';
import { GetQueueAttributesCommand, GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import { HeadBucketCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { DescribeStateMachineCommand } from '@aws-sdk/client-sfn';
import { GetRestApiCommand } from '@aws-sdk/client-api-gateway';
import { ifExists } from '../../cloud/deploy/awsErrors';
import type { LabSession } from '../session';
import type { Verdict } from './verdict';

export async function resourceExists(session: LabSession, id: string): Promise<Verdict> {
  const type = session.template.authored[id] ?? session.template.resources[id]?.type;
  const name = session.physicalName(id);
  const c = session.clients;
  const missing = {
    passed: false,
    message: `${id} does not exist on ${session.target.kind}; deploy it (the step's Deploy button, or hoc lab run --step)`,
  };
  let found: unknown;
  switch (type) {
    case 'AWS::SQS::Queue':
      found = await ifExists(() => c.sqs.send(new GetQueueUrlCommand({ QueueName: name })));
      break;
    case 'AWS::S3::Bucket':
      found = await ifExists(() => c.s3.send(new HeadBucketCommand({ Bucket: name })));
      break;
    case 'AWS::Serverless::Function':
      found = await ifExists(() => c.lambda.send(new GetFunctionCommand({ FunctionName: name })));
      break;
    case 'AWS::Serverless::StateMachine':
    case 'AWS::StepFunctions::StateMachine': {
      const account = await c.accountId();
      found = await ifExists(() =>
        c.sfn.send(
          new DescribeStateMachineCommand({
            stateMachineArn: `arn:aws:states:${session.target.region}:${account}:stateMachine:${name}`,
          }),
        ),
      );
      break;
    }
    case 'AWS::ApiGateway::RestApi': {
      const ref = session.state().resources[id]?.ref;
      found = ref ? await ifExists(() => c.apigateway.send(new GetRestApiCommand({ restApiId: ref }))) : undefined;
      break;
    }
    default:
      found = session.state().resources[id];
  }
  return found ? { passed: true, message: `${id} exists` } : missing;
}

export async function queueDepth(
  session: LabSession,
  c: { queue: string; atLeast?: number; atMost?: number },
): Promise<Verdict> {
  const name = session.physicalName(c.queue);
  const url = await ifExists(() => session.clients.sqs.send(new GetQueueUrlCommand({ QueueName: name })));
  if (!url?.QueueUrl) return { passed: false, message: `queue ${c.queue} does not exist yet; deploy it first` };
  const attrs =
    (
      await session.clients.sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: url.QueueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
      )
    ).Attributes ?? {};
  const n = Number(attrs.ApproximateNumberOfMessages ?? 0);
  const plural = (k: number) => `${k} message${k === 1 ? '' : 's'}`;
  if (c.atLeast !== undefined && n < c.atLeast)
    return {
      passed: false,
      message: `queue ${c.queue} has ${plural(n)} waiting; it needs at least ${c.atLeast} — send some first`,
    };
  if (c.atMost !== undefined && n > c.atMost)
    return {
      passed: false,
      message: `queue ${c.queue} still has ${plural(n)} waiting; at most ${c.atMost} should remain — consume them first`,
    };
  return { passed: true, message: `queue ${c.queue} has ${plural(n)} waiting` };
}

export async function objectExists(
  session: LabSession,
  c: { bucket: string; prefix?: string; atLeast?: number },
): Promise<Verdict> {
  const bucket = session.physicalName(c.bucket);
  const prefix = c.prefix ? session.expand(c.prefix) : '';
  const want = c.atLeast ?? 1;
  const list = await ifExists(() =>
    session.clients.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, MaxKeys: Math.max(want, 10) })),
  );
  if (!list) return { passed: false, message: `bucket ${c.bucket} does not exist yet; deploy it first` };
  const n = list.KeyCount ?? list.Contents?.length ?? 0;
  if (n < want)
    return {
      passed: false,
      message: `bucket ${c.bucket} has ${n} object${n === 1 ? '' : 's'} under '${prefix}'; it needs at least ${want}`,
    };
  return {
    passed: true,
    message: `bucket ${c.bucket} has ${n >= 10 ? 'at least 10' : n} object${n === 1 ? '' : 's'} under '${prefix}'`,
  };
}
