// IAM roles through @aws-sdk/client-iam (query protocol): create and read back, trust and
// inline policies (URL-encoded on the way out, as IAM returns them), managed attachments,
// tags, the errors IAM answers with — and nothing enforced. Codes and statuses from the IAM
// service model (botocore 1.43.11 data/iam/2010-05-08, read 2026-12-03).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  DeleteConflictException,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  EntityAlreadyExistsException,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  InvalidInputException,
  ListAttachedRolePoliciesCommand,
  ListInstanceProfilesForRoleCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
  MalformedPolicyDocumentException,
  NoSuchEntityException,
  PutRolePolicyCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
} from '@aws-sdk/client-iam';
import { useTestCloud } from '../../helpers/cloud';

const f = useTestCloud((config) => ({ iam: new IAMClient(config) }));

const trust = (service: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  });
const allow = (action: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });

test('CreateRole answers the role; GetRole and ListRoles read it back', async () => {
  const created = await f.iam.send(
    new CreateRoleCommand({
      RoleName: 'worker',
      Path: '/course/',
      AssumeRolePolicyDocument: trust('lambda.amazonaws.com'),
      Description: 'runs jobs',
      Tags: [{ Key: 'lab', Value: '05' }],
    }),
  );
  const role = created.Role!;
  assert.equal(role.Arn, 'arn:aws:iam::000000000000:role/course/worker');
  assert.match(role.RoleId!, /^AROA[A-Z2-7]{17}$/);
  assert.ok(role.CreateDate instanceof Date);
  assert.equal(role.MaxSessionDuration, 3600);

  const got = (await f.iam.send(new GetRoleCommand({ RoleName: 'worker' }))).Role!;
  assert.equal(got.RoleId, role.RoleId);
  assert.equal(got.Description, 'runs jobs');
  assert.deepEqual(got.Tags, [{ Key: 'lab', Value: '05' }]);
  // IAM returns policy documents URL-encoded (RFC 3986); the SDK hands them over as sent.
  assert.equal(decodeURIComponent(got.AssumeRolePolicyDocument!), trust('lambda.amazonaws.com'));
  assert.notEqual(got.AssumeRolePolicyDocument, trust('lambda.amazonaws.com'));

  const listed = await f.iam.send(new ListRolesCommand({ PathPrefix: '/course/' }));
  assert.deepEqual(
    listed.Roles!.map((r) => r.RoleName),
    ['worker'],
  );
  assert.equal(listed.IsTruncated, false);

  await assert.rejects(
    f.iam.send(new CreateRoleCommand({ RoleName: 'worker', AssumeRolePolicyDocument: trust('lambda.amazonaws.com') })),
    (e: Error) => {
      assert.ok(e instanceof EntityAlreadyExistsException);
      assert.equal((e as EntityAlreadyExistsException).$metadata.httpStatusCode, 409);
      return true;
    },
  );
});

test('UpdateRole, UpdateAssumeRolePolicy and tags change what GetRole answers', async () => {
  await f.iam.send(
    new CreateRoleCommand({ RoleName: 'changing', AssumeRolePolicyDocument: trust('lambda.amazonaws.com') }),
  );
  await f.iam.send(
    new UpdateRoleCommand({ RoleName: 'changing', Description: 'now documented', MaxSessionDuration: 7200 }),
  );
  await f.iam.send(
    new UpdateAssumeRolePolicyCommand({ RoleName: 'changing', PolicyDocument: trust('states.amazonaws.com') }),
  );
  await f.iam.send(
    new TagRoleCommand({
      RoleName: 'changing',
      Tags: [
        { Key: 'a', Value: '1' },
        { Key: 'b', Value: '2' },
      ],
    }),
  );
  await f.iam.send(new TagRoleCommand({ RoleName: 'changing', Tags: [{ Key: 'a', Value: 'one' }] }));
  await f.iam.send(new UntagRoleCommand({ RoleName: 'changing', TagKeys: ['b'] }));
  const role = (await f.iam.send(new GetRoleCommand({ RoleName: 'changing' }))).Role!;
  assert.equal(role.Description, 'now documented');
  assert.equal(role.MaxSessionDuration, 7200);
  assert.equal(decodeURIComponent(role.AssumeRolePolicyDocument!), trust('states.amazonaws.com'));
  assert.deepEqual((await f.iam.send(new ListRoleTagsCommand({ RoleName: 'changing' }))).Tags, [
    { Key: 'a', Value: 'one' },
  ]);
  await assert.rejects(
    f.iam.send(new UpdateRoleCommand({ RoleName: 'changing', MaxSessionDuration: 60 })),
    (e: Error) => e.name === 'ValidationError',
  );
});

