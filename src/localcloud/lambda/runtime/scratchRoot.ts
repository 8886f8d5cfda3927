// The folder under the system temp dir that holds every environment's /tmp. Its name carries
// the owning local cloud's pid, so a folder left by a local cloud that was killed (kill -9, a
// crash) is removed when the next one starts — only once its owner is gone.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'hoc-lambda-';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // someone else's process: alive
  }
}

/** Removes the scratch folders of local clouds that no longer run. */
export function removeStaleScratch(dir = tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const owner = new RegExp(`^${PREFIX}(\\d+)-`).exec(name);
    if (!owner || Number(owner[1]) === process.pid || alive(Number(owner[1]))) continue;
    try {
      rmSync(join(dir, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      // not ours to remove (another user's temp dir): leave it
    }
  }
  return removed;
}

export function createScratchRoot(): string {
  removeStaleScratch();
  return mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
}
