// An execution environment's processes on Linux, from /proc: its process group, every
// descendant (including children that left the group with setsid), and any process that still
// carries the environment's marker variable after its parent died (a double-forked daemon).
// Elsewhere (macOS, Windows) the environment is its process group only.
import { readdirSync, readFileSync } from 'node:fs';

export const HAS_PROC = process.platform === 'linux';

/** Set in every runtime's environment (value `owner/environment`); children inherit it. */
export const MARKER_VAR = 'HOC_LAMBDA_ENVIRONMENT';

interface Stat {
  ppid: number;
  pgid: number;
}

/** Fields of /proc/PID/stat after the command name (which may itself hold spaces and parentheses). */
function parseStat(text: string): Stat | undefined {
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(rest[1]);
  const pgid = Number(rest[2]);
  return Number.isFinite(ppid) && Number.isFinite(pgid) ? { ppid, pgid } : undefined;
}

function pids(): string[] {
  try {
    return readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return [];
  }
}

/** Processes in group `leader` or descending from it, from a table of pid → stat. */
function treeIn(table: Map<number, Stat>, leader: number): Set<number> {
  const children = new Map<number, number[]>();
  const members = new Set<number>();
  for (const [pid, s] of table) {
    if (s.pgid === leader) members.add(pid);
    const list = children.get(s.ppid);
    if (list) list.push(pid);
    else children.set(s.ppid, [pid]);
  }
  const queue = [...members];
  while (queue.length) {
    for (const child of children.get(queue.pop()!) ?? []) {
      if (!members.has(child)) {
        members.add(child);
        queue.push(child);
      }
    }
  }
  return members;
}

/** How long one read of the process table serves every environment's memory sampling. */
const TABLE_TTL_MS = 250;
let shared: { at: number; table: Map<number, Stat> } | undefined;

/** pid → stat of every process, read at most every TABLE_TTL_MS for all environments together. */
function processTable(): Map<number, Stat> {
  const now = performance.now();
  if (shared && now - shared.at < TABLE_TTL_MS) return shared.table;
  const table = new Map<number, Stat>();
  for (const p of pids()) {
    try {
      // Synchronous: /proc files are made in memory on read; a promise-based read of each
      // costs several thread-pool round trips, paid by every warm invocation around it.
      const s = parseStat(readFileSync(`/proc/${p}/stat`, 'utf8'));
      if (s) table.set(Number(p), s);
    } catch {
      // ended meanwhile
    }
  }
  shared = { at: performance.now(), table };
  return table;
}

/** The environment's processes (Linux), as of a process table at most TABLE_TTL_MS old, for memory sampling. */
export function treeOf(leader: number): Set<number> {
  const members = treeIn(processTable(), leader);
  members.add(leader);
  return members;
}

/**
 * Resident memory of one process in kB, or 0 once it is gone. Synchronous: /proc/PID/status is
 * made in memory on read (microseconds), while a promise-based read costs four thread-pool
 * round trips, which a warm invocation measured in milliseconds felt.
 */
export function rssKb(pid: number): { rssKb: number; peakKb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { rssKb: rss, peakKb: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? rss) };
  } catch {
    return { rssKb: 0, peakKb: 0 };
  }
}

function carriesMarker(pid: string, prefix: string): boolean {
  try {
    return `\0${readFileSync(`/proc/${pid}/environ`, 'latin1')}`.includes(`\0${MARKER_VAR}=${prefix}`);
  } catch {
    return false;
  }
}

/**
 * Every process to end with an environment (synchronous: it also runs in an exit handler):
 * its group and descendants, found before any of them dies and orphans the rest, and the
 * processes whose environment carries `markerPrefix`.
 */
export function processesToEnd(leader: number | undefined, markerPrefix: string): number[] {
  const table = new Map<number, Stat>();
  const found = new Set<number>();
  for (const p of pids()) {
    if (Number(p) === process.pid) continue;
    if (carriesMarker(p, markerPrefix)) found.add(Number(p));
    if (leader === undefined) continue;
    try {
      const s = parseStat(readFileSync(`/proc/${p}/stat`, 'utf8'));
      if (s) table.set(Number(p), s);
    } catch {
      // ended meanwhile
    }
  }
  if (leader !== undefined) for (const pid of treeIn(table, leader)) found.add(pid);
  found.delete(process.pid);
  return [...found];
}
