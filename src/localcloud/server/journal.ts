// Durability for the local cloud: an append-only journal of service events plus periodic
// snapshots. A mutation is durable once flush() resolves; the server flushes before it sends
// any response, so every acknowledged change survives a crash or `kill -9`.
import { closeSync, existsSync, fdatasync, fdatasyncSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, write, writeSync } from 'node:fs';
import { promisify } from 'node:util';
import { open, rename, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const SNAPSHOT = 'snapshot.json';
const JOURNAL_PATTERN = /^journal-(\d+)\.log$/;
/** Compact once the live journal holds this many events. */
const COMPACT_AFTER_EVENTS = 20_000;

export interface JournalRecord {
  s: string; // service
  e: unknown; // event
}

export interface RestoredState {
  snapshots: Record<string, unknown>;
  events: JournalRecord[];
}

export class Journal {
  /** Folder for large bodies (S3 objects, Lambda code). A temp dir when there is no state dir. */
  readonly blobDir: string;
  private generation = 0;
  private fd: number | undefined;
  private pending: string[] = [];
  private eventsInGeneration = 0;
  private flushing: Promise<void> | undefined;
  private compacting: Promise<void> | undefined;
  private flushScheduled = false;
  private snapshotProvider: (() => Record<string, unknown>) | undefined;
  private readonly ownsBlobDir: boolean;

  constructor(readonly stateDir?: string) {
    if (stateDir) {
      mkdirSync(stateDir, { recursive: true });
      this.blobDir = join(stateDir, 'blobs');
      this.ownsBlobDir = false;
    } else {
      this.blobDir = mkdtempSync(join(tmpdir(), 'hoc-blobs-'));
      this.ownsBlobDir = true;
    }
    mkdirSync(this.blobDir, { recursive: true });
  }

  get durable(): boolean {
    return this.stateDir !== undefined;
  }

  /** Reads the snapshot and every journal written after it. Ignores a torn last line. */
  restore(): RestoredState {
    if (!this.stateDir) return { snapshots: {}, events: [] };
    let snapshots: Record<string, unknown> = {};
    let fromGeneration = 0;
    const snapshotPath = join(this.stateDir, SNAPSHOT);
    if (existsSync(snapshotPath)) {
      const parsed = JSON.parse(readFileSync(snapshotPath, 'utf8')) as { generation: number; services: Record<string, unknown> };
      snapshots = parsed.services;
      fromGeneration = parsed.generation;
    }
    const generations = this.journalGenerations().filter((g) => g >= fromGeneration);
    const events: JournalRecord[] = [];
    for (const g of generations) {
      const lines = readFileSync(this.journalPath(g), 'utf8').split('\n');
      for (const line of lines) {
        if (!line) continue;
        try {
          events.push(JSON.parse(line) as JournalRecord);
        } catch {
          // A torn write at the tail of a crashed journal: it was never acknowledged.
          break;
        }
      }
    }
    this.generation = Math.max(fromGeneration, ...generations, 0);
    this.eventsInGeneration = events.length;
    return { snapshots, events };
  }

  /** Opens the journal for appending; `provider` supplies every service's snapshot when compacting. */
  open(provider: () => Record<string, unknown>): void {
    this.snapshotProvider = provider;
    if (!this.stateDir) return;
    this.fd = openSync(this.journalPath(this.generation), 'a');
  }

  /** Records an event; durable after the next flush(), which is also scheduled automatically. */
  append(service: string, event: unknown): void {
    if (this.fd === undefined) return;
    this.pending.push(JSON.stringify({ s: service, e: event }) + '\n');
    this.eventsInGeneration++;
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => void this.flush());
    }
  }

  /** Resolves once every event appended so far is on disk (group commit). */
  async flush(): Promise<void> {
    this.flushScheduled = false;
    while (this.flushing) await this.flushing;
    if (this.pending.length === 0 || this.fd === undefined) return;
    const batch = this.pending.join('');
    this.pending = [];
    const fd = this.fd;
    // Asynchronous write + fdatasync: the server keeps reading requests meanwhile, and all
    // their events go to disk together in the next flush (a synchronous fsync per mutation
    // would block the event loop and allow no grouping at all).
    this.flushing = (async () => {
      await writeAll(fd, Buffer.from(batch));
      await fdatasyncAsync(fd);
    })().finally(() => (this.flushing = undefined));
    await this.flushing;
    if (this.eventsInGeneration >= COMPACT_AFTER_EVENTS) await this.compact();
  }

  /** Writes a snapshot of all services and starts a new journal generation. */
  async compact(): Promise<void> {
    if (!this.stateDir || !this.snapshotProvider || this.fd === undefined) return;
    this.compacting ??= this.compactNow().finally(() => (this.compacting = undefined));
    return this.compacting;
  }

  private async compactNow(): Promise<void> {
    // No write may still be in flight on the file about to be closed.
    while (this.flushing) await this.flushing;
    // From here to the switch nothing yields. Events appended so far are already applied, so
    // they are in the snapshot; they also go to the old journal now (synchronously, once per
    // compaction), which stays authoritative until the snapshot is on disk. Later events go
    // to the new journal only: no event is ever replayed twice.
    const oldFd = this.fd!;
    if (this.pending.length > 0) {
      const data = Buffer.from(this.pending.join(''));
      for (let offset = 0; offset < data.length; ) offset += writeSync(oldFd, data, offset, data.length - offset);
      fdatasyncSync(oldFd);
      this.pending = [];
    }
    const services = this.snapshotProvider!();
    const next = this.generation + 1;
    this.fd = openSync(this.journalPath(next), 'a');
    this.generation = next;
    this.eventsInGeneration = 0;
    closeSync(oldFd);
    await writeFileDurably(join(this.stateDir!, SNAPSHOT), JSON.stringify({ generation: next, services }));
    for (const g of this.journalGenerations()) if (g < next) rmSync(this.journalPath(g), { force: true });
  }

  /** Writes a blob durably (temp file, fsync, rename) and returns its absolute path. */
  async writeBlob(relativePath: string, data: Buffer | Uint8Array): Promise<string> {
    const path = join(this.blobDir, relativePath);
    await mkdir(dirname(path), { recursive: true });
    if (this.durable) await writeFileDurably(path, data);
    else {
      const handle = await open(path, 'w');
      try {
        await handle.writeFile(data);
      } finally {
        await handle.close();
      }
    }
    return path;
  }

  blobPath(relativePath: string): string {
    return join(this.blobDir, relativePath);
  }

  async close(): Promise<void> {
    await this.flush();
    if (this.durable) await this.compact();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.ownsBlobDir) rmSync(this.blobDir, { recursive: true, force: true });
  }

  private journalPath(generation: number): string {
    return join(this.stateDir!, `journal-${generation}.log`);
  }

  private journalGenerations(): number[] {
    return readdirSync(this.stateDir!)
      .map((f) => JOURNAL_PATTERN.exec(f))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b);
  }
}

const writeAsync = promisify(write);
const fdatasyncAsync = promisify(fdatasync);

async function writeAll(fd: number, data: Buffer): Promise<void> {
  for (let offset = 0; offset < data.length; ) {
    const { bytesWritten } = await writeAsync(fd, data, offset, data.length - offset);
    offset += bytesWritten;
  }
}

async function writeFileDurably(path: string, data: string | Buffer | Uint8Array): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, path);
  const dir = await open(dirname(path), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
