// Reads a deployment package with its size known before anything is inflated: the central
// directory declares every entry's uncompressed size, their sum is checked against Lambda's
// unzipped limit first, and each entry is then inflated with its declared size as a hard cap
// (zlib's maxOutputLength), so an archive that lies about its sizes is cut off at the lie
// instead of filling memory. A 1 MB zip that unpacks to 1 GB is refused without inflating it.
import { inflateRawSync } from 'node:zlib';
import { AwsError } from '../../server/errors';
import { InvalidParameterValueException } from '../errors';

/**
 * Lambda quotas (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html, read
 * 2026-12-03): 250 MB unzipped. The error, as the Lambda API answers CreateFunction and
 * UpdateFunctionCode: InvalidParameterValueException "Unzipped size must be smaller than
 * 262144000 bytes" (seen in serverless/serverless#6792 and Miserlou/Zappa#612).
 */
export const MAX_UNZIPPED_BYTES = 262_144_000;
/** Not an AWS quota: bounds how many files one upload makes the local cloud write. */
export const MAX_ENTRIES = 100_000;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function corrupt(): AwsError {
  return new InvalidParameterValueException(
    'Could not unzip uploaded file. Please check your file, then try to upload again.',
  );
}

function u16(b: Buffer, at: number): number {
  if (at + 2 > b.length) throw corrupt();
  return b.readUInt16LE(at);
}

function u32(b: Buffer, at: number): number {
  if (at + 4 > b.length) throw corrupt();
  return b.readUInt32LE(at);
}

function u64(b: Buffer, at: number): number {
  if (at + 8 > b.length) throw corrupt();
  const n = b.readBigUInt64LE(at);
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt();
  return Number(n);
}

/** Where the central directory is and how many entries it declares (ZIP64 aware). */
function directory(zip: Buffer): { count: number; offset: number } {
  const lowest = Math.max(0, zip.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = zip.length - 22; i >= lowest; i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt();
  let count = u16(zip, eocd + 10);
  let offset = u32(zip, eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(zip, eocd - 20) === ZIP64_LOCATOR) {
    const record = u64(zip, eocd - 20 + 8);
    if (u32(zip, record) !== ZIP64_EOCD) throw corrupt();
    count = u64(zip, record + 32);
    offset = u64(zip, record + 48);
  }
  return { count, offset };
}

function readEntries(zip: Buffer): Entry[] {
  const { count, offset } = directory(zip);
  if (count > MAX_ENTRIES) {
    throw new InvalidParameterValueException(
      `The deployment package holds ${count} files; the local cloud takes at most ${MAX_ENTRIES}.`,
    );
  }
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (u32(zip, at) !== CENTRAL) throw corrupt();
    const nameLength = u16(zip, at + 28);
    const extraLength = u16(zip, at + 30);
    const commentLength = u16(zip, at + 32);
    const entry: Entry = {
      flags: u16(zip, at + 8),
      method: u16(zip, at + 10),
      compressedSize: u32(zip, at + 20),
      size: u32(zip, at + 24),
      localOffset: u32(zip, at + 42),
      name: zip.toString('utf8', at + 46, Math.min(zip.length, at + 46 + nameLength)),
    };
    readZip64Extra(zip, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** ZIP64 extended information (header id 1): the 64-bit values of the fields saturated at 0xffffffff, in order. */
function readZip64Extra(zip: Buffer, start: number, length: number, entry: Entry): void {
  for (let at = start; at + 4 <= start + length;) {
    const id = u16(zip, at);
    const size = u16(zip, at + 2);
    if (id === 1) {
      let field = at + 4;
      for (const key of ['size', 'compressedSize', 'localOffset'] as const) {
        if (entry[key] !== 0xffffffff) continue;
        entry[key] = u64(zip, field);
        field += 8;
      }
    }
    at += 4 + size;
  }
}

function inflateEntry(zip: Buffer, entry: Entry): Uint8Array {
  if (entry.flags & 1)
    throw new InvalidParameterValueException(
      `The deployment package's file ${entry.name} is encrypted; Lambda cannot read it.`,
    );
  const local = entry.localOffset;
  if (u32(zip, local) !== LOCAL) throw corrupt();
  const start = local + 30 + u16(zip, local + 26) + u16(zip, local + 28);
  const end = start + entry.compressedSize;
  if (end > zip.length) throw corrupt();
  const raw = zip.subarray(start, end);
  let data: Buffer;
  if (entry.method === 0) data = raw;
  else if (entry.method === 8) {
    try {
      data = inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size) });
    } catch {
      throw corrupt(); // broken deflate data, or more data than the directory declares
    }
  } else throw corrupt();
  if (data.length !== entry.size) throw corrupt();
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Every entry's bytes by name, refused before inflating when the declared sizes pass Lambda's limit. */
export function unzipBounded(zip: Buffer): Record<string, Uint8Array> {
  const entries = readEntries(zip);
  const declared = entries.reduce((n, e) => n + e.size, 0);
  if (declared >= MAX_UNZIPPED_BYTES) {
    throw new InvalidParameterValueException(`Unzipped size must be smaller than ${MAX_UNZIPPED_BYTES} bytes`);
  }
  const files = Object.create(null) as Record<string, Uint8Array>;
  for (const entry of entries) files[entry.name] = inflateEntry(zip, entry);
  return files;
}
