// Where the panels' AWS SDK clients point. The target (local cloud, LocalStack, AWS) is chosen
// elsewhere in the extension; it hands the panels a provider once with useClientSettings().
// Commands may also pass settings explicitly (lesson steps and tests do), which win.
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';

export interface ClientSettings {
  /** Absent on real AWS. */
  endpoint?: string;
  region: string;
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** `local`, `localstack` or `aws`: decides how the SQS view lists messages. */
  target: 'local' | 'localstack' | 'aws';
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
export function sdkConfig(settings: ClientSettings): { endpoint?: string; region: string; credentials?: ClientSettings['credentials']; maxAttempts: number } {
  return { endpoint: settings.endpoint, region: settings.region, credentials: settings.credentials, maxAttempts: 2 };
}

export function targetLabel(settings: ClientSettings): string {
  const name = settings.target === 'local' ? 'local cloud' : settings.target === 'localstack' ? 'LocalStack' : 'AWS';
  return settings.label ?? `${name} · ${settings.region}`;
}

/** Validates settings passed as a command argument (untrusted: command links carry JSON). */
export function clientSettingsFromArg(arg: unknown): ClientSettings | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const a = arg as Record<string, unknown>;
  if (typeof a.region !== 'string') return undefined;
  const creds = a.credentials as Record<string, unknown> | undefined;
  const target = a.target === 'aws' || a.target === 'localstack' ? a.target : 'local';
  return {
    endpoint: typeof a.endpoint === 'string' ? a.endpoint : undefined,
    region: a.region,
    credentials:
      creds && typeof creds.accessKeyId === 'string' && typeof creds.secretAccessKey === 'string'
        ? { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey, sessionToken: typeof creds.sessionToken === 'string' ? creds.sessionToken : undefined }
        : undefined,
    target,
  };
}
