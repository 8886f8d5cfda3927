// One class per Lambda error code (botocore 1.43.11 data/lambda/2015-03-31 service-2.json,
// read 2026-12-03, for codes and statuses). Lambda speaks restJson1: the code travels in
// x-amzn-ErrorType and the body carries Type "User" for the caller's faults.
import { AwsError } from '../server/errors';

export class ResourceNotFoundException extends AwsError {
  /** `resource` (the ARN) goes into the body's Resource member, as function URL errors carry it. */
  constructor(message: string, resource?: string) {
    super('ResourceNotFoundException', message, 404, resource === undefined ? {} : { fields: { Resource: resource } });
  }
  /** The wording AWS uses for an event source mapping or tagged resource that does not exist. */
  static resource(requestId: string): ResourceNotFoundException {
    return new ResourceNotFoundException(
      `The resource you requested does not exist. (Service: Lambda, Status Code: 404, Request ID: ${requestId})`,
    );
  }
}

export class ResourceConflictException extends AwsError {
  constructor(message: string) {
    super('ResourceConflictException', message, 409);
  }
}

export class ValidationException extends AwsError {
  constructor(message: string) {
    super('ValidationException', message);
  }
}

export class InvalidParameterValueException extends AwsError {
  constructor(message: string) {
    super('InvalidParameterValueException', message);
  }
}

export class InvalidRequestContentException extends AwsError {
  constructor(message: string) {
    super('InvalidRequestContentException', message);
  }
}

export class PreconditionFailedException extends AwsError {
  constructor() {
    super(
      'PreconditionFailedException',
      'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id',
      412,
    );
  }
}

/** Reason: ReservedFunctionConcurrentInvocationLimitExceeded or ConcurrentInvocationLimitExceeded. */
export class TooManyRequestsException extends AwsError {
  constructor(reason: string) {
    super('TooManyRequestsException', 'Rate Exceeded.', 429, { fields: { Reason: reason } });
  }
}

/** An Invoke payload over the limit. */
export class RequestTooLargeException extends AwsError {
  constructor(message: string) {
    super('RequestTooLargeException', message, 413);
  }
}

/** A deployment package over the limit. */
export class RequestEntityTooLargeException extends AwsError {
  constructor(message: string) {
    super('RequestEntityTooLargeException', message, 413);
  }
}

export class AccessDeniedException extends AwsError {
  constructor(message: string) {
    super('AccessDeniedException', message, 403);
  }
}

export class UnknownOperationException extends AwsError {
  constructor(method: string, path: string) {
    super(
      'UnknownOperationException',
      `The local cloud does not implement the Lambda operation ${method} ${path}.`,
      404,
    );
  }
}
