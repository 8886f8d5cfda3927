// Whether a queue's access policy lets an AWS service (S3 bucket notifications) send to it.
// AWS checks this when a bucket's notification configuration names the queue. Only the part
// of IAM evaluation a queue policy for a service needs is here — Allow/Deny, Principal,
// Action, Resource (and their Not forms), and the aws:SourceArn / aws:SourceAccount
// conditions — because the one full policy simulator on npm is AGPL and carries the whole
// IAM catalogue. A statement whose condition uses anything else does not apply.

export interface ServiceSendRequest {
  /** e.g. s3.amazonaws.com */
  service: string;
  queueArn: string;
  /** e.g. arn:aws:s3:::photos */
  sourceArn: string;
  sourceAccount: string;
}

type Statement = Record<string, unknown>;

/** True when some Allow statement grants sqs:SendMessage to the service and no Deny takes it away. */
export function policyAllowsServiceSend(policyText: string | undefined, req: ServiceSendRequest): boolean {
  const statements = parseStatements(policyText);
  const applying = statements.filter((s) => applies(s, req));
  if (applying.some((s) => s.Effect === 'Deny')) return false;
  return applying.some((s) => s.Effect === 'Allow');
}

function parseStatements(policyText: string | undefined): Statement[] {
  if (!policyText) return [];
  try {
    const doc = JSON.parse(policyText) as { Statement?: unknown };
    const list = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
    return list.filter((s): s is Statement => !!s && typeof s === 'object');
  } catch {
    return [];
  }
}

const asList = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/** IAM wildcards: `*` any run of characters, `?` one character. */
function wildcard(pattern: string, value: string, ignoreCase: boolean): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, ignoreCase ? 'i' : '').test(value);
}

function applies(s: Statement, req: ServiceSendRequest): boolean {
  const principal =
    'NotPrincipal' in s ? !principalMatches(s.NotPrincipal, req.service) : principalMatches(s.Principal, req.service);
  const actionMatch = (list: unknown) => asList(list).some((a) => wildcard(a, 'sqs:SendMessage', true));
  const action = 'NotAction' in s ? !actionMatch(s.NotAction) : actionMatch(s.Action);
  const resourceMatch = (list: unknown) => asList(list).some((r) => wildcard(r, req.queueArn, false));
  // A queue policy may leave Resource out: it then means the queue itself.
  const resource =
    'NotResource' in s ? !resourceMatch(s.NotResource) : s.Resource === undefined || resourceMatch(s.Resource);
  return principal && action && resource && conditionsHold(s.Condition, req);
}

function principalMatches(principal: unknown, service: string): boolean {
  if (principal === '*') return true;
  if (!principal || typeof principal !== 'object') return false;
  const p = principal as Record<string, unknown>;
  return asList(p.AWS).includes('*') || asList(p.Service).some((s) => s.toLowerCase() === service);
}

const CONTEXT_KEYS = (req: ServiceSendRequest): Record<string, string> => ({
  'aws:sourcearn': req.sourceArn,
  'aws:sourceaccount': req.sourceAccount,
});

function conditionsHold(condition: unknown, req: ServiceSendRequest): boolean {
  if (condition === undefined) return true;
  if (!condition || typeof condition !== 'object') return false;
  const context = CONTEXT_KEYS(req);
  for (const [rawOperator, block] of Object.entries(condition as Record<string, unknown>)) {
    if (!block || typeof block !== 'object') return false;
    const ifExists = rawOperator.endsWith('IfExists');
    const operator = ifExists ? rawOperator.slice(0, -'IfExists'.length) : rawOperator;
    for (const [key, expected] of Object.entries(block as Record<string, unknown>)) {
      const value = context[key.toLowerCase()];
      if (value === undefined) {
        if (ifExists) continue;
        return false;
      }
      if (!operatorHolds(operator, asList(expected), value)) return false;
    }
  }
  return true;
}

function operatorHolds(operator: string, expected: string[], value: string): boolean {
  switch (operator) {
    case 'ArnEquals':
    case 'StringEquals':
      return expected.includes(value);
    case 'StringEqualsIgnoreCase':
      return expected.some((e) => e.toLowerCase() === value.toLowerCase());
    case 'ArnLike':
    case 'StringLike':
      return expected.some((e) => wildcard(e, value, false));
    case 'ArnNotEquals':
    case 'StringNotEquals':
      return !expected.includes(value);
    case 'ArnNotLike':
    case 'StringNotLike':
      return !expected.some((e) => wildcard(e, value, false));
    default:
      return false;
  }
}
