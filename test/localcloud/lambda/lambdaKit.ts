// Shared by the Lambda tests: builds the Node bootstrap once per test process, starts a local
// cloud with Lambda and Logs clients, zips fixture handlers with fflate, and creates functions
// through the real SDK.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildSync } from 'esbuild';
import { zipSync } from 'fflate';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  LambdaClient,
  waitUntilFunctionActiveV2,
  type CreateFunctionCommandInput,
} from '@aws-sdk/client-lambda';
import { useConformance, type ConformanceFixture } from '../../helpers/conformance';
import { useTestCloud, type TestCloudSetup, type TestCloudWith } from '../../helpers/cloud';

const ROOT = join(__dirname, '..', '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'lambda');

/** Builds src/localcloud/lambda/runtimes/node/bootstrap.ts into a private runtimes folder. */
export function useFreshRuntimes(): void {
  if (process.env.HOC_LAMBDA_RUNTIMES_DIR) return;
  const dir = mkdtempSync(join(tmpdir(), 'hoc-runtimes-'));
  buildSync({
    entryPoints: [join(ROOT, 'src/localcloud/lambda/runtimes/node/bootstrap.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: join(dir, 'node', 'bootstrap.js'),
    logLevel: 'warning',
  });
  process.env.HOC_LAMBDA_RUNTIMES_DIR = dir;
}

type LambdaClients = { lambda: LambdaClient; logs: CloudWatchLogsClient };
export type LambdaCloud = TestCloudWith<LambdaClients>;

/**
 * One local cloud per test file with fresh runtimes, a Lambda client and a Logs client;
 * the returned object is filled once `before` has run (after `setup.ready`, when given).
 */
export function useLambdaCloud(setup: Omit<TestCloudSetup<LambdaClients>, 'prepare'> = {}): LambdaCloud {
  return useTestCloud((config) => ({ lambda: new LambdaClient(config), logs: new CloudWatchLogsClient(config) }), {
    ...setup,
    prepare: useFreshRuntimes,
  });
}

export type LambdaOnTarget = ConformanceFixture<{ lambda: LambdaClient }> & {
  /** The function name on this target: as given locally, with a run suffix on LocalStack and AWS. */
  name(base: string): string;
  /** createFunction on the target (role from HOC_CONFORMANCE_LAMBDA_ROLE on AWS), deleted after the file. */
  create(input: Partial<CreateFunctionCommandInput> & { FunctionName: string; fixture?: string }): Promise<void>;
};

const RUN = Date.now().toString(36);

/** A Lambda client on HOC_CONFORMANCE_TARGET (see test/helpers/conformance.ts), for files that opt in. */
export function useLambdaOnTarget(): LambdaOnTarget {
  const fx = useConformance((config) => ({ lambda: new LambdaClient(config) }), {
    prepare: useFreshRuntimes,
  }) as LambdaOnTarget;
  fx.name = (base) => (fx.target === 'local' ? base : `hoc-${base}-${RUN}`);
  fx.create = async (input) => {
    const role = fx.target === 'aws' ? process.env.HOC_CONFORMANCE_LAMBDA_ROLE : undefined;
    if (fx.target === 'aws' && !role)
      throw new Error(
        'HOC_CONFORMANCE_TARGET=aws: set HOC_CONFORMANCE_LAMBDA_ROLE to the ARN of a role Lambda may assume (LabRole in AWS Academy).',
      );
    const name = fx.name(input.FunctionName);
    await createFunction(fx.lambda, { ...input, FunctionName: name, ...(role ? { Role: role } : {}) });
    if (fx.target !== 'local') fx.cleanup(() => fx.lambda.send(new DeleteFunctionCommand({ FunctionName: name })));
    await waitUntilFunctionActiveV2({ client: fx.lambda, maxWaitTime: 60 }, { FunctionName: name });
  };
  return fx;
}

/** A zip of a fixture folder (or of the files given), as a deployment package. */
export function zipFixture(name: string, extra: Record<string, string | Buffer> = {}): Uint8Array {
  const base = join(FIXTURES, name);
  const files: Record<string, [Uint8Array, { mode?: number; os?: number }]> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(base, path)] = [readFileSync(path), {}];
    }
  };
  walk(base);
  for (const [k, v] of Object.entries(extra)) files[k] = [typeof v === 'string' ? Buffer.from(v) : v, {}];
  return zipSync(files);
}

export async function createFunction(
  client: LambdaClient,
  input: Partial<CreateFunctionCommandInput> & { FunctionName: string; fixture?: string },
): Promise<void> {
  const { fixture = 'node-cjs', ...rest } = input;
  await client.send(
    new CreateFunctionCommand({
      Runtime: 'nodejs24.x',
      Role: 'arn:aws:iam::000000000000:role/lambda-role',
      Handler: 'index.handler',
      Code: { ZipFile: zipFixture(fixture) },
      ...rest,
    }),
  );
}

export function payloadOf(out: { Payload?: Uint8Array }): unknown {
  const text = Buffer.from(out.Payload ?? []).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

export function tailOf(out: { LogResult?: string }): string {
  return Buffer.from(out.LogResult ?? '', 'base64').toString('utf8');
}
