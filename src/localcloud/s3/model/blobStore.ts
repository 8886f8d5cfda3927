// Object and part bodies as files in the journal's blob folder (the state dir's blobs/). A new
// body is always a new file, written durably before the change that references it is
// journaled; a body no longer referenced is deleted only once that change is durable too.
import { randomUUID } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { open, type FileHandle } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Journal } from '../../server/journal';

const ROOT = 's3';

export class BlobStore {
  constructor(private readonly journal: Journal) {}

  /** Writes a body and returns its path relative to the blob folder. */
  async write(kind: 'objects' | 'parts', data: Uint8Array): Promise<string> {
    const id = randomUUID();
    const rel = `${ROOT}/${kind}/${id.slice(0, 2)}/${id}`;
    await this.journal.writeBlob(rel, data);
    return rel;
  }

  /**
   * Writes a body, then runs `recheck`: writing yielded, so state the change depends on may be
   * gone. When the recheck throws, the new body is retired and the error passed on.
   */
  async writeChecked(kind: 'objects' | 'parts', data: Uint8Array, recheck: () => void): Promise<string> {
    const rel = await this.write(kind, data);
    try {
      recheck();
    } catch (e) {
      this.retire(rel);
      throw e;
    }
    return rel;
  }

  /**
   * Reads a body. `missing` names the error when a concurrent overwrite or delete retired the
   * file between looking the object up and reading it.
   */
  async read(rel: string, missing: () => Error): Promise<Buffer> {
    const handle = await this.open(rel, missing);
    try {
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  }

  /** Opens a body for reading; an open handle keeps working after the file is retired. */
  async open(rel: string, missing: () => Error): Promise<FileHandle> {
    try {
      return await open(this.journal.blobPath(rel), 'r');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw missing();
      throw e;
    }
  }

  /** Deletes a body that no state references any more, once that state is on disk. */
  retire(rel: string): void {
    void this.journal
      .flush()
      .then(() => rm(this.journal.blobPath(rel), { force: true }))
      // A body still open elsewhere (Windows) stays; the next start sweeps it.
      .catch(() => undefined);
  }

  /** Removes bodies left by a crash between writing a file and journaling its change. */
  async sweep(referenced: Set<string>): Promise<number> {
    const root = join(this.journal.blobDir, ROOT);
    let removed = 0;
    let entries: string[];
    try {
      entries = await readdir(root, { recursive: true });
    } catch {
      return 0;
    }
    for (const entry of entries) {
      const rel = relative(this.journal.blobDir, join(root, entry)).split('\\').join('/');
      if (!/\/[0-9a-f-]{36}$/.test(rel) || referenced.has(rel)) continue;
      await rm(join(root, entry), { force: true });
      removed++;
    }
    return removed;
  }
}
