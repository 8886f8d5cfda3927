// One class per CloudWatch Logs error code (botocore 1.43.11 data/logs/2014-03-28
// service-2.json, read 2026-12-03); all are 400s of the sender.
import { AwsError } from '../server/errors';

export class InvalidParameterException extends AwsError {
  constructor(message: string) {
    super('InvalidParameterException', message);
  }
  /** AWS's wording for a required member that is missing. */
  static missing(member: string): InvalidParameterException {
    return new InvalidParameterException(
      `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
    );
  }
}

export class ResourceAlreadyExistsException extends AwsError {
  constructor(message: string) {
    super('ResourceAlreadyExistsException', message);
  }
}

export class ResourceNotFoundException extends AwsError {
  constructor(message: string) {
    super('ResourceNotFoundException', message);
  }
}

export class TooManyTagsException extends AwsError {
  constructor(maxTags: number, resourceName: string) {
    super('TooManyTagsException', `A resource can have no more than ${maxTags} tags.`, 400, {
      fields: { resourceName },
    });
  }
}

export class UnknownOperationException extends AwsError {
  constructor(target: string) {
    super('UnknownOperationException', `The local cloud does not implement CloudWatch Logs operation '${target}'.`);
  }
}

export class SerializationException extends AwsError {
  constructor(message: string) {
    super('SerializationException', message);
  }
}
