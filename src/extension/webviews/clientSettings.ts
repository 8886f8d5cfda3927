// Where the panels' AWS SDK clients point: the local cloud, LocalStack or AWS. The extension's
// target selection (src/extension/targets) hands the panels a provider once with
// useClientSettings(); commands may also pass settings explicitly (lesson links, tests), which win.
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { TargetKind } from '../../cloud/target/target';

export interface ClientSettings {
  /** Absent on real AWS. */
  endpoint?: string;
  region: string;
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Decides how the SQS view lists messages (peek on the local cloud only). */
  target: TargetKind;
  /** Shown in each view's header, e.g. "local cloud · us-east-1". */
  label?: string;
}

export type ClientSettingsProvider = () => Promise<ClientSettings>;

let provider: ClientSettingsProvider | undefined;

/** Called by the target selection once; later calls replace the provider. */
export function useClientSettings(next: ClientSettingsProvider): void {
  provider = next;
}

export async function resolveClientSettings(explicit?: ClientSettings): Promise<ClientSettings> {
  if (explicit) return explicit;
  if (!provider) throw new Error('No target is selected yet. Start the local cloud (Hands-on Cloud: Start Local Cloud) or choose a target in the status bar, then open this view again.');
  return provider();
}

/** Settings for any AWS SDK v3 client constructor. */
export function sdkConfig(s: ClientSettings): { endpoint?: string; region: string; credentials?: ClientSettings['credentials']; maxAttempts: number } {
  return { ...(s.endpoint ? { endpoint: s.endpoint } : {}), region: s.region, credentials: s.credentials, maxAttempts: s.target === 'aws' ? 3 : 2 };
}

export function targetLabel(s: ClientSettings): string {
  const name = s.target === 'local' ? 'local cloud' : s.target === 'localstack' ? 'LocalStack' : 'AWS';
  return s.label ?? `${name} · ${s.region}`;
}

/**
 * Settings passed as a command argument ({ target, endpoint, region, credentials } as JSON in a
 * command link): untrusted, so validated; undefined when absent or malformed.
 */
export function clientSettingsFromArg(arg: unknown): ClientSettings | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const a = arg as Record<string, unknown>;
  if (typeof a.region !== 'string') return undefined;
  const c = a.credentials as Record<string, unknown> | undefined;
  return {
    endpoint: typeof a.endpoint === 'string' ? a.endpoint : undefined,
    region: a.region,
    credentials:
      c && typeof c.accessKeyId === 'string' && typeof c.secretAccessKey === 'string'
        ? { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, ...(typeof c.sessionToken === 'string' ? { sessionToken: c.sessionToken } : {}) }
        : undefined,
    target: a.target === 'aws' || a.target === 'localstack' ? a.target : 'local',
    label: typeof a.label === 'string' ? a.label : undefined,
  };
}
