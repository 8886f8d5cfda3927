// One class per SQS error code. SQS speaks JSON with awsQueryCompatible, so every error has
// its JSON name (`__type`) and the query-protocol code that goes into `x-amzn-query-error`
// and into query-protocol XML bodies. Codes and statuses follow the service model.
import { AwsError } from '../server/errors';

abstract class SqsError extends AwsError {
  constructor(code: string, queryCode: string, message: string, status = 400) {
    super(code, message, status, { queryCode });
  }
}

export class QueueDoesNotExist extends SqsError {
  constructor(message = 'The specified queue does not exist.') {
    super('QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue', message);
  }
}

export class QueueNameExists extends SqsError {
  constructor(attribute: string) {
    super(
      'QueueNameExists',
      'QueueAlreadyExists',
      `A queue already exists with the same name and a different value for attribute ${attribute}`,
    );
  }
}

export class InvalidParameterValue extends SqsError {
  constructor(message: string) {
    super('InvalidParameterValueException', 'InvalidParameterValue', message);
  }
  /** AWS's usual wording: "Value X for parameter P is invalid. Reason: R." */
  static of(param: string, value: unknown, reason: string): InvalidParameterValue {
    return new InvalidParameterValue(`Value ${String(value)} for parameter ${param} is invalid. Reason: ${reason}`);
  }
}

export class MissingParameter extends SqsError {
  constructor(param: string) {
    super('MissingRequiredParameterException', 'MissingParameter', `The request must contain the parameter ${param}.`);
  }
}

export class InvalidAttributeName extends SqsError {
  constructor(message: string) {
    super('InvalidAttributeName', 'InvalidAttributeName', message);
  }
}

export class InvalidAttributeValue extends SqsError {
  constructor(message: string) {
    super('InvalidAttributeValue', 'InvalidAttributeValue', message);
  }
}

export class ReceiptHandleIsInvalid extends SqsError {
  constructor(handle: string) {
    super(
      'ReceiptHandleIsInvalid',
      'ReceiptHandleIsInvalid',
      `The input receipt handle "${handle}" is not a valid receipt handle.`,
      404,
    );
  }
}

export class MessageNotInflight extends SqsError {
  constructor() {
    super(
      'MessageNotInflight',
      'AWS.SimpleQueueService.MessageNotInflight',
      'The message referred to is not in flight.',
    );
  }
}

export class PurgeQueueInProgress extends SqsError {
  constructor(queueName: string) {
    super(
      'PurgeQueueInProgress',
      'AWS.SimpleQueueService.PurgeQueueInProgress',
      `Only one PurgeQueue operation on ${queueName} is allowed every 60 seconds.`,
      403,
    );
  }
}

export class EmptyBatchRequest extends SqsError {
  constructor(entryName: string) {
    super(
      'EmptyBatchRequest',
      'AWS.SimpleQueueService.EmptyBatchRequest',
      `There should be at least one ${entryName} in the request.`,
    );
  }
}

export class TooManyEntriesInBatchRequest extends SqsError {
  constructor(count: number) {
    super(
      'TooManyEntriesInBatchRequest',
      'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
      `Maximum number of entries per request are 10. You have sent ${count}.`,
    );
  }
}

export class BatchEntryIdsNotDistinct extends SqsError {
  constructor(id: string) {
    super('BatchEntryIdsNotDistinct', 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct', `Id ${id} repeated.`);
  }
}

export class InvalidBatchEntryId extends SqsError {
  constructor() {
    super(
      'InvalidBatchEntryId',
      'AWS.SimpleQueueService.InvalidBatchEntryId',
      'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.',
    );
  }
}

export class BatchRequestTooLong extends SqsError {
  constructor(limit: number, size: number) {
    super(
      'BatchRequestTooLong',
      'AWS.SimpleQueueService.BatchRequestTooLong',
      `Batch requests cannot be longer than ${limit} bytes. You have sent ${size} bytes.`,
    );
  }
}

export class ResourceNotFoundException extends SqsError {
  constructor(message: string) {
    super('ResourceNotFoundException', 'ResourceNotFoundException', message, 404);
  }
}

/** Unknown action: JSON says UnknownOperationException, the query protocol InvalidAction. */
export class InvalidAction extends SqsError {
  constructor(action: string) {
    super('UnknownOperationException', 'InvalidAction', `The action ${action} is not valid for this endpoint.`);
  }
}

/** A body that is not JSON / not a form: AWS answers SerializationException / MalformedQueryString. */
export class MalformedRequest extends SqsError {
  constructor(message: string) {
    super('SerializationException', 'MalformedQueryString', message);
  }
}

export class InvalidMessageContents extends SqsError {
  constructor(message: string) {
    super('InvalidMessageContents', 'InvalidMessageContents', message);
  }
}
