// SQS messages as Lambda hands them to a function, and which ones the function reported as
// failed (ReportBatchItemFailures).
import type { SqsReceivedMessage } from '../../server/internal';

export function sqsEvent(messages: SqsReceivedMessage[], queueArn: string, region: string): { Records: unknown[] } {
  return {
    Records: messages.map((m) => ({
      messageId: m.messageId,
      receiptHandle: m.receiptHandle,
      body: m.body,
      attributes: m.attributes,
      messageAttributes: Object.fromEntries(
        Object.entries(m.messageAttributes).map(([k, v]) => [
          k,
          {
            ...(v.StringValue !== undefined ? { stringValue: v.StringValue } : {}),
            ...(v.BinaryValue !== undefined ? { binaryValue: v.BinaryValue } : {}),
            stringListValues: [],
            binaryListValues: [],
            dataType: v.DataType,
          },
        ]),
      ),
      md5OfBody: m.md5OfBody,
      ...(m.md5OfMessageAttributes ? { md5OfMessageAttributes: m.md5OfMessageAttributes } : {}),
      eventSource: 'aws:sqs',
      eventSourceARN: queueArn,
      awsRegion: region,
    })),
  };
}

/**
 * Message ids to keep (retry) after a successful invocation with ReportBatchItemFailures.
 * An answer Lambda cannot read, or naming a message not in the batch, fails the whole batch.
 */
export function failedItems(payload: Buffer, batch: SqsReceivedMessage[]): Set<string> {
  const all = new Set(batch.map((m) => m.messageId));
  let value: unknown;
  try {
    value = JSON.parse(payload.toString('utf8'));
  } catch {
    return all;
  }
  if (value === null || value === undefined) return new Set();
  if (typeof value !== 'object') return new Set();
  const list = (value as { batchItemFailures?: unknown }).batchItemFailures;
  if (list === undefined || list === null) return new Set();
  if (!Array.isArray(list)) return all;
  const failed = new Set<string>();
  for (const item of list) {
    const id = (item as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || !id || !all.has(id)) return all;
    failed.add(id);
  }
  return failed;
}
