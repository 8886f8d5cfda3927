// Deploying the storage fixture (SQS, S3 with notifications, a REST API with a MOCK
// integration) on the local cloud: actions and checks pass, a second deploy changes nothing,
// teardown leaves the local cloud empty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GetQueueAttributesCommand, ListQueuesCommand } from '@aws-sdk/client-sqs';
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import { GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { LabSession, loadLesson, runLesson } from '../../src/lab';
import { resolveTarget, type DeployProgress } from '../../src/cloud';
import { startTestCloud } from '../helpers/cloud';
import { copyFixture } from './lessonFixture';

test('storage lesson: deploy, run, redeploy unchanged, teardown to empty', async () => {
  const cloud = await startTestCloud();
  const fixture = copyFixture('storage');
  const target = resolveTarget({ kind: 'local', endpoint: cloud.endpoint, credentials: cloud.credentials });
  const events: DeployProgress[] = [];
  const session = new LabSession(loadLesson(fixture.dir), target, { onProgress: (p) => events.push(p) });
  try {
    const run = await runLesson(session);
    const failures = run.steps.flatMap((s) => [
      ...s.actions.filter((a) => !a.ok).map((a) => a.summary),
      ...s.checks.filter((c) => !c.passed).map((c) => c.message),
    ]);
    assert.deepEqual(failures, []);
    assert.equal(run.passed, true);

    const state = session.state();
    assert.equal(state.resources.Inbox.attributes.QueueName, 'st-Inbox');
    assert.equal(state.resources.Orders.attributes.QueueName, 'st-Orders.fifo');
    assert.equal(state.resources.Photos.ref, 'st-photos');
    assert.equal(
      state.outputs.StatusUrl,
      `${cloud.endpoint}/_aws/execute-api/${state.resources.MockApi.ref}/test/status`,
    );
    const created = events
      .filter((e) => e.phase === 'created')
      .map((e) => e.logicalId)
      .sort();
    assert.deepEqual(created, [
      'Inbox',
      'InboxPolicy',
      'MockApi',
      'MockDeployment',
      'MockStage',
      'Orders',
      'Photos',
      'StatusMethod',
      'StatusResource',
    ]);
    const policy = (
      await session.clients.sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: state.resources.Inbox.ref, AttributeNames: ['Policy'] }),
      )
    ).Attributes?.Policy;
    assert.match(policy ?? '', /s3\.amazonaws\.com/);
    assert.ok(events.some((e) => e.logicalId === 'PhotosNotifications' && e.phase === 'updated'));

    // Idempotent: deploying everything again changes nothing.
    events.length = 0;
    await session.deployer.deploy();
    const changed = events.filter((e) => e.phase === 'created' || e.phase === 'updated').map((e) => e.logicalId);
    assert.deepEqual(changed, []);
    assert.ok(events.filter((e) => e.phase === 'unchanged').length >= 10);

    // A changed property is updated in place.
    fixture.replace('template.yaml', 'Default: 45', 'Default: 50');
    const session2 = new LabSession(loadLesson(fixture.dir), target, { onProgress: (p) => events.push(p) });
    events.length = 0;
    await session2.deployer.deploy(['Inbox']);
    assert.deepEqual(
      events.filter((e) => e.phase === 'updated').map((e) => e.logicalId),
      ['Inbox'],
    );
    session2.dispose();

    const deleted = await session.deployer.teardown();
    assert.ok(
      deleted.includes('Inbox') && deleted.includes('Photos') && deleted.includes('MockApi'),
      deleted.join(','),
    );
    const c = session.clients;
    assert.deepEqual((await c.sqs.send(new ListQueuesCommand({}))).QueueUrls ?? [], []);
    assert.deepEqual((await c.s3.send(new ListBucketsCommand({}))).Buckets ?? [], []);
    assert.deepEqual((await c.apigateway.send(new GetRestApisCommand({}))).items ?? [], []);
    assert.deepEqual(session.state().resources, {});
    // A second teardown finds nothing.
    assert.deepEqual(await session.deployer.teardown(), []);
  } finally {
    session.dispose();
    fixture.remove();
    await cloud.stop();
  }
});
