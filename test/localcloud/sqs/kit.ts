// Shared set-up for the SQS conformance tests: one local cloud per test file, a real
// @aws-sdk/client-sqs client, unique queue names, and an assertion for AWS-shaped errors.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { CreateQueueCommand, SQSClient, type CreateQueueCommandInput } from '@aws-sdk/client-sqs';
import { startTestCloud, type TestCloud } from '../../helpers/cloud';

export interface SqsKit {
  cloud: TestCloud;
  sqs: SQSClient;
  /** Creates a queue with a unique name (suffix `.fifo` when fifo) and returns its URL. */
  queue(attributes?: Record<string, string>, options?: { fifo?: boolean; tags?: Record<string, string>; name?: string }): Promise<string>;
}

let counter = 0;
export function uniqueName(prefix = 'q'): string {
  return `${prefix}-${process.pid}-${++counter}`;
}

/** Starts a local cloud before the file's tests and stops it after them. */
export function useSqs(): SqsKit {
  const kit = {} as SqsKit;
  before(async () => {
    kit.cloud = await startTestCloud();
    kit.sqs = new SQSClient(kit.cloud.clientConfig);
    kit.queue = async (attributes = {}, options = {}) => {
      const fifo = options.fifo ?? attributes.FifoQueue === 'true';
      const input: CreateQueueCommandInput = {
        QueueName: options.name ?? `${uniqueName()}${fifo ? '.fifo' : ''}`,
        Attributes: fifo ? { FifoQueue: 'true', ...attributes } : attributes,
        tags: options.tags,
      };
      return (await kit.sqs.send(new CreateQueueCommand(input))).QueueUrl!;
    };
  });
  after(async () => {
    kit.sqs?.destroy();
    await kit.cloud?.stop();
  });
  return kit;
}

/** Asserts that `p` rejects with the SDK error `name`, and (awsQueryCompatible) query code `code`. */
export async function rejectsWith(p: Promise<unknown>, name: string, code?: string, status?: number): Promise<Error & Record<string, unknown>> {
  try {
    await p;
  } catch (e) {
    const err = e as Error & { Code?: string; $metadata?: { httpStatusCode?: number } };
    assert.equal(err.name, name, `expected ${name}, got ${err.name}: ${err.message}`);
    if (code !== undefined) assert.equal(err.Code, code);
    if (status !== undefined) assert.equal(err.$metadata?.httpStatusCode, status);
    return err as Error & Record<string, unknown>;
  }
  assert.fail(`expected the call to fail with ${name}`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