test('inline policies: put, get (URL-encoded), list, delete', async () => {
  await f.iam.send(
    new CreateRoleCommand({ RoleName: 'inline', AssumeRolePolicyDocument: trust('lambda.amazonaws.com') }),
  );
  await f.iam.send(
    new PutRolePolicyCommand({ RoleName: 'inline', PolicyName: 'read', PolicyDocument: allow('s3:GetObject') }),
  );
  await f.iam.send(
    new PutRolePolicyCommand({ RoleName: 'inline', PolicyName: 'logs', PolicyDocument: allow('logs:*') }),
  );
  const got = await f.iam.send(new GetRolePolicyCommand({ RoleName: 'inline', PolicyName: 'read' }));
  assert.equal(got.RoleName, 'inline');
  assert.equal(decodeURIComponent(got.PolicyDocument!), allow('s3:GetObject'));
  assert.deepEqual((await f.iam.send(new ListRolePoliciesCommand({ RoleName: 'inline' }))).PolicyNames, [
    'logs',
    'read',
  ]);
  const page = await f.iam.send(new ListRolePoliciesCommand({ RoleName: 'inline', MaxItems: 1 }));
  assert.deepEqual(page.PolicyNames, ['logs']);
  assert.equal(page.IsTruncated, true);
  assert.deepEqual(
    (await f.iam.send(new ListRolePoliciesCommand({ RoleName: 'inline', Marker: page.Marker }))).PolicyNames,
    ['read'],
  );

  await assert.rejects(f.iam.send(new DeleteRoleCommand({ RoleName: 'inline' })), DeleteConflictException);
  await f.iam.send(new DeleteRolePolicyCommand({ RoleName: 'inline', PolicyName: 'read' }));
  await assert.rejects(
    f.iam.send(new GetRolePolicyCommand({ RoleName: 'inline', PolicyName: 'read' })),
    NoSuchEntityException,
  );
  await assert.rejects(
    f.iam.send(new PutRolePolicyCommand({ RoleName: 'inline', PolicyName: 'bad', PolicyDocument: '{not json' })),
    MalformedPolicyDocumentException,
  );
  await f.iam.send(new DeleteRolePolicyCommand({ RoleName: 'inline', PolicyName: 'logs' }));
  await f.iam.send(new DeleteRoleCommand({ RoleName: 'inline' }));
});

test('managed policies: attach, list, detach; a role with attachments cannot be deleted', async () => {
  const basic = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';
  await f.iam.send(
    new CreateRoleCommand({ RoleName: 'managed', AssumeRolePolicyDocument: trust('lambda.amazonaws.com') }),
  );
  await f.iam.send(new AttachRolePolicyCommand({ RoleName: 'managed', PolicyArn: basic }));
  await f.iam.send(new AttachRolePolicyCommand({ RoleName: 'managed', PolicyArn: basic }));
  const attached = await f.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'managed' }));
  assert.deepEqual(attached.AttachedPolicies, [{ PolicyName: 'AWSLambdaBasicExecutionRole', PolicyArn: basic }]);
  assert.deepEqual(
    (await f.iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'managed' }))).InstanceProfiles,
    [],
  );
  await assert.rejects(
    f.iam.send(new DeleteRoleCommand({ RoleName: 'managed' })),
    (e: Error) => e instanceof DeleteConflictException && e.$metadata.httpStatusCode === 409,
  );
  await assert.rejects(
    f.iam.send(new AttachRolePolicyCommand({ RoleName: 'managed', PolicyArn: 'not-an-arn' })),
    InvalidInputException,
  );
  await f.iam.send(new DetachRolePolicyCommand({ RoleName: 'managed', PolicyArn: basic }));
  await assert.rejects(
    f.iam.send(new DetachRolePolicyCommand({ RoleName: 'managed', PolicyArn: basic })),
    NoSuchEntityException,
  );
  await f.iam.send(new DeleteRoleCommand({ RoleName: 'managed' }));
  await assert.rejects(
    f.iam.send(new GetRoleCommand({ RoleName: 'managed' })),
    (e: Error) => e instanceof NoSuchEntityException && e.$metadata.httpStatusCode === 404,
  );
});

test('bad names are ValidationErrors; unknown roles NoSuchEntity', async () => {
  await assert.rejects(
    f.iam.send(
      new CreateRoleCommand({ RoleName: 'has space', AssumeRolePolicyDocument: trust('lambda.amazonaws.com') }),
    ),
    (e: Error) => e.name === 'ValidationError',
  );
  await assert.rejects(
    f.iam.send(
      new CreateRoleCommand({ RoleName: 'x'.repeat(65), AssumeRolePolicyDocument: trust('lambda.amazonaws.com') }),
    ),
    (e: Error) => e.name === 'ValidationError',
  );
  await assert.rejects(f.iam.send(new ListRolePoliciesCommand({ RoleName: 'nobody' })), NoSuchEntityException);
  await assert.rejects(
    f.iam.send(new TagRoleCommand({ RoleName: 'nobody', Tags: [{ Key: 'a', Value: 'b' }] })),
    NoSuchEntityException,
  );
});
