// Every execution environment runs in its own process group (so a custom runtime's children
// are stopped, throttled and killed with it). The groups die with the local cloud.
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
    process.kill(-pgid, 'SIGCONT');
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}
