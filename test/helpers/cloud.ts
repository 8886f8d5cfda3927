// Starts a local cloud for a test (in this process) and gives SDK client settings for it.
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

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(prefix = 'hoc-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
