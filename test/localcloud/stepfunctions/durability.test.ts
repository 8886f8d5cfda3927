// Step Functions state survives a restart of the local cloud (graceful and kill -9): machines,
// finished executions with their histories; executions that were running come back FAILED
// with a cause that says why.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { tempDir } from '../../helpers/cloud';
import { CLI, spawnCloud } from '../../helpers/cloudProcess';
import { createMachine, details, history, run, sequence, sfnFixture, waitForStop } from './sfnFixture';

const longWait = { StartAt: 'Sleep', States: { Sleep: { Type: 'Wait', Seconds: 3600, End: true } } };
const INTERRUPTED = /The local cloud stopped while the execution was running/;

test('machines and histories survive a restart; a running execution comes back FAILED', async () => {
  const dir = tempDir();
  try {
    const first = await sfnFixture({ stateDir: dir.path });
    const done = await run(first.sfn, { StartAt: 'P', States: { P: { Type: 'Pass', Result: 42, End: true } } });
    const sleeperMachine = await createMachine(first.sfn, longWait);
    const { executionArn } = await first.sfn.send(
      new StartExecutionCommand({ stateMachineArn: sleeperMachine, input: '{"n":1}' }),
    );
    await new Promise((r) => setTimeout(r, 200));
    await first.stop();

    const second = await sfnFixture({ stateDir: dir.path });
    try {
      const machine = await second.sfn.send(new DescribeStateMachineCommand({ stateMachineArn: done.stateMachineArn }));
      assert.equal(machine.status, 'ACTIVE');
      assert.deepEqual(sequence(await history(second.sfn, done.executionArn)), sequence(done.events));
      const interrupted = await second.sfn.send(new DescribeExecutionCommand({ executionArn }));
      assert.equal(interrupted.status, 'FAILED');
      assert.equal(interrupted.error, 'States.Runtime');
      assert.match(interrupted.cause!, INTERRUPTED);
      const events = await history(second.sfn, executionArn!);
      assert.deepEqual(sequence(events), ['1 0 ExecutionStarted', '2 0 WaitStateEntered', '3 2 ExecutionFailed']);
      assert.match(String(details(events[2]!).cause), INTERRUPTED);
    } finally {
      await second.stop();
    }
  } finally {
    dir.remove();
  }
});

test(
  'kill -9 of `hoc cloud` loses no acknowledged execution',
  { skip: !existsSync(CLI) && 'dist/cli.js is not built (node esbuild.mjs)' },
  async () => {
    const dir = tempDir();
    try {
      const cloud = await spawnCloud(['--state-dir', dir.path]);
      const sfn = new SFNClient({ ...cloud.clientConfig, disableHostPrefix: true });
      const stateMachineArn = await createMachine(sfn, longWait);
      const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn }));
      await cloud.stop('SIGKILL');

      const again = await spawnCloud(['--state-dir', dir.path]);
      try {
        const sfn2 = new SFNClient({ ...again.clientConfig, disableHostPrefix: true });
        const d = await waitForStop(sfn2, executionArn!);
        assert.equal(d.status, 'FAILED');
        assert.match(d.cause!, INTERRUPTED);
      } finally {
        await again.stop();
      }
    } finally {
      dir.remove();
    }
  },
);
