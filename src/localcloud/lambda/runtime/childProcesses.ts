// Every execution environment runs in its own process group (so a custom runtime's children
// are stopped, throttled and killed with it). The groups die with the local cloud. Windows has
// no process groups or SIGSTOP: there the process itself is killed, and CPU is not throttled.
export const USE_PROCESS_GROUPS = process.platform !== 'win32';
const groups = new Set<number>();
let hooked = false;

export function trackGroup(pgid: number): void {
  groups.add(pgid);
  if (!hooked) {
    hooked = true;
    process.on('exit', () => {
      for (const g of groups) killGroup(g, 'SIGKILL');
    });
  }
}

export function untrackGroup(pgid: number): void {
  groups.delete(pgid);
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
