// Where lessons deploy: the local cloud, a LocalStack, or real AWS. Only endpoint and
// credentials differ; everything else takes the same code path.
import { fromIni, fromNodeProviderChain, fromSSO } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { profileRegion } from './awsProfile';

export type TargetKind = 'local' | 'localstack' | 'aws';
export const TARGET_KINDS: readonly TargetKind[] = ['local', 'localstack', 'aws'];

export interface TargetSettings {
  kind: TargetKind;
  /** local: the running local cloud's URL; localstack: default http://localhost:4566. */
  endpoint?: string;
  /** local: the local cloud's credentials. */
  credentials?: AwsCredentialIdentity;
  region?: string;
  /** aws: named profile from ~/.aws/config (SSO profiles too); default AWS_PROFILE or `default`. */
  profile?: string;
  /** aws: force the SSO provider for the profile. */
  sso?: boolean;
  /** Appended to physical names (`-suffix`) so students can share an account. */
  suffix?: string;
  /** aws: Lambda execution role (name or ARN); else LabRole if it exists, else a created role. */
  lambdaRole?: string;
  /** Template parameter values (as `sam deploy --parameter-overrides`), for lessons that declare them. */
  parameters?: Record<string, string>;
}

export interface Target {
  readonly kind: TargetKind;
  readonly region: string;
  readonly endpoint?: string;
  readonly credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  readonly profile?: string;
  readonly suffix?: string;
  readonly lambdaRole?: string;
  readonly parameters?: Readonly<Record<string, string>>;
}

export const LOCALSTACK_ENDPOINT = 'http://localhost:4566';
/** LocalStack accepts any credentials; `test` is its convention. */
const LOCALSTACK_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

export function resolveTarget(s: TargetSettings): Target {
  const suffix = s.suffix ? normaliseSuffix(s.suffix) : undefined;
  const parameters = s.parameters && Object.keys(s.parameters).length ? { ...s.parameters } : undefined;
  switch (s.kind) {
    case 'local':
      if (!s.endpoint || !s.credentials)
        throw new Error(
          'The local cloud is not running: start it (Hands-on Cloud: Start Local Cloud, or `hoc cloud`) and try again.',
        );
      return {
        kind: 'local',
        endpoint: trimSlash(s.endpoint),
        credentials: s.credentials,
        region: s.region ?? 'us-east-1',
        suffix,
        parameters,
      };
    case 'localstack':
      return {
        kind: 'localstack',
        endpoint: trimSlash(s.endpoint ?? LOCALSTACK_ENDPOINT),
        credentials: s.credentials ?? LOCALSTACK_CREDENTIALS,
        region: s.region ?? 'us-east-1',
        suffix,
        parameters,
      };
    case 'aws': {
      const profile = s.profile ?? process.env.AWS_PROFILE;
      const credentials =
        s.credentials ?? (s.sso ? fromSSO({ profile }) : profile ? fromIni({ profile }) : fromNodeProviderChain());
      const region =
        s.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? profileRegion(profile ?? 'default');
      if (!region)
        throw new Error(
          `No AWS region: set one for profile '${profile ?? 'default'}' (aws configure set region us-east-1) or choose it in the settings.`,
        );
      return { kind: 'aws', credentials, region, profile, suffix, lambdaRole: s.lambdaRole, parameters };
    }
  }
}

function trimSlash(u: string): string {
  return u.replace(/\/+$/, '');
}

/** Lower-case letters, digits and dashes: valid in every resource name we build. */
export function normaliseSuffix(s: string): string {
  const n = s
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 12);
  if (!n) throw new Error(`The name suffix '${s}' has no letters or digits; use something like your initials.`);
  return n;
}

/** Environment for a process (lesson script, terminal) that should talk to this target. */
export async function targetEnvironment(t: Target): Promise<Record<string, string>> {
  const env: Record<string, string> = { AWS_REGION: t.region, AWS_DEFAULT_REGION: t.region };
  if (t.endpoint) env.AWS_ENDPOINT_URL = t.endpoint;
  if (t.kind === 'aws' && t.profile && typeof t.credentials === 'function') {
    env.AWS_PROFILE = t.profile;
    return env;
  }
  const c = typeof t.credentials === 'function' ? await t.credentials() : t.credentials;
  env.AWS_ACCESS_KEY_ID = c.accessKeyId;
  env.AWS_SECRET_ACCESS_KEY = c.secretAccessKey;
  if (c.sessionToken) env.AWS_SESSION_TOKEN = c.sessionToken;
  return env;
}
