// One local cloud per test file, with an S3 client on it and a fresh bucket per test.
import { after, before } from 'node:test';
import { S3Client, CreateBucketCommand } from '@aws-sdk/client-s3';
import { startTestCloud, type TestCloud } from '../../helpers/cloud';

export interface S3Fixture {
  cloud: TestCloud;
  s3: S3Client;
  /** Creates a bucket with a unique name and returns it. */
  bucket(prefix?: string): Promise<string>;
}

let counter = 0;

/** Registers before/after hooks; the returned object is filled once `before` has run. */
export function useS3(options: Parameters<typeof startTestCloud>[0] = {}): S3Fixture {
  const fixture = {} as S3Fixture;
  before(async () => {
    fixture.cloud = await startTestCloud(options);
    fixture.s3 = new S3Client(fixture.cloud.clientConfig);
    fixture.bucket = async (prefix = 'bucket') => {
      const name = `${prefix}-${process.pid}-${++counter}`;
      await fixture.s3.send(new CreateBucketCommand({ Bucket: name }));
      return name;
    };
  });
  after(async () => {
    fixture.s3?.destroy();
    await fixture.cloud?.stop();
  });
  return fixture;
}

/** Runs `fn` and returns the error it throws (the test fails when it does not throw). */
export async function errorOf(
  fn: () => Promise<unknown>,
): Promise<Error & { $metadata?: { httpStatusCode?: number }; Code?: string }> {
  try {
    await fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

export async function bodyText(body: { transformToString(): Promise<string> } | undefined): Promise<string> {
  if (!body) throw new Error('no body');
  return body.transformToString();
}
