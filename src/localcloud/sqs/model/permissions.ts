// AddPermission/RemovePermission: statements added to and removed from a queue's access policy
// by label (the statement's Sid). The policy is kept as the JSON text of the Policy attribute.
import { InvalidParameterValue } from '../errors';

type Policy = { Version?: string; Id?: string; Statement: Array<Record<string, unknown>> };

/** The policy text with a statement allowing `accounts` the SQS `actions` on the queue. */
export function withPermission(
  policyText: string | undefined,
  queueArn: string,
  label: string,
  accounts: string[],
  actions: string[],
): string {
  const policy: Policy = policyText
    ? (JSON.parse(policyText) as Policy)
    : { Version: '2012-10-17', Id: `${queueArn}/SQSDefaultPolicy`, Statement: [] };
  if (policy.Statement.some((s) => s.Sid === label)) throw InvalidParameterValue.of('Label', label, 'Already exists.');
  policy.Statement.push({
    Sid: label,
    Effect: 'Allow',
    Principal: { AWS: accounts.map((a) => `arn:aws:iam::${a}:root`) },
    Action: actions.map((a) => `SQS:${a}`),
    Resource: queueArn,
  });
  return JSON.stringify(policy);
}

/** The policy text without the statement `label` ('' once no statement is left). */
export function withoutPermission(policyText: string | undefined, label: string): string {
  const policy: Policy = policyText ? (JSON.parse(policyText) as Policy) : { Statement: [] };
  const rest = policy.Statement.filter((s) => s.Sid !== label);
  if (rest.length === policy.Statement.length) throw InvalidParameterValue.of('Label', label, "can't find label.");
  return rest.length ? JSON.stringify({ ...policy, Statement: rest }) : '';
}
