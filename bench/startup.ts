// Start and footprint of the local cloud and the extension bundle, against the cost of Node
// itself in the same run: time from spawn to the four banner lines of dist/localcloud.js vs
// spawn to the first line of `node -e`, the server's idle RSS, its CPU time to start, and the
// size of what the local cloud reads at start. Goals (issue 16): banner < 300 ms, idle RSS
// < 80 MiB. The extension bundle's size and activation cost: bench/extension-bundle.ts.
// Run: node esbuild.mjs [--production] && npx tsx bench/startup.ts [starts=7]
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const STARTS = Number(process.argv[2] ?? 7);
const ROOT = join(__dirname, '..');
const LOCAL_CLOUD = join(ROOT, 'dist', 'localcloud.js');

interface Start {
  ms: number;
  rssMiB: number;
  cpuMs: number;
}

/** /proc/PID/status VmRSS and /proc/PID/stat utime+stime (Linux); NaN elsewhere. */
function footprint(pid: number): { rssMiB: number; cpuMs: number } {
  try {
    const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return { rssMiB: rss, cpuMs: (Number(f[11]) + Number(f[12])) * 10 };
  } catch {
    return { rssMiB: NaN, cpuMs: NaN };
  }
}

/** Spawns, waits until stdout holds `lines` lines, measures, then stops the process. */
function startOnce(args: string[], lines: number, idleMs: number): Promise<Start> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let done = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (done || out.split('\n').length - 1 < lines) return;
      done = true;
      const ms = performance.now() - t0;
      // RSS once the process has settled (idle), as a student's machine would hold it.
      setTimeout(() => {
        const f = footprint(child.pid!);
        child.kill('SIGTERM');
        child.once('exit', () => resolve({ ms, ...f }));
      }, idleMs);
    });
    child.stderr.resume();
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!done) reject(new Error(`${args.join(' ')} exited with ${code} before printing ${lines} lines:\n${out}`));
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  if (!existsSync(LOCAL_CLOUD)) throw new Error(`${LOCAL_CLOUD} is missing: build it first with \`node esbuild.mjs\`.`);
  const cloud: Start[] = [];
  const node: Start[] = [];
  // Turns alternate, so load from elsewhere on the machine hits both alike.
  for (let i = 0; i < STARTS; i++) {
    cloud.push(await startOnce([LOCAL_CLOUD, '--port', '0'], 4, 1000));
    node.push(await startOnce(['-e', "console.log('ready'); setInterval(() => {}, 1000)"], 1, 1000));
  }
  const f = (n: number) => n.toFixed(1);
  const row = (name: string, get: (s: Start) => number, goal: string) => {
    const c = median(cloud.map(get));
    const n = median(node.map(get));
    console.log([name, f(c), f(n), `${(c / n).toFixed(2)}×`, goal].join('\t'));
  };
  console.log(
    `Local cloud start (dist/localcloud.js, in memory) vs a bare \`node -e\` in the same run; median of ${STARTS} starts`,
  );
  console.log(['figure', 'local cloud', 'node -e', 'ratio', 'goal'].join('\t'));
  row('spawn to banner (ms)', (s) => s.ms, '< 300 ms');
  row('CPU time to start, user+sys (ms)', (s) => s.cpuMs, '');
  row('idle RSS after 1 s (MiB)', (s) => s.rssMiB, '< 80 MiB');
  // The local cloud loads its entry at start and each service's chunks on first use.
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
  const cloudDir = join(ROOT, 'dist', 'localcloud');
  if (existsSync(cloudDir)) {
    const files = readdirSync(cloudDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mjs'));
    const total = files.reduce((n, f) => n + statSync(join(cloudDir, f)).size, 0);
    console.log(
      `dist/localcloud/main.mjs: ${mb(statSync(join(cloudDir, 'main.mjs')).size)} read at start, of ${mb(total)} in ${files.length} files`,
    );
  }
  const cli = join(ROOT, 'dist', 'cli.js');
  if (existsSync(cli)) console.log(`dist/cli.js: ${mb(statSync(cli).size)}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
