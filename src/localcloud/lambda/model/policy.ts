// Resource-based policies: statements built from AddPermission, and the check AWS makes when
// a service (API Gateway, S3, …) invokes a function on someone's behalf.
import type { FunctionRecord, PolicyStatement } from './types';

export interface PermissionInput {
  StatementId: string;
  Action: string;
  Principal: string;
  SourceArn?: string;
  SourceAccount?: string;
  FunctionUrlAuthType?: string;
  PrincipalOrgID?: string;
}

export function buildStatement(input: PermissionInput, resource: string): PolicyStatement {
  const principal = input.Principal === '*' ? '*' : input.Principal.endsWith('.amazonaws.com') ? { Service: input.Principal } : { AWS: /^\d{12}$/.test(input.Principal) ? `arn:aws:iam::${input.Principal}:root` : input.Principal };
  const condition: Record<string, Record<string, string>> = {};
  if (input.SourceArn) condition.ArnLike = { 'AWS:SourceArn': input.SourceArn };
  if (input.SourceAccount) condition.StringEquals = { 'AWS:SourceAccount': input.SourceAccount };
  if (input.FunctionUrlAuthType) condition.StringEquals = { ...(condition.StringEquals ?? {}), 'lambda:FunctionUrlAuthType': input.FunctionUrlAuthType };
  if (input.PrincipalOrgID) condition.StringEquals = { ...(condition.StringEquals ?? {}), 'aws:PrincipalOrgID': input.PrincipalOrgID };
  return {
    Sid: input.StatementId,
    Effect: 'Allow',
    Principal: principal,
    Action: input.Action,
    Resource: resource,
    ...(Object.keys(condition).length ? { Condition: condition } : {}),
  };
}

export function policyDocument(statements: PolicyStatement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: statements });
}

/** ArnLike: `*` matches any run of characters, `?` one character. */
function arnLike(pattern: string, value: string): boolean {
  const re = pattern.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${re}$`).test(value);
}

/** Statements that apply to a call: the unqualified function's plus those of its qualifier. */
export function statementsFor(record: FunctionRecord, qualifier: string | undefined): PolicyStatement[] {
  return [...(record.policies[''] ?? []), ...(qualifier ? (record.policies[qualifier] ?? []) : [])];
}

/** Does any statement let `principal` invoke the function for this source? */
export function allowsInvoke(statements: PolicyStatement[], request: { principal: string; sourceArn?: string; sourceAccount?: string }): boolean {
  return statements.some((s) => {
    const p = s.Principal;
    const principalOk = p === '*' || (typeof p === 'object' && (p.Service === request.principal || p.AWS === request.principal));
    if (!principalOk) return false;
    if (!['lambda:InvokeFunction', 'lambda:*', '*'].includes(s.Action)) return false;
    const arn = s.Condition?.ArnLike?.['AWS:SourceArn'] ?? s.Condition?.ArnEquals?.['AWS:SourceArn'];
    if (arn && (!request.sourceArn || !arnLike(arn, request.sourceArn))) return false;
    const account = s.Condition?.StringEquals?.['AWS:SourceAccount'];
    if (account && request.sourceAccount !== undefined && account !== request.sourceAccount) return false;
    return true;
  });
}

/** Does any statement let everyone call a function URL of AuthType NONE (lambda:InvokeFunctionUrl)? */
export function allowsPublicUrl(statements: PolicyStatement[]): boolean {
  return statements.some((s) => {
    const everyone = s.Principal === '*' || (typeof s.Principal === 'object' && s.Principal.AWS === '*');
    const authType = s.Condition?.StringEquals?.['lambda:FunctionUrlAuthType'];
    return everyone && ['lambda:InvokeFunctionUrl', 'lambda:*', '*'].includes(s.Action) && (!authType || authType === 'NONE');
  });
}
