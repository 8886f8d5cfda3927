// Bucket notifications to SQS, read back with the real SQS client: the s3:TestEvent on
// configuration, ObjectCreated/ObjectRemoved records in AWS's exact shape, subtypes,
// prefix/suffix filters, and destination validation.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetBucketNotificationConfigurationCommand,
  PutBucketNotificationConfigurationCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { DeleteMessageCommand, ReceiveMessageCommand, SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { Upload } from '@aws-sdk/lib-storage';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { zipSync } from 'fflate';
import { errorOf, useS3 } from './s3Fixture';
import { createNotifiableQueue, s3SendPolicy } from './notifiableQueue';

const f = useS3();
let sqsClient: SQSClient | undefined;
const sqsOf = () => (sqsClient ??= new SQSClient(f.cloud.clientConfig));
after(() => sqsClient?.destroy());

const queue = (name: string) => createNotifiableQueue(sqsOf(), name);

/** Receives (and deletes) the next message, waiting up to 5 s. */
async function next(url: string): Promise<Record<string, any>> {
  const out = await sqsOf().send(
    new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 5, MaxNumberOfMessages: 1 }),
  );
  const message = out.Messages?.[0];
  assert.ok(message, 'expected a notification in the queue');
  await sqsOf().send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: message.ReceiptHandle }));
  return JSON.parse(message.Body!) as Record<string, any>;
}

async function assertEmpty(url: string): Promise<void> {
  const out = await sqsOf().send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 1 }));
  assert.equal(out.Messages, undefined, `unexpected message: ${out.Messages?.[0]?.Body}`);
}

test('ObjectCreated and ObjectRemoved events reach SQS in the shape AWS sends, filtered by prefix and suffix', async () => {
  const bucket = await f.bucket('notify');
  const created = await queue(`created-${bucket}`);
  const removed = await queue(`removed-${bucket}`);
  await f.s3.send(
    new PutBucketNotificationConfigurationCommand({
      Bucket: bucket,
      NotificationConfiguration: {
        QueueConfigurations: [
          {
            Id: 'jpgs',
            QueueArn: created.arn,
            Events: ['s3:ObjectCreated:*'],
            Filter: {
              Key: {
                FilterRules: [
                  { Name: 'prefix', Value: 'uploads/' },
                  { Name: 'suffix', Value: '.jpg' },
                ],
              },
            },
          },
          { Id: 'removals', QueueArn: removed.arn, Events: ['s3:ObjectRemoved:*'] },
        ],
      },
    }),
  );

  const testEvent = await next(created.url);
  assert.equal(testEvent.Service, 'Amazon S3');
  assert.equal(testEvent.Event, 's3:TestEvent');
  assert.equal(testEvent.Bucket, bucket);
  assert.ok(testEvent.RequestId && testEvent.HostId && testEvent.Time);
  assert.equal((await next(removed.url)).Event, 's3:TestEvent');

  await f.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'uploads/skip.png', Body: 'png' }));
  await f.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'elsewhere/skip.jpg', Body: 'jpg' }));
  const put = await f.s3.send(
    new PutObjectCommand({ Bucket: bucket, Key: 'uploads/my photo.jpg', Body: 'jpeg bytes' }),
  );

  const message = await next(created.url);
  assert.deepEqual(Object.keys(message), ['Records']);
  const record = message.Records[0];
  assert.equal(record.eventVersion, '2.1');
  assert.equal(record.eventSource, 'aws:s3');
  assert.equal(record.awsRegion, 'us-east-1');
  assert.equal(record.eventName, 'ObjectCreated:Put');
  assert.match(record.eventTime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.match(record.userIdentity.principalId, /^AWS:/);
  assert.equal(record.requestParameters.sourceIPAddress, '127.0.0.1');
  assert.ok(record.responseElements['x-amz-request-id']);
  assert.ok(record.responseElements['x-amz-id-2']);
  assert.equal(record.s3.s3SchemaVersion, '1.0');
  assert.equal(record.s3.configurationId, 'jpgs');
  assert.deepEqual(record.s3.bucket.name, bucket);
  assert.equal(record.s3.bucket.arn, `arn:aws:s3:::${bucket}`);
  assert.ok(record.s3.bucket.ownerIdentity.principalId);
  assert.equal(record.s3.object.key, 'uploads/my+photo.jpg', 'keys are form-encoded');
  assert.equal(record.s3.object.size, 'jpeg bytes'.length);
  assert.equal(record.s3.object.eTag, put.ETag!.replace(/"/g, ''));
  assert.match(record.s3.object.sequencer, /^[0-9A-F]{16,}$/);
  await assertEmpty(created.url);

  await f.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'uploads/my photo.jpg' }));
  const deleted = (await next(removed.url)).Records[0];
  assert.equal(deleted.eventName, 'ObjectRemoved:Delete');
  assert.equal(deleted.s3.object.key, 'uploads/my+photo.jpg');
  assert.equal(deleted.s3.object.size, undefined);
  assert.ok(deleted.s3.object.sequencer > record.s3.object.sequencer, 'sequencers grow');
});

