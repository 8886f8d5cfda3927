// How an execution environment starts: the command for the function's runtime and the
// environment variables Lambda sets, plus what the local cloud adds (endpoint, credentials).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { VersionConfig } from '../model/types';
import { handlerNodePath, nodeBootstrap, pythonBootstrap } from './runtimeFiles';

export interface CloudFacts {
  region: string;
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Folder backing EFS mounts of access points the EFS service does not know. */
  efsRoot: string;
  /** The folder of an access point created through the EFS API. */
  efsFolderFor?: (arn: string) => string | undefined;
}

export interface LaunchSpec {
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  /** Said when the command cannot be started (e.g. python3 missing). */
  missingCommandHint: string;
}

export function runtimeFamily(runtime: string | undefined): 'node' | 'python' | 'provided' {
  if (runtime?.startsWith('nodejs')) return 'node';
  if (runtime?.startsWith('python')) return 'python';
  return 'provided';
}

/** Variables a function may not set itself (AWS rejects them in Environment). */
export const RESERVED_VARIABLES = [
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
];

export function efsFolder(efsRoot: string, arn: string): string {
  // One folder per access point (or file system) id, shared by every function that mounts it.
  const id = /(fsap-[0-9a-f]+|fs-[0-9a-f]+)/.exec(arn)?.[1] ?? arn.replace(/[^a-zA-Z0-9-]/g, '_');
  return join(efsRoot, id);
}

export function launchSpec(
  config: VersionConfig,
  codeDir: string,
  tmpDir: string,
  logStream: string,
  cloud: CloudFacts,
): LaunchSpec {
  const family = runtimeFamily(config.Runtime);
  const env: Record<string, string> = {
    ...(config.Environment?.Variables ?? {}),
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    TMPDIR: tmpDir,
    HOME: tmpDir,
    _HANDLER: config.Handler ?? '',
    AWS_REGION: cloud.region,
    AWS_DEFAULT_REGION: cloud.region,
    AWS_EXECUTION_ENV: `AWS_Lambda_${config.Runtime ?? 'provided'}`,
    AWS_LAMBDA_FUNCTION_NAME: config.FunctionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(config.MemorySize),
    AWS_LAMBDA_FUNCTION_VERSION: config.Version,
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: config.LoggingConfig.LogGroup,
    AWS_LAMBDA_LOG_STREAM_NAME: logStream,
    AWS_ACCESS_KEY_ID: cloud.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: cloud.credentials.secretAccessKey,
    AWS_ENDPOINT_URL: cloud.endpoint,
    LAMBDA_TASK_ROOT: codeDir,
    LAMBDA_RUNTIME_DIR: codeDir,
  };
  const fs = config.FileSystemConfigs?.[0];
  if (fs) {
    const folder = cloud.efsFolderFor?.(fs.Arn) ?? efsFolder(cloud.efsRoot, fs.Arn);
    mkdirSync(folder, { recursive: true });
    // The OS will not let us mount at LocalMountPath (/mnt/…): handlers find the real folder here.
    env.HOC_MOUNT_PATH = folder;
    env.HOC_LOCAL_MOUNT_PATH = fs.LocalMountPath;
  }
  switch (family) {
    case 'node':
      return {
        command: process.execPath,
        args: [`--max-old-space-size=${config.MemorySize}`, nodeBootstrap()],
        env: {
          ...env,
          NODE_PATH: handlerNodePath(),
          ELECTRON_RUN_AS_NODE: '1',
          AWS_NODEJS_CONNECTION_REUSE_ENABLED: '1',
        },
        cwd: codeDir,
        missingCommandHint: `Could not start Node.js (${process.execPath}).`,
      };
    case 'python': {
      const python = process.env.HOC_PYTHON ?? 'python3';
      return {
        command: python,
        args: ['-u', pythonBootstrap()],
        env: { ...env, PYTHONUNBUFFERED: '1', PYTHONPATH: codeDir, PYTHONDONTWRITEBYTECODE: '1' },
        cwd: codeDir,
        missingCommandHint: `Python functions run on python3 from your PATH, and '${python}' was not found: install Python 3 (python.org, or your package manager) or set HOC_PYTHON to its path, then invoke again.`,
      };
    }
    case 'provided': {
      const bootstrap = join(codeDir, 'bootstrap');
      return {
        command: bootstrap,
        args: [],
        env,
        cwd: codeDir,
        missingCommandHint: existsSync(bootstrap)
          ? `Couldn't run the deployment package's bootstrap: make it an executable script or binary for this machine.`
          : `Couldn't find a file named bootstrap at the root of the deployment package: a custom runtime (${config.Runtime}) starts there.`,
      };
    }
  }
}
