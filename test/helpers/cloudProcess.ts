// Runs `hoc cloud` (dist/cli.js) as a separate process, for tests that kill or restart it.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { parseBanner } from '../../src/localcloud/banner';

export const ROOT = join(__dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

export interface CloudProcess {
  readonly child: ChildProcess;
  readonly endpoint: string;
  readonly port: number;
  readonly clientConfig: {
    endpoint: string;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
    forcePathStyle: boolean;
    maxAttempts: number;
  };
  readonly output: () => string;
  /**
   * Resolves with the output once it matches `pattern`: what the server writes to stderr may
   * arrive after the HTTP answer that followed it. Rejects if the process exits first.
   */
  outputMatching(pattern: RegExp, waitMs?: number): Promise<string>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** `nodeArgs` go to Node before the CLI (e.g. `--cpu-prof` for a benchmark's profile). */
export async function spawnCloud(args: string[] = [], nodeArgs: string[] = []): Promise<CloudProcess> {
  const child = spawn(process.execPath, [...nodeArgs, CLI, 'cloud', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stderr!.on('data', (d: Buffer) => (text += d.toString()));
  const banner = await new Promise<NonNullable<ReturnType<typeof parseBanner>>>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      text += d.toString();
      const parsed = parseBanner(text);
      if (parsed) resolve(parsed);
    });
    child.once('exit', (code) => reject(new Error(`hoc cloud exited with ${code} before it started:\n${text}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    endpoint: banner.endpoint,
    port: Number(new URL(banner.endpoint).port),
    clientConfig: {
      endpoint: banner.endpoint,
      region: banner.region,
      credentials: { accessKeyId: banner.accessKeyId, secretAccessKey: banner.secretAccessKey },
      forcePathStyle: true,
      maxAttempts: 1,
    },
    output: () => text,
    outputMatching: (pattern, waitMs = 30_000) =>
      new Promise((resolve, reject) => {
        const done = (err?: Error) => {
          clearTimeout(timer);
          child.stdout!.off('data', look);
          child.stderr!.off('data', look);
          child.off('exit', gone);
          if (err) reject(err);
          else resolve(text);
        };
        // After the listeners that append to `text` (registered first), so `text` is current.
        const look = () => pattern.test(text) && done();
        const gone = () => done(new Error(`hoc cloud exited before printing ${pattern}:\n${text}`));
        const timer = setTimeout(() => done(new Error(`no ${pattern} in ${waitMs} ms:\n${text}`)), waitMs);
        if (pattern.test(text)) return done();
        child.stdout!.on('data', look);
        child.stderr!.on('data', look);
        child.once('exit', gone);
      }),
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
