// Lambda invoke performance of the local cloud, with `lambda-local` (an in-process handler
// runner, no isolation) measured on the same handler in the same run:
//   - warm invoke latency p50/p99 through @aws-sdk/client-lambda (one caller), after
//     HOC_BENCH_WARMUP (500) untimed invokes on each side,
//   - throughput with 10 concurrent callers,
//   - cold start Init Duration (from REPORT) for a Node and a Python hello world.
// The local cloud runs as built (`hoc cloud`, dist/cli.js) in a process of its own;
// HOC_BENCH_IN_PROCESS=1 runs it from src/ in this process instead, where the SDK client and
// the server share one thread. On Linux the CPU time per invoke of the local cloud process and
// of its runtime processes is read from /proc around each timed phase.
// HOC_BENCH_PROFILE=DIR writes a CPU profile of the local cloud process there when it stops.
// Run: npx tsx bench/lambda-invoke.ts [warmInvokes=300] [concurrentInvokes=3000] [coldStarts=8]
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { zipSync } from 'fflate';
import {
  CreateFunctionCommand,
  InvokeCommand,
  LambdaClient,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionUpdatedV2,
  type Runtime,
} from '@aws-sdk/client-lambda';
import * as lambdaLocal from 'lambda-local';
import { startLocalCloud } from '../src/localcloud';
import { spawnCloud } from '../test/helpers/cloudProcess';
import { cpuMs } from './lib/procCpu';

const WARM = Number(process.argv[2] ?? 300);
// Long enough (about 3 s here) that a hiccup elsewhere on the machine moves the rate little.
const CONCURRENT = Number(process.argv[3] ?? 3000);
const COLD = Number(process.argv[4] ?? 8);
/** Untimed invokes of each kind before the warm figures. */
const WARMUP = Number(process.env.HOC_BENCH_WARMUP ?? 500);
const CALLERS = 10;

const NODE_HANDLER = 'exports.handler = async (event) => ({ ok: true, echo: event });\n';
const PY_HANDLER = 'def handler(event, context):\n    return {"ok": True, "echo": event}\n';

interface Stats {
  p50: number;
  p99: number;
  perSecond: number;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const median = (xs: number[]) =>
  pct(
    [...xs].sort((a, b) => a - b),
    0.5,
  );

async function measure(count: number, callers: number, op: () => Promise<unknown>): Promise<Stats> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (next++ < count) {
        const t = performance.now();
        await op();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { p50: pct(latencies, 0.5), p99: pct(latencies, 0.99), perSecond: count / seconds };
}

function buildRuntimes(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hoc-bench-runtimes-'));
  buildSync({
    entryPoints: ['src/localcloud/lambda/runtimes/node/bootstrap.ts'],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: join(dir, 'node', 'bootstrap.js'),
    logLevel: 'warning',
  });
  return dir;
}

/** The children of a process (its runtime processes, for the local cloud). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  try {
    for (const t of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim();
      if (text) out.push(...text.split(' ').map(Number));
    }
  } catch {
    // not Linux, or gone
  }
  return out;
}

interface CpuSplit {
  server: number;
  runtimes: number;
  /** This process: the SDK client (and, in process, the local cloud too). */
  client: number;
}

/** CPU time of the local cloud process and of its runtimes, to difference around a phase. */
function cpuOf(pid: number | undefined): CpuSplit | undefined {
  if (pid === undefined || !existsSync(`/proc/${pid}/stat`)) return undefined;
  const own = process.cpuUsage();
  return {
    server: cpuMs(pid),
    runtimes: childrenOf(pid).reduce((sum, c) => sum + (cpuMs(c) || 0), 0), // one may end meanwhile
    client: (own.user + own.system) / 1000,
  };
}

