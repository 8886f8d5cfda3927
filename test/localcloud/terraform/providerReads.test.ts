// Operations Terraform's AWS provider calls on every create, refresh and destroy, checked
// one by one through the AWS SDK: log group tags, a function's code signing configuration,
// tags on event source mappings, REST API and stage tags, a deployment without a stage, and
// state machine versions. Shapes from the botocore 1.43.11 service models, read 2026-12-03.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateRestApiCommand,
  GetStagesCommand,
  GetTagsCommand,
  NotFoundException,
  PutMethodCommand,
  PutIntegrationCommand,
  TagResourceCommand as TagApiCommand,
  UntagResourceCommand as UntagApiCommand,
  CreateStageCommand,
} from '@aws-sdk/client-api-gateway';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  DeleteLogGroupCommand,
  DescribeLogGroupsCommand,
  ListTagsForResourceCommand as ListLogTagsCommand,
  ListTagsLogGroupCommand,
  ResourceNotFoundException as LogsNotFound,
  TagResourceCommand as TagLogsCommand,
  UntagResourceCommand as UntagLogsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  GetFunctionCodeSigningConfigCommand,
  LambdaClient,
  ListTagsCommand,
  ResourceNotFoundException as LambdaNotFound,
  TagResourceCommand as TagLambdaCommand,
  UntagResourceCommand as UntagLambdaCommand,
} from '@aws-sdk/client-lambda';
import { CreateStateMachineCommand, ListStateMachineVersionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { useTestCloud } from '../../helpers/cloud';
import { createFunction } from '../lambda/lambdaKit';

const f = useTestCloud((config) => ({
  logs: new CloudWatchLogsClient(config),
  lambda: new LambdaClient(config),
  sqs: new SQSClient(config),
  apigateway: new APIGatewayClient(config),
  sfn: new SFNClient(config),
}));

test('log groups carry tags: CreateLogGroup tags, TagResource/UntagResource/ListTagsForResource by ARN, ListTagsLogGroup by name', async () => {
  await f.logs.send(new CreateLogGroupCommand({ logGroupName: '/tagged/app', tags: { course: 'hoc' } }));
  const arn = (await f.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/tagged/app' }))).logGroups![0]!
    .logGroupArn!;
  assert.equal(arn, 'arn:aws:logs:us-east-1:000000000000:log-group:/tagged/app');
  assert.deepEqual((await f.logs.send(new ListLogTagsCommand({ resourceArn: arn }))).tags, { course: 'hoc' });
  await f.logs.send(new TagLogsCommand({ resourceArn: arn, tags: { lab: '03', course: 'cloud' } }));
  await f.logs.send(new UntagLogsCommand({ resourceArn: arn, tagKeys: ['lab'] }));
  assert.deepEqual((await f.logs.send(new ListLogTagsCommand({ resourceArn: `${arn}:*` }))).tags, { course: 'cloud' });
  assert.deepEqual((await f.logs.send(new ListTagsLogGroupCommand({ logGroupName: '/tagged/app' }))).tags, {
    course: 'cloud',
  });
  await f.logs.send(new DeleteLogGroupCommand({ logGroupName: '/tagged/app' }));
  await assert.rejects(f.logs.send(new ListLogTagsCommand({ resourceArn: arn })), LogsNotFound);
  await assert.rejects(
    f.logs.send(new ListLogTagsCommand({ resourceArn: 'not-an-arn' })),
    (e: Error) => e.name === 'InvalidParameterException',
  );
});

test('a function without code signing has an empty CodeSigningConfigArn; mappings are taggable by ARN', async () => {
  await createFunction(f.lambda, { FunctionName: 'signed-or-not', Runtime: 'nodejs22.x' });
  const signing = await f.lambda.send(new GetFunctionCodeSigningConfigCommand({ FunctionName: 'signed-or-not' }));
  assert.equal(signing.FunctionName, 'signed-or-not');
  assert.equal(signing.CodeSigningConfigArn, '');
  await assert.rejects(
    f.lambda.send(new GetFunctionCodeSigningConfigCommand({ FunctionName: 'nobody' })),
    LambdaNotFound,
  );

  const queue = await f.sqs.send(new CreateQueueCommand({ QueueName: 'mapped' }));
  const queueArn = (
    await f.sqs.send(new GetQueueAttributesCommand({ QueueUrl: queue.QueueUrl, AttributeNames: ['QueueArn'] }))
  ).Attributes!.QueueArn!;
  const mapping = await f.lambda.send(
    new CreateEventSourceMappingCommand({
      FunctionName: 'signed-or-not',
      EventSourceArn: queueArn,
      Enabled: false,
      Tags: { course: 'hoc' },
    }),
  );
  const esmArn = mapping.EventSourceMappingArn!;
  assert.equal(esmArn, `arn:aws:lambda:us-east-1:000000000000:event-source-mapping:${mapping.UUID}`);
  assert.deepEqual((await f.lambda.send(new ListTagsCommand({ Resource: esmArn }))).Tags, { course: 'hoc' });
  await f.lambda.send(new TagLambdaCommand({ Resource: esmArn, Tags: { lab: '02' } }));
  await f.lambda.send(new UntagLambdaCommand({ Resource: esmArn, TagKeys: ['course'] }));
  assert.deepEqual((await f.lambda.send(new ListTagsCommand({ Resource: esmArn }))).Tags, { lab: '02' });
  assert.equal((await f.lambda.send(new GetEventSourceMappingCommand({ UUID: mapping.UUID }))).State, 'Disabled');
  await assert.rejects(
    f.lambda.send(
      new ListTagsCommand({
        Resource: 'arn:aws:lambda:us-east-1:000000000000:event-source-mapping:00000000-0000-0000-0000-000000000000',
      }),
    ),
    LambdaNotFound,
  );
});

test('REST APIs and stages carry tags by ARN; a deployment with an empty stageName creates no stage', async () => {
  const api = await f.apigateway.send(new CreateRestApiCommand({ name: 'tagged-api', tags: { course: 'hoc' } }));
  const apiArn = `arn:aws:apigateway:us-east-1::/restapis/${api.id}`;
  assert.deepEqual((await f.apigateway.send(new GetTagsCommand({ resourceArn: apiArn }))).tags, { course: 'hoc' });
  await f.apigateway.send(new TagApiCommand({ resourceArn: apiArn, tags: { lab: '04' } }));
  await f.apigateway.send(new UntagApiCommand({ resourceArn: apiArn, tagKeys: ['course'] }));
  assert.deepEqual((await f.apigateway.send(new GetTagsCommand({ resourceArn: apiArn }))).tags, { lab: '04' });

  await f.apigateway.send(
    new PutMethodCommand({
      restApiId: api.id,
      resourceId: api.rootResourceId,
      httpMethod: 'GET',
      authorizationType: 'NONE',
    }),
  );
  await f.apigateway.send(
    new PutIntegrationCommand({ restApiId: api.id, resourceId: api.rootResourceId, httpMethod: 'GET', type: 'MOCK' }),
  );
  const deployment = await f.apigateway.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: '' }));
  assert.ok(deployment.id);
  assert.deepEqual((await f.apigateway.send(new GetStagesCommand({ restApiId: api.id }))).item, []);

  await f.apigateway.send(
    new CreateStageCommand({
      restApiId: api.id,
      stageName: 'prod',
      deploymentId: deployment.id,
      tags: { tier: 'prod' },
    }),
  );
  const stageArn = `${apiArn}/stages/prod`;
  assert.deepEqual((await f.apigateway.send(new GetTagsCommand({ resourceArn: stageArn }))).tags, { tier: 'prod' });
  await f.apigateway.send(new TagApiCommand({ resourceArn: stageArn, tags: { owner: 'student' } }));
  assert.deepEqual((await f.apigateway.send(new GetStagesCommand({ restApiId: api.id }))).item![0]!.tags, {
    tier: 'prod',
    owner: 'student',
  });
  await assert.rejects(
    f.apigateway.send(new GetTagsCommand({ resourceArn: `${apiArn}/stages/nope` })),
    NotFoundException,
  );
  await assert.rejects(
    f.apigateway.send(new GetTagsCommand({ resourceArn: 'arn:aws:apigateway:us-east-1::/restapis/missing' })),
    NotFoundException,
  );
});

test('a state machine has no published versions', async () => {
  const machine = await f.sfn.send(
    new CreateStateMachineCommand({
      name: 'unversioned',
      roleArn: 'arn:aws:iam::000000000000:role/StepFunctionsRole',
      definition: JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Succeed' } } }),
    }),
  );
  const versions = await f.sfn.send(new ListStateMachineVersionsCommand({ stateMachineArn: machine.stateMachineArn }));
  assert.deepEqual(versions.stateMachineVersions, []);
  assert.equal(versions.nextToken, undefined);
});
