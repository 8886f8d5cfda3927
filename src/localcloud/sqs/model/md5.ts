// MD5 digests exactly as SQS computes them, so SDKs that verify them (SDK v3, boto3) accept
// our answers. Attribute digests follow the documented encoding: for each attribute, sorted
// by name, the length-prefixed (4-byte big-endian) name, data type, a transport byte
// (1 = string, 2 = binary) and the length-prefixed value.
import { digestHex } from '../../server/digest';
import type { SqsMessageAttributeValue } from '../../server/internal';

export function md5Hex(data: string | Buffer): string {
  return digestHex('md5', data);
}

function lengthPrefixed(bytes: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(bytes.length);
  return Buffer.concat([len, bytes]);
}

export function md5OfAttributes(attributes: Record<string, SqsMessageAttributeValue> | undefined): string | undefined {
  if (!attributes) return undefined;
  const names = Object.keys(attributes).sort();
  if (names.length === 0) return undefined;
  const parts: Buffer[] = [];
  for (const name of names) {
    const value = attributes[name]!;
    parts.push(lengthPrefixed(Buffer.from(name, 'utf8')), lengthPrefixed(Buffer.from(value.DataType, 'utf8')));
    if (value.BinaryValue !== undefined) {
      parts.push(Buffer.from([2]), lengthPrefixed(Buffer.from(value.BinaryValue, 'base64')));
    } else {
      parts.push(Buffer.from([1]), lengthPrefixed(Buffer.from(value.StringValue ?? '', 'utf8')));
    }
  }
  return md5Hex(Buffer.concat(parts));
}
