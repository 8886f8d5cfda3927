// The role path against the local cloud's IAM: a role Hands-on Cloud creates holds exactly the
// template's policies (and loses what a changed template no longer asks for); under LabRole the
// template's Policies are not applied and the deploy says which.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
} from '@aws-sdk/client-iam';
import { startTestCloud } from '../helpers/cloud';
import { CloudClients } from '../../src/cloud/target/clients';
import { RoleResolver } from '../../src/cloud/deploy/roles';
import type { Target } from '../../src/cloud/target/target';

const managed = (name: string) => `arn:aws:iam::aws:policy/service-role/${name}`;

test(
  "created roles hold exactly the template's policies; LabRole gets a warning instead",
  { timeout: 60_000 },
  async () => {
    const cloud = await startTestCloud();
    // An `aws` target whose endpoint is the local cloud: the code path that creates roles.
    const target: Target = {
      kind: 'aws',
      region: cloud.region,
      endpoint: cloud.endpoint,
      credentials: { ...cloud.credentials },
    };
    const clients = new CloudClients(target);
    const iam = new IAMClient(cloud.clientConfig);
    try {
      const created: string[] = [];
      const first = new RoleResolver(clients, 'lsn', '000000000000', created);
      const arn = await first.arn('lambda', 'Resize', [{ S3CrudPolicy: { BucketName: 'lsn-images' } }], {
        vpc: true,
        sqsEventSource: true,
      });
      assert.match(arn, /:role\/lsn-Resize-role$/);
      assert.deepEqual(created, ['lsn-Resize-role']);
      const attached = async () =>
        ((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'lsn-Resize-role' }))).AttachedPolicies ?? [])
          .map((p) => p.PolicyArn)
          .sort();
      assert.deepEqual(await attached(), [
        managed('AWSLambdaBasicExecutionRole'),
        managed('AWSLambdaSQSQueueExecutionRole'),
        managed('AWSLambdaVPCAccessExecutionRole'),
      ]);
      const inline = await iam.send(new GetRolePolicyCommand({ RoleName: 'lsn-Resize-role', PolicyName: 'lesson' }));
      const doc = JSON.parse(decodeURIComponent(inline.PolicyDocument!));
      assert.deepEqual(
        doc.Statement.map((s: { Resource: unknown }) => s.Resource),
        [['arn:aws:s3:::lsn-images', 'arn:aws:s3:::lsn-images/*']],
      );
      assert.ok(!JSON.stringify(doc).includes('"s3:*"'));

      // The next deploy of a changed template: no VpcConfig, no SQS event, no Policies.
      const second = new RoleResolver(clients, 'lsn', '000000000000', created);
      await second.arn('lambda', 'Resize', [], {});
      assert.deepEqual(await attached(), [managed('AWSLambdaBasicExecutionRole')]);
      assert.deepEqual(
        (await iam.send(new ListRolePoliciesCommand({ RoleName: 'lsn-Resize-role' }))).PolicyNames ?? [],
        [],
      );
      await second.deleteRole('lsn-Resize-role');

      // An AWS Academy account: LabRole exists, so it is used and the Policies are named as not applied.
      await iam.send(
        new CreateRoleCommand({
          RoleName: 'LabRole',
          AssumeRolePolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
          }),
        }),
      );
      const warnings: string[] = [];
      const academy = new RoleResolver(clients, 'lsn', '000000000000', []);
      const lab = await academy.arn(
        'lambda',
        'Resize',
        [{ S3CrudPolicy: { BucketName: 'lsn-images' } }, 'AmazonSNSFullAccess'],
        {},
        (m) => warnings.push(m),
      );
      assert.match(lab, /:role\/LabRole$/);
      assert.deepEqual(warnings, [
        'runs as LabRole: its Policies (S3CrudPolicy, AmazonSNSFullAccess) are not applied; LabRole must already allow what they grant',
      ]);
    } finally {
      clients.destroy();
      iam.destroy();
      await cloud.stop();
    }
  },
);
