// What the durability tests share: `hoc cloud` runs on one state dir (started, killed with
// SIGKILL, or expected to refuse the start) and SQS traffic whose acknowledgements are counted.
import { spawn } from 'node:child_process';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { CLI, spawnCloud, type CloudProcess } from '../../../helpers/cloudProcess';

export const QUEUE = 'kept';

export function sqsOf(cloud: CloudProcess): SQSClient {
  return new SQSClient(cloud.clientConfig);
}

export async function queueUrl(sqs: SQSClient): Promise<string> {
  return (await sqs.send(new CreateQueueCommand({ QueueName: QUEUE }))).QueueUrl!;
}

/** Sends `count` messages to a server on `stateDir`, then stops it cleanly, which writes snapshot.json. */
export async function snapshotOfMessages(stateDir: string, count: number, prefix?: string): Promise<void> {
  const cloud = await spawnCloud(['--state-dir', stateDir]);
  const sqs = sqsOf(cloud);
  await sendMessages(sqs, count, prefix);
  sqs.destroy();
  const code = await cloud.stop('SIGTERM');
  if (code !== 0) throw new Error(`the local cloud exited with ${code} on SIGTERM`);
}

/** Sends `count` messages one request each (one journal record each); all must be acknowledged. */
export async function sendMessages(sqs: SQSClient, count: number, prefix = 'm'): Promise<void> {
  const url = await queueUrl(sqs);
  for (let i = 0; i < count; i++)
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: `${prefix}${i}` }));
}

export async function depth(sqs: SQSClient): Promise<number> {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: await queueUrl(sqs), AttributeNames: ['ApproximateNumberOfMessages'] }),
  );
  return Number(Attributes!.ApproximateNumberOfMessages);
}

/** Starts `hoc cloud` on the dir, runs `work` against it, then kills it with SIGKILL. */
export async function runThenKill<T>(
  stateDir: string,
  work: (sqs: SQSClient, cloud: CloudProcess) => Promise<T>,
): Promise<{ value: T; stderr: string }> {
  const cloud = await spawnCloud(['--state-dir', stateDir]);
  const sqs = sqsOf(cloud);
  try {
    const value = await work(sqs, cloud);
    return { value, stderr: cloud.output() };
  } finally {
    sqs.destroy();
    await cloud.stop('SIGKILL');
  }
}

export interface RefusedStart {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `hoc cloud` expecting it to refuse to start: resolves with how it exited. */
export function refusedStart(args: string[]): Promise<RefusedStart> {
  const child = spawn(process.execPath, [CLI, 'cloud', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    // A banner means it started after all: stop it so the test fails instead of hanging.
    if (stdout.includes('endpoint ')) child.kill('SIGKILL');
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
}
