// SQS send → receive → delete: throughput and p50/p99 latency of the local cloud (in memory,
// and durable with a state dir) against fauxqs 1.9.2, each in its own process, started in
// the same run and driven by the same @aws-sdk/client-sqs workload, and against fauxqs with the
// local cloud's SigV4 check added (fauxqs verifies no signature). Prints a table and ratios.
// Run: node esbuild.mjs && npx tsx bench/sqs-throughput.ts [messages=2000] [concurrency=16] [rounds=3]
// HOC_BENCH_PROFILE=DIR keeps a CPU profile of each local cloud (open it in Chrome DevTools).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  DeleteQueueCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { parseBanner } from '../src/localcloud/banner';
import { cpuMs } from './lib/procCpu';

const MESSAGES = Number(process.argv[2] ?? 2000);
const CONCURRENCY = Number(process.argv[3] ?? 16);
/** Targets take turns, round after round, so load from elsewhere on the machine hits all alike. */
const ROUNDS = Number(process.argv[4] ?? 3);
const ROOT = join(__dirname, '..');
const FAUXQS_SIGNED = 'fauxqs + SigV4 check';

interface Server {
  name: string;
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  child: ChildProcess;
  cleanup?: () => void;
}

/** Starts a server process and waits for the line that names its endpoint. */
function startServer(
  name: string,
  args: string[],
  parse: (out: string) => Omit<Server, 'name' | 'child'> | undefined,
  cleanup?: () => void,
): Promise<Server> {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const parsed = parse(out);
      if (parsed) resolve({ name, child, cleanup, ...parsed });
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before starting:\n${out}`)));
  });
}

/** The bundle the extension runs (`npm run bench` builds it first). */
const LOCAL_CLOUD = join(ROOT, 'dist', 'localcloud.js');

function startLocalCloud(name: string, extraArgs: string[], stateDir?: string): Promise<Server> {
  if (!existsSync(LOCAL_CLOUD))
    throw new Error(`${LOCAL_CLOUD} is missing: build it first with \`node esbuild.mjs\` (or run \`npm run bench\`).`);
  // HOC_BENCH_PROFILE=DIR writes each local cloud's CPU profile there when it stops.
  const profile = process.env.HOC_BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.HOC_BENCH_PROFILE}`]
    : [];
  const args = [...profile, LOCAL_CLOUD, '--port', '0', ...extraArgs, ...(stateDir ? ['--state-dir', stateDir] : [])];
  return startServer(
    name,
    args,
    (out) => {
      const b = parseBanner(out);
      return (
        b && { endpoint: b.endpoint, credentials: { accessKeyId: b.accessKeyId, secretAccessKey: b.secretAccessKey } }
      );
    },
    stateDir ? () => rmSync(stateDir, { recursive: true, force: true }) : undefined,
  );
}

function startFauxqs(): Promise<Server> {
  const script =
    "const { startFauxqs } = await import('fauxqs'); const s = await startFauxqs({ port: 0, logger: false }); console.log('endpoint ' + s.address);";
  return startServer('fauxqs 1.9.2', ['--input-type=module', '-e', script], (out) => {
    const endpoint = /^endpoint (\S+)$/m.exec(out)?.[1];
    return endpoint ? { endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } } : undefined;
  });
}

/** fauxqs with the local cloud's SigV4 check in an onRequest hook (bench/lib/fauxqsSigned.mts). */
function startFauxqsSigned(): Promise<Server> {
  return startServer(FAUXQS_SIGNED, ['--import', 'tsx', join(__dirname, 'lib', 'fauxqsSigned.mts')], (out) => {
    const endpoint = /^endpoint (\S+)$/m.exec(out)?.[1];
    return endpoint ? { endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } } : undefined;
  });
}

interface Latencies {
  send: number[];
  receive: number[];
  delete: number[];
  endToEnd: number[];
}

interface RoundResult {
  messagesPerSecond: number;
  /** Server process CPU (user + system) per message: steadier than wall time on a busy machine. */
  cpuMsPerMessage: number;
  /**
   * Per request (send, receive, delete): how many receives a message takes depends on timing
   * (a faster server hands each receive fewer messages), so per message alone can favour the
   * slower server.
   */
  cpuMsPerRequest: number;
  receivesPerMessage: number;
  latencies: Latencies;
}

async function timed<T>(into: number[], op: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await op();
  into.push(performance.now() - t0);
  return result;
}

/** Producers send MESSAGES messages while consumers receive (up to 10) and delete each one. */
async function runRound(server: Server, round: number): Promise<RoundResult> {
  const client = new SQSClient({
    endpoint: server.endpoint,
    region: 'us-east-1',
    credentials: server.credentials,
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2 }) }),
  });
  const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: `bench-${round}-${Date.now()}` }));
  const lat: Latencies = { send: [], receive: [], delete: [], endToEnd: [] };
  let sent = 0;
  let consumed = 0;
  const cpuBefore = cpuMs(server.child.pid);
  const started = performance.now();
  const producer = async () => {
    while (sent < MESSAGES) {
      sent++;
      await timed(lat.send, () =>
        client.send(
          new SendMessageCommand({
            QueueUrl,
            MessageBody: JSON.stringify({ at: performance.now(), pad: 'x'.repeat(200) }),
          }),
        ),
      );
    }
  };
  const consumer = async () => {
    while (consumed < MESSAGES) {
      const got = await timed(lat.receive, () =>
        client.send(
          new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, VisibilityTimeout: 60 }),
        ),
      );
      for (const m of got.Messages ?? []) {
        lat.endToEnd.push(performance.now() - (JSON.parse(m.Body!) as { at: number }).at);
        await timed(lat.delete, () =>
          client.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle })),
        );
        consumed++;
      }
    }
  };
  const half = Math.max(1, CONCURRENCY / 2);
  await Promise.all([...Array.from({ length: half }, producer), ...Array.from({ length: half }, consumer)]);
  const seconds = (performance.now() - started) / 1000;
  const cpuUsed = cpuMs(server.child.pid) - cpuBefore;
  const requests = lat.send.length + lat.receive.length + lat.delete.length;
  await client.send(new DeleteQueueCommand({ QueueUrl }));
  client.destroy();
  return {
    messagesPerSecond: consumed / seconds,
    cpuMsPerMessage: cpuUsed / consumed,
    cpuMsPerRequest: cpuUsed / requests,
    receivesPerMessage: lat.receive.length / consumed,
    latencies: lat,
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function median(values: number[]): number {
  return percentile(values, 50);
}

async function main(): Promise<void> {
  const servers = [
    await startLocalCloud('local cloud (memory)', []),
    // fauxqs checks no signature: this row shows what SigV4 verification costs.
    await startLocalCloud('local cloud (memory, --no-auth)', ['--no-auth']),
    await startLocalCloud('local cloud (durable, fsync)', [], mkdtempSync(join(tmpdir(), 'hoc-bench-sqs-'))),
    await startFauxqs(),
    // What fauxqs costs when it verifies signatures as the local cloud must.
    await startFauxqsSigned(),
  ];
  const results = new Map<string, RoundResult[]>(servers.map((s) => [s.name, []]));
  try {
    for (const s of servers) await runRound(s, -1); // warm-up: JIT, sockets, first queue
    for (let round = 0; round < ROUNDS; round++) {
      for (const s of servers) results.get(s.name)!.push(await runRound(s, round));
    }
  } finally {
    for (const s of servers) {
      s.child.kill('SIGTERM');
      await new Promise((r) => s.child.once('exit', r));
      s.cleanup?.();
    }
  }
  console.log(
    `SQS send → receive → delete, ${MESSAGES} messages, ${CONCURRENCY / 2} producers + ${CONCURRENCY / 2} consumers, ${ROUNDS} rounds (median of rounds; latencies in ms over all rounds)\n`,
  );
  const rows = servers.map((s) => {
    const rs = results.get(s.name)!;
    const all = (k: keyof Latencies) => rs.flatMap((r) => r.latencies[k]);
    const pp = (k: keyof Latencies) => `${percentile(all(k), 50).toFixed(1)} / ${percentile(all(k), 99).toFixed(1)}`;
    return {
      name: s.name,
      rate: median(rs.map((r) => r.messagesPerSecond)),
      cpu: median(rs.map((r) => r.cpuMsPerMessage)),
      cpuPerRequest: median(rs.map((r) => r.cpuMsPerRequest)),
      receivesPerMessage: median(rs.map((r) => r.receivesPerMessage)),
      send: pp('send'),
      receive: pp('receive'),
      del: pp('delete'),
      e2e: pp('endToEnd'),
      p50: percentile(all('send'), 50),
    };
  });
  const header = [
    'target',
    'msgs/s',
    'server CPU ms/msg',
    'ms/request',
    'receives/msg',
    'send p50/p99',
    'receive p50/p99',
    'delete p50/p99',
    'send→receive p50/p99',
  ];
  const table = [
    header,
    ...rows.map((r) => [
      r.name,
      r.rate.toFixed(0),
      r.cpu.toFixed(2),
      r.cpuPerRequest.toFixed(3),
      r.receivesPerMessage.toFixed(2),
      r.send,
      r.receive,
      r.del,
      r.e2e,
    ]),
  ];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  for (const row of table) console.log(row.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  const peer = rows.find((r) => r.name.startsWith('fauxqs 1'))!;
  // Ratios of CPU per request are paired: each round's against the peer's in the same round
  // (they ran back to back), then the median of those, steadier on a busy machine.
  const paired = (name: string, peerName: string) =>
    median(results.get(name)!.map((r, i) => r.cpuMsPerRequest / results.get(peerName)![i]!.cpuMsPerRequest));
  console.log('');
  for (const r of rows.filter((x) => x !== peer)) {
    const vsSigned = r.name.startsWith('local cloud')
      ? `, ${paired(r.name, FAUXQS_SIGNED).toFixed(2)}× fauxqs + SigV4 check's`
      : '';
    console.log(
      `${r.name}: server CPU per request ${paired(r.name, peer.name).toFixed(2)}× fauxqs's${vsSigned}; ${(r.rate / peer.rate).toFixed(2)}× its throughput, send p50 ${(r.p50 / peer.p50).toFixed(2)}× its latency`,
    );
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
