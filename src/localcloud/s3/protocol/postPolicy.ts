// Browser form uploads (POST Object): the base64 policy document, its SigV4 signature and
// its conditions, checked as S3 checks them.
import { timingSafeEqual } from 'node:crypto';
import {
  AccessDenied,
  EntityTooLarge,
  InvalidAccessKeyId,
  InvalidArgument,
  InvalidPolicyDocument,
  SignatureDoesNotMatch,
} from '../errors';
import { hmac, signingKey } from './signingKey';

export type FormFields = Map<string, string>;

/** Form fields that the policy never has to mention. */
const EXEMPT = new Set(['policy', 'x-amz-signature', 'file', 'x-amz-security-token']);

/** A form that breaks its own policy: AccessDenied, as S3 answers it. */
const invalidPolicy = (message: string) => new AccessDenied(`Invalid according to Policy: ${message}`);

export interface PolicyCheck {
  fields: FormFields;
  bucket: string;
  fileSize: number;
  accessKeyId: string;
  secretAccessKey: string;
  now?: Date;
}

export function verifyPostPolicy(check: PolicyCheck): void {
  const { fields } = check;
  const policy = fields.get('policy');
  const signature = fields.get('x-amz-signature');
  const credential = fields.get('x-amz-credential');
  if (!policy || !signature || !credential || fields.get('x-amz-algorithm') !== 'AWS4-HMAC-SHA256') {
    throw new InvalidArgument(
      'Bucket POST must contain the fields policy, x-amz-algorithm (AWS4-HMAC-SHA256), x-amz-credential and x-amz-signature.',
    );
  }
  const [accessKeyId, date, region, service] = credential.split('/');
  if (accessKeyId !== check.accessKeyId) {
    throw new InvalidAccessKeyId('The AWS Access Key Id you provided does not exist in our records.');
  }
  const expected = hmac(signingKey(check.secretAccessKey, date ?? '', region ?? '', service ?? ''), policy).toString(
    'hex',
  );
  const a = Buffer.from(expected);
  const b = Buffer.from(signature.toLowerCase());
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new SignatureDoesNotMatch(
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    );
  }
  let doc: { expiration?: string; conditions?: unknown[] };
  try {
    doc = JSON.parse(Buffer.from(policy, 'base64').toString('utf8')) as typeof doc;
  } catch {
    throw new InvalidPolicyDocument('Invalid JSON.');
  }
  const expiration = Date.parse(doc.expiration ?? '');
  if (Number.isNaN(expiration)) throw new InvalidPolicyDocument('Policy missing expiration.');
  if (expiration < (check.now ?? new Date()).getTime()) throw invalidPolicy('Policy expired.');
  const covered = new Set<string>();
  for (const condition of doc.conditions ?? []) checkCondition(condition, check, covered);
  const extra = [...fields.keys()].filter((k) => !EXEMPT.has(k) && !k.startsWith('x-ignore-') && !covered.has(k));
  if (extra.length > 0) throw invalidPolicy(`Extra input fields: ${extra.join(', ')}`);
}

function fieldValue(check: PolicyCheck, name: string): string | undefined {
  return name === 'bucket' ? check.bucket : check.fields.get(name);
}

function checkCondition(condition: unknown, check: PolicyCheck, covered: Set<string>): void {
  if (Array.isArray(condition)) {
    const [op, rawName, value] = condition as [string, unknown, unknown];
    const operator = String(op).toLowerCase();
    if (operator === 'content-length-range') {
      const min = Number(rawName);
      const max = Number(value);
      if (check.fileSize < min || check.fileSize > max) {
        throw new EntityTooLarge(
          `Your proposed upload is outside the policy's content-length-range (${min}–${max} bytes).`,
        );
      }
      return;
    }
    const name = String(rawName).replace(/^\$/, '').toLowerCase();
    covered.add(name);
    const actual = fieldValue(check, name) ?? '';
    if (operator === 'eq' && actual !== String(value))
      throw invalidPolicy(`Policy Condition failed: ["eq", "$${name}", "${String(value)}"]`);
    if (operator === 'starts-with' && !actual.startsWith(String(value))) {
      throw invalidPolicy(`Policy Condition failed: ["starts-with", "$${name}", "${String(value)}"]`);
    }
    if (operator !== 'eq' && operator !== 'starts-with')
      throw new InvalidPolicyDocument(`Invalid condition operator: ${operator}`);
    return;
  }
  if (condition && typeof condition === 'object') {
    for (const [rawName, value] of Object.entries(condition)) {
      const name = rawName.toLowerCase();
      covered.add(name);
      if ((fieldValue(check, name) ?? '') !== String(value))
        throw invalidPolicy(`Policy Condition failed: ["eq", "$${name}", "${String(value)}"]`);
    }
  }
}