/** Measures a phase and the CPU each side spent on it, per invoke. */
async function measureWithCpu(
  pid: number | undefined,
  count: number,
  callers: number,
  op: () => Promise<unknown>,
): Promise<Stats & { cpu?: CpuSplit }> {
  const before = cpuOf(pid);
  const stats = await measure(count, callers, op);
  const after = cpuOf(pid);
  if (!before || !after) return stats;
  return {
    ...stats,
    cpu: {
      server: (after.server - before.server) / count,
      runtimes: (after.runtimes - before.runtimes) / count,
      client: (after.client - before.client) / count,
    },
  };
}

interface Cloud {
  pid?: number;
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  stop(): Promise<void>;
}

/** The built local cloud in a process of its own, as `hoc cloud` runs it. */
async function startCloudProcess(): Promise<Cloud> {
  const dir = process.env.HOC_BENCH_PROFILE;
  const cloud = await spawnCloud([], dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []);
  return { ...cloud.clientConfig, pid: cloud.child.pid, stop: async () => void (await cloud.stop()) };
}

/** The local cloud in this process, beside the SDK client (HOC_BENCH_IN_PROCESS=1). */
async function startCloudInProcess(): Promise<Cloud> {
  process.env.HOC_LAMBDA_RUNTIMES_DIR = buildRuntimes();
  const cloud = await startLocalCloud({ port: 0, log: () => undefined });
  return { ...cloud, stop: () => cloud.stop() };
}

