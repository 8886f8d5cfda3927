// One journal record per line, self-checking: `<crc32 of the JSON, 8 hex digits> <JSON>\n`.
// The checksum lets a restore tell a whole record from a torn or damaged one anywhere in the
// file, not only at the end. Lines that start with `{` are records of the older format
// (plain JSON, no checksum), still read so existing state dirs keep working.
import { crc32 } from 'node:zlib';

export interface JournalRecord {
  s: string; // service
  e: unknown; // event
}

export function encodeRecord(record: JournalRecord): string {
  const json = JSON.stringify(record);
  return `${checksum(json)} ${json}\n`;
}

/** A line (or the unfinished end of the file) that is not a whole, intact record. */
export interface DamagedLine {
  line: number; // 1-based
  offset: number; // byte offset of the line's start
  length: number; // bytes, without the newline
}

export interface ScannedJournal {
  records: JournalRecord[];
  damaged: DamagedLine[];
  /** Byte length up to the end of the last intact record, its newline included when present. */
  wholeLength: number;
  /** True when the last intact record is not followed by a newline (one must be added). */
  lastRecordUnterminated: boolean;
}

/** Reads every line of a journal file's bytes, keeping the intact records in order. */
export function scanJournal(data: Buffer): ScannedJournal {
  const records: JournalRecord[] = [];
  const damaged: DamagedLine[] = [];
  let wholeLength = 0;
  let lastRecordUnterminated = false;
  let line = 0;
  for (let start = 0; start < data.length;) {
    line++;
    const newline = data.indexOf(0x0a, start);
    const end = newline === -1 ? data.length : newline;
    const text = data.subarray(start, end).toString('utf8');
    const record = text === '' ? undefined : decodeLine(text);
    if (record) {
      records.push(record);
      wholeLength = newline === -1 ? end : end + 1;
      lastRecordUnterminated = newline === -1;
    } else if (text !== '') {
      damaged.push({ line, offset: start, length: end - start });
    }
    start = end + 1;
  }
  return { records, damaged, wholeLength, lastRecordUnterminated };
}

function decodeLine(text: string): JournalRecord | undefined {
  if (text.startsWith('{')) return parseRecord(text);
  if (text.length < 10 || text[8] !== ' ') return undefined;
  const json = text.slice(9);
  if (text.slice(0, 8) !== checksum(json)) return undefined;
  return parseRecord(json);
}

function parseRecord(json: string): JournalRecord | undefined {
  try {
    const value = JSON.parse(json) as unknown;
    if (typeof value === 'object' && value !== null && typeof (value as JournalRecord).s === 'string' && 'e' in value)
      return value as JournalRecord;
  } catch {
    // not a record
  }
  return undefined;
}

function checksum(json: string): string {
  return crc32(json).toString(16).padStart(8, '0');
}
