// MOCK, HTTP and HTTP_PROXY integrations.
import { GatewayFailure, internalServerError, type DataPlaneResponse } from './gatewayResponses';
import { withStageVariables, type Invocation } from './invocation';
import { integrationRequestBody, type BackendResult } from './mapping';

/** MOCK: the request template's `statusCode` picks the integration response. */
export function mock(inv: Invocation): BackendResult {
  const rendered = integrationRequestBody(inv).toString('utf8');
  // Tolerates the not-quite-JSON `{statusCode: 200}` that some tools generate.
  const status = /["']?statusCode["']?\s*:\s*["']?(\d{3})/.exec(rendered)?.[1] ?? '200';
  return { statusCode: status, body: Buffer.alloc(0), headers: {} };
}

const HOP_BY_HOP = new Set([
  'host',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'upgrade',
  'expect',
  'te',
  'trailer',
  'proxy-connection',
]);

export async function http(
  inv: Invocation,
  proxy: boolean,
  signal: AbortSignal,
): Promise<DataPlaneResponse | BackendResult> {
  const url = new URL(backendUrl(inv));
  for (const [k, v] of inv.facts.queryPairs) if (proxy) url.searchParams.append(k, v);
  const method = inv.integration.httpMethod === 'ANY' ? inv.facts.method : (inv.integration.httpMethod ?? 'GET');
  const headers = new Headers();
  if (proxy)
    for (const [name, value] of inv.facts.headerPairs)
      if (!HOP_BY_HOP.has(name.toLowerCase())) headers.append(name, value);
  const body = proxy ? inv.facts.body : integrationRequestBody(inv);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' || body.length === 0 ? undefined : new Uint8Array(body),
      signal,
      redirect: 'manual',
    });
  } catch (e) {
    if (signal.aborted) throw e;
    throw new GatewayFailure(
      internalServerError(),
      `Execution failed due to a network error communicating with ${url.origin}: ${(e as Error).message}`,
    );
  }
  const payload = Buffer.from(await response.arrayBuffer());
  const responseHeaders: Record<string, string> = {};
  // fetch has already decoded any content-encoding, so length and encoding no longer apply.
  response.headers.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name) && name !== 'content-encoding') responseHeaders[name] = value;
  });
  if (proxy) return { status: response.status, headers: responseHeaders, body: payload };
  return { statusCode: String(response.status), body: payload, headers: responseHeaders };
}

/** The integration URI with stage variables and `{param}` path placeholders filled in. */
function backendUrl(inv: Invocation): string {
  const uri = withStageVariables(inv.integration.uri ?? '', inv.stageVariables);
  return uri.replace(/\{([A-Za-z0-9._-]+)\+?\}/g, (whole, name: string) => inv.route.pathParameters[name] ?? whole);
}