test('specific subtypes: Copy and CompleteMultipartUpload', async () => {
  const bucket = await f.bucket('subtypes');
  const copies = await queue(`copies-${bucket}`);
  const multiparts = await queue(`mp-${bucket}`);
  await f.s3.send(
    new PutBucketNotificationConfigurationCommand({
      Bucket: bucket,
      NotificationConfiguration: {
        QueueConfigurations: [
          { QueueArn: copies.arn, Events: ['s3:ObjectCreated:Copy'] },
          { QueueArn: multiparts.arn, Events: ['s3:ObjectCreated:CompleteMultipartUpload'] },
        ],
      },
    }),
  );
  await next(copies.url);
  await next(multiparts.url);
  await f.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'src', Body: 'x' }));
  await f.s3.send(new CopyObjectCommand({ Bucket: bucket, Key: 'dst', CopySource: `${bucket}/src` }));
  const copy = (await next(copies.url)).Records[0];
  assert.equal(copy.eventName, 'ObjectCreated:Copy');
  assert.equal(copy.s3.object.key, 'dst');
  assert.ok(copy.s3.configurationId, 'an id is generated when none is given');

  await new Upload({
    client: f.s3,
    params: { Bucket: bucket, Key: 'big', Body: randomBytes(6 * 1024 * 1024) },
    partSize: 5 * 1024 * 1024,
  }).done();
  const mp = (await next(multiparts.url)).Records[0];
  assert.equal(mp.eventName, 'ObjectCreated:CompleteMultipartUpload');
  assert.equal(mp.s3.object.size, 6 * 1024 * 1024);
  assert.match(mp.s3.object.eTag, /-2$/);
  await assertEmpty(copies.url);
});

test('GetBucketNotificationConfiguration returns what was configured', async () => {
  const bucket = await f.bucket('getnotify');
  const q = await queue(`get-${bucket}`);
  const empty = await f.s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }));
  assert.equal(empty.QueueConfigurations, undefined);
  await f.s3.send(
    new PutBucketNotificationConfigurationCommand({
      Bucket: bucket,
      NotificationConfiguration: {
        QueueConfigurations: [
          {
            Id: 'one',
            QueueArn: q.arn,
            Events: ['s3:ObjectCreated:Put', 's3:ObjectRemoved:Delete'],
            Filter: { Key: { FilterRules: [{ Name: 'suffix', Value: '.csv' }] } },
          },
        ],
      },
    }),
  );
  const got = await f.s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }));
  assert.deepEqual(got.QueueConfigurations, [
    {
      Id: 'one',
      QueueArn: q.arn,
      Events: ['s3:ObjectCreated:Put', 's3:ObjectRemoved:Delete'],
      Filter: { Key: { FilterRules: [{ Name: 'Suffix', Value: '.csv' }] } },
    },
  ]);
  // An empty configuration turns notifications off.
  await f.s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: bucket, NotificationConfiguration: {} }));
  assert.equal(
    (await f.s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }))).QueueConfigurations,
    undefined,
  );
});

