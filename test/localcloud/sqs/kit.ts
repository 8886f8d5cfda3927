// Shared set-up for the SQS conformance tests: one local cloud (or, for files that opt in, the
// HOC_CONFORMANCE_TARGET endpoint) per test file, a real @aws-sdk/client-sqs client, unique
// queue names, and an assertion for AWS-shaped errors.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { CreateQueueCommand, DeleteQueueCommand, SQSClient, type CreateQueueCommandInput } from '@aws-sdk/client-sqs';
import { useConformance } from '../../helpers/conformance';
import { startTestCloud, type TestCloud } from '../../helpers/cloud';

export interface SqsKit {
  cloud: TestCloud;
  sqs: SQSClient;
  /** Creates a queue with a unique name (suffix `.fifo` when fifo) and returns its URL. */
  queue(
    attributes?: Record<string, string>,
    options?: { fifo?: boolean; tags?: Record<string, string>; name?: string },
  ): Promise<string>;
}

let counter = 0;
export function uniqueName(prefix = 'q'): string {
  return `${prefix}-${process.pid}-${++counter}`;
}

/** A part that keeps queue names of separate runs apart on AWS (a deleted name is reusable only after 60 s). */
const RUN = Date.now().toString(36);

/**
 * Starts a local cloud before the file's tests and stops it after them. With `anyTarget` the
 * file follows HOC_CONFORMANCE_TARGET (local cloud, LocalStack or AWS) and deletes its queues after.
 */
export function useSqs(options: { anyTarget?: boolean } = {}): SqsKit {
  if (options.anyTarget) return useSqsOnTarget();
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

function useSqsOnTarget(): SqsKit {
  const fx = useConformance((config) => ({ sqs: new SQSClient(config) }));
  const kit = {
    get cloud() {
      if (!fx.cloud) throw new Error('this test needs the local cloud; mark it localOnly');
      return fx.cloud;
    },
    get sqs() {
      return fx.sqs;
    },
    async queue(
      attributes: Record<string, string> = {},
      options: { fifo?: boolean; tags?: Record<string, string>; name?: string } = {},
    ) {
      const fifo = options.fifo ?? attributes.FifoQueue === 'true';
      const name = options.name ?? `${uniqueName()}${fx.target === 'local' ? '' : `-${RUN}`}${fifo ? '.fifo' : ''}`;
      const url = (
        await fx.sqs.send(
          new CreateQueueCommand({
            QueueName: name,
            Attributes: fifo ? { FifoQueue: 'true', ...attributes } : attributes,
            tags: options.tags,
          }),
        )
      ).QueueUrl!;
      if (fx.target !== 'local') fx.cleanup(() => fx.sqs.send(new DeleteQueueCommand({ QueueUrl: url })));
      return url;
    },
  };
  return kit;
}

/** Asserts that `p` rejects with the SDK error `name`, and (awsQueryCompatible) query code `code`. */
export async function rejectsWith(
  p: Promise<unknown>,
  name: string,
  code?: string,
  status?: number,
): Promise<Error & Record<string, unknown>> {
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
