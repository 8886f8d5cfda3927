// Invoke URLs as each target answers them. AWS: https://{api}.execute-api.{region}.amazonaws.com/{stage}.
// Local cloud: {endpoint}/_aws/execute-api/{api}/{stage}, and function URLs path-style
// ({endpoint}/_aws/lambda-url/{id}/) because Node cannot resolve `*.localhost`.
// LocalStack: {endpoint}/restapis/{api}/{stage}/_user_request_.
import type { Target } from '../target/target';

export function stageInvokeUrl(apiId: string, stage: string, t: Target): string {
  switch (t.kind) {
    case 'aws':
      return `https://${apiId}.execute-api.${t.region}.amazonaws.com/${stage}`;
    case 'local':
      return `${t.endpoint}/_aws/execute-api/${apiId}/${stage}`;
    case 'localstack':
      return `${t.endpoint}/restapis/${apiId}/${stage}/_user_request_`;
  }
}

export function reachableFunctionUrl(url: string, t: Target): string {
  if (t.kind !== 'local' || !t.endpoint) return url;
  const m = /^https?:\/\/([a-z0-9]+)\.lambda-url\.[a-z0-9-]+\.(?:localhost|on\.aws)(?::\d+)?(\/.*)?$/.exec(url);
  return m ? `${t.endpoint}/_aws/lambda-url/${m[1]}${m[2] ?? '/'}` : url;
}

/** AWS-style URLs in template Outputs (API Gateway, function URLs) → the form this target answers. */
export function rewriteAwsUrl(value: string, t: Target): string {
  if (t.kind === 'aws') return value;
  const api = /^https:\/\/([a-z0-9]+)\.execute-api\.[a-z0-9-]+\.amazonaws\.com\/([^/?#]+)(.*)$/.exec(value);
  if (api) return stageInvokeUrl(api[1], api[2], t) + api[3];
  return reachableFunctionUrl(value, t);
}
