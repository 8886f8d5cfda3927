// Where the conformance suites run: the local cloud (default, what CI runs), a LocalStack, or
// real AWS, chosen with HOC_CONFORMANCE_TARGET=local|localstack|aws. The same tests then check
// the local cloud against answers recorded on AWS (see snapshots.ts), the method of LocalStack's
// snapshot tests and moto's aws_verified. Only files that opt in (useConformance) follow the
// target; tests of what only the local cloud has stay on it.
import { after, before } from 'node:test';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { startTestCloud, type TestCloud } from './cloud';

export type ConformanceTarget = 'local' | 'localstack' | 'aws';

export function conformanceTarget(env: NodeJS.ProcessEnv = process.env): ConformanceTarget {
  const value = env.HOC_CONFORMANCE_TARGET ?? '';
  if (value === '' || value === 'local') return 'local';
  if (value === 'localstack' || value === 'aws') return value;
  throw new Error(`HOC_CONFORMANCE_TARGET='${value}' is not a target: use local (the default), localstack or aws.`);
}

/** The target of this test process. */
export const TARGET = conformanceTarget();

/** Test options that skip a test anywhere but on the local cloud, saying why. */
export function localOnly(why: string): { skip: string | false } {
  return { skip: TARGET === 'local' ? false : `runs on the local cloud only: ${why}` };
}

/** Settings for any AWS SDK v3 client on the target. */
export interface TargetClientConfig {
  endpoint?: string;
  region: string;
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  forcePathStyle: boolean;
  maxAttempts: number;
}

/**
 * Client settings for LocalStack (HOC_LOCALSTACK_ENDPOINT, default http://localhost:4566) or AWS
 * (region from AWS_REGION / AWS_DEFAULT_REGION, credentials from the usual chain: AWS_PROFILE,
 * SSO, environment). Fails with a sentence saying what to set when either is missing.
 */
export async function remoteClientConfig(
  target: Exclude<ConformanceTarget, 'local'>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<TargetClientConfig> {
  if (target === 'localstack') {
    const endpoint = env.HOC_LOCALSTACK_ENDPOINT ?? 'http://localhost:4566';
    try {
      await fetch(`${endpoint}/_localstack/health`, { signal: AbortSignal.timeout(3000) });
    } catch (e) {
      throw new Error(
        `HOC_CONFORMANCE_TARGET=localstack: no LocalStack answers at ${endpoint} (${(e as Error).message}); start one or set HOC_LOCALSTACK_ENDPOINT.`,
      );
    }
    return {
      endpoint,
      region: env.AWS_REGION ?? 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      forcePathStyle: true,
      maxAttempts: 3,
    };
  }
  const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!region)
    throw new Error(
      'HOC_CONFORMANCE_TARGET=aws needs a region: set AWS_REGION (and AWS_PROFILE to use a named profile).',
    );
  const credentials = fromNodeProviderChain({ profile: env.AWS_PROFILE });
  try {
    await credentials();
  } catch (e) {
    throw new Error(
      `HOC_CONFORMANCE_TARGET=aws found no AWS credentials (${(e as Error).message.split('\n')[0]}); set AWS_PROFILE (after 'aws sso login' for SSO) or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.`,
    );
  }
  return { region, credentials, forcePathStyle: false, maxAttempts: 3 };
}

/** What useConformance gives a test file. `cloud` exists on the local target only. */
export type ConformanceFixture<C> = C & {
  target: ConformanceTarget;
  cloud?: TestCloud;
  /** Runs after the file's tests, on every target: deletes what the tests created. */
  cleanup(step: () => Promise<unknown>): void;
};

/**
 * One target per test file: on the local target a fresh local cloud (as useTestCloud), elsewhere
 * clients on LocalStack or AWS. One before and one after hook (node 20 runs a file's top-level
 * hooks concurrently).
 */
export function useConformance<C extends Record<string, { destroy(): void }>>(
  makeClients: (config: TargetClientConfig) => C,
  setup: { prepare?: () => void } = {},
): ConformanceFixture<C> {
  const steps: Array<() => Promise<unknown>> = [];
  const fixture = {
    target: TARGET,
    cleanup: (step: () => Promise<unknown>) => void steps.push(step),
  } as ConformanceFixture<C>;
  let clients: Array<{ destroy(): void }> = [];
  before(async () => {
    setup.prepare?.();
    let config: TargetClientConfig;
    if (TARGET === 'local') {
      fixture.cloud = await startTestCloud();
      config = fixture.cloud.clientConfig;
    } else {
      config = await remoteClientConfig(TARGET);
    }
    const made = makeClients(config);
    clients = Object.values(made);
    Object.assign(fixture, made);
  });
  after(async () => {
    for (const step of steps.reverse()) await step().catch(() => undefined);
    for (const client of clients) client.destroy();
    await fixture.cloud?.stop();
  });
  return fixture;
}
