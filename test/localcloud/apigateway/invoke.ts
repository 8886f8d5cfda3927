// Test helpers for the API Gateway data plane: raw HTTP (so Host and casing are ours to
// choose) and small builders for APIs made through the real SDK client.
import { request } from 'node:http';
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  type PutIntegrationCommandInput,
} from '@aws-sdk/client-api-gateway';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function raw(
  endpoint: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  const u = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname: u.hostname, port: u.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export const invokePath = (apiId: string, stage: string, path: string) => `/_aws/execute-api/${apiId}/${stage}${path}`;

/** An API with one resource per path (created as needed) — returns ids by path. */
export class ApiBuilder {
  readonly resources = new Map<string, string>();
  constructor(
    readonly gw: APIGatewayClient,
    readonly restApiId: string,
    rootId: string,
  ) {
    this.resources.set('/', rootId);
  }

  static async create(
    gw: APIGatewayClient,
    name: string,
    extra: { binaryMediaTypes?: string[] } = {},
  ): Promise<ApiBuilder> {
    const api = await gw.send(new CreateRestApiCommand({ name, ...extra }));
    return new ApiBuilder(gw, api.id!, api.rootResourceId!);
  }

  async resource(path: string): Promise<string> {
    const known = this.resources.get(path);
    if (known) return known;
    const cut = path.lastIndexOf('/');
    const parentId = await this.resource(cut === 0 ? '/' : path.slice(0, cut));
    const r = await this.gw.send(
      new CreateResourceCommand({ restApiId: this.restApiId, parentId, pathPart: path.slice(cut + 1) }),
    );
    this.resources.set(path, r.id!);
    return r.id!;
  }

  async method(
    path: string,
    httpMethod: string,
    integration: Omit<PutIntegrationCommandInput, 'restApiId' | 'resourceId' | 'httpMethod'>,
    extra: { authorizationType?: string; apiKeyRequired?: boolean } = {},
  ): Promise<string> {
    const resourceId = await this.resource(path);
    await this.gw.send(
      new PutMethodCommand({
        restApiId: this.restApiId,
        resourceId,
        httpMethod,
        authorizationType: extra.authorizationType ?? 'NONE',
        apiKeyRequired: extra.apiKeyRequired,
      }),
    );
    await this.gw.send(
      new PutIntegrationCommand({ restApiId: this.restApiId, resourceId, httpMethod, ...integration }),
    );
    return resourceId;
  }

  /** A MOCK method answering `status` with a fixed body template and header mappings. */
  async mock(
    path: string,
    httpMethod: string,
    status: string,
    body: string,
    headers: Record<string, string> = {},
  ): Promise<void> {
    const resourceId = await this.method(path, httpMethod, {
      type: 'MOCK',
      requestTemplates: { 'application/json': `{"statusCode": ${status}}` },
    });
    await this.response(resourceId, httpMethod, status, { selectionPattern: undefined, headers, template: body });
  }

  async response(
    resourceId: string,
    httpMethod: string,
    status: string,
    r: { selectionPattern?: string; headers?: Record<string, string>; template?: string },
  ): Promise<void> {
    const names = Object.keys(r.headers ?? {});
    await this.gw.send(
      new PutMethodResponseCommand({
        restApiId: this.restApiId,
        resourceId,
        httpMethod,
        statusCode: status,
        responseParameters: Object.fromEntries(names.map((n) => [`method.response.header.${n}`, false])),
      }),
    );
    await this.gw.send(
      new PutIntegrationResponseCommand({
        restApiId: this.restApiId,
        resourceId,
        httpMethod,
        statusCode: status,
        selectionPattern: r.selectionPattern,
        responseParameters: Object.fromEntries(
          Object.entries(r.headers ?? {}).map(([n, v]) => [`method.response.header.${n}`, v]),
        ),
        responseTemplates: r.template === undefined ? undefined : { 'application/json': r.template },
      }),
    );
  }

  async deploy(stageName: string, variables?: Record<string, string>): Promise<string> {
    return (await this.gw.send(new CreateDeploymentCommand({ restApiId: this.restApiId, stageName, variables }))).id!;
  }
}
