// Browser form uploads (POST Object): the base64 policy document, its SigV4 signature and
// its conditions, checked as S3 checks them.
import { timingSafeEqual } from 'node:crypto';
import { AwsError } from '../../server/errors';
import { hmac, signingKey } from './signingKey';

export type FormFields = Map<string, string>;

/** Form fields that the policy never has to mention. */
const EXEMPT = new Set(['policy', 'x-amz-signature', 'file', 'x-amz-security-token']);

const denied = (message: string) => new AwsError('AccessDenied', message, 403);
const invalidPolicy = (message: string) => denied(`Invalid according to Policy: ${message}`);

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
    throw new AwsError(
      'InvalidArgument',
      'Bucket POST must contain the fields policy, x-amz-algorithm (AWS4-HMAC-SHA256), x-amz-credential and x-amz-signature.',
      400,
    );
  }
  const [accessKeyId, date, region, service] = credential.split('/');
  if (accessKeyId !== check.accessKeyId) {
    throw new AwsError('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', 403);
  }
  const expected = hmac(signingKey(check.secretAccessKey, date ?? '', region ?? '', service ?? ''), policy).toString(
    'hex',
  );
  const a = Buffer.from(expected);
  const b = Buffer.from(signature.toLowerCase());
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new AwsError(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      403,
    );
  }
  let doc: { expiration?: string; conditions?: unknown[] };
  try {
    doc = JSON.parse(Buffer.from(policy, 'base64').toString('utf8')) as typeof doc;
  } catch {
    throw new AwsError('InvalidPolicyDocument', 'Invalid Policy: Invalid JSON.', 400);
  }
  const expiration = Date.parse(doc.expiration ?? '');
  if (Number.isNaN(expiration))
    throw new AwsError('InvalidPolicyDocument', 'Invalid Policy: Policy missing expiration.', 400);
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
        throw new AwsError(
          'EntityTooLarge',
          `Your proposed upload is outside the policy's content-length-range (${min}–${max} bytes).`,
          400,
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
      throw new AwsError('InvalidPolicyDocument', `Invalid Policy: Invalid condition operator: ${operator}`, 400);
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
