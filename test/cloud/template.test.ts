// Intrinsics, the SAM transform and dependency order, on plain data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveIntrinsics, collectReferences } from '../../src/cloud/template/intrinsics';
import { samTransform } from '../../src/cloud/template/samTransform';
import { deploymentClosure, deploymentOrder } from '../../src/cloud/template/graph';
import { parameterValues, parseParameterOverrides } from '../../src/cloud/deploy/parameters';
import type { LessonTemplate } from '../../src/cloud/template/model';

const ctx = {
  ref: (n: string) =>
    ({ 'AWS::Region': 'eu-west-1', 'AWS::AccountId': '123', Queue: 'https://q', Api: 'abc' })[n] ?? `ref:${n}`,
  getAtt: (id: string, a: string) => `${id}.${a}!`,
};

test('Ref, GetAtt, Sub (pseudo parameters, attributes, literals, variable maps), Join, Select, Split, NoValue', () => {
  assert.equal(resolveIntrinsics({ Ref: 'Queue' }, ctx), 'https://q');
  assert.equal(resolveIntrinsics({ 'Fn::GetAtt': ['Fn', 'Arn'] }, ctx), 'Fn.Arn!');
  assert.equal(
    resolveIntrinsics(
      { 'Fn::Sub': 'https://${Api}.execute-api.${AWS::Region}.amazonaws.com/${Fn.Arn}/${!Literal}' },
      ctx,
    ),
    'https://abc.execute-api.eu-west-1.amazonaws.com/Fn.Arn!/${Literal}',
  );
  assert.equal(
    resolveIntrinsics({ 'Fn::Sub': ['${A}-${AWS::AccountId}', { A: { Ref: 'Queue' } }] }, ctx),
    'https://q-123',
  );
  assert.equal(
    resolveIntrinsics(
      { 'Fn::Join': ['-', ['a', { Ref: 'AWS::Region' }, { 'Fn::Select': [1, { 'Fn::Split': [',', 'x,y,z'] }] }]] },
      ctx,
    ),
    'a-eu-west-1-y',
  );
  assert.deepEqual(
    resolveIntrinsics({ Keep: 1, Drop: { Ref: 'AWS::NoValue' }, List: [1, { Ref: 'AWS::NoValue' }] }, ctx),
    { Keep: 1, List: [1] },
  );
  assert.throws(() => resolveIntrinsics({ 'Fn::Select': [5, ['a']] }, ctx), /outside the list/);
  assert.deepEqual(collectReferences({ a: { 'Fn::Sub': ['${X}${Y.Arn}${AWS::Region}', { X: { Ref: 'Z' } }] } }), [
    ['Y', 'Arn'],
    ['AWS::Region', undefined],
    ['Z', undefined],
  ]);
});

