// What the SQS view can ask, answered with the AWS SDK (no vscode: the editor's confirmation and
// panel opening come in as functions, so tests drive the same handlers).
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { SqsMethods } from '../../../shared/webviewProtocolSqs';
import type { Target } from '../../../cloud/target/target';
import type { Handlers } from '../handlers';
import { loadCounters, loadQueueInfo, purge, queueNameFromUrl, receiveAndDelete, sendFromView } from './sqsQueueData';
import { listMessages } from './messageListing';

export interface SqsHandlerContext {
  client: SQSClient;
  /** Where the queue lives (the local cloud lists messages by peeking). */
  target: Pick<Target, 'kind' | 'endpoint' | 'region' | 'credentials'>;
  url: string;
  /** Asks the student before a purge; resolves true to go ahead. */
  confirmPurge(queueName: string): Promise<boolean>;
  /** Opens the view of another queue (the DLQ link). */
  openQueue(url: string): Promise<void>;
}

export function sqsHandlers(c: SqsHandlerContext): Handlers<SqsMethods> {
  return {
    queue: () => loadQueueInfo(c.client, c.url),
    counters: () => loadCounters(c.client, c.url),
    messages: ({ max }) => listMessages(c.client, c.target, c.url, clamp(max, 1, 5000)),
    send: (p) => sendFromView(c.client, c.url, p),
    receiveAndDelete: async ({ max }) => ({ deleted: await receiveAndDelete(c.client, c.url, clamp(max, 1, 1000)) }),
    purge: async () => {
      if (!(await c.confirmPurge(queueNameFromUrl(c.url)))) return { purged: false };
      await purge(c.client, c.url);
      return { purged: true };
    },
    openQueue: async ({ url }) => {
      await c.openQueue(url);
      return {};
    },
  };
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, Math.floor(n)));
}
