// The complete fixture on the local cloud: every resource type, action and check passes;
// redeploying changes nothing (unchanged code is not uploaded again); an edited handler is
// redeployed alone; teardown leaves the local cloud empty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ListQueuesCommand } from '@aws-sdk/client-sqs';
import { ListBucketsCommand } from '@aws-sdk/client-s3';
import { GetFunctionCommand, ListEventSourceMappingsCommand, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { DescribeExecutionCommand, ListStateMachinesCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { LabSession, lessonCost, loadLesson, runLesson, runAction } from '../../src/lab';
import { PRICES, resolveTarget, type DeployProgress } from '../../src/cloud';
import { startTestCloud } from '../helpers/cloud';
import { copyFixture } from './lessonFixture';

test('complete lesson: run, redeploy, edit, teardown', { timeout: 300_000 }, async () => {
  const cloud = await startTestCloud();
  const fixture = copyFixture('complete');
  const target = resolveTarget({ kind: 'local', endpoint: cloud.endpoint, credentials: cloud.credentials });
  const events: DeployProgress[] = [];
  const session = new LabSession(loadLesson(fixture.dir), target, { onProgress: (p) => events.push(p) });
  try {
    const run = await runLesson(session, { settleMs: 15_000 });
    const failures = run.steps.flatMap((s) => [
      ...s.actions.filter((a) => !a.ok).map((a) => `${s.step.id}/${a.actionId}: ${a.summary}`),
      ...s.checks.filter((c) => !c.passed).map((c) => `${s.step.id}/${c.checkId}: ${c.message}`),
    ]);
    assert.deepEqual(failures, []);
    assert.ok(run.cost.lambda > 0 && run.cost.stepFunctions > 0 && run.cost.sqs > 0, JSON.stringify(run.cost));
    // An execution the lesson's actions did not start is billed too: one Pass state, one transition.
    const costBefore = await lessonCost(session);
    const { executionArn } = await session.clients.sfn.send(
      new StartExecutionCommand({ stateMachineArn: session.ref('Checker'), input: '{}' }),
    );
    for (
      let i = 0;
      (await session.clients.sfn.send(new DescribeExecutionCommand({ executionArn }))).status === 'RUNNING';
      i++
    )
      assert.ok(i < 100, 'the Checker execution ends');
    const afterOne = await lessonCost(session);
    assert.ok(
      Math.abs(afterOne.stepFunctions - costBefore.stepFunctions - PRICES.stepFunctions.standardPerTransition) < 1e-12,
      `${costBefore.stepFunctions} → ${afterOne.stepFunctions}`,
    );

    // Every action returns what the editor shows.
    const byId = new Map(run.steps.flatMap((s) => s.actions.map((a) => [`${s.step.id}/${a.actionId}`, a] as const)));
    const invoked = byId.get('functions/invoke-pow')!.outcome;
    assert.ok(
      invoked?.kind === 'invoked' &&
        invoked.report &&
        invoked.report.memorySizeMb === 128 &&
        JSON.parse(invoked.payload).result === 1024,
      JSON.stringify(invoked),
    );
    const sweep = byId.get('functions/sweep')!.outcome;
    assert.ok(
      sweep?.kind === 'sweep' && sweep.points.map((p) => p.memoryMb).join() === '128,256' && sweep.recommendation,
      JSON.stringify(sweep),
    );
    const http = byId.get('functions/pow-url')!.outcome;
    assert.ok(http?.kind === 'http' && http.status === 200 && http.body.includes('1024'));
    const exec = byId.get('flow/run-flow')!.outcome;
    assert.ok(
      exec?.kind === 'execution' && exec.status === 'SUCCEEDED' && JSON.parse(exec.output!) === 'big',
      JSON.stringify(exec),
    );
    const script = byId.get('events/list')!.outcome;
    assert.ok(
      script?.kind === 'script' && script.exitCode === 0 && script.stdout.includes('incoming/one.txt'),
      JSON.stringify(script),
    );
    const edit = session.lesson.steps.find((s) => s.id === 'edit')!;
    const open = await runAction(session, edit, edit.actions[0]);
    assert.deepEqual(open.outcome, {
      kind: 'open',
      file: `${fixture.dir}/functions/pow/index.ts`,
      line: undefined,
      match: 'Math\\.pow',
    });
    assert.deepEqual((await runAction(session, edit, edit.actions[1])).outcome, {
      kind: 'reveal',
      view: 'graph',
      resource: undefined,
    });

    // Redeploy: nothing changes, the code is not uploaded again.
    const before = (await session.clients.lambda.send(new GetFunctionCommand({ FunctionName: 'fx-Pow' })))
      .Configuration!;
    events.length = 0;
    await session.deployer.deploy();
    const changed = events.filter((e) => e.phase === 'created' || e.phase === 'updated').map((e) => e.logicalId);
    // Bucket notifications are re-put only when they differ; none should.
    assert.deepEqual(changed, []);
    const after = (await session.clients.lambda.send(new GetFunctionCommand({ FunctionName: 'fx-Pow' })))
      .Configuration!;
    assert.equal(after.LastModified, before.LastModified);
    assert.equal(after.CodeSha256, before.CodeSha256);
    // Each function has its own execution role, named as SAM names them, so it gets only its own Policies.
    assert.match(before.Role!, /:role\/fx-Pow-role$/);
    const roles = new Set(
      (await session.clients.lambda.send(new ListFunctionsCommand({}))).Functions!.map((fn) => fn.Role),
    );
    assert.ok(roles.size > 1, [...roles].join());

    // An edited handler: only that function's code is redeployed.
    fixture.replace('functions/pow/index.ts', 'const result = Math.pow(x, y);', 'const result = Math.pow(x, y) + 0;');
    const session2 = new LabSession(loadLesson(fixture.dir), target, { onProgress: (p) => events.push(p) });
    events.length = 0;
    await session2.deployer.deploy(['Pow']);
    session2.dispose();
    assert.deepEqual(
      events.filter((e) => e.phase === 'updated' || e.phase === 'created').map((e) => e.logicalId),
      ['Pow'],
    );
    const edited = (await session.clients.lambda.send(new GetFunctionCommand({ FunctionName: 'fx-Pow' })))
      .Configuration!;
    assert.notEqual(edited.CodeSha256, before.CodeSha256);

    // Teardown leaves nothing behind.
    await session.deployer.teardown();
    const c = session.clients;
    assert.deepEqual((await c.sqs.send(new ListQueuesCommand({}))).QueueUrls ?? [], []);
    assert.deepEqual((await c.s3.send(new ListBucketsCommand({}))).Buckets ?? [], []);
    assert.deepEqual((await c.lambda.send(new ListFunctionsCommand({}))).Functions ?? [], []);
    assert.deepEqual((await c.lambda.send(new ListEventSourceMappingsCommand({}))).EventSourceMappings ?? [], []);
    assert.deepEqual((await c.apigateway.send(new GetRestApisCommand({}))).items ?? [], []);
    assert.deepEqual((await c.sfn.send(new ListStateMachinesCommand({}))).stateMachines ?? [], []);
    assert.deepEqual((await c.logs.send(new DescribeLogGroupsCommand({}))).logGroups ?? [], []);
  } finally {
    session.dispose();
    fixture.remove();
    await cloud.stop();
  }
});
