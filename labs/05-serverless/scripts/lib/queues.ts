// Resolves a queue given by name or URL, so scripts accept either.
import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';

export const sqs = new SQSClient({});

export async function queueUrl(nameOrUrl: string): Promise<string> {
  if (/^https?:\/\//.test(nameOrUrl)) return nameOrUrl;
  const res = await sqs.send(new GetQueueUrlCommand({ QueueName: nameOrUrl }));
  return res.QueueUrl!;
}

export const isFifo = (url: string) => url.endsWith('.fifo');
