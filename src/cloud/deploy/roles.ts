// Execution roles. The emulators accept any role ARN. On AWS: the role from the settings,
// else `LabRole` when it exists (AWS Academy accounts cannot create roles), else a role we
// create with what the template asks (and delete on teardown).
import { AttachRolePolicyCommand, CreateRoleCommand, DeleteRoleCommand, DeleteRolePolicyCommand, DetachRolePolicyCommand, GetRoleCommand, ListAttachedRolePoliciesCommand, ListRolePoliciesCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import type { CloudClients } from '../target/clients';
import { ifExists, sleep } from './awsErrors';

export type RoleKind = 'lambda' | 'states';

const TRUST = (service: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });

const MANAGED = {
  lambda: ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole', 'arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole'],
  states: ['arn:aws:iam::aws:policy/service-role/AWSLambdaRole'],
};

export class RoleResolver {
  private readonly resolved = new Map<RoleKind, Promise<string>>();

  constructor(
    private readonly clients: CloudClients,
    private readonly stack: string,
    private readonly accountId: string,
    /** Roles created here, so teardown can delete them. */
    readonly created: string[],
    private readonly note: (message: string) => void = () => undefined,
  ) {}

  roleName(kind: RoleKind): string {
    return `${this.stack}-${kind}-role`.slice(0, 64);
  }

  /**
   * The role ARN for functions (or state machines). `extraPolicies` are managed policy ARNs and
   * inline statements the template's Policies ask for (only used when we create the role).
   */
  arn(kind: RoleKind, extraPolicies: unknown[] = []): Promise<string> {
    let p = this.resolved.get(kind);
    if (!p) {
      p = this.resolve(kind, extraPolicies);
      this.resolved.set(kind, p);
    }
    return p;
  }

  private async resolve(kind: RoleKind, extraPolicies: unknown[]): Promise<string> {
    const t = this.clients.target;
    if (t.kind !== 'aws') return `arn:aws:iam::${this.accountId}:role/${this.roleName(kind)}`;
    if (t.lambdaRole) return t.lambdaRole.startsWith('arn:') ? t.lambdaRole : `arn:aws:iam::${this.accountId}:role/${t.lambdaRole}`;
    const lab = await ifExists(() => this.clients.iam.send(new GetRoleCommand({ RoleName: 'LabRole' })));
    if (lab?.Role?.Arn) return lab.Role.Arn;
    const name = this.roleName(kind);
    const existing = await ifExists(() => this.clients.iam.send(new GetRoleCommand({ RoleName: name })));
    if (existing?.Role?.Arn) {
      if (!this.created.includes(name)) this.created.push(name);
      return existing.Role.Arn;
    }
    this.note(`creating IAM role ${name}`);
    const role = await this.clients.iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: TRUST(kind === 'lambda' ? 'lambda.amazonaws.com' : 'states.amazonaws.com') }));
    this.created.push(name);
    const managed = [...MANAGED[kind], ...extraPolicies.filter((p): p is string => typeof p === 'string').map((p) => (p.startsWith('arn:') ? p : `arn:aws:iam::aws:policy/${p}`))];
    for (const policy of managed) await this.clients.iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: policy }));
    const statements = extraPolicies.filter((p): p is { Statement: unknown[] } => !!p && typeof p === 'object' && 'Statement' in p).flatMap((p) => p.Statement);
    // SAM policy templates (e.g. LambdaInvokePolicy, S3CrudPolicy) become one broad inline policy.
    if (extraPolicies.some((p) => p && typeof p === 'object' && !('Statement' in p))) {
      statements.push({ Effect: 'Allow', Action: ['lambda:InvokeFunction', 's3:*', 'sqs:*', 'states:*', 'logs:*'], Resource: '*' });
    }
    if (statements.length) await this.clients.iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: 'lesson', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: statements }) }));
    await sleep(10_000); // a new role takes seconds before Lambda may assume it
    return role.Role!.Arn!;
  }

  /** Deletes a role this deployer created. */
  async deleteRole(name: string): Promise<void> {
    const iam = this.clients.iam;
    const attached = await ifExists(() => iam.send(new ListAttachedRolePoliciesCommand({ RoleName: name })));
    if (!attached) return;
    for (const p of attached.AttachedPolicies ?? []) await iam.send(new DetachRolePolicyCommand({ RoleName: name, PolicyArn: p.PolicyArn }));
    for (const p of (await iam.send(new ListRolePoliciesCommand({ RoleName: name }))).PolicyNames ?? []) await iam.send(new DeleteRolePolicyCommand({ RoleName: name, PolicyName: p }));
    await ifExists(() => iam.send(new DeleteRoleCommand({ RoleName: name })));
  }
}
