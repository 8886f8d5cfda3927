// Everything known about one data-plane invocation once it has been routed.
import type { DeployedApi, Integration } from '../model/entities';
import type { InvokeTarget } from './invokeTarget';
import { header, type RequestFacts } from './requestFacts';
import type { RouteMatch } from './resourceRouter';

export interface Invocation {
  facts: RequestFacts;
  target: InvokeTarget & { stage: string };
  api: DeployedApi;
  deploymentId: string;
  stageVariables?: Record<string, string>;
  route: RouteMatch;
  integration: Integration;
  region: string;
  accountId: string;
}

/** The `$context` / requestContext of an invocation, exactly as AWS builds it for REST APIs. */
export function requestContext(inv: Invocation): Record<string, unknown> {
  const { facts, target, route } = inv;
  const userAgent = header(facts, 'user-agent') ?? null;
  return {
    resourceId: route.resource.id,
    resourcePath: route.resource.path,
    httpMethod: facts.method,
    extendedRequestId: facts.extendedRequestId,
    requestTime: requestTimeOf(facts.epochMs),
    path: target.stagePath,
    accountId: inv.accountId,
    protocol: 'HTTP/1.1',
    stage: target.stage,
    domainPrefix: target.domainName.split('.')[0],
    requestTimeEpoch: facts.epochMs,
    requestId: facts.requestId,
    identity: {
      cognitoIdentityPoolId: null,
      accountId: null,
      cognitoIdentityId: null,
      caller: null,
      sourceIp: facts.sourceIp,
      principalOrgId: null,
      accessKey: null,
      cognitoAuthenticationType: null,
      cognitoAuthenticationProvider: null,
      userArn: null,
      userAgent,
      user: null,
    },
    domainName: target.domainName,
    deploymentId: inv.deploymentId,
    apiId: target.apiId,
  };
}

/** `arn:aws:execute-api:REGION:ACCOUNT:apiId/stage/METHOD/resource-path`, as Lambda permissions see it. */
export function sourceArn(inv: Invocation): string {
  return `arn:aws:execute-api:${inv.region}:${inv.accountId}:${inv.target.apiId}/${inv.target.stage}/${inv.facts.method}${inv.route.resource.path}`;
}

/** `${stageVariables.name}` in integration URIs and credentials. */
export function withStageVariables(text: string, variables: Record<string, string> | undefined): string {
  return text.replace(/\$\{stageVariables\.([A-Za-z0-9_]+)\}/g, (_, name: string) => variables?.[name] ?? '');
}

function requestTimeOf(epochMs: number): string {
  const d = new Date(epochMs);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
