// CloudWatch Logs through @aws-sdk/client-cloudwatch-logs: Lambda's groups and streams as AWS
// names them, events in order, filter patterns, and the API's own writes and errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  PutLogEventsCommand,
  ResourceAlreadyExistsException,
  ResourceNotFoundException,
} from '@aws-sdk/client-cloudwatch-logs';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { createFunction, useLambdaCloud } from '../lambda/lambdaKit';

const f = useLambdaCloud();

test('a function writes to /aws/lambda/NAME, one stream per environment, named as AWS names it', async () => {
  await createFunction(f.lambda, { FunctionName: 'logger', Handler: 'index.multiline' });
  await f.lambda.send(new InvokeCommand({ FunctionName: 'logger' }));
  await f.lambda.send(new InvokeCommand({ FunctionName: 'logger' }));
  const groups = await f.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/aws/lambda/' }));
  const group = groups.logGroups!.find((g) => g.logGroupName === '/aws/lambda/logger');
  assert.ok(group);
  assert.equal(group.arn, 'arn:aws:logs:us-east-1:000000000000:log-group:/aws/lambda/logger:*');
  const streams = await f.logs.send(
    new DescribeLogStreamsCommand({ logGroupName: '/aws/lambda/logger', orderBy: 'LastEventTime', descending: true }),
  );
  assert.equal(streams.logStreams!.length, 1, 'the second invocation was warm');
  const stream = streams.logStreams![0]!;
  assert.match(stream.logStreamName!, /^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/);
  assert.ok(stream.lastEventTimestamp! >= stream.firstEventTimestamp!);

  const events = await f.logs.send(
    new GetLogEventsCommand({
      logGroupName: '/aws/lambda/logger',
      logStreamName: stream.logStreamName,
      startFromHead: true,
    }),
  );
  const messages = events.events!.map((e) => e.message!);
  assert.match(messages[0]!, /^INIT_START Runtime Version: nodejs:24\.local\tRuntime Version ARN: /);
  assert.equal(messages.filter((m) => m.startsWith('START RequestId: ')).length, 2);
  assert.equal(messages.filter((m) => m.startsWith('REPORT RequestId: ')).length, 2);
  assert.ok(messages.every((m) => m.endsWith('\n')));
  assert.ok(
    messages.some((m) => /\tINFO\tfirst line\nsecond line\n$/.test(m)),
    'a multi-line console message is one event',
  );
  const order = messages.map((m) => m.split(' ')[0]!.split('\t')[0]!);
  assert.ok(order.indexOf('START') < order.indexOf('END') && order.indexOf('END') < order.indexOf('REPORT'));

  const reports = await f.logs.send(
    new FilterLogEventsCommand({ logGroupName: '/aws/lambda/logger', filterPattern: '"REPORT RequestId"' }),
  );
  assert.equal(reports.events!.length, 2);
  assert.equal(reports.events![0]!.logStreamName, stream.logStreamName);
  const warnings = await f.logs.send(
    new FilterLogEventsCommand({ logGroupName: '/aws/lambda/logger', filterPattern: 'WARN careful' }),
  );
  assert.equal(warnings.events!.length, 2);
  const none = await f.logs.send(
    new FilterLogEventsCommand({ logGroupName: '/aws/lambda/logger', filterPattern: 'careful -WARN' }),
  );
  assert.equal(none.events!.length, 0);
});

test('the Logs API: create, put, read forward and backward, errors', async () => {
  await f.logs.send(new CreateLogGroupCommand({ logGroupName: 'app' }));
  await assert.rejects(f.logs.send(new CreateLogGroupCommand({ logGroupName: 'app' })), ResourceAlreadyExistsException);
  await f.logs.send(new CreateLogStreamCommand({ logGroupName: 'app', logStreamName: 's1' }));
  const now = Date.now();
  await f.logs.send(
    new PutLogEventsCommand({
      logGroupName: 'app',
      logStreamName: 's1',
      logEvents: [1, 2, 3, 4, 5].map((i) => ({ timestamp: now + i, message: `m${i}` })),
    }),
  );
  const head = await f.logs.send(
    new GetLogEventsCommand({ logGroupName: 'app', logStreamName: 's1', startFromHead: true, limit: 2 }),
  );
  assert.deepEqual(
    head.events!.map((e) => e.message),
    ['m1', 'm2'],
  );
  const next = await f.logs.send(
    new GetLogEventsCommand({ logGroupName: 'app', logStreamName: 's1', nextToken: head.nextForwardToken, limit: 2 }),
  );
  assert.deepEqual(
    next.events!.map((e) => e.message),
    ['m3', 'm4'],
  );
  const tail = await f.logs.send(new GetLogEventsCommand({ logGroupName: 'app', logStreamName: 's1', limit: 2 }));
  assert.deepEqual(
    tail.events!.map((e) => e.message),
    ['m4', 'm5'],
  );
  const ranged = await f.logs.send(
    new FilterLogEventsCommand({ logGroupName: 'app', startTime: now + 2, endTime: now + 4 }),
  );
  assert.deepEqual(
    ranged.events!.map((e) => e.message),
    ['m2', 'm3', 'm4'],
  );
  await assert.rejects(
    f.logs.send(new GetLogEventsCommand({ logGroupName: 'app', logStreamName: 'nope' })),
    ResourceNotFoundException,
  );
  await assert.rejects(
    f.logs.send(new DescribeLogStreamsCommand({ logGroupName: 'missing' })),
    (e: ResourceNotFoundException) => e instanceof ResourceNotFoundException && e.$metadata.httpStatusCode === 400,
  );
});

test('a stream keeps its newest 10,000 events once it has held 11,000: older ones go, as a retention policy would drop them', async () => {
  await f.logs.send(new CreateLogGroupCommand({ logGroupName: 'busy' }));
  await f.logs.send(new CreateLogStreamCommand({ logGroupName: 'busy', logStreamName: 's' }));
  const start = Date.now() - 60_000;
  const put = async (from: number, count: number) =>
    f.logs.send(
      new PutLogEventsCommand({
        logGroupName: 'busy',
        logStreamName: 's',
        logEvents: Array.from({ length: count }, (_, i) => ({ timestamp: start + from + i, message: `${from + i}` })),
      }),
    );
  const held = async () => {
    const messages: string[] = [];
    let token: string | undefined;
    for (;;) {
      const page = await f.logs.send(
        new GetLogEventsCommand({ logGroupName: 'busy', logStreamName: 's', startFromHead: true, nextToken: token }),
      );
      messages.push(...page.events!.map((e) => e.message!));
      if (page.events!.length === 0 || page.nextForwardToken === token) return messages;
      token = page.nextForwardToken;
    }
  };
  await put(0, 10_000);
  await put(10_000, 1_000);
  assert.equal((await held()).length, 11_000, 'up to 1,000 past the limit are kept until the next cut');
  await put(11_000, 1);
  const kept = await held();
  assert.equal(kept.length, 10_000);
  assert.equal(kept[0], '1001', 'the oldest went first');
  assert.equal(kept.at(-1), '11000');
});
