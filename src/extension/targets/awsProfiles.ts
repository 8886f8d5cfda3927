// Profiles from the shared AWS config files (~/.aws/config and ~/.aws/credentials, or the
// files AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE name), with what the picker shows:
// region and how the profile signs in (keys, SSO, role, process). Pure parsing; I/O injected.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface AwsProfile {
  name: string;
  region?: string;
  kind: 'keys' | 'sso' | 'role' | 'process' | 'other';
  /** Where it is defined: config, credentials or both. */
  source: string;
}

type Sections = Map<string, Record<string, string>>;

/** INI as the AWS CLI reads it: `[section]`, `key = value`, `#`/`;` comments, indented sub-keys ignored. */
export function parseIni(text: string): Sections {
  const sections: Sections = new Map();
  let current: Record<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s[#;].*$/, '');
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(trimmed);
    if (header) {
      current = sections.get(header[1]) ?? {};
      sections.set(header[1], current);
      continue;
    }
    if (!current || /^\s/.test(line)) continue;
    const eq = trimmed.indexOf('=');
    if (eq > 0) current[trimmed.slice(0, eq).trim().toLowerCase()] = trimmed.slice(eq + 1).trim();
  }
  return sections;
}

function kindOf(values: Record<string, string>): AwsProfile['kind'] {
  if (values.sso_session || values.sso_start_url) return 'sso';
  if (values.role_arn) return 'role';
  if (values.credential_process) return 'process';
  if (values.aws_access_key_id) return 'keys';
  return 'other';
}

export function profilesFrom(configText: string, credentialsText: string): AwsProfile[] {
  const byName = new Map<string, { values: Record<string, string>; sources: Set<string> }>();
  const add = (name: string, values: Record<string, string>, source: string) => {
    const entry = byName.get(name) ?? { values: {}, sources: new Set<string>() };
    Object.assign(entry.values, values);
    entry.sources.add(source);
    byName.set(name, entry);
  };
  for (const [section, values] of parseIni(configText)) {
    if (section === 'default') add('default', values, 'config');
    else if (section.startsWith('profile ')) add(section.slice('profile '.length).trim(), values, 'config');
  }
  for (const [section, values] of parseIni(credentialsText)) add(section, values, 'credentials');
  return [...byName.entries()]
    .map(([name, { values, sources }]) => ({
      name,
      region: values.region,
      kind: kindOf(values),
      source: [...sources].join(' + '),
    }))
    .sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)));
}

export async function readAwsProfiles(env: NodeJS.ProcessEnv = process.env): Promise<AwsProfile[]> {
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  const read = (p: string) => readFile(p, 'utf8').catch(() => '');
  const [cfg, creds] = await Promise.all([
    read(env.AWS_CONFIG_FILE ?? join(home, '.aws', 'config')),
    read(env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, '.aws', 'credentials')),
  ]);
  return profilesFrom(cfg, creds);
}

/** Regions offered in the picker (any other can be typed). */
export const COMMON_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'sa-east-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'eu-south-1',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'ap-northeast-2',
];
