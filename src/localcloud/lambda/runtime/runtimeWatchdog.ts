// Runtimes must die with their local cloud even when it is killed with SIGKILL, which no exit
// handler sees — and a runtime stopped by the CPU throttle (SIGSTOP) cannot notice that its
// parent is gone. So one small watchdog process per local cloud, in its own process group
// (never stopped), holds a pipe from it: when the pipe closes, however the local cloud ended,
// the watchdog kills every group it was told about and, on Linux, every process carrying the
// local cloud's marker, then exits. (Linux's PR_SET_PDEATHSIG would need native code.)
import { spawn, type ChildProcess } from 'node:child_process';
import { MARKER_VAR } from './processTree';

/** The watchdog's whole program, run by this same Node (or the editor's runtime as Node). */
const PROGRAM = `
const fs = require('fs');
const owner = process.argv[1];
const groups = new Set();
let pending = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => {
  pending += d;
  let i;
  while ((i = pending.indexOf('\\n')) >= 0) {
    const line = pending.slice(0, i);
    pending = pending.slice(i + 1);
    const pid = Number(line.slice(1));
    if (line[0] === '+') groups.add(pid); else groups.delete(pid);
  }
});
const end = () => {
  for (const g of groups) {
    try { process.kill(process.platform === 'win32' ? g : -g, 'SIGKILL'); } catch {}
  }
  if (process.platform === 'linux') {
    const mark = '\\0${MARKER_VAR}=' + owner + '/';
    for (const p of fs.readdirSync('/proc')) {
      if (!/^\\d+$/.test(p) || Number(p) === process.pid) continue;
      try { if (('\\0' + fs.readFileSync('/proc/' + p + '/environ', 'latin1')).includes(mark)) process.kill(Number(p), 'SIGKILL'); } catch {}
    }
  }
  process.exit(0);
};
process.stdin.on('end', end);
process.stdin.on('error', end);
process.on('SIGINT', () => {});
process.on('SIGHUP', () => {});
`;

export interface Watchdog {
  track(pgid: number): void;
  untrack(pgid: number): void;
}

let instance: Watchdog | undefined;

export function watchdog(owner: string): Watchdog {
  if (instance) return instance;
  let child: ChildProcess | undefined;
  try {
    child = spawn(process.execPath, ['-e', PROGRAM, owner], {
      detached: process.platform !== 'win32',
      stdio: ['pipe', 'ignore', 'ignore'],
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      windowsHide: true,
    });
    child.on('error', () => (child = undefined));
    child.stdin!.on('error', () => (child = undefined));
    // Neither the watchdog nor its pipe keeps the local cloud's event loop alive.
    child.unref();
    (child.stdin as unknown as { unref?: () => void }).unref?.();
  } catch {
    child = undefined;
  }
  const write = (line: string) => {
    if (child?.stdin?.writable) child.stdin.write(`${line}\n`);
  };
  instance = { track: (pgid) => write(`+${pgid}`), untrack: (pgid) => write(`-${pgid}`) };
  return instance;
}
