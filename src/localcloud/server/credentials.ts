// The local cloud's own credentials: generated once per state dir (so saved profiles keep
// working across restarts), or per run without one.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalCloudStartError } from './startError';

export interface LocalCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function generateCredentials(): LocalCredentials {
  const id = [...randomBytes(16)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
  return { accessKeyId: `AKIA${id}`, secretAccessKey: randomBytes(30).toString('base64').replace(/[+/]/g, 'x') };
}

export function loadOrCreateCredentials(stateDir: string | undefined): LocalCredentials {
  if (!stateDir) return generateCredentials();
  const file = join(stateDir, 'credentials.json');
  if (existsSync(file)) return readCredentials(file);
  const creds = generateCredentials();
  writeFileSync(file, JSON.stringify(creds, null, 2), { mode: 0o600 });
  return creds;
}

function readCredentials(file: string): LocalCredentials {
  let parsed: Partial<LocalCredentials> | null = null;
  let reason = 'it holds no accessKeyId and secretAccessKey';
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalCredentials> | null;
  } catch (e) {
    reason = e instanceof Error ? e.message : String(e);
  }
  if (typeof parsed?.accessKeyId === 'string' && typeof parsed.secretAccessKey === 'string') {
    return { accessKeyId: parsed.accessKeyId, secretAccessKey: parsed.secretAccessKey };
  }
  throw new LocalCloudStartError(
    `The local cloud's credentials cannot be read: ${file} is damaged (${reason}). ` +
      `Delete it to have new credentials generated at the next start (profiles that saved the old ones then need the new ones).`,
  );
}