test('destinations and rules are validated when the configuration is written', async () => {
  const bucket = await f.bucket('badnotify');
  const q = await queue(`ok-${bucket}`);
  const put = (NotificationConfiguration: object) =>
    errorOf(() =>
      f.s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: bucket, NotificationConfiguration })),
    );

  const missingQueue = await put({
    QueueConfigurations: [
      { QueueArn: 'arn:aws:sqs:us-east-1:000000000000:does-not-exist', Events: ['s3:ObjectCreated:*'] },
    ],
  });
  assert.equal(missingQueue.name, 'InvalidArgument');
  assert.match(missingQueue.message, /Unable to validate the following destination configurations/);
  // Each refused destination is named in a numbered ArgumentName/ArgumentValue pair.
  const details = missingQueue as unknown as Record<string, unknown>;
  assert.equal(details.ArgumentName1, 'arn:aws:sqs:us-east-1:000000000000:does-not-exist');
  assert.match(String(details.ArgumentValue1), /The destination queue does not exist/);
  const topic = await put({
    TopicConfigurations: [{ TopicArn: 'arn:aws:sns:us-east-1:000000000000:t', Events: ['s3:ObjectCreated:*'] }],
  });
  assert.equal(topic.name, 'InvalidArgument');
  const badEvent = await put({ QueueConfigurations: [{ QueueArn: q.arn, Events: ['s3:ObjectExploded:*'] }] });
  assert.equal(badEvent.name, 'InvalidArgument');
  const badFilter = await put({
    QueueConfigurations: [
      {
        QueueArn: q.arn,
        Events: ['s3:ObjectCreated:*'],
        Filter: { Key: { FilterRules: [{ Name: 'middle', Value: 'x' }] } },
      },
    ],
  });
  assert.equal(badFilter.name, 'InvalidArgument');
  const overlapping = await put({
    QueueConfigurations: [
      {
        QueueArn: q.arn,
        Events: ['s3:ObjectCreated:*'],
        Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'a/' }] } },
      },
      {
        QueueArn: q.arn,
        Events: ['s3:ObjectCreated:Put'],
        Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'a/b/' }] } },
      },
    ],
  });
  assert.equal(overlapping.name, 'InvalidArgument');
  assert.match(overlapping.message, /overlapping/);
  // The queue's access policy must let S3 send for this bucket: none, another bucket's, or a Deny is refused.
  const denied = /Permissions on the destination queue do not allow S3 to publish notifications from this bucket/;
  const setPolicy = (Policy: string) =>
    sqsOf().send(new SetQueueAttributesCommand({ QueueUrl: q.url, Attributes: { Policy } }));
  const attempt = () => put({ QueueConfigurations: [{ QueueArn: q.arn, Events: ['s3:ObjectCreated:*'] }] });
  await setPolicy('');
  const noPolicy = await attempt();
  assert.equal(noPolicy.name, 'InvalidArgument');
  assert.match(JSON.stringify(noPolicy), denied);
  await setPolicy(s3SendPolicy('arn:aws:s3:::someone-elses-bucket'));
  assert.match(JSON.stringify(await attempt()), denied);
  const allowThenDeny = JSON.parse(s3SendPolicy(`arn:aws:s3:::${bucket}`)) as { Statement: object[] };
  allowThenDeny.Statement.push({
    Effect: 'Deny',
    Principal: '*',
    Action: 'sqs:*',
    Condition: { StringNotEquals: { 'aws:SourceAccount': '999999999999' } },
  });
  await setPolicy(JSON.stringify(allowThenDeny));
  assert.match(JSON.stringify(await attempt()), denied);
  await setPolicy(s3SendPolicy(`arn:aws:s3:::${bucket}`));
  await f.s3.send(
    new PutBucketNotificationConfigurationCommand({
      Bucket: bucket,
      NotificationConfiguration: { QueueConfigurations: [{ QueueArn: q.arn, Events: ['s3:ObjectCreated:*'] }] },
    }),
  );
  assert.equal(
    (await f.s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }))).QueueConfigurations?.length,
    1,
  );
  await f.s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: bucket, NotificationConfiguration: {} }));
  // Nothing was stored by the refused writes.
  assert.equal(
    (await f.s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }))).QueueConfigurations,
    undefined,
  );
});

test('Lambda destinations: a missing function is refused; an existing one is stored as CloudFunction', async () => {
  const bucket = await f.bucket('lambdanotify');
  const lambda = new LambdaClient(f.cloud.clientConfig);
  try {
    const missing = await errorOf(() =>
      f.s3.send(
        new PutBucketNotificationConfigurationCommand({
          Bucket: bucket,
          NotificationConfiguration: {
            LambdaFunctionConfigurations: [
              {
                LambdaFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:nope',
                Events: ['s3:ObjectCreated:*'],
              },
            ],
          },
        }),
      ),
    );
    assert.equal(missing.name, 'InvalidArgument');
    assert.match(missing.message, /Unable to validate the following destination configurations/);

    const zip = zipSync({ 'index.js': Buffer.from('exports.handler = async (event) => event;') });
    const fn = await lambda.send(
      new CreateFunctionCommand({
        FunctionName: `thumbs-${bucket}`,
        Runtime: 'nodejs24.x',
        Role: 'arn:aws:iam::000000000000:role/lambda-role',
        Handler: 'index.handler',
        Code: { ZipFile: zip },
      }),
    );
    await f.s3.send(
      new PutBucketNotificationConfigurationCommand({
        Bucket: bucket,
        NotificationConfiguration: {
          LambdaFunctionConfigurations: [
            {
              Id: 'thumbs',
              LambdaFunctionArn: fn.FunctionArn,
              Events: ['s3:ObjectCreated:*'],
              Filter: { Key: { FilterRules: [{ Name: 'suffix', Value: '.png' }] } },
            },
          ],
        },
      }),
    );
    const got = await f.s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }));
    assert.deepEqual(got.LambdaFunctionConfigurations, [
      {
        Id: 'thumbs',
        LambdaFunctionArn: fn.FunctionArn,
        Events: ['s3:ObjectCreated:*'],
        Filter: { Key: { FilterRules: [{ Name: 'Suffix', Value: '.png' }] } },
      },
    ]);
  } finally {
    lambda.destroy();
  }
});
