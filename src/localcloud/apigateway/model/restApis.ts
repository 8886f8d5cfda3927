// CreateRestApi … DeleteRestApi and the resource tree (CreateResource, GetResources, DeleteResource).
import type { Resource, RestApi } from './entities';
import { resourcePath } from './events';
import { newId } from './ids';
import type { ApiStore } from './store';
import { checkPathPart, isGreedyPart, isVariablePart, optionalString } from './validation';
import { BadRequestException, ConflictException } from '../errors';

export interface CreateRestApiInput {
  name?: unknown;
  description?: unknown;
  version?: unknown;
  binaryMediaTypes?: unknown;
  minimumCompressionSize?: unknown;
  apiKeySource?: unknown;
  endpointConfiguration?: { types?: unknown; ipAddressType?: unknown };
  policy?: unknown;
  tags?: unknown;
  disableExecuteApiEndpoint?: unknown;
}

const ENDPOINT_TYPES = ['EDGE', 'REGIONAL', 'PRIVATE'];

export function createRestApi(store: ApiStore, input: CreateRestApiInput, now: number): RestApi {
  const name = optionalString(input.name, 'name');
  if (!name) throw new BadRequestException('Name cannot be empty');
  const description = optionalString(input.description, 'description');
  if (description === '') throw new BadRequestException('Description cannot be an empty string');
  const compression = input.minimumCompressionSize;
  if (
    compression !== undefined &&
    (typeof compression !== 'number' || !Number.isInteger(compression) || compression < 0 || compression > 10485760)
  ) {
    throw new BadRequestException('Invalid minimum compression size, must be between 0 and 10485760');
  }
  const binaryMediaTypes = input.binaryMediaTypes;
  if (
    binaryMediaTypes !== undefined &&
    (!Array.isArray(binaryMediaTypes) || binaryMediaTypes.some((t) => typeof t !== 'string'))
  ) {
    throw new BadRequestException('binaryMediaTypes must be a list of media types such as image/png or */*.');
  }
  const types = input.endpointConfiguration?.types ?? ['EDGE'];
  if (!Array.isArray(types) || types.length !== 1 || !ENDPOINT_TYPES.includes(String(types[0]))) {
    throw new BadRequestException(
      'Invalid endpoint configuration: give exactly one of EDGE, REGIONAL or PRIVATE in endpointConfiguration.types.',
    );
  }
  const id = newId(10, (i) => store.apis.has(i));
  const rootResourceId = newId(10);
  const api: RestApi = {
    id,
    name,
    description,
    version: optionalString(input.version, 'version'),
    createdDate: now,
    binaryMediaTypes:
      binaryMediaTypes && (binaryMediaTypes as string[]).length > 0 ? [...(binaryMediaTypes as string[])] : undefined,
    minimumCompressionSize: compression as number | undefined,
    apiKeySource: optionalString(input.apiKeySource, 'apiKeySource') ?? 'HEADER',
    endpointConfiguration: {
      types: [String(types[0])],
      ipAddressType: optionalString(input.endpointConfiguration?.ipAddressType, 'ipAddressType') ?? 'ipv4',
    },
    policy: optionalString(input.policy, 'policy'),
    tags: input.tags && typeof input.tags === 'object' ? { ...(input.tags as Record<string, string>) } : undefined,
    disableExecuteApiEndpoint: input.disableExecuteApiEndpoint === true,
    rootResourceId,
    resources: { [rootResourceId]: { id: rootResourceId, methods: {} } },
    deployments: {},
    stages: {},
  };
  store.commit({ t: 'apiPut', api });
  return api;
}

export function deleteRestApi(store: ApiStore, apiId: string): void {
  store.api(apiId);
  store.commit({ t: 'apiDeleted', apiId });
}

/** Resources in the order API Gateway lists them (by path). */
export function listResources(api: RestApi): Array<Resource & { path: string }> {
  return Object.values(api.resources)
    .map((r) => ({ ...r, path: resourcePath(api, r.id) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function createResource(
  store: ApiStore,
  apiId: string,
  parentId: string,
  pathPartInput: unknown,
): Resource & { path: string } {
  const { api, resource: parent } = store.resource(apiId, parentId);
  const pathPart = checkPathPart(pathPartInput);
  if (isGreedyPart(parent.pathPart))
    throw new BadRequestException(
      `Cannot create a child of a resource with a greedy path variable: ${parent.pathPart}`,
    );
  const siblings = Object.values(api.resources).filter((r) => r.parentId === parentId);
  if (siblings.some((s) => s.pathPart === pathPart))
    throw new ConflictException(`Another resource with the same parent already has this name: ${pathPart}`);
  const variableSibling = siblings.find((s) => isVariablePart(s.pathPart));
  if (isVariablePart(pathPart) && variableSibling) {
    throw new BadRequestException(
      `A sibling (${variableSibling.pathPart}) of this resource already has a variable path part -- only one is allowed`,
    );
  }
  const resource: Resource = { id: newId(6, (i) => i in api.resources), parentId, pathPart, methods: {} };
  store.commit({ t: 'resourcePut', apiId, resource });
  return { ...resource, path: resourcePath(api, resource.id) };
}

export function deleteResource(store: ApiStore, apiId: string, resourceId: string): void {
  const { api } = store.resource(apiId, resourceId);
  if (resourceId === api.rootResourceId) throw new BadRequestException('Cannot delete the root resource of an API.');
  store.commit({ t: 'resourceDeleted', apiId, resourceId });
}

export function getResource(store: ApiStore, apiId: string, resourceId: string): Resource & { path: string } {
  const { api, resource } = store.resource(apiId, resourceId);
  return { ...resource, path: resourcePath(api, resource.id) };
}
