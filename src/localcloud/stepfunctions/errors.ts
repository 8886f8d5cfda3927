// One class per Step Functions error code, as the SDK raises them. Codes from the Step
// Functions service model (botocore 1.43.11 data/stepfunctions/2016-11-23, read 2026-12-03);
// every one is a 400 of the sender.
import { AwsError } from '../server/errors';

export class StateMachineDoesNotExist extends AwsError {
  constructor(arn: string) {
    super('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
  }
}

export class StateMachineAlreadyExists extends AwsError {
  constructor(arn: string) {
    super('StateMachineAlreadyExists', `State Machine Already Exists: '${arn}'`);
  }
}

export class StateMachineTypeNotSupported extends AwsError {
  constructor() {
    super('StateMachineTypeNotSupported', 'This operation is not supported by this type of state machine');
  }
}

export class ExecutionDoesNotExist extends AwsError {
  constructor(arn: string) {
    super('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
  }
}

export class ExecutionAlreadyExists extends AwsError {
  constructor(arn: string) {
    super('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`);
  }
}

/** `why` replaces the ARN in the message when AWS explains the problem instead. */
export class InvalidArn extends AwsError {
  constructor(arn: string, why = 'Invalid Arn') {
    super('InvalidArn', `Invalid Arn: '${why === 'Invalid Arn' ? arn : why}'`);
  }
}

export class InvalidName extends AwsError {
  constructor(name: string) {
    super('InvalidName', `Invalid Name: '${name}'`);
  }
}

export class InvalidDefinition extends AwsError {
  constructor(detail: string) {
    super('InvalidDefinition', `Invalid State Machine Definition: '${detail}'`);
  }
}

export class InvalidExecutionInput extends AwsError {
  constructor(detail: string) {
    super('InvalidExecutionInput', `Invalid State Machine Execution Input: '${detail}'`);
  }
}

export class InvalidOutput extends AwsError {
  constructor(detail: string) {
    super('InvalidOutput', `Invalid State Machine Execution Output: '${detail}'`);
  }
}

export class InvalidLoggingConfiguration extends AwsError {
  constructor(detail: string) {
    super('InvalidLoggingConfiguration', `Invalid Logging Configuration: ${detail}`);
  }
}

export class InvalidToken extends AwsError {
  constructor(detail = 'Invalid token') {
    super('InvalidToken', `Invalid Token: '${detail}'`);
  }
}

export class TaskDoesNotExist extends AwsError {
  constructor() {
    super('TaskDoesNotExist', "Task Does Not Exist: 'Provided task does not exist anymore'");
  }
}

export class TaskTimedOut extends AwsError {
  constructor() {
    super('TaskTimedOut', "Task Timed Out: 'Provided task does not exist anymore'");
  }
}

export class ValidationException extends AwsError {
  constructor(message: string) {
    super('ValidationException', message);
  }
}

export class ResourceNotFound extends AwsError {
  constructor(arn: string) {
    super('ResourceNotFound', `Resource not found: '${arn}'`);
  }
}

export class UnknownOperationException extends AwsError {
  constructor(operation: string) {
    super(
      'UnknownOperationException',
      `The local cloud's Step Functions does not implement '${operation}'. Use the localstack or aws target for it.`,
    );
  }
}

export class SerializationException extends AwsError {
  constructor(message: string) {
    super('SerializationException', message);
  }
}
