// Input checks with API Gateway's own messages.
import {
  HTTP_METHODS,
  INTEGRATION_TYPES,
  PASSTHROUGH_BEHAVIORS,
  type HttpMethod,
  type IntegrationType,
} from './entities';
import { BadRequestException, ValidationException } from '../errors';

const PATH_PART = /^(?:[a-zA-Z0-9._:-]+|\{[a-zA-Z0-9._-]+\+?\})$/;
const STATUS_CODE = /^[1-5]\d\d$/;
const STAGE_NAME = /^[a-zA-Z0-9_-]{1,128}$/;
/** `arn:aws:apigateway:REGION:lambda:path/2015-03-31/functions/FN/invocations` */
const LAMBDA_INVOCATION_PATH = /^path\/2015-03-31\/functions\/(.+)\/invocations$/;

export function checkHttpMethod(value: string): HttpMethod {
  if (!(HTTP_METHODS as readonly string[]).includes(value)) {
    throw new BadRequestException(
      'Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY',
    );
  }
  return value as HttpMethod;
}

export function checkPathPart(pathPart: unknown): string {
  if (typeof pathPart !== 'string' || !PATH_PART.test(pathPart)) {
    throw new BadRequestException(
      "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.",
    );
  }
  return pathPart;
}

export function isVariablePart(pathPart: string | undefined): boolean {
  return pathPart !== undefined && pathPart.startsWith('{');
}

export function isGreedyPart(pathPart: string | undefined): boolean {
  return pathPart !== undefined && pathPart.endsWith('+}');
}

export function checkStatusCode(value: string): string {
  if (!STATUS_CODE.test(value)) {
    throw new ValidationException(
      `1 validation error detected: Value '${value}' at 'statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d`,
    );
  }
  return value;
}

export function checkStageName(value: unknown): string {
  if (typeof value !== 'string' || !STAGE_NAME.test(value)) {
    throw new BadRequestException('Stage name only allows a-zA-Z0-9_ and hyphens, up to 128 characters.');
  }
  return value;
}

export function checkIntegrationType(value: unknown): IntegrationType {
  if (typeof value !== 'string' || !(INTEGRATION_TYPES as readonly string[]).includes(value)) {
    throw ValidationException.enumViolation(String(value), 'putIntegrationInput.type', INTEGRATION_TYPES);
  }
  return value as IntegrationType;
}

export function checkPassthrough(value: unknown): string {
  if (value === undefined) return 'WHEN_NO_MATCH';
  if (typeof value !== 'string' || !(PASSTHROUGH_BEHAVIORS as readonly string[]).includes(value)) {
    throw new BadRequestException(
      'Invalid passthrough behavior specified. Valid values are WHEN_NO_MATCH, WHEN_NO_TEMPLATES, NEVER',
    );
  }
  return value;
}

/** Checks an integration's target the way PutIntegration does; returns nothing for MOCK. */
export function checkIntegrationTarget(type: IntegrationType, uri: unknown, httpMethod: unknown): void {
  if (type === 'MOCK') return;
  if (typeof httpMethod !== 'string' || httpMethod === '')
    throw new BadRequestException('Enumeration value for HttpMethod must be non-empty');
  if (typeof uri !== 'string' || uri === '')
    throw new BadRequestException('Integrations of type AWS, AWS_PROXY, HTTP and HTTP_PROXY require a URI.');
  if (type === 'HTTP' || type === 'HTTP_PROXY') {
    if (!/^https?:\/\/[^/\s]+/.test(uri)) throw new BadRequestException('Invalid HTTP endpoint specified for URI');
    return;
  }
  const arn = parseApiGatewayArn(uri);
  if (!arn.ok) throw new BadRequestException(arn.reason);
  if (type === 'AWS_PROXY' && (arn.service !== 'lambda' || !LAMBDA_INVOCATION_PATH.test(arn.target))) {
    throw new BadRequestException(
      "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.",
    );
  }
}

type ArnParse = { ok: true; region: string; service: string; target: string } | { ok: false; reason: string };

/** `arn:aws:apigateway:{region}:{service}:{path|action}/…` */
export function parseApiGatewayArn(uri: string): ArnParse {
  const parts = uri.split(':');
  if (parts.length < 6 || parts[0] !== 'arn' || parts[2] !== 'apigateway')
    return { ok: false, reason: 'Invalid ARN specified in the request' };
  const target = parts.slice(5).join(':');
  if (!target.startsWith('path/') && !target.startsWith('action/'))
    return { ok: false, reason: 'AWS ARN for integration must contain path or action' };
  return { ok: true, region: parts[3]!, service: parts[4]!, target };
}

/** The Lambda function ARN inside an integration URI, or undefined when it does not name one. */
export function lambdaArnFromUri(uri: string): string | undefined {
  const arn = parseApiGatewayArn(uri);
  if (!arn.ok || arn.service !== 'lambda') return undefined;
  return LAMBDA_INVOCATION_PATH.exec(arn.target)?.[1];
}

export function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new BadRequestException(`Invalid value for ${field}: expected a string.`);
  return value;
}

export function stringMap<T extends string | boolean>(
  value: unknown,
  field: string,
  kind: 'string' | 'boolean',
): Record<string, T> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    throw new BadRequestException(`Invalid value for ${field}: expected a map.`);
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v !== kind) throw new BadRequestException(`Invalid null or empty value in ${field}: ${k}`);
  }
  return { ...(value as Record<string, T>) };
}

/** Mapping templates by content type; an empty template is stored as null, as API Gateway does. */
export function templateMap(value: unknown, field: string): Record<string, string | null> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    throw new BadRequestException(`Invalid value for ${field}: expected a map.`);
  const out: Record<string, string | null> = {};
  for (const [type, template] of Object.entries(value as Record<string, unknown>)) {
    if (!/^[\w.+-]+\/[\w.+*-]+$/.test(type))
      throw new BadRequestException(
        `Validation Result: warnings : [], errors : [Invalid content type specified: ${type}]`,
      );
    if (template !== null && typeof template !== 'string')
      throw new BadRequestException(`Invalid mapping template for ${type} in ${field}: expected a string.`);
    out[type] = template === '' ? null : template;
  }
  return out;
}

const STAGE_VARIABLE_NAME = /^[A-Za-z0-9_]+$/;
const STAGE_VARIABLE_VALUE = /^[A-Za-z0-9\-._~:/?#&=,]+$/;

export function checkVariable(name: string, value: string): void {
  if (!STAGE_VARIABLE_NAME.test(name))
    throw new BadRequestException(
      `Stage variable name '${name}' is invalid: use only letters, digits and underscores.`,
    );
  if (!STAGE_VARIABLE_VALUE.test(value)) {
    throw new BadRequestException(
      `Stage variable value '${value}' for '${name}' is invalid: use only letters, digits and -._~:/?#&=,`,
    );
  }
}
