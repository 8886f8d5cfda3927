// Deploys a lesson's resources to a target in dependency order, create-or-update, and tears
// them down in reverse order. Progress goes to a callback; what was deployed (ids, attributes,
// outputs) is recorded per target in the lesson's `.hoc/state-<target>.json`.
import type { CloudClients } from '../target/clients';
import { deploymentClosure, deploymentOrder } from '../template/graph';
import { resolveIntrinsics } from '../template/intrinsics';
import type { CfnResource, LessonTemplate } from '../template/model';
import type { DeployContext, DeployProgress } from './context';
import { emptyState, loadState, saveState, statePath, type DeploymentState } from './deploymentState';
import { rewriteAwsUrl } from './invokeUrls';
import { physicalName, stackName } from './naming';
import { RESOURCE_HANDLERS } from './resources';
import { RoleResolver } from './roles';
import { parameterValues } from './parameters';
import { hintFor } from './errorHints';

export interface DeployerOptions {
  lessonId: string;
  lessonDir: string;
  template: LessonTemplate;
  clients: CloudClients;
  onProgress?: (p: DeployProgress) => void;
  /** Parameter values overriding the template's defaults. */
  parameters?: Record<string, string>;
  /** Stops between resources (a resource being created finishes first). */
  signal?: AbortSignal;
  /** Other folders of this lesson whose prebuilt bundles may stand in (see packaging/prebuilt.ts). */
  prebuiltCopies?: readonly string[];
}

export class DeployError extends Error {
  constructor(
    readonly logicalId: string,
    readonly type: string,
    cause: unknown,
  ) {
    const name = (cause as { name?: string })?.name;
    const hint = hintFor(cause);
    super(
      `Deploying ${logicalId} (${type}) failed: ${name && name !== 'Error' ? `${name}: ` : ''}${(cause as Error)?.message ?? String(cause)}${hint ? ` — ${hint}` : ''}`,
    );
  }
}

export class Deployer {
  private readonly stack: string;
  private readonly path: string;

  constructor(private readonly o: DeployerOptions) {
    this.stack = stackName(o.lessonId, o.clients.target.suffix);
    this.path = statePath(o.lessonDir, o.clients.target.kind);
  }

  /** What is recorded for this target (possibly nothing). */
  state(): DeploymentState {
    const t = this.o.clients.target;
    return loadState(this.path, emptyState(this.o.lessonId, t.kind, t.region, t.endpoint, t.suffix));
  }

  /** Physical name of an authored or generated logical ID. */
  physicalName(logicalId: string): string {
    const r = this.o.template.resources[logicalId];
    return physicalName(this.stack, logicalId, r?.type ?? '', r?.properties);
  }

  /** The resources deploying `ids` involves, in order; all of them when ids is undefined. */
  plan(ids?: readonly string[]): string[] {
    const all = this.o.template.resources;
    return deploymentOrder(all, ids ? deploymentClosure(ids, all) : undefined);
  }

  async deploy(ids?: readonly string[], listener?: (p: DeployProgress) => void): Promise<DeploymentState> {
    const state = this.state();
    const ctx = await this.context(state);
    const order = this.plan(ids);
    try {
      for (const [i, id] of order.entries()) {
        this.o.signal?.throwIfAborted();
        const r = this.o.template.resources[id];
        const warnings: string[] = [];
        const report = (phase: DeployProgress['phase'], message?: string) => {
          const p = {
            logicalId: id,
            type: r.type,
            phase,
            index: i + 1,
            total: order.length,
            message,
            ...(warnings.length && phase !== 'creating' && phase !== 'updating' ? { warnings: [...warnings] } : {}),
          };
          this.o.onProgress?.(p);
          listener?.(p);
        };
        const current = {
          ...ctx,
          note: (m: string) => report(state.resources[id] ? 'updating' : 'creating', m),
          warn: (m: string) => void warnings.push(m),
        };
        report(state.resources[id] ? 'updating' : 'creating');
        try {
          const props = ctx.resolve(r.properties) as Record<string, unknown>;
          const result = await RESOURCE_HANDLERS[r.type].deploy(r, props, current, state.resources[id]);
          state.resources[id] = {
            logicalId: id,
            type: r.type,
            ref: result.ref,
            attributes: result.attributes,
            hash: result.hash,
            deployedAt: new Date().toISOString(),
          };
          report(result.outcome);
        } catch (e) {
          report('failed', (e as Error).message);
          throw new DeployError(id, r.type, e);
        }
        saveState(this.path, state);
      }
      state.outputs = this.outputs(ctx);
    } finally {
      saveState(this.path, state);
    }
    return state;
  }

