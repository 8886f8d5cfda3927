// Zips with fixed timestamps and sorted entries, so the same files give the same bytes and
// therefore the same CodeSha256 (that is how unchanged code is recognised on every target).
import { zipSync, type Zippable } from 'fflate';
import { createHash } from 'node:crypto';

const FIXED_TIME = new Date('1980-01-01T00:00:00Z');

export interface ZipEntry {
  path: string;
  data: Uint8Array;
  executable?: boolean;
}

export function deterministicZip(entries: ZipEntry[]): Uint8Array {
  const files: Zippable = {};
  for (const e of [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const mode = e.executable ? 0o100755 : 0o100644;
    files[e.path.replace(/\\/g, '/')] = [e.data, { mtime: FIXED_TIME, os: 3, attrs: (mode << 16) >>> 0, level: 6 }];
  }
  return zipSync(files);
}

/** What Lambda reports as CodeSha256: base64 of the zip's SHA-256. */
export function codeSha256(zip: Uint8Array): string {
  return createHash('sha256').update(zip).digest('base64');
}
