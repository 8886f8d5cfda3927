// Check for the state machine exercise, from the executions you started (it starts none):
// - the newest execution for the safe image SUCCEEDED, went through a Parallel state, and both
//   a thumbnail and a grayscale copy of that image were written during it;
// - the newest execution for the rejected image ended FAILED in a Fail state, and nothing was
//   processed for it.
//   check-pipeline.ts --machine <state machine ARN> --bucket <bucket> --safe <key> --rejected <key>
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  SFNClient,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';
import { option, run } from './lib/args';

const sfn = new SFNClient({});
const s3 = new S3Client({ forcePathStyle: true });

interface Run {
  arn: string;
  status: string;
  startDate: Date;
  history: HistoryEvent[];
}

/** The newest execution whose input names this key. */
async function newestFor(machine: string, key: string): Promise<Run | undefined> {
  const list = await sfn.send(new ListExecutionsCommand({ stateMachineArn: machine, maxResults: 50 }));
  const newestFirst = [...(list.executions ?? [])].sort(
    (a, b) => (b.startDate?.getTime() ?? 0) - (a.startDate?.getTime() ?? 0),
  );
  for (const e of newestFirst) {
    const d = await sfn.send(new DescribeExecutionCommand({ executionArn: e.executionArn! }));
    if ((JSON.parse(d.input ?? '{}') as { key?: string }).key !== key) continue;
    const history =
      (await sfn.send(new GetExecutionHistoryCommand({ executionArn: e.executionArn!, maxResults: 1000 }))).events ??
      [];
    return { arn: e.executionArn!, status: d.status!, startDate: d.startDate!, history };
  }
  return undefined;
}

async function writtenSince(bucket: string, key: string, since: Date): Promise<boolean> {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    // S3 keeps whole seconds: compare with the second the execution started in.
    return (head.LastModified?.getTime() ?? 0) >= Math.floor(since.getTime() / 1000) * 1000;
  } catch {
    return false;
  }
}

const derived = (key: string, folder: string) =>
  `${folder}/${(key.split('/').pop() ?? key).replace(/\.[^.]+$/, '')}.png`;
const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};

run(async () => {
  const machine = option('machine', 'STATE_MACHINE');
  const bucket = option('bucket', 'BUCKET');
  const safeKey = option('safe', undefined, 'uploads/sunset.png');
  const rejectedKey = option('rejected', undefined, 'uploads/tiny-icon.png');

  const safe = await newestFor(machine, safeKey);
  if (!safe) fail(`No execution has processed ${safeKey} yet: start one.`);
  if (safe!.status !== 'SUCCEEDED')
    fail(
      `The newest execution for ${safeKey} is ${safe!.status}, not SUCCEEDED: open it in the graph view to see which state failed.`,
    );
  if (!safe!.history.some((e) => e.type === 'ParallelStateEntered'))
    fail(`The execution for ${safeKey} went through no Parallel state.`);
  for (const folder of ['thumbnails', 'grayscale']) {
    if (!(await writtenSince(bucket, derived(safeKey, folder), safe!.startDate))) {
      fail(
        `The execution for ${safeKey} wrote no ${derived(safeKey, folder)}: does a branch of the Parallel state run the ${folder === 'thumbnails' ? 'Resize' : 'Grayscale'} function?`,
      );
    }
  }

  const rejected = await newestFor(machine, rejectedKey);
  if (!rejected) fail(`No execution has checked ${rejectedKey} yet: start one.`);
  if (rejected!.status === 'RUNNING')
    fail(`The execution for ${rejectedKey} is still running; check again in a moment.`);
  const endedInFail = rejected!.history.some((e) => e.type === 'FailStateEntered');
  if (rejected!.status !== 'FAILED' || !endedInFail) {
    fail(
      `The newest execution for ${rejectedKey}, which CheckImage flags, is ${rejected!.status}${rejected!.status === 'FAILED' ? ' but did not end in a Fail state' : ''}: the Choice state should send flagged images to a Fail state.`,
    );
  }
  if (rejected!.history.some((e) => e.type === 'ParallelStateEntered'))
    fail(
      `The execution for ${rejectedKey} reached the processing states before it failed: reject it before processing.`,
    );
  const failState = [...rejected!.history].reverse().find((e) => e.type === 'FailStateEntered')
    ?.stateEnteredEventDetails?.name;
  console.log(
    `${safeKey}: SUCCEEDED, resized and grayscaled in parallel; ${rejectedKey}: FAILED in ${failState ?? 'a Fail state'}, nothing processed.`,
  );
});