  /**
   * Deletes every resource of the template that exists on the target, in reverse dependency
   * order (whether or not the state file knows it), then the roles it created.
   */
  async teardown(): Promise<string[]> {
    const state = this.state();
    const ctx = await this.context(state);
    const order = this.plan().reverse();
    const deleted: string[] = [];
    for (const [i, id] of order.entries()) {
      const r = this.o.template.resources[id];
      const report = (phase: DeployProgress['phase'], message?: string) =>
        this.o.onProgress?.({ logicalId: id, type: r.type, phase, index: i + 1, total: order.length, message });
      report('deleting');
      try {
        const removed = await RESOURCE_HANDLERS[r.type].remove(
          r,
          { ...ctx, note: (m) => report('deleting', m) },
          state.resources[id],
        );
        if (removed) deleted.push(id);
        report(removed ? 'deleted' : 'absent');
      } catch (e) {
        report('failed', (e as Error).message);
        throw new DeployError(id, r.type, e);
      }
      delete state.resources[id];
      saveState(this.path, state);
    }
    for (const role of [...state.createdRoles]) {
      await ctx.roles.deleteRole(role);
      state.createdRoles.splice(state.createdRoles.indexOf(role), 1);
    }
    state.outputs = {};
    saveState(this.path, state);
    return deleted;
  }

  private async context(state: DeploymentState): Promise<DeployContext> {
    const { clients, template } = this.o;
    const accountId = await clients.accountId();
    const region = clients.target.region;
    const stack = this.stack;
    const pseudo: Record<string, string> = {
      'AWS::Region': region,
      'AWS::AccountId': accountId,
      'AWS::Partition': 'aws',
      'AWS::StackName': stack,
      'AWS::StackId': `arn:aws:cloudformation:${region}:${accountId}:stack/${stack}/hands-on-cloud`,
      'AWS::URLSuffix': 'amazonaws.com',
    };
    const params = parameterValues(template, { ...clients.target.parameters, ...this.o.parameters });
    const notDeployed = (id: string) =>
      new Error(`${id} is not deployed on ${clients.target.kind} yet; deploy the step that creates it first`);
    const ctx: DeployContext = {
      clients,
      target: clients.target,
      lessonId: this.o.lessonId,
      prebuiltCopies: this.o.prebuiltCopies ?? [],
      stack,
      accountId,
      region,
      template,
      state,
      roles: new RoleResolver(clients, stack, accountId, state.createdRoles),
      changedApis: new Set(),
      physicalName: (r: CfnResource) => physicalName(stack, r.logicalId, r.type, r.properties),
      note: () => undefined,
      warn: () => undefined,
      resolve: (value) =>
        resolveIntrinsics(value, {
          ref: (name) => {
            if (name in pseudo) return pseudo[name];
            if (name in params) {
              const v = params[name];
              if (v === undefined)
                throw new Error(
                  `template parameter ${name} has no Default and no value: set it in the handsOnCloud.templateParameters setting, or pass --parameter ${name}=VALUE to hoc lab run`,
                );
              return v;
            }
            const d = state.resources[name];
            if (!d) throw notDeployed(name);
            return d.ref;
          },
          getAtt: (id, attr) => {
            const d = state.resources[id];
            if (!d) throw notDeployed(id);
            const v = d.attributes[attr];
            if (v === undefined) throw new Error(`${id} has no attribute ${attr} on this target`);
            return v;
          },
        }),
    };
    return ctx;
  }

  /** Template outputs whose inputs are deployed, in the form this target answers. */
  private outputs(ctx: DeployContext): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, o] of Object.entries(this.o.template.outputs)) {
      try {
        out[name] = rewriteAwsUrl(String(ctx.resolve(o.Value)), ctx.target);
      } catch {
        // an output of a step not deployed yet
      }
    }
    return out;
  }
}
