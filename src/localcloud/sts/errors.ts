// One class per STS error code the local cloud raises (botocore 1.43.11
// data/sts/2011-06-15/service-2.json and the STS API Reference's common errors, read 2026-12-03).
import { AwsError } from '../server/errors';

export class InvalidAction extends AwsError {
  constructor(action: string) {
    super(
      'InvalidAction',
      `The action ${action} is not valid for this web service (the local cloud's STS answers GetCallerIdentity and GetAccessKeyInfo).`,
      400,
    );
  }
}

/** A missing or malformed parameter (STS's common ValidationError). */
export class ValidationError extends AwsError {
  constructor(message: string) {
    super('ValidationError', message, 400);
  }
}
