// Queue lifecycle through the real SDK: create (standard and FIFO, idempotence, validation),
// URLs, listing with prefix and pagination, attributes with counters, tags, purge, delete.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListQueuesCommand,
  ListQueueTagsCommand,
  PurgeQueueCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
  TagQueueCommand,
  UntagQueueCommand,
  AddPermissionCommand,
  RemovePermissionCommand,
  ReceiveMessageCommand,
} from '@aws-sdk/client-sqs';
import { rejectsWith, uniqueName, useSqs } from './kit';

const kit = useSqs();

test('CreateQueue returns http://127.0.0.1:PORT/000000000000/NAME and GetQueueUrl finds it', async () => {
  const name = uniqueName();
  const { QueueUrl } = await kit.sqs.send(new CreateQueueCommand({ QueueName: name }));
  assert.equal(QueueUrl, `${kit.cloud.endpoint}/000000000000/${name}`);
  assert.equal((await kit.sqs.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl, QueueUrl);
  await rejectsWith(
    kit.sqs.send(new GetQueueUrlCommand({ QueueName: 'does-not-exist' })),
    'QueueDoesNotExist',
    'AWS.SimpleQueueService.NonExistentQueue',
    400,
  );
});

test('a QueueUrl is resolved by the name in its path, whatever its host', async () => {
  const url = await kit.queue();
  const foreign = url.replace(kit.cloud.endpoint, 'https://sqs.us-east-1.amazonaws.com');
  await kit.sqs.send(new SendMessageCommand({ QueueUrl: foreign, MessageBody: 'via another host' }));
  const got = await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url }));
  assert.equal(got.Messages?.[0]?.Body, 'via another host');
});

test('CreateQueue is idempotent with the same attributes and fails with different ones', async () => {
  const name = uniqueName();
  const first = await kit.sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: { DelaySeconds: '2' } }));
  const again = await kit.sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: { DelaySeconds: '2' } }));
  assert.equal(again.QueueUrl, first.QueueUrl);
  const err = await rejectsWith(
    kit.sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: { DelaySeconds: '3' } })),
    'QueueNameExists',
    'QueueAlreadyExists',
    400,
  );
  assert.match(err.message, /different value for attribute DelaySeconds/);
});

test('queue names and attributes are validated as on AWS', async () => {
  await rejectsWith(
    kit.sqs.send(new CreateQueueCommand({ QueueName: 'bad name!' })),
    'InvalidParameterValue',
    'InvalidParameterValue',
  );
  await rejectsWith(
    kit.sqs.send(new CreateQueueCommand({ QueueName: 'x'.repeat(81) })),
    'InvalidParameterValue',
    'InvalidParameterValue',
  );
  await rejectsWith(
    kit.sqs.send(new CreateQueueCommand({ QueueName: uniqueName(), Attributes: { FifoQueue: 'true' } })),
    'InvalidParameterValue',
    'InvalidParameterValue',
  );
  await rejectsWith(
    kit.sqs.send(new CreateQueueCommand({ QueueName: `${uniqueName()}.fifo` })),
    'InvalidParameterValue',
    'InvalidParameterValue',
  );
  await rejectsWith(
    kit.sqs.send(new CreateQueueCommand({ QueueName: uniqueName(), Attributes: { VisibilityTimeout: '43201' } })),
    'InvalidAttributeValue',
    'InvalidAttributeValue',
  );
  await rejectsWith(
    kit.sqs.send(new CreateQueueCommand({ QueueName: uniqueName(), Attributes: { MaximumMessageSize: '1048577' } })),
    'InvalidAttributeValue',
  );
  const err = await rejectsWith(
    kit.sqs.send(
      new CreateQueueCommand({ QueueName: uniqueName(), Attributes: { ContentBasedDeduplication: 'true' } }),
    ),
    'InvalidAttributeName',
    'InvalidAttributeName',
  );
  assert.equal(err.message, 'Unknown Attribute ContentBasedDeduplication.');
  await rejectsWith(
    kit.sqs.send(new CreateQueueCommand({ QueueName: uniqueName(), Attributes: { DeduplicationScope: 'queue' } })),
    'InvalidAttributeName',
  );
  await rejectsWith(
    kit.sqs.send(
      new CreateQueueCommand({
        QueueName: uniqueName(),
        Attributes: { NotAnAttribute: '1' } as Record<string, string>,
      }),
    ),
    'InvalidAttributeName',
  );
});