test('SAM: events become mappings, permissions, notifications and an implicit API; globals merge', () => {
  const r = samTransform(
    {
      Q: { Type: 'AWS::SQS::Queue' },
      B: { Type: 'AWS::S3::Bucket' },
      F: {
        Type: 'AWS::Serverless::Function',
        Properties: {
          CodeUri: 'f',
          Environment: { Variables: { B: { Ref: 'B' } } },
          FunctionUrlConfig: { AuthType: 'NONE' },
          Events: {
            Jobs: { Type: 'SQS', Properties: { Queue: { 'Fn::GetAtt': ['Q', 'Arn'] }, BatchSize: 5 } },
            Up: { Type: 'S3', Properties: { Bucket: { Ref: 'B' }, Events: 's3:ObjectCreated:*' } },
            Get: { Type: 'Api', Properties: { Path: '/items/{id}', Method: 'get' } },
          },
        },
      },
      M: { Type: 'AWS::Serverless::StateMachine', Properties: { DefinitionUri: 'm.json', Type: 'EXPRESS' } },
    },
    { Function: { Runtime: 'nodejs20.x', Handler: 'index.handler', Environment: { Variables: { G: '1' } } } },
  );
  assert.deepEqual(Object.keys(r).sort(), [
    'B',
    'BNotifications',
    'F',
    'FGetPermissionProd',
    'FJobs',
    'FURLInvokeAllowPublicAccess',
    'FUpPermission',
    'FUrl',
    'FUrlPublicPermissions',
    'M',
    'Q',
    'ServerlessRestApi',
    'ServerlessRestApiDeployment',
    'ServerlessRestApiItemsIdGet',
    'ServerlessRestApiItemsIdResource',
    'ServerlessRestApiItemsResource',
    'ServerlessRestApiProdStage',
  ]);
  assert.equal(r.F.type, 'AWS::Lambda::Function');
  assert.deepEqual(r.F.properties.Environment, { Variables: { G: '1', B: { Ref: 'B' } } });
  assert.equal(r.F.properties.Runtime, 'nodejs20.x');
  assert.deepEqual(r.FJobs.properties, {
    FunctionName: { Ref: 'F' },
    EventSourceArn: { 'Fn::GetAtt': ['Q', 'Arn'] },
    BatchSize: 5,
  });
  assert.deepEqual(r.BNotifications.dependsOn, ['FUpPermission']);
  // A public function URL gets both permissions AWS requires since October 2025.
  assert.deepEqual(r.FUrlPublicPermissions.properties, {
    FunctionName: { Ref: 'F' },
    Action: 'lambda:InvokeFunctionUrl',
    Principal: '*',
    FunctionUrlAuthType: 'NONE',
  });
  assert.deepEqual(r.FURLInvokeAllowPublicAccess.properties, {
    FunctionName: { Ref: 'F' },
    Action: 'lambda:InvokeFunction',
    Principal: '*',
    InvokedViaFunctionUrl: true,
  });
  assert.equal(r.M.properties.StateMachineType, 'EXPRESS');
  assert.deepEqual(r.ServerlessRestApiItemsIdResource.properties.ParentId, { Ref: 'ServerlessRestApiItemsResource' });
  assert.deepEqual(r.ServerlessRestApiDeployment.dependsOn, ['ServerlessRestApiItemsIdGet']);

  // The function Refs the bucket that triggers it: no cycle, because notifications stand apart.
  const order = deploymentOrder(r);
  const at = (id: string) => order.indexOf(id);
  assert.ok(at('B') < at('F') && at('F') < at('FUpPermission') && at('FUpPermission') < at('BNotifications'));
  assert.ok(
    at('ServerlessRestApiItemsIdGet') < at('ServerlessRestApiDeployment') &&
      at('ServerlessRestApiDeployment') < at('ServerlessRestApiProdStage'),
  );

  // Deploying F brings what it generates and what it needs, not the state machine.
  const closure = deploymentClosure(['F'], r);
  assert.ok(
    closure.has('Q') &&
      closure.has('B') &&
      closure.has('FJobs') &&
      closure.has('ServerlessRestApiProdStage') &&
      closure.has('BNotifications'),
  );
  assert.ok(!closure.has('M'));
  assert.deepEqual([...deploymentClosure(['Q'], r)], ['Q']);
});

test('a dependency cycle is reported with its path', () => {
  const r = samTransform({
    A: { Type: 'AWS::SQS::Queue', DependsOn: 'B' },
    B: { Type: 'AWS::SQS::Queue', DependsOn: 'A' },
  });
  assert.throws(() => deploymentOrder(r), /resources depend on each other in a circle: A → B → A/);
});

test('parameters: an override beats the Default; list types resolve to lists (empty for an empty string); unknown names are refused', () => {
  const template = {
    baseDir: '.',
    authored: {},
    resources: {},
    outputs: {},
    parameters: {
      Greeting: { Type: 'String', Default: 'hello' },
      Subnets: { Type: 'CommaDelimitedList', Default: '' },
      Groups: { Type: 'List<AWS::EC2::SecurityGroup::Id>' },
    },
  } as unknown as LessonTemplate;
  assert.deepEqual(parameterValues(template), { Greeting: 'hello', Subnets: [], Groups: undefined });
  assert.deepEqual(
    parameterValues(template, { Greeting: 'hola', Subnets: 'subnet-1, subnet-2', Groups: 'sg-1', Other: 'x' }),
    { Greeting: 'hola', Subnets: ['subnet-1', 'subnet-2'], Groups: ['sg-1'] },
  );
  assert.deepEqual(parseParameterOverrides(['Greeting=a=b', 'Subnets='], template), { Greeting: 'a=b', Subnets: '' });
  assert.throws(
    () => parseParameterOverrides(['Greetings=x'], template),
    /has no parameter 'Greetings'; it declares Greeting, Subnets, Groups/,
  );
  assert.throws(() => parseParameterOverrides(['Greeting'], template), /--parameter takes NAME=VALUE, not 'Greeting'/);
  // A list parameter joins and selects as CloudFormation's lists do.
  const values = parameterValues(template, { Subnets: 'a,b' });
  const listCtx = { ref: (n: string) => values[n] ?? n, getAtt: () => '' };
  assert.equal(resolveIntrinsics({ 'Fn::Join': ['+', { Ref: 'Subnets' }] }, listCtx), 'a+b');
  assert.equal(resolveIntrinsics({ 'Fn::Select': [1, { Ref: 'Subnets' }] }, listCtx), 'b');
});
