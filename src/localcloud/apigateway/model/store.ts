// API Gateway state: every REST API with its resources, deployments and stages. Mutations go
// through commit(), which applies an event and journals it (replay uses the same path).
import type { Journal } from '../../server/journal';
import type { HttpMethod, Integration, Method, Resource, RestApi } from './entities';
import { applyEvent, type ApiGatewayEvent } from './events';
import { NotFoundException } from '../errors';

export const SERVICE_NAME = 'apigateway';

export class ApiStore {
  readonly apis = new Map<string, RestApi>();

  constructor(
    readonly accountId: string,
    readonly region: string,
    private readonly journal: Journal,
  ) {}

  commit(event: ApiGatewayEvent): void {
    applyEvent(this.apis, event);
    this.journal.append(SERVICE_NAME, event);
  }

  /** Replay of a journaled event (no journaling). */
  replay(event: ApiGatewayEvent): void {
    applyEvent(this.apis, event);
  }

  snapshot(): RestApi[] {
    return [...this.apis.values()];
  }

  load(snapshot: unknown): void {
    this.apis.clear();
    for (const api of (snapshot as RestApi[] | undefined) ?? []) this.apis.set(api.id, api);
  }

  api(apiId: string): RestApi {
    const api = this.apis.get(apiId);
    if (!api) throw NotFoundException.api(this.accountId, apiId);
    return api;
  }

  /** API Gateway answers "Invalid Resource identifier" both for an unknown API and an unknown resource. */
  resource(apiId: string, resourceId: string): { api: RestApi; resource: Resource } {
    const api = this.apis.get(apiId);
    const resource = api?.resources[resourceId];
    if (!api || !resource) throw NotFoundException.resource();
    return { api, resource };
  }

  method(
    apiId: string,
    resourceId: string,
    httpMethod: HttpMethod,
  ): { api: RestApi; resource: Resource; method: Method } {
    const { api, resource } = this.resource(apiId, resourceId);
    const method = resource.methods[httpMethod];
    if (!method) throw NotFoundException.method();
    return { api, resource, method };
  }

  integration(
    apiId: string,
    resourceId: string,
    httpMethod: HttpMethod,
  ): { api: RestApi; method: Method; integration: Integration } {
    const { api, method } = this.method(apiId, resourceId, httpMethod);
    if (!method.methodIntegration) throw NotFoundException.integration();
    return { api, method, integration: method.methodIntegration };
  }
}
