// One class per EFS error code the local cloud raises (botocore 1.43.11 data/efs/2015-02-01
// service-2.json, read 2026-12-03): the body repeats the code as ErrorCode with a Message.
import { AwsError } from '../../server/errors';

abstract class EfsError extends AwsError {
  constructor(code: string, message: string, status: number, extra: Record<string, string> = {}) {
    super(code, message, status, { fields: { ErrorCode: code, Message: message, ...extra } });
  }
}

export class BadRequest extends EfsError {
  constructor(message: string) {
    super('BadRequest', message, 400);
  }
}

export class FileSystemAlreadyExists extends AwsError {
  constructor(fileSystemId: string, token: string) {
    super(
      'FileSystemAlreadyExists',
      `File system '${fileSystemId}' already exists with creation token '${token}'`,
      409,
      {
        fields: {
          ErrorCode: 'FileSystemAlreadyExists',
          Message: 'File system already exists',
          FileSystemId: fileSystemId,
        },
      },
    );
  }
}

export class FileSystemInUse extends EfsError {
  constructor(fileSystemId: string) {
    super('FileSystemInUse', `File system '${fileSystemId}' has mount targets; delete them first.`, 409);
  }
}

export class FileSystemNotFound extends EfsError {
  constructor(id: string) {
    super('FileSystemNotFound', `File system '${id}' does not exist.`, 404);
  }
}

export class AccessPointNotFound extends EfsError {
  constructor(id: string) {
    super('AccessPointNotFound', `Access point '${id}' does not exist.`, 404);
  }
}

export class MountTargetNotFound extends EfsError {
  constructor(id: string) {
    super('MountTargetNotFound', `Mount target '${id}' does not exist.`, 404);
  }
}
