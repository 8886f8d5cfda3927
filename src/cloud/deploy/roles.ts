// Execution roles. The emulators accept any role ARN. On AWS: the role from the settings,
// else `LabRole` when it exists (AWS Academy accounts cannot create roles), else one role per
// function or state machine that we create with exactly what SAM would give it (its Policies,
// expanded as SAM does; see rolePolicies.ts) and delete on teardown. Under LabRole or a
// configured role the template's Policies cannot be applied: the deploy says which.
import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetRoleCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { createHash } from 'node:crypto';
import type { CloudClients } from '../target/clients';
import { ifExists, sleep } from './awsErrors';
import { describePolicy, executionRolePolicies, policyList, type RoleKind, type RoleNeeds } from './rolePolicies';

export type { RoleKind } from './rolePolicies';

const TRUST = (service: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  });

/** Where a role came from: only a role created here carries the template's Policies. */
type RoleSource = 'emulator' | 'configured' | 'LabRole' | 'created';

export class RoleResolver {
  private readonly resolved = new Map<string, Promise<{ arn: string; source: RoleSource }>>();
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
   * `policies` are its template Policies (managed policy names or ARNs, SAM policy templates,
   * inline statements); they are applied only to a role this deployer creates, and again on
   * every deploy. `warn` hears which Policies a LabRole or configured role leaves unapplied.
   */
  async arn(
    kind: RoleKind,
    owner: string,
    policies: unknown = [],
    needs: RoleNeeds = {},
    warn: (message: string) => void = () => undefined,
  ): Promise<string> {
    const key = `${kind}:${owner}`;
    let p = this.resolved.get(key);
    if (!p) {
      p = this.resolve(kind, owner, policies, needs);
      this.resolved.set(key, p);
    }
    const { arn, source } = await p;
    const items = policyList(policies);
    if ((source === 'LabRole' || source === 'configured') && items.length) {
      const role = source === 'LabRole' ? 'LabRole' : `the configured role ${this.clients.target.lambdaRole}`;
      warn(
        `runs as ${role}: its Policies (${items.map(describePolicy).join(', ')}) are not applied; ${role} must already allow what they grant`,
      );
    }
    return arn;
  }

  private async resolve(
    kind: RoleKind,
    owner: string,
    policies: unknown,
    needs: RoleNeeds,
  ): Promise<{ arn: string; source: RoleSource }> {
    const t = this.clients.target;
    const name = this.roleName(kind, owner);
    if (t.kind !== 'aws') return { arn: `arn:aws:iam::${this.accountId}:role/${name}`, source: 'emulator' };
    if (t.lambdaRole)
      return {
        arn: t.lambdaRole.startsWith('arn:') ? t.lambdaRole : `arn:aws:iam::${this.accountId}:role/${t.lambdaRole}`,
        source: 'configured',
      };
    this.labRole ??= ifExists(() => this.clients.iam.send(new GetRoleCommand({ RoleName: 'LabRole' }))).then(
      (r) => r?.Role?.Arn,
    );
    const lab = await this.labRole;
    if (lab) return { arn: lab, source: 'LabRole' };
    // Expanded before anything is created: a template this deployer cannot expand fails here.
    const wanted = executionRolePolicies(kind, policies, needs, {
      partition: 'aws',
      region: t.region,
      accountId: this.accountId,
    });
    const existing = await ifExists(() => this.clients.iam.send(new GetRoleCommand({ RoleName: name })));
    let arn = existing?.Role?.Arn;
    if (!arn) {
      this.note(`creating IAM role ${name}`);
      const role = await this.clients.iam.send(
        new CreateRoleCommand({
          RoleName: name,
          AssumeRolePolicyDocument: TRUST(kind === 'lambda' ? 'lambda.amazonaws.com' : 'states.amazonaws.com'),
        }),
      );
      arn = role.Role!.Arn!;
    }
    if (!this.created.includes(name)) this.created.push(name);
    await this.applyPolicies(name, wanted.managed, wanted.statements);
    // A new role takes seconds before a service may assume it. CreateFunction retries until
    // Lambda accepts the role; Step Functions has no such retry here, so wait for it.
    if (!existing && kind === 'states') await sleep(10_000);
    return { arn, source: 'created' };
  }

  /**
   * Makes the role hold exactly these policies: attaches the managed ones, detaches others a
   * previous template asked for, and (re)writes or removes the inline one — so a changed
   * template takes effect and nothing broader lingers.
   */
  private async applyPolicies(name: string, managed: string[], statements: unknown[]): Promise<void> {
    const iam = this.clients.iam;
    const attached = (await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: name }))).AttachedPolicies ?? [];
    for (const p of attached)
      if (p.PolicyArn && !managed.includes(p.PolicyArn))
        await iam.send(new DetachRolePolicyCommand({ RoleName: name, PolicyArn: p.PolicyArn }));
    for (const policy of managed)
      if (!attached.some((p) => p.PolicyArn === policy))
        await iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: policy }));
    if (statements.length)
      await iam.send(
        new PutRolePolicyCommand({
          RoleName: name,
          PolicyName: 'lesson',
          PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: statements }),
        }),
      );
    else if (((await iam.send(new ListRolePoliciesCommand({ RoleName: name }))).PolicyNames ?? []).includes('lesson'))
      await iam.send(new DeleteRolePolicyCommand({ RoleName: name, PolicyName: 'lesson' }));
  }

  /** Deletes a role this deployer created. */
  async deleteRole(name: string): Promise<void> {
    const iam = this.clients.iam;
    const attached = await ifExists(() => iam.send(new ListAttachedRolePoliciesCommand({ RoleName: name })));
    if (!attached) return;
    for (const p of attached.AttachedPolicies ?? [])
      await iam.send(new DetachRolePolicyCommand({ RoleName: name, PolicyArn: p.PolicyArn }));
    for (const p of (await iam.send(new ListRolePoliciesCommand({ RoleName: name }))).PolicyNames ?? [])
      await iam.send(new DeleteRolePolicyCommand({ RoleName: name, PolicyName: p }));
    await ifExists(() => iam.send(new DeleteRoleCommand({ RoleName: name })));
  }
}
