// Lambda driven by other services: SQS event source mapping with partial batch failures ending
// in the queue's DLQ, S3 notifications (async, policy-checked), asynchronous invokes retried
// as AWS retries them, and EFS folders shared between functions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AddPermissionCommand,
  CreateEventSourceMappingCommand,
  DeleteEventSourceMappingCommand,
  InvokeCommand,
  LambdaClient,
  PutFunctionEventInvokeConfigCommand,
} from '@aws-sdk/client-lambda';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import {
  CreateBucketCommand,
  PutBucketNotificationConfigurationCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { useTestCloud } from '../../helpers/cloud';
import { createFunction, payloadOf, useFreshRuntimes } from './lambdaKit';

const f = useTestCloud(
  (config) => ({
    lambda: new LambdaClient(config),
    sqs: new SQSClient(config),
    s3: new S3Client(config),
    logs: new CloudWatchLogsClient(config),
  }),
  { env: { HOC_LAMBDA_ASYNC_RETRY_SCALE: '0.01' }, prepare: useFreshRuntimes },
);

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, seconds = 30): Promise<T> {
  const until = Date.now() + seconds * 1000;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function logLines(group: string, pattern: string): Promise<string[]> {
  try {
    const out = await f.logs.send(new FilterLogEventsCommand({ logGroupName: group, filterPattern: pattern }));
    return out.events!.map((e) => e.message!);
  } catch {
    return [];
  }
}

async function queue(name: string, attributes: Record<string, string> = {}): Promise<{ url: string; arn: string }> {
  const { QueueUrl } = await f.sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  const attrs = await f.sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
  return { url: QueueUrl!, arn: attrs.Attributes!.QueueArn! };
}

test('SQS → Lambda: successes are deleted, a reported failure is retried and lands in the DLQ', async () => {
  const dlq = await queue('orders-dlq');
  const main = await queue('orders', {
    VisibilityTimeout: '2',
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 2 }),
  });
  await createFunction(f.lambda, { FunctionName: 'worker', Handler: 'index.batch', Timeout: 2 });
  await createFunction(f.lambda, { FunctionName: 'too-slow-for-queue', Handler: 'index.batch', Timeout: 30 });
  await assert.rejects(
    f.lambda.send(
      new CreateEventSourceMappingCommand({ FunctionName: 'too-slow-for-queue', EventSourceArn: main.arn }),
    ),
    /Queue visibility timeout: 2 seconds is less than Function timeout: 30 seconds/,
  );
  const mapping = await f.lambda.send(
    new CreateEventSourceMappingCommand({
      FunctionName: 'worker',
      EventSourceArn: main.arn,
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    }),
  );
  assert.equal(mapping.State, 'Creating');
  assert.equal(mapping.BatchSize, 10);
  await f.sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: main.url,
      Entries: ['ok-1', 'ok-2', 'fail-1'].map((b, i) => ({ Id: String(i), MessageBody: b })),
    }),
  );
  const dead = await eventually(
    'the failed message in the DLQ',
    async () => {
      const r = await f.sqs.send(
        new ReceiveMessageCommand({ QueueUrl: dlq.url, WaitTimeSeconds: 1, MaxNumberOfMessages: 10 }),
      );
      return r.Messages?.length ? r.Messages : undefined;
    },
    60,
  );
  assert.deepEqual(
    dead.map((m) => m.Body),
    ['fail-1'],
  );
  const left = await f.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: main.url,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  assert.equal(left.Attributes!.ApproximateNumberOfMessages, '0');
  assert.equal(left.Attributes!.ApproximateNumberOfMessagesNotVisible, '0');
  const batches = await logLines('/aws/lambda/worker', '"batch of"');
  assert.ok(
    batches.some((l) => l.includes('batch of 3, 1 failing')),
    batches.join(''),
  );
  assert.ok(
    batches.every((l) => /batch of [1-3], [01] failing/.test(l)),
    batches.join(''),
  );
  await f.lambda.send(new DeleteEventSourceMappingCommand({ UUID: mapping.UUID }));
});

