// An execution environment's processes on Linux, from /proc: its process group, every
// descendant (including children that left the group with setsid), and any process that still
// carries the environment's marker variable after its parent died (a double-forked daemon).
// Elsewhere (macOS, Windows) the environment is its process group only.
import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';

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
let shared: { at: number; table: Map<number, Stat>; trees: Map<number, ReadonlySet<number>> } | undefined;

/** One reused buffer for /proc/PID/stat (a line of a few hundred bytes). */
const statBuffer = Buffer.alloc(4096);

/** A small /proc file in one read: open, read, close (readFileSync adds an fstat and a read). */
function readStat(pid: string): string {
  const fd = openSync(`/proc/${pid}/stat`, 'r');
  try {
    return statBuffer.toString('latin1', 0, readSync(fd, statBuffer, 0, statBuffer.length, 0));
  } finally {
    closeSync(fd);
  }
}

/** pid → stat of every process, read at most every TABLE_TTL_MS for all environments together. */
function processTable(): NonNullable<typeof shared> {
  const now = performance.now();
  if (shared && now - shared.at < TABLE_TTL_MS) return shared;
  const table = new Map<number, Stat>();
  for (const p of pids()) {
    try {
      // Synchronous: /proc files are made in memory on read; a promise-based read of each
      // costs several thread-pool round trips, paid by every warm invocation around it.
      const s = parseStat(readStat(p));
      if (s) table.set(Number(p), s);
    } catch {
      // ended meanwhile
    }
  }
  shared = { at: performance.now(), table, trees: new Map() };
  return shared;
}

/**
 * The environment's processes (Linux), as of a process table at most TABLE_TTL_MS old, for
 * memory sampling; worked out once per table, not on every sample.
 */
export function treeOf(leader: number): ReadonlySet<number> {
  const { table, trees } = processTable();
  let members = trees.get(leader);
  if (!members) {
    const found = treeIn(table, leader);
    found.add(leader);
    trees.set(leader, (members = found));
  }
  return members;
}

/**
 * Resident memory of one process in kB, or 0 once it is gone. Synchronous: /proc/PID/status is
 * made in memory on read (microseconds), while a promise-based read costs four thread-pool
 * round trips, which a warm invocation measured in milliseconds felt.
 */
export function rssKb(pid: number): { rssKb: number; peakKb: number } {
  try {
    return parseStatus(readFileSync(`/proc/${pid}/status`, 'latin1'));
  } catch {
    return { rssKb: 0, peakKb: 0 };
  }
}

function parseStatus(status: string): { rssKb: number; peakKb: number } {
  const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { rssKb: rss, peakKb: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? rss) };
}

/**
 * rssKb for a process read after every invocation: its /proc/PID/status stays open and is read
 * again from offset 0, which the kernel answers with fresh figures (one pread instead of open,
 * fstat, two reads and close). The open file stays bound to that process, even if its pid is
 * reused after it ends (then reads fail, and it counts as gone).
 */
export class StatusReader {
  private fd: number | undefined;
  private closed = false;
  private readonly buffer = Buffer.alloc(4096);

  constructor(private readonly pid: number) {}

  read(): { rssKb: number; peakKb: number } {
    if (this.closed) return { rssKb: 0, peakKb: 0 };
    try {
      this.fd ??= openSync(`/proc/${this.pid}/status`, 'r');
      const n = readSync(this.fd, this.buffer, 0, this.buffer.length, 0);
      // A status longer than the buffer (it is ~1.5 kB) would cut lines: read it whole then.
      if (n === this.buffer.length) return rssKb(this.pid);
      return parseStatus(this.buffer.toString('latin1', 0, n));
    } catch {
      return { rssKb: 0, peakKb: 0 };
    }
  }

  close(): void {
    this.closed = true;
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
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
      const s = parseStat(readStat(p));
      if (s) table.set(Number(p), s);
    } catch {
      // ended meanwhile
    }
  }
  if (leader !== undefined) for (const pid of treeIn(table, leader)) found.add(pid);
  found.delete(process.pid);
  return [...found];
}
