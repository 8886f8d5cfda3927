// Reading snapshot.json. A snapshot that cannot be read stops the start with a message that
// names the file and what to do: starting without it would present an older or empty state
// as if it were the student's, and the next compaction would overwrite the damaged file.
import { readFileSync } from 'node:fs';
import { LocalCloudStartError } from './startError';

export interface SnapshotFile {
  generation: number;
  services: Record<string, unknown>;
}

export function readSnapshot(path: string): SnapshotFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw damaged(path, e instanceof Error ? e.message : String(e));
  }
  const s = parsed as Partial<SnapshotFile> | null;
  if (
    typeof s !== 'object' ||
    s === null ||
    !Number.isInteger(s.generation) ||
    typeof s.services !== 'object' ||
    s.services === null
  ) {
    throw damaged(path, 'it is not a local cloud snapshot');
  }
  return s as SnapshotFile;
}

function damaged(path: string, reason: string): LocalCloudStartError {
  return new LocalCloudStartError(
    `The local cloud's saved state cannot be read: ${path} is damaged (${reason}). ` +
      `Restore that file from a backup, or move it aside (e.g. to snapshot.json.corrupt) to start from the journals alone — ` +
      `what only the snapshot held is then missing — or start with another --state-dir.`,
  );
}
