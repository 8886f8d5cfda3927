// One local cloud at a time per state dir: two servers on the same folder would each keep
// their own state and delete each other's journals when they compact. The lock is a file
// created atomically, holding the owner's pid; a lock whose process is gone (the
// server was killed) is stale and taken over.
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalCloudStartError } from './startError';

const LOCK_FILE = 'server.lock';
/** State dirs locked by this process (a pid check cannot tell two servers of one process apart). */
const heldHere = new Set<string>();

export interface StateDirLock {
  release(): void;
}

export function lockStateDir(stateDir: string): StateDirLock {
  const path = join(stateDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // Written aside then linked into place: link() fails if the lock exists, and the lock
      // is never seen without its pid.
      const tmp = `${path}.${process.pid}`;
      writeFileSync(tmp, `${process.pid}\n`, { mode: 0o600 });
      try {
        linkOrCreate(tmp, path);
      } finally {
        unlinkSync(tmp);
      }
      heldHere.add(path);
      const release = () => {
        process.removeListener('exit', release);
        if (!heldHere.delete(path)) return;
        // Remove the file only while it is still ours.
        if (readHolder(path) === process.pid) unlinkSync(path);
      };
      // An exit on any path (even an uncaught error) frees the dir; only kill -9 leaves a stale lock.
      process.on('exit', release);
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readHolder(path);
    if (holder !== undefined && (heldHere.has(path) || (holder !== process.pid && isAlive(holder)))) {
      throw new LocalCloudStartError(
        `The state dir ${stateDir} is in use by another local cloud (process ${holder}). ` +
          `Stop that one first, or pass another --state-dir. If no local cloud is running, delete ${path}.`,
      );
    }
    // Stale: its process is gone. Another starting server may race us here; the exclusive
    // create on the next attempt lets only one of them win.
    try {
      if (readHolder(path) === holder) unlinkSync(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  throw new LocalCloudStartError(
    `Could not lock the state dir ${stateDir}: ${path} keeps coming back. Is another local cloud starting on it?`,
  );
}

function linkOrCreate(tmp: string, path: string): void {
  try {
    linkSync(tmp, path);
  } catch (e) {
    // File systems without hard links: an exclusive create, then the pid.
    if (!['EPERM', 'ENOTSUP', 'ENOSYS'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
    writeFileSync(path, `${process.pid}\n`, { flag: 'wx', mode: 0o600 });
  }
}

function readHolder(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by another user
  }
}
