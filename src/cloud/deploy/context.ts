// What every resource handler gets: clients, names, intrinsic resolution against what is
// already deployed, and a way to report progress.
import type { CloudClients } from '../target/clients';
import type { Target } from '../target/target';
import type { CfnResource, LessonTemplate } from '../template/model';
import type { DeployedResource, DeploymentState } from './deploymentState';
import type { RoleResolver } from './roles';

export type DeployPhase =
  'creating' | 'updating' | 'unchanged' | 'created' | 'updated' | 'deleting' | 'deleted' | 'absent' | 'failed';

export interface DeployProgress {
  logicalId: string;
  type: string;
  phase: DeployPhase;
  /** Position in this run, for "3/12". */
  index: number;
  total: number;
  message?: string;
  /** Said once the resource is deployed: what the deploy could not do as the template asks (e.g. Policies under LabRole). */
  warnings?: string[];
}

export interface DeployContext {
  readonly clients: CloudClients;
  readonly target: Target;
  readonly lessonId: string;
  /** Other folders of the lesson whose prebuilt bundles may stand in for missing npm packages. */
  readonly prebuiltCopies: readonly string[];
  readonly stack: string;
  readonly accountId: string;
  readonly region: string;
  readonly template: LessonTemplate;
  readonly state: DeploymentState;
  readonly roles: RoleResolver;
  /** REST APIs whose resources or methods changed in this run (their deployments are redone). */
  readonly changedApis: Set<string>;
  physicalName(resource: CfnResource): string;
  /** Resolves intrinsics; throws when a referenced resource is not deployed yet. */
  resolve(value: unknown): unknown;
  /** Reports an intermediate step of the current resource (e.g. "waiting for the function to be active"). */
  note(message: string): void;
  /** Something the user must know about the current resource; reported with its outcome. */
  warn(message: string): void;
}

export type DeployOutcome = 'created' | 'updated' | 'unchanged';

export interface DeployResult {
  ref: string;
  attributes: Record<string, string>;
  outcome: DeployOutcome;
  hash?: string;
}

/** Create-or-update and delete for one resource type. */
export interface ResourceHandler {
  deploy(
    resource: CfnResource,
    props: Record<string, unknown>,
    ctx: DeployContext,
    previous?: DeployedResource,
  ): Promise<DeployResult>;
  /** Deletes it if it exists; false when there was nothing to delete. */
  remove(resource: CfnResource, ctx: DeployContext, previous?: DeployedResource): Promise<boolean>;
}
