// Signature and credential failures, one class per code. The same failure has different
// codes per service (S3 says InvalidAccessKeyId where JSON/query services say
// InvalidClientTokenId), so `authError` picks the class by the code the service uses.
import { AwsError } from './errors';

export class IncompleteSignature extends AwsError {
  constructor(message: string) {
    super('IncompleteSignature', message, 400);
  }
}
export class AuthorizationQueryParametersError extends AwsError {
  constructor(message: string) {
    super('AuthorizationQueryParametersError', message, 400);
  }
}
export class MissingAuthenticationToken extends AwsError {
  constructor(message: string) {
    super('MissingAuthenticationToken', message, 403);
  }
}
export class InvalidClientTokenId extends AwsError {
  constructor(message: string) {
    super('InvalidClientTokenId', message, 403);
  }
}
export class InvalidAccessKeyId extends AwsError {
  constructor(message: string) {
    super('InvalidAccessKeyId', message, 403);
  }
}
export class AccessDenied extends AwsError {
  constructor(message: string) {
    super('AccessDenied', message, 403);
  }
}
export class SignatureDoesNotMatch extends AwsError {
  constructor(message: string) {
    super('SignatureDoesNotMatch', message, 403);
  }
}
export class InvalidSignatureException extends AwsError {
  constructor(message: string) {
    super('InvalidSignatureException', message, 403);
  }
}
export class RequestExpired extends AwsError {
  constructor(message: string) {
    super('RequestExpired', message, 403);
  }
}
export class RequestTimeTooSkewed extends AwsError {
  constructor(message: string) {
    super('RequestTimeTooSkewed', message, 403);
  }
}

const MALFORMED: Record<string, new (message: string) => AwsError> = {
  IncompleteSignature,
  AuthorizationQueryParametersError,
};
const REFUSED: Record<string, new (message: string) => AwsError> = {
  MissingAuthenticationToken,
  InvalidClientTokenId,
  InvalidAccessKeyId,
  AccessDenied,
  SignatureDoesNotMatch,
  InvalidSignatureException,
  RequestExpired,
  RequestTimeTooSkewed,
};

/** A signature that cannot be read (400). */
export function malformedSignature(code: string | undefined, message: string): AwsError {
  return new (MALFORMED[code ?? ''] ?? IncompleteSignature)(message);
}

/** A refused request (403), under the code `service` uses for it. */
export function authError(service: string | undefined, code: string, message: string): AwsError {
  // S3 names an unknown key InvalidAccessKeyId; query/JSON services say InvalidClientTokenId.
  const s3Codes: Record<string, string> = {
    InvalidClientTokenId: 'InvalidAccessKeyId',
    MissingAuthenticationToken: 'AccessDenied',
    RequestExpired: 'AccessDenied',
  };
  const c =
    service === 's3'
      ? (s3Codes[code] ?? code)
      : code === 'SignatureDoesNotMatch' && service !== 'sqs'
        ? 'InvalidSignatureException'
        : code;
  return new (REFUSED[c] ?? AccessDenied)(message);
}
