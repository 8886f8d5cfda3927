// CPU share of a Lambda function against MemorySize / 1,769 (one vCPU at 1,769 MB), measured as
// CPU time: a CPU-bound handler reports the CPU time it was given over the wall time it took;
// an I/O-bound handler (short bursts of CPU between waits) reports how much longer it ran than
// the larger of its waits plus its CPU and its CPU at its share. The peer is the same handler at 1,769 MB, and the
// ideal is the share itself. Run: npx tsx bench/lambda-cpu-share.ts [invokes=3]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { zipSync } from 'fflate';
import { CreateFunctionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { startLocalCloud } from '../src/localcloud';

const INVOKES = Number(process.argv[2] ?? 3);
const SIZES = [128, 512, 1769];

const HANDLER = `
const burn = (ms) => { const end = process.cpuUsage().user + ms * 1000; while (process.cpuUsage().user < end) {} };
const measure = async (work) => {
  const t = process.hrtime.bigint(); const c = process.cpuUsage();
  await work();
  const cpu = process.cpuUsage(c);
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, cpuMs: (cpu.user + cpu.system) / 1000 };
};
// 150 ms of CPU in one go.
exports.cpu = () => measure(async () => burn(150));
// Ten times: 1 ms of CPU, then 20 ms waiting (as for a reply from another service).
exports.io = () => measure(async () => { for (let i = 0; i < 10; i++) { burn(1); await new Promise((r) => setTimeout(r, 20)); } });
`;
const IO_WAIT_MS = 200;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const runtimes = mkdtempSync(join(tmpdir(), 'hoc-bench-runtimes-'));
  buildSync({
    entryPoints: ['src/localcloud/lambda/runtimes/node/bootstrap.ts'],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: join(runtimes, 'node', 'bootstrap.js'),
    logLevel: 'warning',
  });
  process.env.HOC_LAMBDA_RUNTIMES_DIR = runtimes;
  const cloud = await startLocalCloud({ port: 0, log: () => undefined });
  const client = new LambdaClient({
    endpoint: cloud.endpoint,
    region: cloud.region,
    credentials: cloud.credentials,
    maxAttempts: 1,
  });
  const zip = zipSync({ 'index.js': Buffer.from(HANDLER) });
  console.log(`CPU share by memory size, measured as CPU time (median of ${INVOKES} warm invokes per row)`);
  console.log(
    [
      'handler',
      'MemorySize',
      'ideal share',
      'measured share',
      'measured / ideal',
      'wall ms',
      'CPU ms',
      'wall / max(waits + CPU, CPU ÷ share)',
    ].join('\t'),
  );
  try {
    for (const kind of ['cpu', 'io'] as const) {
      for (const mb of SIZES) {
        const name = `share-${kind}-${mb}`;
        await client.send(
          new CreateFunctionCommand({
            FunctionName: name,
            Runtime: 'nodejs22.x',
            Handler: `index.${kind}`,
            Role: 'arn:aws:iam::000000000000:role/bench',
            MemorySize: mb,
            Timeout: 30,
            Code: { ZipFile: zip },
          }),
        );
        await client.send(new InvokeCommand({ FunctionName: name })); // cold start out of the way
        const runs: Array<{ ms: number; cpuMs: number }> = [];
        for (let i = 0; i < INVOKES; i++) {
          const out = await client.send(new InvokeCommand({ FunctionName: name }));
          runs.push(JSON.parse(Buffer.from(out.Payload!).toString()) as { ms: number; cpuMs: number });
        }
        const ms = median(runs.map((r) => r.ms));
        const cpuMs = median(runs.map((r) => r.cpuMs));
        const ideal = Math.min(1, mb / 1769);
        const measured = kind === 'cpu' ? cpuMs / ms : NaN;
        // The least wall time the share allows: the waits plus the CPU, or the CPU at its share.
        const explained = Math.max((kind === 'io' ? IO_WAIT_MS : 0) + cpuMs, cpuMs / ideal);
        console.log(
          [
            kind === 'cpu' ? 'CPU-bound' : 'I/O-bound',
            `${mb} MB`,
            ideal.toFixed(3),
            kind === 'cpu' ? measured.toFixed(3) : '—',
            kind === 'cpu' ? `${(measured / ideal).toFixed(2)}×` : '—',
            ms.toFixed(1),
            cpuMs.toFixed(1),
            `${(ms / explained).toFixed(2)}×`,
          ].join('\t'),
        );
      }
    }
  } finally {
    client.destroy();
    await cloud.stop();
    rmSync(runtimes, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
