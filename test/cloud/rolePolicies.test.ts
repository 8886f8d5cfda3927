// Execution roles Hands-on Cloud creates hold what SAM would give them: the template's Policies
// with SAM policy templates expanded (SAM's policy_templates.json), plus what an SQS event
// source or a VpcConfig needs — never a broad `s3:* sqs:* states:*` on `*`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { executionRolePolicies, describePolicy } from '../../src/cloud/deploy/rolePolicies';
import { loadLesson } from '../../src/lab';

const scope = { partition: 'aws', region: 'us-east-1', accountId: '123456789012' };
const managed = (name: string) => `arn:aws:iam::aws:policy/${name}`;

test("SAM policy templates expand to SAM's statements for the named resource", () => {
  const r = executionRolePolicies(
    'lambda',
    [
      { S3CrudPolicy: { BucketName: 'photos' } },
      { LambdaInvokePolicy: { FunctionName: 'l-resize' } },
      { SQSPollerPolicy: { QueueName: 'jobs' } },
      { StepFunctionsExecutionPolicy: { StateMachineName: 'flow' } },
    ],
    {},
    scope,
  );
  assert.deepEqual(r.managed, [managed('service-role/AWSLambdaBasicExecutionRole')]);
  assert.deepEqual(r.statements, [
    {
      Effect: 'Allow',
      Action: [
        's3:GetObject',
        's3:ListBucket',
        's3:GetBucketLocation',
        's3:GetObjectVersion',
        's3:PutObject',
        's3:PutObjectAcl',
        's3:GetLifecycleConfiguration',
        's3:PutLifecycleConfiguration',
        's3:DeleteObject',
      ],
      Resource: ['arn:aws:s3:::photos', 'arn:aws:s3:::photos/*'],
    },
    {
      Effect: 'Allow',
      Action: ['lambda:InvokeFunction'],
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:l-resize*',
    },
    {
      Effect: 'Allow',
      Action: [
        'sqs:ChangeMessageVisibility',
        'sqs:ChangeMessageVisibilityBatch',
        'sqs:DeleteMessage',
        'sqs:DeleteMessageBatch',
        'sqs:GetQueueAttributes',
        'sqs:ReceiveMessage',
      ],
      Resource: 'arn:aws:sqs:us-east-1:123456789012:jobs',
    },
    {
      Effect: 'Allow',
      Action: ['states:StartExecution'],
      Resource: 'arn:aws:states:us-east-1:123456789012:stateMachine:flow',
    },
  ]);
  const read = executionRolePolicies('lambda', { S3ReadPolicy: { BucketName: 'in' } }, {}, scope).statements;
  assert.deepEqual(read[0].Action, [
    's3:GetObject',
    's3:ListBucket',
    's3:GetBucketLocation',
    's3:GetObjectVersion',
    's3:GetLifecycleConfiguration',
  ]);
});

test('an SQS event source and a VpcConfig add the managed policies SAM adds; a state machine gets only its Policies', () => {
  const fn = executionRolePolicies(
    'lambda',
    [
      'AmazonS3ReadOnlyAccess',
      'arn:aws:iam::123456789012:policy/mine',
      { Statement: [{ Effect: 'Allow', Action: 'sns:Publish', Resource: '*' }] },
    ],
    { sqsEventSource: true, vpc: true },
    scope,
  );
  assert.deepEqual(fn.managed, [
    managed('service-role/AWSLambdaBasicExecutionRole'),
    managed('service-role/AWSLambdaSQSQueueExecutionRole'),
    managed('service-role/AWSLambdaVPCAccessExecutionRole'),
    managed('AmazonS3ReadOnlyAccess'),
    'arn:aws:iam::123456789012:policy/mine',
  ]);
  assert.deepEqual(fn.statements, [{ Effect: 'Allow', Action: 'sns:Publish', Resource: '*' }]);
  const sm = executionRolePolicies('states', [{ LambdaInvokePolicy: { FunctionName: 'f' } }], {}, scope);
  assert.deepEqual(sm.managed, []);
  assert.equal(sm.statements.length, 1);
  assert.equal(describePolicy({ S3CrudPolicy: { BucketName: 'x' } }), 'S3CrudPolicy');
  assert.equal(describePolicy(managed('service-role/AWSLambdaRole')), 'service-role/AWSLambdaRole');
});

test('an unknown policy template or a missing parameter is an error that says what to do', () => {
  assert.throws(
    () => executionRolePolicies('lambda', [{ DynamoDBCrudPolicy: { TableName: 't' } }], {}, scope),
    /policy template DynamoDBCrudPolicy is not one Hands-on Cloud expands .*write its statements inline/,
  );
  assert.throws(
    () => executionRolePolicies('lambda', [{ S3ReadPolicy: {} }], {}, scope),
    /S3ReadPolicy needs BucketName/,
  );
  assert.throws(() => executionRolePolicies('lambda', [42], {}, scope), /a Policies item must be/);
});

test('every role of lesson 05 expands, and none grants a whole service on every resource', () => {
  const { template } = loadLesson(join(import.meta.dirname, '..', '..', 'labs', '05-serverless'));
  let roles = 0;
  for (const r of Object.values(template.resources)) {
    if (!('Policies' in r.properties)) continue;
    roles++;
    // Intrinsics (!Ref Bucket) stand for names here: the deployer resolves them before expanding.
    const names = JSON.parse(
      JSON.stringify(r.properties.Policies, (_k, v) =>
        v && typeof v === 'object' && 'Ref' in v ? `name-of-${v.Ref}` : v,
      ),
    );
    const kind = r.type.includes('StateMachine') ? 'states' : 'lambda';
    for (const s of executionRolePolicies(kind, names, {}, scope).statements) {
      for (const action of [s.Action].flat())
        assert.doesNotMatch(String(action), /^[a-z0-9-]+:\*$/, `${r.logicalId} grants ${action}`);
      assert.notEqual(s.Resource, '*', `${r.logicalId}: ${JSON.stringify(s)}`);
    }
  }
  assert.ok(roles >= 6, `lesson 05 has ${roles} resources with Policies`);
});
