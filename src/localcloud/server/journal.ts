// Durability for the local cloud: an append-only journal of service events plus periodic
// snapshots. The contract:
// - A change is acknowledged only once durable: the server flushes (a synchronised write) the
//   events a request appended before it answers it. Work a request starts but does not own
//   (a function's log lines, see outsideRequests) is made durable by the next flush instead.
// - A write that fails (disk full, I/O error) is cut back off the file, so the journal never
//   keeps half a record; the request gets a 503 ServiceUnavailable and is not acknowledged.
//   Its events stay queued and are written with the next flush that succeeds, so what the
//   server holds in memory and what is on disk come back together once space is freed.
// - Each record checks itself (journalRecord.ts). On restore, a torn or damaged tail is cut
//   back to the last whole record and reported on stderr. A damaged record in the middle is
//   skipped with a message naming `file:line`, and every intact record around it is kept:
//   refusing to start would hold back all the student's work over one record that is lost
//   either way, and dropping what follows would lose acknowledged changes silently. A copy of
//   any damaged journal is kept beside it (`.damaged-<time>`) before anything is cut.
// - snapshot.json carries the SHA-256 of what it holds (snapshotFile.ts); one that does not
//   match, or does not parse, stops the start with a message instead of being used.
// - One server at a time uses a state dir (stateDirLock.ts), so no other process writes these
//   files; compaction deletes only the journal generations this server read or wrote.
import {
  appendFileSync,
  closeSync,
  copyFileSync,
  existsSync,
  fdatasync,
  fdatasyncSync,
  fstatSync,
  ftruncate,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  constants as fsConstants,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  write,
  writeSync,
} from 'node:fs';
import { promisify } from 'node:util';
import { open, rename, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { encodeRecord, scanJournal, type JournalRecord } from './journalRecord';
import { encodeSnapshot, readSnapshot } from './snapshotFile';
import { storageFailure } from './storageFailure';

export type { JournalRecord } from './journalRecord';

const SNAPSHOT = 'snapshot.json';
/** Marks appends made outside any request (Journal.outsideRequests). */
const OUTSIDE = Symbol('outside requests');
/**
 * Journal files are opened for appending with O_DSYNC where the platform has it (Linux,
 * macOS): each write returns once its data is on disk, as a write followed by fdatasync
 * would, in one call instead of two. Elsewhere (Windows) each write is followed by fdatasync.
 */
const WRITES_ARE_SYNCED = fsConstants.O_DSYNC !== undefined;
const JOURNAL_FLAGS =
  fsConstants.O_WRONLY | fsConstants.O_APPEND | fsConstants.O_CREAT | (WRITES_ARE_SYNCED ? fsConstants.O_DSYNC : 0);

interface RequestScope {
  lastSeq: number;
}
const JOURNAL_PATTERN = /^journal-(\d+)\.log$/;
/** Compact once the live journal holds this many events. */
const COMPACT_AFTER_EVENTS = 20_000;

export interface RestoredState {
  snapshots: Record<string, unknown>;
  events: JournalRecord[];
}

export class Journal {
  /** Folder for large bodies (S3 objects, Lambda code). A temp dir when there is no state dir. */
  readonly blobDir: string;
  private generation = 0;
  /** Generations this server restored or wrote: the only ones compaction may delete. */
  private readonly ownGenerations = new Set<number>();
  private fd: number | undefined;
  /** Encoded records not yet durable, oldest first: records appendedSeq - length + 1 … appendedSeq. */
  private pending: string[] = [];
  private appendedSeq = 0;
  private durableSeq = 0;
  /** Length of the live journal up to its last durable record. */
  private durableLength = 0;
  /** A failed write may have left bytes past durableLength: cut them before the next one. */
  private mustCut = false;
  private failing = false;
  /** A damaged record was skipped on restore: a compaction at open supersedes that journal. */
  private skippedDamage = false;
  private eventsInGeneration = 0;
  private flushing: { done: Promise<void>; upTo: number } | undefined;
  private compacting: Promise<void> | undefined;
  private flushScheduled = false;
  private snapshotProvider: (() => Record<string, unknown>) | undefined;
  private readonly ownsBlobDir: boolean;
  /**
   * The request whose handler is running synchronously right now (or OUTSIDE): appends made
   * then are that request's. Appends made in an asynchronous continuation cannot be told apart
   * without async context tracking (AsyncLocalStorage makes every promise of the process pay
   * for it), so they are counted in lastUnattributedSeq and every request alive meanwhile
   * waits for them too: never too little is made durable before an answer, only sometimes more.
   */
  private current: RequestScope | typeof OUTSIDE | undefined;
  private lastUnattributedSeq = 0;

  constructor(
    readonly stateDir?: string,
    private readonly log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  ) {
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

  /**
   * Reads the snapshot and every journal written after it, cutting torn tails back to the
   * last whole record and skipping damaged records (both reported). Throws a
   * LocalCloudStartError when the snapshot cannot be read.
   */
  restore(): RestoredState {
    if (!this.stateDir) return { snapshots: {}, events: [] };
    const snapshotPath = join(this.stateDir, SNAPSHOT);
    const snapshot = existsSync(snapshotPath) ? readSnapshot(snapshotPath) : { generation: 0, services: {} };
    const found = this.journalGenerations();
    // Every journal here is this server's now (it holds the lock); those older than the
    // snapshot were left by a crash between writing it and deleting them.
    for (const g of found) this.ownGenerations.add(g);
    const generations = found.filter((g) => g >= snapshot.generation);
    const events: JournalRecord[] = [];
    for (const g of generations) events.push(...this.readGeneration(g));
    this.generation = Math.max(snapshot.generation, ...generations, 0);
    this.eventsInGeneration = events.length;
    return { snapshots: snapshot.services, events };
  }

  private readGeneration(g: number): JournalRecord[] {
    const path = this.journalPath(g);
    const data = readFileSync(path);
    const scan = scanJournal(data);
    if (scan.damaged.length === 0 && !scan.lastRecordUnterminated && scan.wholeLength === data.length)
      return scan.records;
    const tail = scan.damaged.filter((d) => d.offset >= scan.wholeLength);
    const middle = scan.damaged.filter((d) => d.offset < scan.wholeLength);
    if (scan.damaged.length > 0) {
      const copy = `${path}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      copyFileSync(path, copy);
      this.log(`local cloud: ${path} was damaged; a copy as found is kept at ${copy}.`);
    }
    if (middle.length > 0) this.skippedDamage = true;
    for (const d of middle) {
      this.log(
        `local cloud: ${path}:${d.line}: skipped a damaged record (${d.length} bytes at byte ${d.offset}); the ${scan.records.length} intact records of this file were kept. The change it held is lost.`,
      );
    }
    if (scan.wholeLength < data.length) {
      truncateSync(path, scan.wholeLength);
      const from = tail[0];
      const where = from ? ` (from line ${from.line}, byte ${from.offset})` : '';
      this.log(
        `local cloud: ${path}: cut ${data.length - scan.wholeLength} bytes of torn or damaged tail${where} back to the last whole record, which ends at byte ${scan.wholeLength}.`,
      );
    }
    // New records must start on a line of their own.
    if (scan.lastRecordUnterminated) appendFileSync(path, '\n');
    return scan.records;
  }

  /** Opens the journal for appending; `provider` supplies every service's snapshot when compacting. */
  async open(provider: () => Record<string, unknown>): Promise<void> {
    this.snapshotProvider = provider;
    if (!this.stateDir) return;
    this.fd = openSync(this.journalPath(this.generation), JOURNAL_FLAGS, 0o644);
    this.durableLength = fstatSync(this.fd).size;
    this.ownGenerations.add(this.generation);
    // Otherwise every start would report the same damaged record again.
    if (this.skippedDamage) await this.compact();
  }

  /**
   * Runs a request's handler and returns the sequence number of the last event it appended
   * (0 for none): the server makes exactly those durable before it answers, so a request that
   * changed nothing is answered even while the disk is full. When an append during its run
   * cannot be attributed (see `current`), it waits for everything appended up to its end.
   */
  async track<T>(handler: () => Promise<T>): Promise<{ result: PromiseSettledResult<T>; lastSeq: number }> {
    if (this.fd === undefined) return { result: await settle(handler), lastSeq: 0 };
    const scope: RequestScope = { lastSeq: 0 };
    const startSeq = this.appendedSeq;
    const result = await settle(() => this.runAs(scope, handler));
    const lastSeq = this.lastUnattributedSeq > startSeq ? this.appendedSeq : scope.lastSeq;
    return { result, lastSeq };
  }

  /**
   * Runs `fn` outside the request in progress: what it appends synchronously is made durable
   * by the flush that follows on its own, and the request's answer does not wait for it.
   */
  outsideRequests<T>(fn: () => T): T {
    return this.runAs(OUTSIDE, fn);
  }

  private runAs<T>(scope: RequestScope | typeof OUTSIDE, fn: () => T): T {
    const previous = this.current;
    this.current = scope;
    try {
      return fn();
    } finally {
      this.current = previous;
    }
  }

  /** Records an event; durable after the next flush(), which is also scheduled automatically. */
  append(service: string, event: unknown): void {
    if (this.fd === undefined) return;
    this.pending.push(encodeRecord({ s: service, e: event }));
    this.appendedSeq++;
    const scope = this.current;
    if (scope === undefined) this.lastUnattributedSeq = this.appendedSeq;
    else if (scope !== OUTSIDE) scope.lastSeq = this.appendedSeq;
    this.eventsInGeneration++;
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      // A failure here is logged by the flush and retried by the next one.
      setImmediate(() => void this.flush().catch(() => undefined));
    }
  }

  /**
   * Resolves once every event appended so far (or up to `upTo`) is on disk (group commit).
   * Rejects with a 503 AwsError when the write fails; those events are retried next time.
   */
  async flush(upTo = this.appendedSeq): Promise<void> {
    this.flushScheduled = false;
    while (this.fd !== undefined && this.durableSeq < upTo) {
      const inFlight = this.flushing;
      if (inFlight) {
        try {
          await inFlight.done;
        } catch (e) {
          if (inFlight.upTo >= upTo) throw e; // that attempt was ours too
        }
        continue;
      }
      const attempt = { upTo: this.appendedSeq, done: this.writePending() };
      this.flushing = attempt;
      try {
        await attempt.done;
      } finally {
        if (this.flushing === attempt) this.flushing = undefined;
      }
    }
    if (this.eventsInGeneration >= COMPACT_AFTER_EVENTS) await this.compact();
  }

  private async writePending(): Promise<void> {
    const fd = this.fd!;
    const count = this.pending.length;
    const upTo = this.appendedSeq;
    const data = Buffer.from(this.pending.join(''));
    // An asynchronous durable write: the server keeps reading requests meanwhile, and all
    // their events go to disk together in the next flush (a synchronous one per mutation
    // would block the event loop and allow no grouping at all).
    try {
      if (this.mustCut) await ftruncateAsync(fd, this.durableLength);
      this.mustCut = false;
      await writeAll(fd, data);
      if (!WRITES_ARE_SYNCED) await fdatasyncAsync(fd);
    } catch (e) {
      this.mustCut = true;
      await ftruncateAsync(fd, this.durableLength).then(
        () => (this.mustCut = false),
        () => undefined,
      );
      if (!this.failing)
        this.log(
          `local cloud: cannot write the journal ${this.journalPath(this.generation)} (${(e as Error).message}); changes are refused with 503 until it can.`,
        );
      this.failing = true;
      throw storageFailure(e);
    }
    if (this.failing) this.log('local cloud: the journal is written again; changes are accepted.');
    this.failing = false;
    this.pending.splice(0, count);
    this.durableSeq = upTo;
    this.durableLength += data.length;
  }

  /** Writes a snapshot of all services and starts a new journal generation. Never throws. */
  async compact(): Promise<void> {
    if (!this.stateDir || !this.snapshotProvider || this.fd === undefined) return;
    this.compacting ??= this.compactNow()
      .catch((e: unknown) =>
        this.log(`local cloud: compaction failed (${(e as Error).message}); the journal stays authoritative.`),
      )
      .finally(() => (this.compacting = undefined));
    return this.compacting;
  }

  private async compactNow(): Promise<void> {
    // No write may still be in flight on the file about to be closed.
    while (this.flushing) await this.flushing.done.catch(() => undefined);
    // From here to the switch nothing yields. Events appended so far are already applied, so
    // they are in the snapshot; they also go to the old journal now (synchronously, once per
    // compaction), which stays authoritative until the snapshot is on disk. Later events go
    // to the new journal only: no event is ever replayed twice.
    const oldFd = this.fd!;
    if (this.pending.length > 0) {
      const data = Buffer.from(this.pending.join(''));
      try {
        if (this.mustCut) ftruncateSync(oldFd, this.durableLength);
        for (let offset = 0; offset < data.length;) offset += writeSync(oldFd, data, offset, data.length - offset);
        if (!WRITES_ARE_SYNCED) fdatasyncSync(oldFd);
      } catch (e) {
        try {
          ftruncateSync(oldFd, this.durableLength);
        } catch {
          this.mustCut = true;
        }
        throw e;
      }
      this.pending = [];
      this.durableSeq = this.appendedSeq;
    }
    const services = this.snapshotProvider!();
    const next = this.generation + 1;
    this.fd = openSync(this.journalPath(next), JOURNAL_FLAGS, 0o644);
    this.generation = next;
    this.ownGenerations.add(next);
    this.durableLength = 0;
    this.mustCut = false;
    this.eventsInGeneration = 0;
    closeSync(oldFd);
    // Should this fail, the old snapshot and every journal after it still hold everything.
    await writeFileDurably(join(this.stateDir!, SNAPSHOT), encodeSnapshot(next, services));
    for (const g of [...this.ownGenerations]) {
      if (g >= next) continue;
      rmSync(this.journalPath(g), { force: true });
      this.ownGenerations.delete(g);
    }
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

  /** Closes the journal without flushing or compacting: a start that failed half-way. */
  abandon(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    if (this.ownsBlobDir) rmSync(this.blobDir, { recursive: true, force: true });
  }

  async close(): Promise<void> {
    await this.flush().catch((e: unknown) => this.log(`local cloud: ${(e as Error).message}`));
    if (this.durable && !this.failing) await this.compact();
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

/** The handler's outcome, a synchronous throw included. */
async function settle<T>(handler: () => Promise<T>): Promise<PromiseSettledResult<T>> {
  try {
    return { status: 'fulfilled', value: await handler() };
  } catch (reason) {
    return { status: 'rejected', reason };
  }
}

const writeAsync = promisify(write);
const fdatasyncAsync = promisify(fdatasync);
const ftruncateAsync = promisify(ftruncate);

async function writeAll(fd: number, data: Buffer): Promise<void> {
  for (let offset = 0; offset < data.length;) {
    const { bytesWritten } = await writeAsync(fd, data, offset, data.length - offset);
    offset += bytesWritten;
  }
}

async function writeFileDurably(path: string, data: string | Buffer | Uint8Array): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}-${Date.now()}`;
  try {
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw storageFailure(e);
  }
  const dir = await open(dirname(path), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
