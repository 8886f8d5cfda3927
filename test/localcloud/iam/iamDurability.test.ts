// IAM state is journaled like every service's: a restart of the local cloud on the same
// state dir gives back every role with its policies, attachments and tags.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { startTestCloud, tempDir } from '../../helpers/cloud';

test('roles, inline policies and attachments survive a restart', async () => {
  const dir = tempDir('hoc-iam-');
  try {
    const first = await startTestCloud({ stateDir: dir.path });
    const iam = new IAMClient(first.clientConfig);
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    const created = await iam.send(
      new CreateRoleCommand({ RoleName: 'kept', AssumeRolePolicyDocument: trust, Tags: [{ Key: 'k', Value: 'v' }] }),
    );
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'kept',
        PolicyName: 'p',
        PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [] }),
      }),
    );
    await iam.send(
      new AttachRolePolicyCommand({ RoleName: 'kept', PolicyArn: 'arn:aws:iam::aws:policy/AWSLambdaExecute' }),
    );
    iam.destroy();
    await first.stop();

    const second = await startTestCloud({ stateDir: dir.path });
    const again = new IAMClient(second.clientConfig);
    try {
      const role = (await again.send(new GetRoleCommand({ RoleName: 'kept' }))).Role!;
      assert.equal(role.RoleId, created.Role!.RoleId);
      assert.deepEqual(role.Tags, [{ Key: 'k', Value: 'v' }]);
      assert.equal(
        decodeURIComponent(
          (await again.send(new GetRolePolicyCommand({ RoleName: 'kept', PolicyName: 'p' }))).PolicyDocument!,
        ),
        JSON.stringify({ Version: '2012-10-17', Statement: [] }),
      );
      assert.deepEqual(
        (await again.send(new ListAttachedRolePoliciesCommand({ RoleName: 'kept' }))).AttachedPolicies!.map(
          (p) => p.PolicyName,
        ),
        ['AWSLambdaExecute'],
      );
    } finally {
      again.destroy();
      await second.stop();
    }
  } finally {
    dir.remove();
  }
});
