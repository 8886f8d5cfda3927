// A received message in ReceiveMessage's output shape, with only the system and message
// attributes the caller asked for ('All', exact names, or 'prefix.*' for message attributes).
import { md5OfAttributes } from '../model/md5';
import { systemAttributesOf, type MessageAttributes } from '../model/message';
import type { ReceivedMessage } from '../model/messaging';

/**
 * `All` and `.*` name every attribute; `prefix.*` every name starting with `prefix`, so `Hel.*`
 * returns `Hello` and `Help.Me` (AWS-validated: LocalStack's test_receive_message_attribute_names_filters,
 * read 2026-12-03; SQS API reference, ReceiveMessage MessageAttributeNames).
 */
function wanted(name: string, requested: string[]): boolean {
  return requested.some(
    (r) => r === 'All' || r === '.*' || r === name || (r.endsWith('.*') && name.startsWith(r.slice(0, -2))),
  );
}

export function formatMessage(
  m: ReceivedMessage,
  systemNames: string[],
  attributeNames: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    MessageId: m.id,
    ReceiptHandle: m.receiptHandle,
    MD5OfBody: m.md5OfBody,
    Body: m.body,
  };
  if (systemNames.length) {
    const all = systemAttributesOf(m);
    const picked = Object.fromEntries(
      Object.entries(all).filter(([k]) => systemNames.includes('All') || systemNames.includes(k)),
    );
    if (Object.keys(picked).length) out.Attributes = picked;
  }
  if (attributeNames.length && m.attributes) {
    const picked = Object.create(null) as MessageAttributes; // user-chosen names: no prototype
    for (const [k, v] of Object.entries(m.attributes)) if (wanted(k, attributeNames)) picked[k] = v;
    if (Object.keys(picked).length) {
      out.MD5OfMessageAttributes = md5OfAttributes(picked);
      out.MessageAttributes = picked;
    }
  }
  return out;
}
