// Every execution environment runs in its own process group (so a custom runtime's children
// are stopped, throttled and killed with it), and its processes carry a marker variable. An
// environment ends with all its processes — group, descendants (detached or not) and marked
// orphans — and every environment ends with the local cloud: on a clean exit here, and on
// kill -9 through the watchdog (runtimeWatchdog.ts). Windows has no process groups or
// SIGSTOP: there the process itself is killed, and CPU is not throttled.
import { randomBytes } from 'node:crypto';
import { HAS_PROC, MARKER_VAR, processesToEnd } from './processTree';
import { watchdog } from './runtimeWatchdog';

export const USE_PROCESS_GROUPS = process.platform !== 'win32';
/** This local cloud's share of the marker: its own environments' values start with it. */
const OWNER = `${process.pid}.${randomBytes(6).toString('hex')}`;
const groups = new Set<number>();
let hooked = false;

/** The marker variable for one environment, to put in its process environment. */
export function environmentMarker(environmentId: string): Record<string, string> {
  return { [MARKER_VAR]: `${OWNER}/${environmentId}` };
}

export function trackGroup(pgid: number): void {
  groups.add(pgid);
  watchdog(OWNER).track(pgid);
  if (!hooked) {
    hooked = true;
    process.on('exit', () => {
      for (const g of groups) killGroup(g, 'SIGKILL');
      if (HAS_PROC) for (const pid of processesToEnd(undefined, `${OWNER}/`)) kill(pid);
    });
  }
}

export function untrackGroup(pgid: number): void {
  groups.delete(pgid);
  watchdog(OWNER).untrack(pgid);
}

export function killGroup(pgid: number, signal: NodeJS.Signals = 'SIGKILL'): void {
  try {
    if (!USE_PROCESS_GROUPS) return void process.kill(pgid, signal);
    process.kill(-pgid, 'SIGCONT');
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

/** Ends an environment's group and, on Linux, every process of its tree or carrying its marker. */
export function killEnvironment(pgid: number, environmentId: string): void {
  const others = HAS_PROC ? processesToEnd(pgid, `${OWNER}/${environmentId}`) : [];
  killGroup(pgid, 'SIGKILL');
  for (const pid of others) kill(pid);
}

function kill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