async function main(): Promise<void> {
  process.env.HOC_PYTHON ??= '/usr/bin/python3';
  const inProcess = process.env.HOC_BENCH_IN_PROCESS === '1';
  const cloud = inProcess ? await startCloudInProcess() : await startCloudProcess();
  const client = new LambdaClient({
    endpoint: cloud.endpoint,
    region: cloud.region,
    credentials: cloud.credentials,
    maxAttempts: 1,
  });
  const payload = Buffer.from(JSON.stringify({ hello: 'world' }));
  const create = (name: string, runtime: Runtime, handler: string, file: string, source: string) =>
    client.send(
      new CreateFunctionCommand({
        FunctionName: name,
        Runtime: runtime,
        Handler: handler,
        Role: 'arn:aws:iam::000000000000:role/bench',
        MemorySize: 1769,
        Code: { ZipFile: zipSync({ [file]: Buffer.from(source) }) },
      }),
    );
  await create('hello-node', 'nodejs22.x', 'index.handler', 'index.js', NODE_HANDLER);
  await create('hello-python', 'python3.12', 'app.handler', 'app.py', PY_HANDLER);
  const invoke = (name: string) => client.send(new InvokeCommand({ FunctionName: name, Payload: payload }));

  // lambda-local runs the same file in this process.
  const localDir = mkdtempSync(join(tmpdir(), 'hoc-bench-ll-'));
  mkdirSync(localDir, { recursive: true });
  writeFileSync(join(localDir, 'index.js'), NODE_HANDLER);
  const llInvoke = (path = join(localDir, 'index.js')) =>
    lambdaLocal.execute({
      event: { hello: 'world' },
      lambdaPath: path,
      lambdaHandler: 'handler',
      timeoutMs: 3000,
      verboseLevel: 0,
    });

  // Cold starts: each configuration change retires the warm environment.
  const initDurations: Record<string, number[]> = { 'hello-node': [], 'hello-python': [] };
  for (let i = 0; i < COLD; i++) {
    for (const name of Object.keys(initDurations)) {
      await client.send(new UpdateFunctionConfigurationCommand({ FunctionName: name, Description: `cold ${i}` }));
      await waitUntilFunctionUpdatedV2({ client, maxWaitTime: 10 }, { FunctionName: name });
      const out = await client.send(new InvokeCommand({ FunctionName: name, Payload: payload, LogType: 'Tail' }));
      const init = /Init Duration: ([\d.]+) ms/.exec(Buffer.from(out.LogResult ?? '', 'base64').toString());
      if (!init) throw new Error(`${name}: no Init Duration on a cold start`);
      initDurations[name]!.push(Number(init[1]));
    }
  }
  // lambda-local's nearest thing to a cold start: the first run of a freshly written module.
  const llFirst: number[] = [];
  for (let i = 0; i < COLD; i++) {
    const path = join(localDir, `cold${i}.js`);
    writeFileSync(path, NODE_HANDLER);
    const t = performance.now();
    await llInvoke(path);
    llFirst.push(performance.now() - t);
  }

  // Untimed rounds first, for both: "warm" is the steady state of a local cloud that has run a
  // while, once V8 has compiled the SDK's, the server's and the runtime's paths (and lambda-local's).
  // Measured straight after one invoke, the same p50 read ~2× higher.
  for (let i = 0; i < WARMUP; i++) await invoke('hello-node');
  for (let i = 0; i < WARMUP; i++) await llInvoke();
  for (let i = 0; i < WARMUP; i++) await invoke('hello-python');
  const warmCloud = await measureWithCpu(cloud.pid, WARM, 1, () => invoke('hello-node'));
  const warmLocal = await measure(WARM, 1, () => llInvoke());
  const warmPython = await measure(Math.min(WARM, 200), 1, () => invoke('hello-python'));
  // One warm environment per caller first, each run as many untimed invokes as above (the
  // throughput is of warm invokes, as lambda-local's): a runtime process that has answered a
  // handful of invokes still runs its Runtime API loop in V8's interpreter. The callers share
  // CALLERS × WARMUP invokes, so each of their environments gets about WARMUP.
  await Promise.all(Array.from({ length: CALLERS }, () => invoke('hello-node')));
  await measure(WARMUP * CALLERS, CALLERS, () => invoke('hello-node'));
  const tputCloud = await measureWithCpu(cloud.pid, CONCURRENT, CALLERS, () => invoke('hello-node'));
  const tputLocal = await measure(CONCURRENT, CALLERS, () => llInvoke());

  const f = (n: number) => n.toFixed(2);
  const rows = [
    ['warm invoke p50 (ms)', f(warmCloud.p50), f(warmLocal.p50), f(warmCloud.p50 / warmLocal.p50)],
    ['warm invoke p99 (ms)', f(warmCloud.p99), f(warmLocal.p99), f(warmCloud.p99 / warmLocal.p99)],
    [
      `throughput, ${CALLERS} callers (invokes/s)`,
      f(tputCloud.perSecond),
      f(tputLocal.perSecond),
      f(tputCloud.perSecond / tputLocal.perSecond),
    ],
    [
      'cold start, Node (ms; Init Duration vs first run)',
      f(median(initDurations['hello-node']!)),
      f(median(llFirst)),
      f(median(initDurations['hello-node']!) / median(llFirst)),
    ],
  ];
  console.log(
    `Lambda invoke: local cloud (${inProcess ? 'in this process' : 'own process'}) vs lambda-local ${lambdaLocal.version} (same handler, same run; ${WARM} warm, ${CONCURRENT} concurrent, ${COLD} cold starts)`,
  );
  console.log(['metric', 'local cloud', 'lambda-local', 'ratio'].join('\t'));
  for (const r of rows) console.log(r.join('\t'));
  for (const [label, s] of [
    ['warm, 1 caller', warmCloud],
    [`${CALLERS} callers`, tputCloud],
  ] as const) {
    if (s.cpu)
      console.log(
        `CPU per invoke (${label}): local cloud process ${f(s.cpu.server)} ms, Node runtime processes ${f(s.cpu.runtimes)} ms, SDK client (this process) ${f(s.cpu.client)} ms`,
      );
  }
  console.log(
    `Python hello world: Init Duration median ${f(median(initDurations['hello-python']!))} ms; warm p50 ${f(warmPython.p50)} ms, p99 ${f(warmPython.p99)} ms`,
  );
  console.log('AWS reference (lambda-perf, 2026): Init Duration Node.js 114–148 ms, Python 67–106 ms');

  await cloud.stop();
  rmSync(localDir, { recursive: true, force: true });
  if (process.env.HOC_LAMBDA_RUNTIMES_DIR)
    rmSync(process.env.HOC_LAMBDA_RUNTIMES_DIR, { recursive: true, force: true });
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
