// What an execution role Hands-on Cloud creates holds: exactly what SAM would give the
// function or state machine. Facts (read 2026-12-03):
// - SAM's generated function role: AWSLambdaBasicExecutionRole, plus the template's Policies;
//   an SQS event source adds AWSLambdaSQSQueueExecutionRole (aws/serverless-application-model,
//   samtranslator/model/eventsources/pull.py); VpcConfig adds AWSLambdaVPCAccessExecutionRole
//   (samtranslator/model/sam_resources.py). A state machine's role holds its Policies only.
// - AWSLambdaVPCAccessExecutionRole grants the ENI actions Lambda needs in a VPC:
//   ec2:CreateNetworkInterface, DescribeNetworkInterfaces, DescribeSubnets, DeleteNetworkInterface,
//   AssignPrivateIpAddresses, UnassignPrivateIpAddresses, and CloudWatch Logs writes
//   (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaVPCAccessExecutionRole.html).
import { expandPolicyTemplate, type ArnScope, type IamStatement } from './samPolicyTemplates';

export type RoleKind = 'lambda' | 'states';

export interface RoleNeeds {
  /** The function reads an SQS queue through an event source mapping. */
  sqsEventSource?: boolean;
  /** The function has a VpcConfig with subnets. */
  vpc?: boolean;
}

export interface RolePolicies {
  managed: string[];
  statements: IamStatement[];
}

const AWS_MANAGED = (partition: string, name: string) => `arn:${partition}:iam::aws:policy/${name}`;

/** `Policies` as a template writes it: one item or a list. */
export function policyList(policies: unknown): unknown[] {
  return policies === undefined || policies === null ? [] : Array.isArray(policies) ? policies : [policies];
}

/** A policy item in a sentence: a managed policy's name, a template's name, or "an inline policy". */
export function describePolicy(p: unknown): string {
  if (typeof p === 'string') return p.replace(/^arn:[^:]+:iam::aws:policy\//, '');
  if (p && typeof p === 'object') {
    if ('Statement' in p) return 'an inline policy';
    const [name] = Object.keys(p);
    if (name) return name;
  }
  return JSON.stringify(p);
}

export function executionRolePolicies(
  kind: RoleKind,
  policies: unknown,
  needs: RoleNeeds,
  scope: ArnScope,
): RolePolicies {
  const managed: string[] = [];
  if (kind === 'lambda') {
    managed.push(AWS_MANAGED(scope.partition, 'service-role/AWSLambdaBasicExecutionRole'));
    if (needs.sqsEventSource) managed.push(AWS_MANAGED(scope.partition, 'service-role/AWSLambdaSQSQueueExecutionRole'));
    if (needs.vpc) managed.push(AWS_MANAGED(scope.partition, 'service-role/AWSLambdaVPCAccessExecutionRole'));
  }
  const statements: IamStatement[] = [];
  for (const p of policyList(policies)) {
    if (typeof p === 'string') managed.push(p.startsWith('arn:') ? p : AWS_MANAGED(scope.partition, p));
    else if (p && typeof p === 'object' && 'Statement' in p)
      statements.push(...policyList((p as { Statement: unknown }).Statement).map((s) => s as IamStatement));
    else if (p && typeof p === 'object' && Object.keys(p).length === 1) {
      const [[name, params]] = Object.entries(p);
      statements.push(...expandPolicyTemplate(name, params, scope));
    } else
      throw new Error(
        `a Policies item must be a managed policy name, a policy template or { Statement: [...] }, not ${JSON.stringify(p)}`,
      );
  }
  return { managed: [...new Set(managed)], statements };
}
