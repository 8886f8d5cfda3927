// Step Functions' error codes, as the SDK raises them (one constructor per code).
import { AwsError } from '../server/errors';

export const sfnErrors = {
  stateMachineDoesNotExist: (arn: string) => new AwsError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`),
  stateMachineAlreadyExists: (arn: string) => new AwsError('StateMachineAlreadyExists', `State Machine Already Exists: '${arn}'`),
  stateMachineDeleting: (arn: string) => new AwsError('StateMachineDeleting', `State Machine is being deleted: '${arn}'`),
  stateMachineTypeNotSupported: () => new AwsError('StateMachineTypeNotSupported', 'This operation is not supported by this type of state machine'),
  executionDoesNotExist: (arn: string) => new AwsError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`),
  executionAlreadyExists: (arn: string) => new AwsError('ExecutionAlreadyExists', `Execution Already Exists: '${arn}'`),
  invalidArn: (arn: string, why = 'Invalid Arn') => new AwsError('InvalidArn', `Invalid Arn: '${why === 'Invalid Arn' ? arn : why}'`),
  invalidName: (name: string) => new AwsError('InvalidName', `Invalid Name: '${name}'`),
  invalidDefinition: (detail: string) => new AwsError('InvalidDefinition', `Invalid State Machine Definition: '${detail}'`),
  invalidExecutionInput: (detail: string) => new AwsError('InvalidExecutionInput', `Invalid State Machine Execution Input: '${detail}'`),
  invalidOutput: (detail: string) => new AwsError('InvalidOutput', `Invalid State Machine Execution Output: '${detail}'`),
  invalidLoggingConfiguration: (detail: string) => new AwsError('InvalidLoggingConfiguration', `Invalid Logging Configuration: ${detail}`),
  invalidToken: (detail = 'Invalid token') => new AwsError('InvalidToken', `Invalid Token: '${detail}'`),
  taskDoesNotExist: () => new AwsError('TaskDoesNotExist', "Task Does Not Exist: 'Provided task does not exist anymore'"),
  taskTimedOut: () => new AwsError('TaskTimedOut', "Task Timed Out: 'Provided task does not exist anymore'"),
  validation: (message: string) => new AwsError('ValidationException', message),
  resourceNotFound: (arn: string) => new AwsError('ResourceNotFound', `Resource not found: '${arn}'`),
  unknownOperation: (op: string) => new AwsError('UnknownOperationException', `The local cloud's Step Functions does not implement '${op}'. Use the localstack or aws target for it.`),
  serialization: (message: string) => new AwsError('SerializationException', message),
};
