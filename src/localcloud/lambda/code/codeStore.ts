// Deployment packages: the zip is kept durably under the blob dir (named by its hash) and
// extracted once to a folder next to it, which becomes the function's LAMBDA_TASK_ROOT.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import type { Journal } from '../../server/journal';
import type { FunctionCode } from '../model/types';
import { unzipBounded } from './zipEntries';
import { InvalidParameterValueException, RequestEntityTooLargeException } from '../errors';

/** AWS limits: 50 MB zipped for a direct upload (250 MB unzipped: see zipEntries). */
export const MAX_ZIP_BYTES = 50 * 1024 * 1024;

export class CodeStore {
  constructor(private readonly journal: Journal) {}

  /** Validates, stores and extracts a zip; returns the code reference a version keeps. */
  async store(zip: Buffer): Promise<FunctionCode> {
    if (zip.length > MAX_ZIP_BYTES) {
      throw new RequestEntityTooLargeException(
        `Request must be smaller than ${MAX_ZIP_BYTES} bytes for the CreateFunction operation`,
      );
    }
    const files = unpack(zip);
    const hex = createHash('sha256').update(zip).digest('hex');
    const zipPath = `lambda/code/${hex}.zip`;
    const dir = this.journal.blobPath(`lambda/code/${hex}`);
    // Extracted first: a package that cannot be extracted leaves nothing behind.
    if (!existsSync(dir)) extractTo(files, dir);
    if (!existsSync(this.journal.blobPath(zipPath))) await this.journal.writeBlob(zipPath, zip);
    return { sha256: createHash('sha256').update(zip).digest('base64'), size: zip.length, zipPath, dir };
  }

  /** The extracted folder, re-extracted from the durable zip when missing (e.g. a crash mid-extract). */
  ensureExtracted(code: FunctionCode): string {
    if (!existsSync(code.dir)) extractTo(unpack(readFileSync(this.journal.blobPath(code.zipPath))), code.dir);
    return code.dir;
  }

  read(code: FunctionCode): Buffer {
    return readFileSync(this.journal.blobPath(code.zipPath));
  }
}

function unpack(zip: Buffer): Record<string, Uint8Array> {
  return unzipBounded(zip);
}

/** Extracts into a temp folder and renames it into place, so a folder is either whole or absent. */
function extractTo(files: Record<string, Uint8Array>, dir: string): void {
  const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(tmp, { recursive: true });
  try {
    for (const [name, data] of Object.entries(files)) writeEntry(tmp, name, data);
  } catch (e) {
    // Whatever stopped the extraction, no half-extracted folder stays behind.
    rmSync(tmp, { recursive: true, force: true });
    throw packageProblem(e);
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
}

function writeEntry(root: string, name: string, data: Uint8Array): void {
  const rel = normalize(name);
  // `..` as a whole path segment climbs out; a name such as `..foo` is an ordinary file.
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) || /^[a-zA-Z]:/.test(rel)) {
    throw new InvalidParameterValueException(`The deployment package contains an unsafe path: ${name}`);
  }
  const target = join(root, rel);
  if (name.endsWith('/')) {
    mkdirSync(target, { recursive: true });
    return;
  }
  mkdirSync(dirname(target), { recursive: true });
  // Zips made on Windows carry no Unix modes; every file may be run (a custom runtime's bootstrap).
  // Entries are written as files (a symlink entry too, holding its target's path).
  writeFileSync(target, data, { mode: 0o755 });
}

/** A package that names one path both as a file and as a folder (e.g. a symlink `d` and `d/x`). */
function packageProblem(e: unknown): unknown {
  const err = e as NodeJS.ErrnoException;
  if (!['EEXIST', 'ENOTDIR', 'EISDIR'].includes(err.code ?? '')) return e;
  return new InvalidParameterValueException(
    'The deployment package uses one path both as a file and as a folder. Please check your file, then try to upload again.',
  );
}
