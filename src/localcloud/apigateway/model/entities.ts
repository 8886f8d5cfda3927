// API Gateway REST (v1) entities as the control plane stores them. Field names follow the
// service's wire shapes, so the protocol layer serialises them with little translation.

export const HTTP_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'ANY'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export const INTEGRATION_TYPES = ['HTTP', 'MOCK', 'AWS_PROXY', 'HTTP_PROXY', 'AWS'] as const;
export type IntegrationType = (typeof INTEGRATION_TYPES)[number];

export const PASSTHROUGH_BEHAVIORS = ['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER'] as const;

export interface RestApi {
  id: string;
  name: string;
  description?: string;
  version?: string;
  /** Epoch seconds. */
  createdDate: number;
  binaryMediaTypes?: string[];
  minimumCompressionSize?: number;
  apiKeySource: string;
  endpointConfiguration: { types: string[]; ipAddressType: string };
  policy?: string;
  tags?: Record<string, string>;
  disableExecuteApiEndpoint: boolean;
  rootResourceId: string;
  /** Customised gateway responses by type (absent: AWS defaults). */
  gatewayResponses?: Record<string, GatewayResponse>;
  resources: Record<string, Resource>;
  deployments: Record<string, Deployment>;
  stages: Record<string, Stage>;
}

export interface Resource {
  id: string;
  /** Absent on the root resource. */
  parentId?: string;
  pathPart?: string;
  methods: Partial<Record<HttpMethod, Method>>;
}

export interface Method {
  httpMethod: HttpMethod;
  authorizationType: string;
  authorizerId?: string;
  apiKeyRequired: boolean;
  operationName?: string;
  requestValidatorId?: string;
  requestParameters?: Record<string, boolean>;
  requestModels?: Record<string, string>;
  authorizationScopes?: string[];
  methodResponses: Record<string, MethodResponse>;
  methodIntegration?: Integration;
}

export interface MethodResponse {
  statusCode: string;
  responseParameters?: Record<string, boolean>;
  responseModels?: Record<string, string>;
}

export interface Integration {
  type: IntegrationType;
  /** The HTTP method API Gateway uses towards the backend (integrationHttpMethod on input). */
  httpMethod?: string;
  uri?: string;
  connectionType?: string;
  connectionId?: string;
  credentials?: string;
  requestParameters?: Record<string, string>;
  requestTemplates?: Record<string, string | null>;
  passthroughBehavior: string;
  contentHandling?: string;
  timeoutInMillis: number;
  cacheNamespace: string;
  cacheKeyParameters: string[];
  integrationResponses: Record<string, IntegrationResponse>;
}

export interface IntegrationResponse {
  statusCode: string;
  selectionPattern?: string;
  responseParameters?: Record<string, string>;
  responseTemplates?: Record<string, string | null>;
  contentHandling?: string;
}

/** What a deployment froze: the API as it was when CreateDeployment ran. */
export interface DeployedApi {
  apiId: string;
  binaryMediaTypes: string[];
  gatewayResponses: Record<string, GatewayResponse>;
  resources: DeployedResource[];
}

export interface GatewayResponse {
  responseType: string;
  statusCode?: string;
  responseParameters: Record<string, string>;
  responseTemplates: Record<string, string>;
}

export interface DeployedResource {
  id: string;
  path: string;
  methods: Partial<Record<HttpMethod, Method>>;
}

export interface Deployment {
  id: string;
  description?: string;
  createdDate: number;
  api: DeployedApi;
}

export interface Stage {
  stageName: string;
  deploymentId: string;
  description?: string;
  variables?: Record<string, string>;
  cacheClusterEnabled: boolean;
  cacheClusterSize?: string;
  tracingEnabled: boolean;
  methodSettings: Record<string, Record<string, unknown>>;
  tags?: Record<string, string>;
  createdDate: number;
  lastUpdatedDate: number;
}
