// Starts a local cloud for a test (in this process) and gives SDK client settings for it.
import { after, before } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../src/localcloud';

export interface TestCloud extends LocalCloud {
  /** Settings for any AWS SDK v3 client: endpoint, region, credentials. */
  readonly clientConfig: {
    endpoint: string;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
    forcePathStyle: boolean;
    maxAttempts: number;
  };
}

export async function startTestCloud(options: LocalCloudOptions = {}): Promise<TestCloud> {
  const cloud = await startLocalCloud({ port: 0, log: () => undefined, ...options });
  const clientConfig = {
    endpoint: cloud.endpoint,
    region: cloud.region,
    credentials: { ...cloud.credentials },
    forcePathStyle: true,
    maxAttempts: 1,
  };
  return Object.assign(Object.create(null) as object, cloud, { clientConfig, stop: () => cloud.stop() }) as TestCloud;
}

/** What `useTestCloud` gives a test file: the cloud and the SDK clients made on it. */
export type TestCloudWith<C> = { cloud: TestCloud } & C;

export interface TestCloudSetup<C> {
  /** Settings for the local cloud. */
  options?: LocalCloudOptions;
  /** Environment variables the cloud reads: set before it starts, restored once it has stopped. */
  env?: Record<string, string>;
  /** Runs just before the cloud starts. */
  prepare?: () => void;
  /** Runs once the cloud and its clients exist: set-up that every test of the file shares. */
  ready?: (fixture: TestCloudWith<C>) => Promise<unknown> | void;
}

/**
 * One local cloud per test file: registers before/after hooks and returns an object filled
 * once `before` has run, holding the cloud and the clients `makeClients` creates on it.
 * `after` destroys those clients, then stops the cloud. Everything happens in one hook each
 * because node 20 runs a file's top-level `before` hooks concurrently, not in order.
 */
export function useTestCloud<C extends Record<string, { destroy(): void }>>(
  makeClients: (config: TestCloud['clientConfig']) => C,
  setup: TestCloudSetup<C> = {},
): TestCloudWith<C> {
  const fixture = {} as TestCloudWith<C>;
  const made: Array<{ destroy(): void }> = [];
  const savedEnv = Object.keys(setup.env ?? {}).map((name) => [name, process.env[name]] as const);
  before(async () => {
    Object.assign(process.env, setup.env);
    setup.prepare?.();
    fixture.cloud = await startTestCloud(setup.options);
    const clients = makeClients(fixture.cloud.clientConfig);
    made.push(...Object.values(clients));
    Object.assign(fixture, clients);
    await setup.ready?.(fixture);
  });
  after(async () => {
    for (const client of made) client.destroy();
    await fixture.cloud?.stop();
    for (const [name, value] of savedEnv) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  return fixture;
}

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(prefix = 'hoc-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