test('S3 → Lambda: an upload invokes the function with the S3 event, once the policy allows it', async () => {
  await createFunction(f.lambda, { FunctionName: 'on-upload', Handler: 'index.record' });
  await f.s3.send(new CreateBucketCommand({ Bucket: 'photos' }));
  await f.lambda.send(
    new AddPermissionCommand({
      FunctionName: 'on-upload',
      StatementId: 's3',
      Action: 'lambda:InvokeFunction',
      Principal: 's3.amazonaws.com',
      SourceArn: 'arn:aws:s3:::photos',
    }),
  );
  await f.s3.send(
    new PutBucketNotificationConfigurationCommand({
      Bucket: 'photos',
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [
          {
            LambdaFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:on-upload',
            Events: ['s3:ObjectCreated:*'],
          },
        ],
      },
    }),
  );
  await f.s3.send(new PutObjectCommand({ Bucket: 'photos', Key: 'cat.jpg', Body: 'meow' }));
  const line = await eventually(
    'the S3 event in the function log',
    async () => (await logLines('/aws/lambda/on-upload', 'RECORD cat.jpg'))[0],
  );
  const event = JSON.parse(line.slice(line.indexOf('{')));
  assert.equal(event.Records[0].eventSource, 'aws:s3');
  assert.equal(event.Records[0].s3.bucket.name, 'photos');
  assert.equal(event.Records[0].s3.object.key, 'cat.jpg');
});

test('an async invoke that fails is retried twice, then goes to the dead-letter queue', async () => {
  const dlq = await queue('async-dlq');
  await createFunction(f.lambda, {
    FunctionName: 'flaky',
    Handler: 'index.record',
    DeadLetterConfig: { TargetArn: dlq.arn },
  });
  const accepted = await f.lambda.send(
    new InvokeCommand({
      FunctionName: 'flaky',
      InvocationType: 'Event',
      Payload: Buffer.from(JSON.stringify({ fail: true, id: 'a1' })),
    }),
  );
  assert.equal(accepted.StatusCode, 202);
  const dead = await eventually('the event in the DLQ', async () => {
    const r = await f.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: dlq.url, WaitTimeSeconds: 1, MessageAttributeNames: ['All'] }),
    );
    return r.Messages?.[0];
  });
  assert.deepEqual(JSON.parse(dead.Body!), { fail: true, id: 'a1' });
  assert.equal(dead.MessageAttributes!.ErrorMessage!.StringValue, 'asked to fail');
  assert.equal((await logLines('/aws/lambda/flaky', '"RECORD" a1')).length, 3, 'one attempt and two retries');
});

test('OnFailure destination with MaximumRetryAttempts 0 gets the invocation record', async () => {
  const dest = await queue('failures');
  await createFunction(f.lambda, { FunctionName: 'once', Handler: 'index.record' });
  await f.lambda.send(
    new PutFunctionEventInvokeConfigCommand({
      FunctionName: 'once',
      MaximumRetryAttempts: 0,
      DestinationConfig: { OnFailure: { Destination: dest.arn } },
    }),
  );
  await f.lambda.send(
    new InvokeCommand({
      FunctionName: 'once',
      InvocationType: 'Event',
      Payload: Buffer.from('{"fail":true,"id":"b2"}'),
    }),
  );
  const msg = await eventually(
    'the failure record',
    async () => (await f.sqs.send(new ReceiveMessageCommand({ QueueUrl: dest.url, WaitTimeSeconds: 1 }))).Messages?.[0],
  );
  const record = JSON.parse(msg.Body!);
  assert.equal(record.requestContext.condition, 'RetriesExhausted');
  assert.equal(record.requestContext.approximateInvokeCount, 1);
  assert.deepEqual(record.requestPayload, { fail: true, id: 'b2' });
  assert.equal(record.responseContext.functionError, 'Unhandled');
  assert.equal(record.responsePayload.errorMessage, 'asked to fail');
});

test('EFS: two functions mounting the same access point share files', async () => {
  const fileSystem = [
    {
      Arn: 'arn:aws:elasticfilesystem:us-east-1:000000000000:access-point/fsap-0123456789abcdef0',
      LocalMountPath: '/mnt/data',
    },
  ];
  await createFunction(f.lambda, {
    FunctionName: 'efs-writer',
    Handler: 'index.efsWrite',
    FileSystemConfigs: fileSystem,
  });
  await createFunction(f.lambda, {
    FunctionName: 'efs-reader',
    Handler: 'index.efsRead',
    FileSystemConfigs: fileSystem,
  });
  const wrote = await f.lambda.send(
    new InvokeCommand({ FunctionName: 'efs-writer', Payload: Buffer.from('{"file":"note.txt","text":"shared"}') }),
  );
  assert.match((payloadOf(wrote) as { root: string }).root, /efs[/\\]fsap-0123456789abcdef0$/);
  const read = await f.lambda.send(
    new InvokeCommand({ FunctionName: 'efs-reader', Payload: Buffer.from('{"file":"note.txt"}') }),
  );
  assert.equal(payloadOf(read), 'shared');
});
