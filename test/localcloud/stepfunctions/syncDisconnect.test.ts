// StartSyncExecution holds the caller's request until the execution ends. A caller that
// disconnects leaves nobody to receive the result: the execution stops (ExecutionAborted in its
// log) instead of running on, holding its timers and tasks, for as long as its states last.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { CreateStateMachineCommand, StartSyncExecutionCommand } from '@aws-sdk/client-sfn';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { ROLE, sfnFixture, uniqueName, type SfnFixture } from './sfnFixture';

let f: SfnFixture;
before(async () => (f = await sfnFixture()));
after(() => f.stop());

/** The execution's log events, once one of type `type` is there (waits for it, at most ~10 s). */
async function logUntil(
  logs: CloudWatchLogsClient,
  group: string,
  type: string,
): Promise<Array<Record<string, unknown>>> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const out = await logs.send(new FilterLogEventsCommand({ logGroupName: group })).catch(() => ({ events: [] }));
    const events = (out.events ?? []).map((e) => JSON.parse(e.message!) as Record<string, unknown>);
    if (events.some((e) => e.type === type)) return events;
    await sleep(100);
  }
  assert.fail(`no ${type} event in ${group}`);
}

test('StartSyncExecution: a caller that disconnects stops the execution it was waiting for', async () => {
  const logs = new CloudWatchLogsClient(f.cloud.clientConfig);
  const group = `/aws/vendedlogs/states/${uniqueName('sync')}`;
  const machine = await f.sfn.send(
    new CreateStateMachineCommand({
      name: uniqueName('hour'),
      type: 'EXPRESS',
      roleArn: ROLE,
      definition: JSON.stringify({ StartAt: 'Hour', States: { Hour: { Type: 'Wait', Seconds: 3600, End: true } } }),
      loggingConfiguration: {
        level: 'ALL',
        includeExecutionData: true,
        destinations: [
          { cloudWatchLogsLogGroup: { logGroupArn: `arn:aws:logs:us-east-1:000000000000:log-group:${group}:*` } },
        ],
      },
    }),
  );
  const caller = new AbortController();
  const call = f.sfn.send(new StartSyncExecutionCommand({ stateMachineArn: machine.stateMachineArn, input: '{}' }), {
    abortSignal: caller.signal,
  });
  call.catch(() => undefined);
  await logUntil(logs, group, 'WaitStateEntered');

  caller.abort();
  await assert.rejects(call, { name: 'AbortError' });
  const events = await logUntil(logs, group, 'ExecutionAborted');
  const aborted = events.find((e) => e.type === 'ExecutionAborted')!;
  assert.match(JSON.stringify(aborted.details), /disconnected/);
  logs.destroy();
});
