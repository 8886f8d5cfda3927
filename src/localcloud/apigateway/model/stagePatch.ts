// UpdateStage's JSON-patch-like operations, restricted to the paths API Gateway accepts.
import type { Stage } from './entities';
import { patchOperations } from './patch';
import { checkVariable } from './validation';
import { BadRequestException, NotFoundException } from '../errors';

const SETTING_PATH =
  /^\/([^/]+|\*)\/([^/]+|\*)\/(metrics\/enabled|logging\/dataTrace|logging\/loglevel|throttling\/burstLimit|throttling\/rateLimit|caching\/ttlInSeconds|caching\/enabled|caching\/dataEncrypted|caching\/requireAuthorizationForCacheControl|caching\/unauthorizedCacheControlHeaderStrategy)$/;
const VALID_PATHS =
  '[/deploymentId, /description, /cacheClusterEnabled, /cacheClusterSize, /clientCertificateId, /accessLogSettings, /accessLogSettings/destinationArn, /accessLogSettings/format, ' +
  '/{resourcePath}/{httpMethod}/metrics/enabled, /{resourcePath}/{httpMethod}/logging/dataTrace, /{resourcePath}/{httpMethod}/logging/loglevel, ' +
  '/{resourcePath}/{httpMethod}/throttling/burstLimit/{resourcePath}/{httpMethod}/throttling/rateLimit/{resourcePath}/{httpMethod}/caching/ttlInSeconds, ' +
  '/{resourcePath}/{httpMethod}/caching/enabled, /{resourcePath}/{httpMethod}/caching/dataEncrypted, /{resourcePath}/{httpMethod}/caching/requireAuthorizationForCacheControl, ' +
  '/{resourcePath}/{httpMethod}/caching/unauthorizedCacheControlHeaderStrategy, /*/*/metrics/enabled, /*/*/logging/dataTrace, /*/*/logging/loglevel, ' +
  '/*/*/throttling/burstLimit /*/*/throttling/rateLimit /*/*/caching/ttlInSeconds, /*/*/caching/enabled, /*/*/caching/dataEncrypted, ' +
  '/*/*/caching/requireAuthorizationForCacheControl, /*/*/caching/unauthorizedCacheControlHeaderStrategy, /variables/{variable_name}, /tracingEnabled]';

/** Patch path suffix → MethodSetting field. */
const SETTING_FIELDS: Record<string, string> = {
  'metrics/enabled': 'metricsEnabled',
  'logging/dataTrace': 'dataTraceEnabled',
  'logging/loglevel': 'loggingLevel',
  'throttling/burstLimit': 'throttlingBurstLimit',
  'throttling/rateLimit': 'throttlingRateLimit',
  'caching/ttlInSeconds': 'cacheTtlInSeconds',
  'caching/enabled': 'cachingEnabled',
  'caching/dataEncrypted': 'cacheDataEncrypted',
  'caching/requireAuthorizationForCacheControl': 'requireAuthorizationForCacheControl',
  'caching/unauthorizedCacheControlHeaderStrategy': 'unauthorizedCacheControlHeaderStrategy',
};

export function applyStagePatch(stage: Stage, input: unknown, deploymentExists: (id: string) => boolean): Stage {
  for (const { op, path, value } of patchOperations(input, 'updateStage')) {
    if (op !== 'add' && op !== 'remove' && op !== 'replace')
      throw new BadRequestException("Invalid patch operation specified. Must be 'add'|'remove'|'replace'");
    const variable = /^\/variables\/(.+)$/.exec(path);
    if (variable) {
      const name = variable[1]!;
      if (op === 'remove') {
        if (stage.variables) delete stage.variables[name];
      } else {
        checkVariable(name, String(value ?? ''));
        stage.variables = { ...stage.variables, [name]: String(value ?? '') };
      }
      continue;
    }
    if (op === 'remove' && !SETTING_PATH.test(path))
      throw new BadRequestException(
        `Cannot remove method setting ${path.slice(1)} because there is no method setting for this method `,
      );
    switch (path) {
      case '/deploymentId':
        if (!value || !deploymentExists(value)) throw NotFoundException.deployment();
        stage.deploymentId = value;
        continue;
      case '/description':
        stage.description = value;
        continue;
      case '/tracingEnabled':
        stage.tracingEnabled = value === 'true';
        continue;
      case '/cacheClusterEnabled':
        stage.cacheClusterEnabled = value === 'true';
        continue;
      case '/cacheClusterSize':
        stage.cacheClusterSize = value;
        continue;
    }
    const setting = SETTING_PATH.exec(path);
    if (!setting) throw new BadRequestException(`Invalid method setting path: ${path}. Must be one of: ${VALID_PATHS}`);
    const key = `${setting[1]}/${setting[2]}`;
    const entry = { ...(stage.methodSettings[key] ?? {}) };
    const name = SETTING_FIELDS[setting[3]!]!;
    if (op === 'remove') delete entry[name];
    else
      entry[name] = /^(true|false)$/.test(String(value))
        ? value === 'true'
        : /^\d+(\.\d+)?$/.test(String(value))
          ? Number(value)
          : value;
    stage.methodSettings = { ...stage.methodSettings, [key]: entry };
  }
  if (stage.variables && Object.keys(stage.variables).length === 0) delete stage.variables;
  return stage;
}
