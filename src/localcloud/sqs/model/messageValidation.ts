// Checks a message the way SendMessage does: body characters, attribute names and types,
// group and deduplication ids, and the size limit (body plus attributes).
import { InvalidMessageContents, InvalidParameterValue, MissingParameter } from '../errors';
import type { MessageAttributes } from './message';

// Allowed: #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF
const INVALID_BODY_CHAR = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const ATTRIBUTE_NAME = /^(?!aws\.|amazon\.|\.)(?!.*\.\.)[A-Za-z0-9_.\-\u00c0-\u017f]{1,256}(?<!\.)$/i;
const DATA_TYPE = /^(String|Number|Binary)(\..+)?$/;
const FIFO_ID = /^[\x21-\x7e]{1,128}$/;

export function checkBody(body: unknown): string {
  if (body === undefined || body === null || body === '') throw new MissingParameter('MessageBody');
  const text = String(body);
  const bad = INVALID_BODY_CHAR.exec(text);
  if (bad) {
    const code = bad[0].codePointAt(0)!.toString(16).toUpperCase();
    throw new InvalidMessageContents(
      `Invalid binary character '#x${code}' was found in the message body, the set of allowed characters is #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF`,
    );
  }
  return text;
}

export function checkAttributes(
  attributes: MessageAttributes | undefined,
  kind: 'user' | 'system' = 'user',
): MessageAttributes | undefined {
  if (!attributes) return undefined;
  const names = Object.keys(attributes);
  if (names.length === 0) return undefined;
  if (names.length > 10)
    throw new InvalidParameterValue(`Number of message attributes [${names.length}] exceeds the allowed maximum [10].`);
  const out = Object.create(null) as MessageAttributes; // user-chosen names: no prototype
  for (const name of names) {
    const value = attributes[name]!;
    if (kind === 'system' && name !== 'AWSTraceHeader') {
      throw new InvalidParameterValue(`Message system attribute name '${name}' is invalid.`);
    }
    if (kind === 'user' && !ATTRIBUTE_NAME.test(name)) {
      throw new InvalidParameterValue(
        `Message (user) attribute name '${name}' is invalid. Names may contain letters, digits, '-', '_' and '.', and may not start with 'AWS.' or 'Amazon.'.`,
      );
    }
    const type = value?.DataType;
    if (!type)
      throw new InvalidParameterValue(`The message attribute '${name}' must contain non-empty message attribute type.`);
    if (!DATA_TYPE.test(type))
      throw new InvalidParameterValue(
        `The type of message (user) attribute '${name}' is invalid. You must use only the following supported type prefixes: Binary, Number, String.`,
      );
    if (type.startsWith('Binary')) {
      if (value.BinaryValue === undefined || value.BinaryValue === '') {
        throw new InvalidParameterValue(
          `Message (${kind}) attribute '${name}' must contain a non-empty value of type 'Binary'.`,
        );
      }
      out[name] = { DataType: type, BinaryValue: value.BinaryValue };
    } else {
      const text = value.StringValue;
      const base = type.startsWith('Number') ? 'Number' : 'String';
      if (text === undefined || text === '')
        throw new InvalidParameterValue(
          `Message (${kind}) attribute '${name}' must contain a non-empty value of type '${base}'.`,
        );
      if (base === 'Number' && !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim())) {
        throw new InvalidParameterValue(`Could not cast message attribute '${name}' value to number.`);
      }
      if (INVALID_BODY_CHAR.test(text))
        throw new InvalidMessageContents(
          `Message (${kind}) attribute '${name}' contains characters that are not allowed.`,
        );
      out[name] = { DataType: type, StringValue: text };
    }
  }
  return out;
}

/** Bytes a message counts against MaximumMessageSize: body plus each attribute's name, type and value. */
export function messageSize(body: string, attributes: MessageAttributes | undefined): number {
  let size = Buffer.byteLength(body, 'utf8');
  for (const [name, v] of Object.entries(attributes ?? {})) {
    size += Buffer.byteLength(name) + Buffer.byteLength(v.DataType);
    size +=
      v.BinaryValue !== undefined
        ? Buffer.from(v.BinaryValue, 'base64').length
        : Buffer.byteLength(v.StringValue ?? '');
  }
  return size;
}

export function checkSize(body: string, attributes: MessageAttributes | undefined, limit: number): void {
  if (messageSize(body, attributes) > limit) {
    throw new InvalidParameterValue(
      `One or more parameters are invalid. Reason: Message must be shorter than ${limit} bytes.`,
    );
  }
}

export function checkFifoId(
  param: 'MessageGroupId' | 'MessageDeduplicationId' | 'ReceiveRequestAttemptId',
  value: unknown,
): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value);
  if (!FIFO_ID.test(text)) {
    throw InvalidParameterValue.of(
      param,
      text,
      `${param} can only include alphanumeric and punctuation characters. 1 to 128 in length.`,
    );
  }
  return text;
}
