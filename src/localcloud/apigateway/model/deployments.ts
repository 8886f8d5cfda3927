// Deployments (frozen copies of an API) and the stages that serve them.
import type { DeployedApi, Deployment, RestApi, Stage } from './entities';
import { resourcePath } from './events';
import { newId } from './ids';
import { applyStagePatch } from './stagePatch';
import type { ApiStore } from './store';
import { checkStageName, checkVariable, optionalString, stringMap } from './validation';
import { BadRequestException, ConflictException, NotFoundException } from '../errors';

export interface CreateDeploymentInput {
  stageName?: unknown;
  stageDescription?: unknown;
  description?: unknown;
  variables?: unknown;
}

export function createDeployment(
  store: ApiStore,
  apiId: string,
  input: CreateDeploymentInput,
  now: number,
): Deployment {
  const api = store.api(apiId);
  const frozen = freeze(api);
  const deployment: Deployment = {
    id: newId(6, (i) => i in api.deployments),
    description: optionalString(input.description, 'description'),
    createdDate: now,
    api: frozen,
  };
  // An empty stageName means "no stage", as on API Gateway (Terraform's AWS provider sends
  // "" for a deployment without a stage; API Reference CreateDeployment, read 2026-12-03).
  const stageName = optionalString(input.stageName, 'stageName') || undefined;
  const variables = checkVariables(input.variables);
  if (stageName !== undefined) checkStageName(stageName);
  store.commit({ t: 'deploymentPut', apiId, deployment });
  if (stageName !== undefined) {
    const existing = api.stages[stageName];
    const stage: Stage = existing
      ? {
          ...existing,
          deploymentId: deployment.id,
          variables: variables ? { ...existing.variables, ...variables } : existing.variables,
          lastUpdatedDate: now,
        }
      : newStage(stageName, deployment.id, optionalString(input.stageDescription, 'stageDescription'), variables, now);
    store.commit({ t: 'stagePut', apiId, stage });
  }
  return deployment;
}

/** The API as it is now, with every method checked as CreateDeployment checks it. */
function freeze(api: RestApi): DeployedApi {
  const resources = Object.values(api.resources).map((r) => ({
    id: r.id,
    path: resourcePath(api, r.id),
    methods: structuredClone(r.methods),
  }));
  if (!resources.some((r) => Object.keys(r.methods).length > 0))
    throw new BadRequestException("The REST API doesn't contain any methods");
  for (const r of resources) {
    for (const m of Object.values(r.methods)) {
      if (!m?.methodIntegration) throw new BadRequestException('No integration defined for method');
    }
  }
  return {
    apiId: api.id,
    binaryMediaTypes: [...(api.binaryMediaTypes ?? [])],
    gatewayResponses: structuredClone(api.gatewayResponses ?? {}),
    resources,
  };
}

export function getDeployment(store: ApiStore, apiId: string, deploymentId: string): Deployment {
  const deployment = store.api(apiId).deployments[deploymentId];
  if (!deployment) throw NotFoundException.deployment();
  return deployment;
}

export function deleteDeployment(store: ApiStore, apiId: string, deploymentId: string): void {
  const api = store.api(apiId);
  getDeployment(store, apiId, deploymentId);
  if (Object.values(api.stages).some((s) => s.deploymentId === deploymentId)) {
    throw new BadRequestException('Active stages pointing to this deployment must be moved or deleted');
  }
  store.commit({ t: 'deploymentDeleted', apiId, deploymentId });
}

export interface CreateStageInput {
  stageName?: unknown;
  deploymentId?: unknown;
  description?: unknown;
  variables?: unknown;
  tracingEnabled?: unknown;
  tags?: unknown;
}

export function createStage(store: ApiStore, apiId: string, input: CreateStageInput, now: number): Stage {
  const api = store.api(apiId);
  const stageName = checkStageName(input.stageName);
  const deploymentId = optionalString(input.deploymentId, 'deploymentId');
  if (!deploymentId || !api.deployments[deploymentId]) throw NotFoundException.deployment();
  if (api.stages[stageName]) throw new ConflictException('Stage already exists');
  const stage = newStage(
    stageName,
    deploymentId,
    optionalString(input.description, 'description'),
    checkVariables(input.variables),
    now,
  );
  stage.tracingEnabled = input.tracingEnabled === true;
  stage.tags = stringMap<string>(input.tags, 'tags', 'string');
  store.commit({ t: 'stagePut', apiId, stage });
  return stage;
}

export function getStage(store: ApiStore, apiId: string, stageName: string): Stage {
  const stage = store.api(apiId).stages[stageName];
  if (!stage) throw NotFoundException.stage();
  return stage;
}

export function listStages(store: ApiStore, apiId: string, deploymentId?: string): Stage[] {
  return Object.values(store.api(apiId).stages).filter((s) => !deploymentId || s.deploymentId === deploymentId);
}

export function updateStage(
  store: ApiStore,
  apiId: string,
  stageName: string,
  operations: unknown,
  now: number,
): Stage {
  const api = store.api(apiId);
  const current = getStage(store, apiId, stageName);
  const stage = applyStagePatch(structuredClone(current), operations, (id) => id in api.deployments);
  stage.lastUpdatedDate = now;
  store.commit({ t: 'stagePut', apiId, stage });
  return stage;
}

export function deleteStage(store: ApiStore, apiId: string, stageName: string): void {
  getStage(store, apiId, stageName);
  store.commit({ t: 'stageDeleted', apiId, stageName });
}

function newStage(
  stageName: string,
  deploymentId: string,
  description: string | undefined,
  variables: Record<string, string> | undefined,
  now: number,
): Stage {
  return {
    stageName,
    deploymentId,
    description,
    variables,
    cacheClusterEnabled: false,
    tracingEnabled: false,
    methodSettings: {},
    createdDate: now,
    lastUpdatedDate: now,
  };
}

function checkVariables(value: unknown): Record<string, string> | undefined {
  const variables = stringMap<string>(value, 'variables', 'string');
  for (const [name, v] of Object.entries(variables ?? {})) checkVariable(name, v);
  return variables;
}
