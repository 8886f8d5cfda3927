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
  /** Limits a lambda:InvokeFunction statement to calls that come through a function URL. */
  InvokedViaFunctionUrl?: boolean;
}

export function buildStatement(input: PermissionInput, resource: string): PolicyStatement {
  const principal =
    input.Principal === '*'
      ? '*'
      : input.Principal.endsWith('.amazonaws.com')
        ? { Service: input.Principal }
        : { AWS: /^\d{12}$/.test(input.Principal) ? `arn:aws:iam::${input.Principal}:root` : input.Principal };
  const condition: Record<string, Record<string, string>> = {};
  if (input.SourceArn) condition.ArnLike = { 'AWS:SourceArn': input.SourceArn };
  if (input.SourceAccount) condition.StringEquals = { 'AWS:SourceAccount': input.SourceAccount };
  if (input.FunctionUrlAuthType)
    condition.StringEquals = {
      ...(condition.StringEquals ?? {}),
      'lambda:FunctionUrlAuthType': input.FunctionUrlAuthType,
    };
  if (input.PrincipalOrgID)
    condition.StringEquals = { ...(condition.StringEquals ?? {}), 'aws:PrincipalOrgID': input.PrincipalOrgID };
  if (input.InvokedViaFunctionUrl === true) condition.Bool = { 'lambda:InvokedViaFunctionUrl': 'true' };
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
  const re = pattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${re}$`).test(value);
}

/** Statements that apply to a call: the unqualified function's plus those of its qualifier. */
export function statementsFor(record: FunctionRecord, qualifier: string | undefined): PolicyStatement[] {
  return [...(record.policies[''] ?? []), ...(qualifier ? (record.policies[qualifier] ?? []) : [])];
}

/** Does any statement let `principal` invoke the function for this source? */
export function allowsInvoke(
  statements: PolicyStatement[],
  request: { principal: string; sourceArn?: string; sourceAccount?: string },
): boolean {
  return statements.some((s) => {
    const p = s.Principal;
    const principalOk =
      p === '*' || (typeof p === 'object' && (p.Service === request.principal || p.AWS === request.principal));
    if (!principalOk) return false;
    if (!['lambda:InvokeFunction', 'lambda:*', '*'].includes(s.Action)) return false;
    if (viaUrlOnly(s)) return false; // a service's call never comes through a function URL
    const arn = s.Condition?.ArnLike?.['AWS:SourceArn'] ?? s.Condition?.ArnEquals?.['AWS:SourceArn'];
    if (arn && (!request.sourceArn || !arnLike(arn, request.sourceArn))) return false;
    const account = s.Condition?.StringEquals?.['AWS:SourceAccount'];
    if (account && request.sourceAccount !== undefined && account !== request.sourceAccount) return false;
    return true;
  });
}

const everyone = (s: PolicyStatement) =>
  s.Principal === '*' || (typeof s.Principal === 'object' && s.Principal.AWS === '*');

const viaUrlOnly = (s: PolicyStatement) => s.Condition?.Bool?.['lambda:InvokedViaFunctionUrl'] === 'true';

/**
 * Does the policy let everyone call a function URL of AuthType NONE? Since October 2025 AWS needs
 * both lambda:InvokeFunctionUrl (FunctionUrlAuthType NONE) and lambda:InvokeFunction (usually
 * limited by the condition lambda:InvokedViaFunctionUrl) for principal "*"; with only the first,
 * the URL answers 403 (AWS Lambda guide, "Control access to Lambda function URLs",
 * https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html, read 2026-12-03).
 */
export function missingPublicUrlActions(statements: PolicyStatement[]): string[] {
  const url = statements.some((s) => {
    const authType = s.Condition?.StringEquals?.['lambda:FunctionUrlAuthType'];
    return (
      everyone(s) &&
      ['lambda:InvokeFunctionUrl', 'lambda:*', '*'].includes(s.Action) &&
      (!authType || authType === 'NONE')
    );
  });
  const invoke = statements.some(
    (s) =>
      everyone(s) &&
      ['lambda:InvokeFunction', 'lambda:*', '*'].includes(s.Action) &&
      !s.Condition?.ArnLike &&
      !s.Condition?.ArnEquals &&
      !s.Condition?.StringEquals?.['AWS:SourceAccount'],
  );
  return [...(url ? [] : ['lambda:InvokeFunctionUrl']), ...(invoke ? [] : ['lambda:InvokeFunction'])];
}
