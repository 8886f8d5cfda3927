// The control plane's errors, with the codes, statuses and messages API Gateway uses.
import { AwsError } from '../../server/errors';

export const notFound = (message: string) => new AwsError('NotFoundException', message, 404);
export const badRequest = (message: string) => new AwsError('BadRequestException', message, 400);
export const conflict = (message: string) => new AwsError('ConflictException', message, 409);
export const validation = (message: string) => new AwsError('ValidationException', message, 400);

/** `1 validation error detected: Value 'X' at 'field' failed to satisfy constraint: …` */
export function enumViolation(value: string, field: string, allowed: readonly string[]): AwsError {
  return validation(`1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`);
}

export const apiNotFound = (accountId: string, apiId: string) => notFound(`Invalid API identifier specified ${accountId}:${apiId}`);
export const resourceNotFound = () => notFound('Invalid Resource identifier specified');
export const methodNotFound = () => notFound('Invalid Method identifier specified');
export const integrationNotFound = () => notFound('Invalid Integration identifier specified');
export const responseNotFound = () => notFound('Invalid Response status code specified');
export const stageNotFound = () => notFound('Invalid Stage identifier specified');
export const deploymentNotFound = () => notFound('Invalid Deployment identifier specified');
