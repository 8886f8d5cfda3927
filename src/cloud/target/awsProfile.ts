// The region of a named profile in the shared config file (~/.aws/config or AWS_CONFIG_FILE).
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function profileRegion(
  profile: string,
  file = process.env.AWS_CONFIG_FILE ?? join(homedir(), '.aws', 'config'),
): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const wanted = profile === 'default' ? ['default', 'profile default'] : [`profile ${profile}`];
  let inSection = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      inSection = wanted.includes(section[1].trim());
      continue;
    }
    const kv = /^region\s*=\s*(\S+)/.exec(line);
    if (inSection && kv) return kv[1];
  }
  return undefined;
}
