// Reading processes from /proc (Linux) in tests: peak memory, state, and waiting for a
// condition to hold, with a generous bound that only ends a test that would otherwise hang.
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

/** Peak resident memory (VmHWM) of a process, in MB. */
export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** The one-letter state of a process (R, S, T, Z …), or undefined once it is gone. */
export function processState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return undefined;
  }
}

/** Alive and not a zombie. */
export function running(pid: number): boolean {
  const state = processState(pid);
  return state !== undefined && state !== 'Z' && state !== 'X';
}

/** Processes whose working directory is under `dir` (a function's code folder in a state dir). */
export function processesIn(dir: string): number[] {
  const found: number[] = [];
  for (const p of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      if (readlinkSync(`/proc/${p}/cwd`).startsWith(dir)) found.push(Number(p));
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

/** Polls until `condition` holds; false if it still does not after `boundMs`. */
export async function eventually(condition: () => boolean, boundMs = 20_000, everyMs = 50): Promise<boolean> {
  const until = Date.now() + boundMs;
  for (;;) {
    if (condition()) return true;
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
