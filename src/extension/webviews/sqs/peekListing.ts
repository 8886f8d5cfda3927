// Lists messages through the local cloud's non-destructive peek: every message with its state
// (visible, in flight, delayed), without receiving any — receive counts and visibility stay.
import { peekMessages, type PeekedMessage } from '../../../localcloud/sqs/peekClient';
import { BODY_LIMIT, type MessageListing, type MessageRow } from '../../../shared/webviewProtocolSqs';
import type { Target } from '../../../cloud/target/target';

export async function listByPeek(
  settings: Pick<Target, 'endpoint' | 'region' | 'credentials'>,
  url: string,
  max: number,
): Promise<MessageListing> {
  if (!settings.endpoint) throw new Error('The local cloud has no endpoint; start it and open the queue again.');
  const c = typeof settings.credentials === 'function' ? await settings.credentials() : settings.credentials;
  if (!c) throw new Error('No credentials for the local cloud; start it and open the queue again.');
  const result = await peekMessages({ endpoint: settings.endpoint, region: settings.region, credentials: c }, url);
  return {
    mode: 'peek',
    messages: result.Messages.slice(0, max).map(rowFromPeek),
    truncated: result.Messages.length > max,
  };
}

export function rowFromPeek(m: PeekedMessage): MessageRow {
  const attributes: Record<string, string> = {};
  for (const [name, v] of Object.entries(m.MessageAttributes ?? {})) {
    const value = v.StringValue ?? (v.BinaryValue ? `${Buffer.from(v.BinaryValue, 'base64').length} bytes` : '');
    attributes[name] = `${value} (${v.DataType})`;
  }
  return {
    messageId: m.MessageId,
    body: m.Body.slice(0, BODY_LIMIT),
    bodyLength: m.Body.length,
    attributes,
    receiveCount: m.ReceiveCount,
    sentTimestamp: m.SentTimestamp,
    groupId: m.MessageGroupId,
    sequenceNumber: m.SequenceNumber,
    deduplicationId: m.MessageDeduplicationId,
    state: m.State === 'inflight' ? 'inFlight' : m.State,
  };
}
