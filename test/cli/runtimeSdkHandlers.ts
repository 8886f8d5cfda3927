// Node handlers that use the AWS SDK the Lambda runtime provides (not bundled with them), one
// CommonJS (`require`) and one ES module (`import`, with lib-storage on top of client-s3), for
// running on a local cloud started from an unpacked extension.
import { spawn } from 'node:child_process';
import { zipSync } from 'fflate';
import { CreateFunctionCommand, InvokeCommand, LambdaClient, waitUntilFunctionActiveV2 } from '@aws-sdk/client-lambda';
import { parseBanner } from '../../src/localcloud/banner';

const CJS_HANDLER = `
const { SQSClient, CreateQueueCommand } = require('@aws-sdk/client-sqs');
exports.handler = async () => {
  const q = await new SQSClient({}).send(new CreateQueueCommand({ QueueName: 'made-by-cjs' }));
  return { queueUrl: q.QueueUrl, sdk: require.resolve('@aws-sdk/client-sqs') };
};`;

const ESM_HANDLER = `
import { S3Client, CreateBucketCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
export const handler = async () => {
  const s3 = new S3Client({ forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'made-by-esm' }));
  await new Upload({ client: s3, params: { Bucket: 'made-by-esm', Key: 'hello.txt', Body: 'uploaded by lib-storage' } }).done();
  const got = await s3.send(new GetObjectCommand({ Bucket: 'made-by-esm', Key: 'hello.txt' }));
  return { body: await got.Body.transformToString() };
};`;

export interface HandlerResults {
  cjs: { queueUrl?: string; sdk?: string; errorMessage?: string };
  esm: { body?: string; errorMessage?: string };
}

/** Starts `node <cli> cloud`, deploys both handlers, invokes each once, stops the cloud. */
export async function invokeRuntimeSdkHandlers(
  cli: string,
  cwd: string,
  stateDir: string,
  env: NodeJS.ProcessEnv,
): Promise<HandlerResults> {
  const child = spawn(process.execPath, [cli, 'cloud', '--port', '0', '--state-dir', stateDir], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stderr.on('data', (d: Buffer) => (text += d.toString()));
  try {
    const banner = await new Promise<NonNullable<ReturnType<typeof parseBanner>>>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        text += d.toString();
        const parsed = parseBanner(text);
        if (parsed) resolve(parsed);
      });
      child.once('exit', (code) => reject(new Error(`hoc cloud exited with ${code} before it started:\n${text}`)));
    });
    const lambda = new LambdaClient({
      endpoint: banner.endpoint,
      region: banner.region,
      credentials: { accessKeyId: banner.accessKeyId, secretAccessKey: banner.secretAccessKey },
      maxAttempts: 1,
    });
    const results: Record<string, unknown> = {};
    for (const [name, file, source] of [
      ['cjs', 'index.js', CJS_HANDLER],
      ['esm', 'index.mjs', ESM_HANDLER],
    ] as const) {
      await lambda.send(
        new CreateFunctionCommand({
          FunctionName: `runtime-sdk-${name}`,
          Runtime: 'nodejs24.x',
          Handler: 'index.handler',
          Role: 'arn:aws:iam::000000000000:role/lambda-role',
          Timeout: 30,
          Code: { ZipFile: zipSync({ [file]: Buffer.from(source) }) },
        }),
      );
      await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 30 }, { FunctionName: `runtime-sdk-${name}` });
      const out = await lambda.send(
        new InvokeCommand({ FunctionName: `runtime-sdk-${name}`, Payload: Buffer.from('{}') }),
      );
      results[name] = JSON.parse(Buffer.from(out.Payload ?? []).toString('utf8') || '{}');
    }
    return results as unknown as HandlerResults;
  } finally {
    child.kill('SIGTERM');
  }
}
