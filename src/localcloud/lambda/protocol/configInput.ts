// Reading and checking the configuration fields of CreateFunction / UpdateFunctionConfiguration,
// with AWS's limits and messages.
import { RESERVED_VARIABLES, runtimeFamily } from '../runtime/launchSpec';
import { KNOWN_RUNTIMES, blockedRuntimeMessage, runtimeBlocked } from '../../../shared/lambdaRuntimeCalendar';
import type { FileSystemConfig, VersionConfig } from '../model/types';
import {} from './http';
import { InvalidParameterValueException, ValidationException } from '../errors';

type Input = Record<string, unknown>;

const ROLE = /^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/;

export function checkFunctionName(name: unknown): string {
  if (typeof name !== 'string' || !/^[a-zA-Z0-9-_]{1,64}$/.test(name)) {
    throw new ValidationException(
      `1 validation error detected: Value '${String(name)}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?`,
    );
  }
  return name;
}

/** Applies the configuration members present in `input` onto `config` (in place). */
export function applyConfigInput(config: VersionConfig, input: Input, creating: boolean): void {
  if (input.Role !== undefined || creating) {
    if (typeof input.Role !== 'string' || !ROLE.test(input.Role)) {
      throw new ValidationException(
        `1 validation error detected: Value '${String(input.Role)}' at 'role' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+`,
      );
    }
    config.Role = input.Role;
  }
  if (input.Runtime !== undefined || creating) {
    const runtime = input.Runtime;
    if (typeof runtime !== 'string' || !(KNOWN_RUNTIMES as readonly string[]).includes(runtime)) {
      throw new InvalidParameterValueException(
        `The runtime parameter of ${String(runtime)} is not supported by the local cloud for creating or updating functions. Use one of: ${KNOWN_RUNTIMES.join(', ')}.`,
      );
    }
    config.Runtime = runtime;
  }
  refuseBlockedRuntime(config.Runtime, creating ? 'create' : 'update');
  if (input.Handler !== undefined) {
    if (typeof input.Handler !== 'string' || !/^[^\s]{1,128}$/.test(input.Handler))
      throw new ValidationException(
        `1 validation error detected: Value '${String(input.Handler)}' at 'handler' failed to satisfy constraint: Member must satisfy regular expression pattern: [^\\s]+`,
      );
    config.Handler = input.Handler;
  }
  if (creating && !config.Handler && runtimeFamily(config.Runtime) !== 'provided') {
    throw new InvalidParameterValueException(
      `A Handler is required for the ${config.Runtime} runtime (for example index.handler).`,
    );
  }
  if (input.Description !== undefined) config.Description = String(input.Description).slice(0, 256);
  if (input.Timeout !== undefined) {
    const t = Number(input.Timeout);
    if (!Number.isInteger(t) || t < 1 || t > 900)
      throw new ValidationException(
        `1 validation error detected: Value '${String(input.Timeout)}' at 'timeout' failed to satisfy constraint: Member must have value ${t < 1 ? 'greater than or equal to 1' : 'less than or equal to 900'}`,
      );
    config.Timeout = t;
  }
  if (input.MemorySize !== undefined) {
    const m = Number(input.MemorySize);
    if (!Number.isInteger(m) || m < 128 || m > 10240)
      throw new ValidationException(
        `1 validation error detected: Value '${String(input.MemorySize)}' at 'memorySize' failed to satisfy constraint: Member must have value ${m < 128 ? 'greater than or equal to 128' : 'less than or equal to 10240'}`,
      );
    config.MemorySize = m;
  }
  if (input.Environment !== undefined) {
    const vars = ((input.Environment as { Variables?: Record<string, unknown> } | null)?.Variables ?? {}) as Record<
      string,
      unknown
    >;
    const reserved = Object.keys(vars).filter((k) => RESERVED_VARIABLES.includes(k));
    if (reserved.length) {
      throw new InvalidParameterValueException(
        `Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${reserved.join(', ')}`,
      );
    }
    const size = Buffer.byteLength(JSON.stringify(vars));
    if (size > 4096)
      throw new InvalidParameterValueException(
        `Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: ${JSON.stringify(vars)}`,
      );
    config.Environment = { Variables: Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, String(v)])) };
  }
  if (input.TracingConfig !== undefined)
    config.TracingConfig = { Mode: String((input.TracingConfig as { Mode?: string }).Mode ?? 'PassThrough') };
  if (input.Architectures !== undefined) {
    const a = input.Architectures as string[];
    if (!Array.isArray(a) || a.length !== 1 || !['x86_64', 'arm64'].includes(a[0]!))
      throw new ValidationException(
        `1 validation error detected: Value '${JSON.stringify(a)}' at 'architectures' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [x86_64, arm64]]`,
      );
    config.Architectures = [a[0]!];
  }
  if (input.EphemeralStorage !== undefined) {
    const size = Number((input.EphemeralStorage as { Size?: number }).Size);
    if (!Number.isInteger(size) || size < 512 || size > 10240)
      throw new ValidationException(
        `1 validation error detected: Value '${size}' at 'ephemeralStorage.size' failed to satisfy constraint: Member must have value between 512 and 10240`,
      );
    config.EphemeralStorage = { Size: size };
  }
  if (input.FileSystemConfigs !== undefined) config.FileSystemConfigs = checkFileSystems(input.FileSystemConfigs);
  if (input.DeadLetterConfig !== undefined) {
    const target = (input.DeadLetterConfig as { TargetArn?: string }).TargetArn;
    config.DeadLetterConfig = target ? { TargetArn: target } : undefined;
  }
  if (input.VpcConfig !== undefined) {
    // Accepted and shown as given: the local cloud has one network, so there is nothing to attach.
    const v = (input.VpcConfig ?? {}) as { SubnetIds?: string[]; SecurityGroupIds?: string[] };
    config.VpcConfig = v.SubnetIds?.length
      ? { SubnetIds: v.SubnetIds, SecurityGroupIds: v.SecurityGroupIds ?? [], VpcId: 'vpc-local' }
      : undefined;
  }
  if (Array.isArray(input.Layers) && input.Layers.length > 0) {
    throw new InvalidParameterValueException(
      'Layers are not supported by the local cloud: put the dependencies in the deployment package (Node handlers can require the AWS SDK without bundling it).',
    );
  }
  if (input.LoggingConfig !== undefined) {
    const l = input.LoggingConfig as VersionConfig['LoggingConfig'];
    config.LoggingConfig = {
      ...config.LoggingConfig,
      ...(l.LogGroup ? { LogGroup: l.LogGroup } : {}),
      ...(l.LogFormat ? { LogFormat: l.LogFormat } : {}),
    };
  }
}

