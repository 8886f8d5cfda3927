// S3 throughput and latency: the local cloud (in memory, and durable with a state dir) against
// fauxqs's S3, started in the same run, driven by the same @aws-sdk/client-s3 workload.
// Run: npx tsx bench/s3.ts [objects=400] [concurrency=8] [rounds=3]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { startLocalCloud } from '../src/localcloud';

const OBJECTS = Number(process.argv[2] ?? 400);
const CONCURRENCY = Number(process.argv[3] ?? 8);
/** Targets take turns, round after round, so load from elsewhere on the machine hits all alike. */
const ROUNDS = Number(process.argv[4] ?? 3);
const BODY = randomBytes(64 * 1024);

interface Target {
  name: string;
  client: S3Client;
  stop(): Promise<void>;
}

interface Result {
  opsPerSecond: number;
  p50: number;
  p99: number;
}

async function measure(count: number, op: (i: number) => Promise<unknown>): Promise<Result> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        await op(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!;
  return { opsPerSecond: count / seconds, p50: pct(0.5), p99: pct(0.99) };
}

async function run(target: Target, round: number): Promise<Record<string, Result>> {
  const { client } = target;
  const Bucket = `bench-${round}`;
  await client.send(new CreateBucketCommand({ Bucket }));
  const put = await measure(OBJECTS, (i) => client.send(new PutObjectCommand({ Bucket, Key: `k/${i}`, Body: BODY })));
  const get = await measure(OBJECTS, async (i) => {
    const out = await client.send(new GetObjectCommand({ Bucket, Key: `k/${i}` }));
    await out.Body!.transformToByteArray();
  });
  const list = await measure(20, () => client.send(new ListObjectsV2Command({ Bucket, Prefix: 'k/' })));
  return { 'PutObject 64 KiB': put, 'GetObject 64 KiB': get, [`ListObjectsV2 (${OBJECTS} keys)`]: list };
}

/** Per operation, the round with the median throughput. */
function median(rounds: Array<Record<string, Result>>): Record<string, Result> {
  const out: Record<string, Result> = {};
  for (const op of Object.keys(rounds[0]!)) {
    const sorted = rounds.map((r) => r[op]!).sort((a, b) => a.opsPerSecond - b.opsPerSecond);
    out[op] = sorted[Math.floor(sorted.length / 2)]!;
  }
  return out;
}

function clientFor(endpoint: string, credentials: { accessKeyId: string; secretAccessKey: string }): S3Client {
  return new S3Client({ endpoint, region: 'us-east-1', credentials, forcePathStyle: true, maxAttempts: 1 });
}

async function localCloud(name: string, stateDir?: string): Promise<Target> {
  const cloud = await startLocalCloud({ port: 0, stateDir, log: () => undefined });
  const client = clientFor(cloud.endpoint, cloud.credentials);
  return { name, client, stop: async () => (client.destroy(), await cloud.stop()) };
}

async function fauxqs(): Promise<Target> {
  // fauxqs is ESM-only.
  const { startFauxqs } = (await import('fauxqs')) as typeof import('fauxqs');
  const server = await startFauxqs({ port: 0, logger: false });
  const client = clientFor(server.address, { accessKeyId: 'test', secretAccessKey: 'test' });
  return { name: 'fauxqs 1.9.2', client, stop: async () => (client.destroy(), await server.stop()) };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hoc-bench-s3-'));
  const targets = [
    await fauxqs(),
    await localCloud('local cloud (memory)'),
    await localCloud('local cloud (state dir, fsync)', dir),
  ];
  const rounds = new Map<string, Array<Record<string, Result>>>(targets.map((t) => [t.name, []]));
  try {
    for (let round = 0; round < ROUNDS; round++)
      for (const target of targets) rounds.get(target.name)!.push(await run(target, round));
  } finally {
    for (const target of targets) await target.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const results = [...rounds].map(([name, r]) => [name, median(r)] as [string, Record<string, Result>]);
  const [peerName, peer] = results[0]!;
  console.log(
    `S3 workload: ${OBJECTS} objects of 64 KiB, concurrency ${CONCURRENCY}, median of ${ROUNDS} interleaved rounds, same client and process for every target\n`,
  );
  for (const [name, r] of results) {
    console.log(name);
    for (const [op, m] of Object.entries(r)) {
      const ratio = m.opsPerSecond / peer[op]!.opsPerSecond;
      console.log(
        `  ${op.padEnd(28)} ${m.opsPerSecond.toFixed(0).padStart(6)} ops/s  p50 ${m.p50.toFixed(1).padStart(6)} ms  p99 ${m.p99.toFixed(1).padStart(6)} ms  ${name === peerName ? '' : `× ${ratio.toFixed(2)} of ${peerName}`}`,
      );
    }
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
