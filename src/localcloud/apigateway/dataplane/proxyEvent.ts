// The Lambda proxy integration's input event (payload format 1.0), field for field as AWS
// builds it for REST APIs.
import { requestContext, type Invocation } from './invocation';
import { header, isBinaryType } from './requestFacts';

export function proxyEvent(inv: Invocation): Record<string, unknown> {
  const { facts, target, route } = inv;
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (const [name, value] of facts.headerPairs) {
    const key = Object.keys(multiValueHeaders).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
    headers[key] = value;
    (multiValueHeaders[key] ??= []).push(value);
  }
  const query: Record<string, string> = {};
  const multiQuery: Record<string, string[]> = {};
  for (const [name, value] of facts.queryPairs) {
    query[name] = value;
    (multiQuery[name] ??= []).push(value);
  }
  const binary = isBinaryType(header(facts, 'content-type'), inv.api.binaryMediaTypes);
  const hasBody = facts.body.length > 0;
  return {
    resource: route.resource.path,
    path: target.path,
    httpMethod: facts.method,
    headers: Object.keys(headers).length ? headers : null,
    multiValueHeaders: Object.keys(multiValueHeaders).length ? multiValueHeaders : null,
    queryStringParameters: Object.keys(query).length ? query : null,
    multiValueQueryStringParameters: Object.keys(multiQuery).length ? multiQuery : null,
    pathParameters: Object.keys(route.pathParameters).length ? route.pathParameters : null,
    stageVariables: inv.stageVariables && Object.keys(inv.stageVariables).length ? inv.stageVariables : null,
    requestContext: requestContext(inv),
    body: hasBody ? facts.body.toString(binary ? 'base64' : 'utf8') : null,
    isBase64Encoded: hasBody && binary,
  };
}