test('FIFO queues take every FIFO attribute and report them', async () => {
  const url = await kit.queue(
    { ContentBasedDeduplication: 'true', DeduplicationScope: 'messageGroup', FifoThroughputLimit: 'perMessageGroupId' },
    { fifo: true },
  );
  const { Attributes } = await kit.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }));
  assert.equal(Attributes?.FifoQueue, 'true');
  assert.equal(Attributes?.ContentBasedDeduplication, 'true');
  assert.equal(Attributes?.DeduplicationScope, 'messageGroup');
  assert.equal(Attributes?.FifoThroughputLimit, 'perMessageGroupId');
  await rejectsWith(
    kit.sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { FifoQueue: 'false' } })),
    'InvalidAttributeValue',
  );
});

test('GetQueueAttributes reports defaults, read-only attributes and the Approximate* counters', async () => {
  const url = await kit.queue();
  const all = (await kit.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] })))
    .Attributes!;
  assert.deepEqual(
    {
      d: all.DelaySeconds,
      m: all.MaximumMessageSize,
      r: all.MessageRetentionPeriod,
      w: all.ReceiveMessageWaitTimeSeconds,
      v: all.VisibilityTimeout,
    },
    { d: '0', m: '1048576', r: '345600', w: '0', v: '30' },
  );
  assert.equal(all.QueueArn, `arn:aws:sqs:us-east-1:000000000000:${url.split('/').pop()}`);
  assert.match(all.CreatedTimestamp!, /^\d{10}$/);
  await kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'visible' }));
  await kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'delayed', DelaySeconds: 60 }));
  await kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'soon in flight' }));
  await kit.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 1 }));
  const counts = (
    await kit.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: url,
        AttributeNames: [
          'ApproximateNumberOfMessages',
          'ApproximateNumberOfMessagesNotVisible',
          'ApproximateNumberOfMessagesDelayed',
        ],
      }),
    )
  ).Attributes;
  assert.deepEqual(counts, {
    ApproximateNumberOfMessages: '1',
    ApproximateNumberOfMessagesNotVisible: '1',
    ApproximateNumberOfMessagesDelayed: '1',
  });
  await rejectsWith(
    kit.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['Bogus' as 'All'] })),
    'InvalidAttributeName',
  );
});

test('SetQueueAttributes changes attributes, and an empty RedrivePolicy removes it', async () => {
  const dlq = await kit.queue();
  const dlqArn = (await kit.sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq, AttributeNames: ['QueueArn'] })))
    .Attributes!.QueueArn!;
  const url = await kit.queue();
  const policy = JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 3 });
  await kit.sqs.send(
    new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { VisibilityTimeout: '7', RedrivePolicy: policy } }),
  );
  let attrs = (
    await kit.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['VisibilityTimeout', 'RedrivePolicy'] }),
    )
  ).Attributes!;
  assert.equal(attrs.VisibilityTimeout, '7');
  assert.deepEqual(JSON.parse(attrs.RedrivePolicy!), { deadLetterTargetArn: dlqArn, maxReceiveCount: 3 });
  await kit.sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { RedrivePolicy: '' } }));
  attrs = (await kit.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }))).Attributes!;
  assert.equal(attrs.RedrivePolicy, undefined);
  await rejectsWith(
    kit.sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { RedrivePolicy: 'not json' } })),
    'InvalidParameterValue',
    'InvalidParameterValue',
  );
  const missing = JSON.stringify({
    deadLetterTargetArn: 'arn:aws:sqs:us-east-1:000000000000:nope',
    maxReceiveCount: 1,
  });
  await rejectsWith(
    kit.sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { RedrivePolicy: missing } })),
    'InvalidParameterValue',
  );
  const allow = JSON.stringify({ redrivePermission: 'byQueue', sourceQueueArns: [dlqArn] });
  await kit.sqs.send(new SetQueueAttributesCommand({ QueueUrl: dlq, Attributes: { RedriveAllowPolicy: allow } }));
  const got = (
    await kit.sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq, AttributeNames: ['RedriveAllowPolicy'] }))
  ).Attributes!;
  assert.equal(got.RedriveAllowPolicy, allow);
});

