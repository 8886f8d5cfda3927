// One class per API Gateway error code, with the statuses and messages API Gateway uses
// (botocore 1.43.11 data/apigateway/2015-07-09 service-2.json, read 2026-12-03).
import { AwsError } from '../server/errors';

export class NotFoundException extends AwsError {
  constructor(message: string) {
    super('NotFoundException', message, 404);
  }
  static api(accountId: string, apiId: string): NotFoundException {
    return new NotFoundException(`Invalid API identifier specified ${accountId}:${apiId}`);
  }
  static resource = () => new NotFoundException('Invalid Resource identifier specified');
  static method = () => new NotFoundException('Invalid Method identifier specified');
  static integration = () => new NotFoundException('Invalid Integration identifier specified');
  static response = () => new NotFoundException('Invalid Response status code specified');
  static stage = () => new NotFoundException('Invalid Stage identifier specified');
  static deployment = () => new NotFoundException('Invalid Deployment identifier specified');
}

export class BadRequestException extends AwsError {
  constructor(message: string) {
    super('BadRequestException', message, 400);
  }
}

export class ConflictException extends AwsError {
  constructor(message: string) {
    super('ConflictException', message, 409);
  }
}

export class ValidationException extends AwsError {
  constructor(message: string) {
    super('ValidationException', message, 400);
  }
  /** `1 validation error detected: Value 'X' at 'field' failed to satisfy constraint: …` */
  static enumViolation(value: string, field: string, allowed: readonly string[]): ValidationException {
    return new ValidationException(
      `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`,
    );
  }
}

export class MissingAuthenticationTokenException extends AwsError {
  constructor() {
    super('MissingAuthenticationTokenException', 'Missing Authentication Token', 403);
  }
}

export class SerializationException extends AwsError {
  constructor(message: string) {
    super('SerializationException', message, 400);
  }
}

/** An operation of the control plane the local cloud does not model. */
export class NotImplemented extends AwsError {
  constructor(method: string, path: string) {
    super(
      'NotImplemented',
      `The local cloud's API Gateway does not implement ${method} ${path}. Use the localstack or aws target for it.`,
      501,
    );
  }
}
