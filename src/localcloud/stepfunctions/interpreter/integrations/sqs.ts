// `arn:aws:states:::sqs:sendMessage`: sends through the local cloud's SQS; the result carries
// MessageId and the MD5s like the SDK's answer, plus AWS's SDK metadata.
import { randomUUID } from 'node:crypto';
import type { SqsMessageAttributeValue } from '../../../server/internal';
import type { Json } from '../jsonPath';
import { StatesError } from '../statesError';
import { sdkErrorCause, sdkMetadata, type Integrations } from './types';

export async function sqsSendMessage(integrations: Integrations, parameters: Json): Promise<Json> {
  const sqs = integrations.sqs();
  if (!sqs) throw new StatesError('SQS.SdkClientException', 'The local cloud is running without its SQS service.');
  const p = (parameters ?? {}) as Record<string, Json>;
  const requestId = randomUUID();
  const clientError = (message: string, code: string) =>
    new StatesError('SQS.AmazonSQSException', sdkErrorCause(message, 'AmazonSQS', 400, code, requestId));
  if (typeof p.QueueUrl !== 'string')
    throw clientError('The request must contain the parameter QueueUrl.', 'MissingParameter');
  if (p.MessageBody === undefined || p.MessageBody === null || p.MessageBody === '')
    throw clientError('The request must contain the parameter MessageBody.', 'MissingParameter');
  const body = typeof p.MessageBody === 'string' ? p.MessageBody : JSON.stringify(p.MessageBody);
  const attributes =
    p.MessageAttributes && typeof p.MessageAttributes === 'object'
      ? (p.MessageAttributes as unknown as Record<string, SqsMessageAttributeValue>)
      : undefined;
  try {
    const sent = await sqs.sendInternal(p.QueueUrl, body, {
      messageAttributes: attributes,
      messageGroupId: typeof p.MessageGroupId === 'string' ? p.MessageGroupId : undefined,
      messageDeduplicationId: typeof p.MessageDeduplicationId === 'string' ? p.MessageDeduplicationId : undefined,
      delaySeconds: typeof p.DelaySeconds === 'number' ? p.DelaySeconds : undefined,
    });
    const out: Record<string, Json> = { MD5OfMessageBody: sent.md5OfBody, MessageId: sent.messageId };
    if (sent.sequenceNumber) out.SequenceNumber = sent.sequenceNumber;
    const length = JSON.stringify(out).length;
    return { ...out, ...sdkMetadata(requestId, length, 'application/x-amz-json-1.0') };
  } catch (e) {
    if (e instanceof StatesError) throw e;
    const err = e as { code?: string; status?: number; message?: string };
    throw new StatesError(
      'SQS.AmazonSQSException',
      sdkErrorCause(err.message ?? String(e), 'AmazonSQS', err.status ?? 400, err.code ?? 'InternalError', requestId),
    );
  }
}
