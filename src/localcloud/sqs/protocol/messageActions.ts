// Handlers of the message-level actions, single and batch.
import { AwsError } from '../../server/errors';
import { BatchRequestTooLong } from '../errors';
import type { SendInput, SendResult } from '../model/message';
import { messageSize } from '../model/messageValidation';
import { changeVisibility, deleteMessages, receiveMessages, sendMessages } from '../model/messaging';
import { checkBatch, failedEntry } from './batch';
import type { ActionHandler } from './context';
import { formatMessage } from './formatMessage';
import { attributeMap, entries, optInt, optString, reqString, stringList, type Input } from './input';

const MAX_BATCH_BYTES = 1_048_576;

function sendInput(input: Input, bodyRequired: boolean): SendInput {
  return {
    body: bodyRequired ? (optString(input, 'MessageBody') ?? '') : '',
    delaySeconds: optInt(input, 'DelaySeconds'),
    attributes: attributeMap(input, 'MessageAttributes'),
    systemAttributes: attributeMap(input, 'MessageSystemAttributes'),
    groupId: optString(input, 'MessageGroupId'),
    deduplicationId: optString(input, 'MessageDeduplicationId'),
  };
}

function sendOutput(r: SendResult): Record<string, unknown> {
  return {
    MessageId: r.messageId,
    MD5OfMessageBody: r.md5OfBody,
    ...(r.md5OfAttributes ? { MD5OfMessageAttributes: r.md5OfAttributes } : {}),
    ...(r.md5OfSystemAttributes ? { MD5OfMessageSystemAttributes: r.md5OfSystemAttributes } : {}),
    ...(r.sequenceNumber ? { SequenceNumber: r.sequenceNumber } : {}),
  };
}

export const MESSAGE_ACTIONS: Record<string, ActionHandler> = {
  SendMessage: (input, { backend, senderId }) => {
    const q = backend.require(reqString(input, 'QueueUrl'));
    const [result] = sendMessages(backend, q, [sendInput(input, true)], senderId);
    if (result instanceof AwsError) throw result;
    return sendOutput(result!);
  },
  SendMessageBatch: (input, { backend, senderId }) => {
    const q = backend.require(reqString(input, 'QueueUrl'));
    const list = entries(input);
    const ids = checkBatch(list, 'SendMessageBatchRequestEntry');
    const inputs = list.map((e) => sendInput(e, true));
    const total = inputs.reduce((n, i) => n + messageSize(i.body, i.attributes), 0);
    if (total > MAX_BATCH_BYTES) throw new BatchRequestTooLong(MAX_BATCH_BYTES, total);
    const results = sendMessages(backend, q, inputs, senderId, true);
    const Successful: unknown[] = [];
    const Failed: unknown[] = [];
    results.forEach((r, i) =>
      r instanceof AwsError ? Failed.push(failedEntry(ids[i]!, r)) : Successful.push({ Id: ids[i], ...sendOutput(r) }),
    );
    return { Successful, Failed };
  },
  ReceiveMessage: async (input, { backend, signal }) => {
    const q = backend.require(reqString(input, 'QueueUrl'));
    const messages = await receiveMessages(backend, q, {
      max: optInt(input, 'MaxNumberOfMessages'),
      waitSeconds: optInt(input, 'WaitTimeSeconds'),
      visibilityTimeout: optInt(input, 'VisibilityTimeout'),
      attemptId: optString(input, 'ReceiveRequestAttemptId'),
      signal,
    });
    const systemNames = [...stringList(input, 'AttributeNames'), ...stringList(input, 'MessageSystemAttributeNames')];
    const attributeNames = stringList(input, 'MessageAttributeNames');
    return messages.length ? { Messages: messages.map((m) => formatMessage(m, systemNames, attributeNames)) } : {};
  },
  DeleteMessage: (input, { backend }) => {
    const q = backend.require(reqString(input, 'QueueUrl'));
    const [err] = deleteMessages(backend, q, [reqString(input, 'ReceiptHandle')]);
    if (err) throw err;
    return {};
  },
  DeleteMessageBatch: (input, { backend }) => {
    const q = backend.require(reqString(input, 'QueueUrl'));
    const list = entries(input);
    const ids = checkBatch(list, 'DeleteMessageBatchRequestEntry');
    const results = deleteMessages(
      backend,
      q,
      list.map((e) => optString(e, 'ReceiptHandle') ?? ''),
    );
    return splitResults(ids, results);
  },
  ChangeMessageVisibility: (input, { backend }) => {
    const q = backend.require(reqString(input, 'QueueUrl'));
    const [err] = changeVisibility(backend, q, [
      { handle: reqString(input, 'ReceiptHandle'), timeout: optInt(input, 'VisibilityTimeout') },
    ]);
    if (err) throw err;
    return {};
  },
  ChangeMessageVisibilityBatch: (input, { backend }) => {
    const q = backend.require(reqString(input, 'QueueUrl'));
    const list = entries(input);
    const ids = checkBatch(list, 'ChangeMessageVisibilityBatchRequestEntry');
    const results = changeVisibility(
      backend,
      q,
      list.map((e) => ({ handle: optString(e, 'ReceiptHandle') ?? '', timeout: optInt(e, 'VisibilityTimeout') })),
    );
    return splitResults(ids, results);
  },
};

function splitResults(ids: string[], results: Array<AwsError | undefined>): Record<string, unknown> {
  const Successful: unknown[] = [];
  const Failed: unknown[] = [];
  results.forEach((err, i) => (err ? Failed.push(failedEntry(ids[i]!, err)) : Successful.push({ Id: ids[i] })));
  return { Successful, Failed };
}
