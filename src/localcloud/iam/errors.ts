// One class per IAM error code. Codes and HTTP statuses from the IAM service model
// (botocore 1.43.11 data/iam/2010-05-08/service-2.json, read 2026-12-03).
import { AwsError } from '../server/errors';

export class NoSuchEntity extends AwsError {
  constructor(message: string) {
    super('NoSuchEntity', message, 404);
  }
  static role(name: string): NoSuchEntity {
    return new NoSuchEntity(`The role with name ${name} cannot be found.`);
  }
}

export class EntityAlreadyExists extends AwsError {
  constructor(message: string) {
    super('EntityAlreadyExists', message, 409);
  }
}

export class DeleteConflict extends AwsError {
  constructor(message: string) {
    super('DeleteConflict', message, 409);
  }
}

export class MalformedPolicyDocument extends AwsError {
  constructor(message: string) {
    super('MalformedPolicyDocument', message, 400);
  }
}

export class InvalidInput extends AwsError {
  constructor(message: string) {
    super('InvalidInput', message, 400);
  }
}

export class LimitExceeded extends AwsError {
  constructor(message: string) {
    super('LimitExceeded', message, 409);
  }
}

/** Input that breaks a member's constraint (length, pattern, range) or a missing member. */
export class ValidationError extends AwsError {
  constructor(message: string) {
    super('ValidationError', message, 400);
  }
}

/** An action IAM does not have, or one the local cloud does not model. */
export class InvalidAction extends AwsError {
  constructor(action: string) {
    super(
      'InvalidAction',
      `The action ${action} is not valid for this web service (the local cloud's IAM models roles and their policies).`,
      400,
    );
  }
}
