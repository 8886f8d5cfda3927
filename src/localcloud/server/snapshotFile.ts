// snapshot.json: what compaction wrote, read back at start. It carries the SHA-256 of its
// `services` (as JSON.stringify writes them; a parse and stringify round trip gives the same
// text), so a snapshot damaged in a way that still parses — a flipped byte inside a string or
// a number — is told from a whole one. Snapshots written before the checksum existed are read
// as they are. A snapshot that cannot be trusted stops the start with a message that names the
// file and what to do: starting without it would present an older or empty state as if it
// were the student's, and the next compaction would overwrite the damaged file.
import { readFileSync } from 'node:fs';
import { digestHex } from './digest';
import { LocalCloudStartError } from './startError';

export interface SnapshotFile {
  generation: number;
  services: Record<string, unknown>;
}

/** The text compaction writes for a snapshot of `services` at `generation`. */
export function encodeSnapshot(generation: number, services: Record<string, unknown>): string {
  const json = JSON.stringify(services);
  // The services are spliced in as text: they are stringified once, for the file and its sum alike.
  return `{"generation":${generation},"sha256":"${digestHex('sha256', json)}","services":${json}}`;
}

export function readSnapshot(path: string): SnapshotFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw damaged(path, e instanceof Error ? e.message : String(e));
  }
  const s = parsed as (Partial<SnapshotFile> & { sha256?: unknown }) | null;
  if (
    typeof s !== 'object' ||
    s === null ||
    !Number.isInteger(s.generation) ||
    typeof s.services !== 'object' ||
    s.services === null ||
    (s.sha256 !== undefined && typeof s.sha256 !== 'string')
  ) {
    throw damaged(path, 'it is not a local cloud snapshot');
  }
  if (typeof s.sha256 === 'string' && digestHex('sha256', JSON.stringify(s.services)) !== s.sha256)
    throw damaged(path, 'its content does not match the checksum written with it');
  return { generation: s.generation!, services: s.services };
}

function damaged(path: string, reason: string): LocalCloudStartError {
  return new LocalCloudStartError(
    `The local cloud's saved state cannot be read: ${path} is damaged (${reason}). ` +
      `Restore that file from a backup, or move it aside (e.g. to snapshot.json.corrupt) to start from the journals alone — ` +
      `what only the snapshot held is then missing — or start with another --state-dir.`,
  );
}
