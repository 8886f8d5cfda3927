// Which API, stage and path an unsigned request addresses, from the three URL forms the
// local cloud serves:
//   /_aws/execute-api/{apiId}/{stage}/{path}
//   /restapis/{apiId}/{stage}/_user_request_/{path}
//   http://{apiId}.execute-api.localhost:{port}/{stage}/{path}
import { hostName } from '../../server/hostCheck';

export interface InvokeTarget {
  apiId: string;
  /** Undefined when the URL names no stage. */
  stage?: string;
  /** Raw path after the stage, starting with '/' ('/' when empty). */
  path: string;
  /** Raw path as AWS reports it in requestContext.path: `/{stage}{path}`. */
  stagePath: string;
  /** The API's domain name, as requestContext.domainName. */
  domainName: string;
}

const PATH_STYLE = /^\/_aws\/execute-api\/([^/]+)(?:\/+([^/]+)(\/.*)?)?$/;
const USER_REQUEST_STYLE = /^\/restapis\/([^/]+)\/([^/]+)\/_user_request_(\/.*)?$/;
const HOST_STYLE = /^([a-z0-9]+)\.execute-api(?:\.[a-z0-9-]+)?\.localhost$/;

export function invokeTarget(rawPath: string, host: string): InvokeTarget | undefined {
  const name = hostName(host);
  const hostMatch = HOST_STYLE.exec(name);
  if (hostMatch) {
    const m = /^\/+([^/]+)(\/.*)?$/.exec(rawPath);
    return build(hostMatch[1]!, m?.[1], m?.[2], name);
  }
  const m = PATH_STYLE.exec(rawPath) ?? USER_REQUEST_STYLE.exec(rawPath);
  if (!m) return undefined;
  return build(m[1]!, m[2], m[3], `${m[1]}.execute-api.localhost`);
}

function build(apiId: string, stage: string | undefined, rest: string | undefined, domainName: string): InvokeTarget {
  const tail = rest ?? '';
  // AWS ignores extra slashes right after the stage in `path`, but keeps them in requestContext.path.
  const path = '/' + tail.replace(/^\/+/, '');
  return { apiId, stage, path, stagePath: `/${stage ?? ''}${tail}`, domainName };
}