test('ListQueues filters by prefix and paginates with MaxResults and NextToken', async () => {
  const prefix = uniqueName('list');
  const urls: string[] = [];
  for (let i = 0; i < 5; i++)
    urls.push((await kit.sqs.send(new CreateQueueCommand({ QueueName: `${prefix}-${i}` }))).QueueUrl!);
  const all = await kit.sqs.send(new ListQueuesCommand({ QueueNamePrefix: prefix }));
  assert.deepEqual(all.QueueUrls, urls);
  assert.equal(all.NextToken, undefined);
  const seen: string[] = [];
  let token: string | undefined;
  do {
    const page = await kit.sqs.send(
      new ListQueuesCommand({ QueueNamePrefix: prefix, MaxResults: 2, NextToken: token }),
    );
    assert.ok(page.QueueUrls!.length <= 2);
    seen.push(...page.QueueUrls!);
    token = page.NextToken;
  } while (token);
  assert.deepEqual(seen, urls);
  const none = await kit.sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'no-such-prefix' }));
  assert.equal(none.QueueUrls, undefined);
});

test('tags: on create, TagQueue, UntagQueue, ListQueueTags', async () => {
  const url = await kit.queue({}, { tags: { course: 'cloud', lab: '1' } });
  assert.deepEqual((await kit.sqs.send(new ListQueueTagsCommand({ QueueUrl: url }))).Tags, {
    course: 'cloud',
    lab: '1',
  });
  await kit.sqs.send(new TagQueueCommand({ QueueUrl: url, Tags: { lab: '2', owner: 'me' } }));
  await kit.sqs.send(new UntagQueueCommand({ QueueUrl: url, TagKeys: ['course'] }));
  assert.deepEqual((await kit.sqs.send(new ListQueueTagsCommand({ QueueUrl: url }))).Tags, { lab: '2', owner: 'me' });
});

test('PurgeQueue empties the queue and a second purge within 60 s is refused', async () => {
  const url = await kit.queue();
  for (let i = 0; i < 3; i++) await kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: `m${i}` }));
  await kit.sqs.send(new PurgeQueueCommand({ QueueUrl: url }));
  const attrs = (
    await kit.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] }),
    )
  ).Attributes!;
  assert.equal(attrs.ApproximateNumberOfMessages, '0');
  await rejectsWith(
    kit.sqs.send(new PurgeQueueCommand({ QueueUrl: url })),
    'PurgeQueueInProgress',
    'AWS.SimpleQueueService.PurgeQueueInProgress',
    403,
  );
});

test('DeleteQueue removes the queue; later calls get QueueDoesNotExist', async () => {
  const url = await kit.queue();
  await kit.sqs.send(new DeleteQueueCommand({ QueueUrl: url }));
  await rejectsWith(
    kit.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' })),
    'QueueDoesNotExist',
    'AWS.SimpleQueueService.NonExistentQueue',
  );
  await rejectsWith(kit.sqs.send(new DeleteQueueCommand({ QueueUrl: url })), 'QueueDoesNotExist');
});

test('AddPermission and RemovePermission edit the queue Policy', async () => {
  const url = await kit.queue();
  await kit.sqs.send(
    new AddPermissionCommand({
      QueueUrl: url,
      Label: 'share',
      AWSAccountIds: ['111122223333'],
      Actions: ['SendMessage'],
    }),
  );
  const policy = JSON.parse(
    (await kit.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['Policy'] }))).Attributes!
      .Policy!,
  );
  assert.equal(policy.Statement[0].Sid, 'share');
  assert.deepEqual(policy.Statement[0].Action, ['SQS:SendMessage']);
  await rejectsWith(
    kit.sqs.send(
      new AddPermissionCommand({ QueueUrl: url, Label: 'share', AWSAccountIds: ['1'], Actions: ['SendMessage'] }),
    ),
    'InvalidParameterValue',
  );
  await kit.sqs.send(new RemovePermissionCommand({ QueueUrl: url, Label: 'share' }));
  const after = (await kit.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['Policy'] })))
    .Attributes;
  assert.equal(after, undefined);
});
