// Execution roles. The emulators accept any role ARN. On AWS: the role from the settings,
// else `LabRole` when it exists (AWS Academy accounts cannot create roles), else one role per
// function or state machine that we create with what its Policies ask (and delete on teardown).
import { AttachRolePolicyCommand, CreateRoleCommand, DeleteRoleCommand, DeleteRolePolicyCommand, DetachRolePolicyCommand, GetRoleCommand, ListAttachedRolePoliciesCommand, ListRolePoliciesCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { createHash } from 'node:crypto';
import type { CloudClients } from '../target/clients';
import { ifExists, sleep } from './awsErrors';

export type RoleKind = 'lambda' | 'states';

const TRUST = (service: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });

const MANAGED = {
  lambda: ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole', 'arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole'],
  states: ['arn:aws:iam::aws:policy/service-role/AWSLambdaRole'],
};

export class RoleResolver {
  private readonly resolved = new Map<string, Promise<string>>();
  /** AWS Academy's LabRole, looked up once for all functions and state machines. */
  private labRole?: Promise<string | undefined>;

  constructor(
    private readonly clients: CloudClients,
    private readonly stack: string,
    private readonly accountId: string,
    /** Roles created here, so teardown can delete them. */
    readonly created: string[],
    private readonly note: (message: string) => void = () => undefined,
  ) {}

  /** One role per function or state machine, as SAM makes them, so each gets only its own Policies. */
  roleName(kind: RoleKind, owner: string): string {
    const name = `${this.stack}-${owner}-role`;
    if (name.length <= 64) return name;
    // IAM caps names at 64: keep a readable head and a hash that keeps long names apart.
    return `${name.slice(0, 55)}-${createHash('sha256').update(`${kind}:${name}`).digest('hex').slice(0, 8)}`;
  }

  /**
   * The role ARN for a function (or state machine) `owner`, its template logical id.
   * `extraPolicies` are the managed policy ARNs and inline statements its Policies ask for;
   * they are applied only to a role this deployer creates, and again on every deploy.
   */
  arn(kind: RoleKind, owner: string, extraPolicies: unknown[] = []): Promise<string> {
    const key = `${kind}:${owner}`;
    let p = this.resolved.get(key);
    if (!p) {
      p = this.resolve(kind, owner, extraPolicies);
      this.resolved.set(key, p);
    }
    return p;
  }

  private async resolve(kind: RoleKind, owner: string, extraPolicies: unknown[]): Promise<string> {
    const t = this.clients.target;
    const name = this.roleName(kind, owner);
    if (t.kind !== 'aws') return `arn:aws:iam::${this.accountId}:role/${name}`;
    if (t.lambdaRole) return t.lambdaRole.startsWith('arn:') ? t.lambdaRole : `arn:aws:iam::${this.accountId}:role/${t.lambdaRole}`;
    this.labRole ??= ifExists(() => this.clients.iam.send(new GetRoleCommand({ RoleName: 'LabRole' }))).then((r) => r?.Role?.Arn);
    const lab = await this.labRole;
    if (lab) return lab;
    const existing = await ifExists(() => this.clients.iam.send(new GetRoleCommand({ RoleName: name })));
    let arn = existing?.Role?.Arn;
    if (!arn) {
      this.note(`creating IAM role ${name}`);
      const role = await this.clients.iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: TRUST(kind === 'lambda' ? 'lambda.amazonaws.com' : 'states.amazonaws.com') }));
      arn = role.Role!.Arn!;
    }
    if (!this.created.includes(name)) this.created.push(name);
    await this.applyPolicies(kind, name, extraPolicies);
    // A new role takes seconds before a service may assume it. CreateFunction retries until
    // Lambda accepts the role; Step Functions has no such retry here, so wait for it.
    if (!existing && kind === 'states') await sleep(10_000);
    return arn;
  }

  /** Attaches the managed policies and (re)writes the inline one: both are idempotent, so a changed template takes effect. */
  private async applyPolicies(kind: RoleKind, name: string, extraPolicies: unknown[]): Promise<void> {
    const managed = [...MANAGED[kind], ...extraPolicies.filter((p): p is string => typeof p === 'string').map((p) => (p.startsWith('arn:') ? p : `arn:aws:iam::aws:policy/${p}`))];
    for (const policy of managed) await this.clients.iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: policy }));
    const statements = extraPolicies.filter((p): p is { Statement: unknown[] } => !!p && typeof p === 'object' && 'Statement' in p).flatMap((p) => p.Statement);
    // SAM policy templates (e.g. LambdaInvokePolicy, S3CrudPolicy) become one broad inline policy.
    if (extraPolicies.some((p) => p && typeof p === 'object' && !('Statement' in p))) {
      statements.push({ Effect: 'Allow', Action: ['lambda:InvokeFunction', 's3:*', 'sqs:*', 'states:*', 'logs:*'], Resource: '*' });
    }
    if (statements.length) await this.clients.iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: 'lesson', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: statements }) }));
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