/**
 * AWS refuses to create, then to update, a function whose runtime has passed the block dates of its
 * deprecation calendar (see src/shared/lambdaRuntimeCalendar.ts), with InvalidParameterValueException (400).
 */
export function refuseBlockedRuntime(runtime: string | undefined, operation: 'create' | 'update'): void {
  if (runtime && runtimeBlocked(runtime, operation))
    throw new InvalidParameterValueException(blockedRuntimeMessage(runtime));
}

function checkFileSystems(value: unknown): FileSystemConfig[] | undefined {
  if (!Array.isArray(value)) throw new ValidationException('FileSystemConfigs must be a list.');
  if (value.length === 0) return undefined;
  if (value.length > 1)
    throw new InvalidParameterValueException('Only one file system configuration is supported per function.');
  const fs = value[0] as Partial<FileSystemConfig>;
  if (
    typeof fs.Arn !== 'string' ||
    !/^arn:aws[a-zA-Z-]*:elasticfilesystem:[a-z0-9-]+:\d{12}:access-point\/fsap-[a-f0-9]{17}$/.test(fs.Arn)
  ) {
    throw new ValidationException(
      `1 validation error detected: Value '${String(fs.Arn)}' at 'fileSystemConfigs.1.member.arn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws[a-zA-Z-]*:elasticfilesystem:[a-z0-9-]+:\\d{12}:access-point/fsap-[a-f0-9]{17}`,
    );
  }
  if (typeof fs.LocalMountPath !== 'string' || !/^\/mnt\/[a-zA-Z0-9-_.]+$/.test(fs.LocalMountPath)) {
    throw new ValidationException(
      `1 validation error detected: Value '${String(fs.LocalMountPath)}' at 'fileSystemConfigs.1.member.localMountPath' failed to satisfy constraint: Member must satisfy regular expression pattern: ^/mnt/[a-zA-Z0-9-_.]+$`,
    );
  }
  return [{ Arn: fs.Arn, LocalMountPath: fs.LocalMountPath }];
}
