// Where the runtime bootstraps and the shared node_modules are, whether the local cloud runs
// from dist/ (bundled: the CLI, the extension) or from src/ (tests through tsx).
import { existsSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { ancestors, runtimesDir } from '../../../shared/runtimesDir';

export { runtimesDir };

export function nodeBootstrap(): string {
  const dir = runtimesDir();
  if (!dir)
    throw new Error(
      'The Node.js runtime bootstrap (dist/runtimes/node/bootstrap.js) is missing: build it with `node esbuild.mjs`.',
    );
  return join(dir, 'node', 'bootstrap.js');
}

export function pythonBootstrap(): string {
  const fromDist = runtimesDir();
  if (fromDist && existsSync(join(fromDist, 'python', 'bootstrap.py'))) return join(fromDist, 'python', 'bootstrap.py');
  const fromSrc = join(__dirname, '..', 'runtimes', 'python', 'bootstrap.py');
  if (existsSync(fromSrc)) return fromSrc;
  throw new Error(
    'The Python runtime bootstrap (dist/runtimes/python/bootstrap.py) is missing: build it with `node esbuild.mjs`.',
  );
}

/**
 * NODE_PATH for Node handlers, so `require('@aws-sdk/client-s3')` works without bundling, as
 * on the managed runtime: HOC_LAMBDA_NODE_PATH first, then `runtimes/node_modules` shipped
 * next to the bootstraps, then every node_modules above the local cloud's own code that
 * holds the AWS SDK (the project's, or the extension's install folder once packaged).
 */
export function handlerNodePath(env: NodeJS.ProcessEnv = process.env): string {
  const paths: string[] = [];
  if (env.HOC_LAMBDA_NODE_PATH) paths.push(...env.HOC_LAMBDA_NODE_PATH.split(delimiter));
  const rt = runtimesDir();
  if (rt && existsSync(join(rt, 'node_modules'))) paths.push(join(rt, 'node_modules'));
  for (const dir of ancestors(__dirname)) {
    const nm = join(dir, 'node_modules');
    if (existsSync(join(nm, '@aws-sdk'))) paths.push(nm);
  }
  return [...new Set(paths)].join(delimiter);
}
