// Runs the local cloud in the foreground until SIGINT/SIGTERM: `hoc cloud` and dist/localcloud.js.
import { bannerLines } from './banner';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from './server/localCloud';

export async function runCloudInForeground(options: LocalCloudOptions): Promise<void> {
  let cloud: LocalCloud | undefined;
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${signal}: stopping the local cloud…\n`);
    (cloud ? cloud.stop() : Promise.resolve()).then(
      () => process.exit(0),
      (e: unknown) => {
        process.stderr.write(`failed to stop cleanly: ${String(e)}\n`);
        process.exit(1);
      },
    );
  };
  // Handlers go in before anything is printed, so a signal right after the banner is never lost.
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  cloud = await startLocalCloud(options);
  process.stdout.write(bannerLines(cloud).join('\n') + '\n');
  process.stdout.write(`state ${cloud.stateDir ?? '(in memory: nothing is kept after exit)'}\n`);
}
