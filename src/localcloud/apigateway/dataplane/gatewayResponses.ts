// The responses API Gateway itself sends when a request never reaches (or breaks in) the
// integration. Bodies are byte-for-byte what AWS sends, including its inconsistent spacing.

export interface DataPlaneResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** Set on API Gateway's own error responses: the gateway response type and message. */
  gateway?: { type: string; message: string };
}

function gatewayResponse(
  status: number,
  message: string,
  errorType: string,
  type: string,
  compact = true,
): DataPlaneResponse {
  const body = compact ? JSON.stringify({ message }) : `{"message": ${JSON.stringify(message)}}`;
  return {
    status,
    headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': errorType },
    body: Buffer.from(body),
    gateway: { type, message },
  };
}

/** Unknown stage, resource or method — and every route before the first deployment. */
export const missingAuthenticationToken = () =>
  gatewayResponse(
    403,
    'Missing Authentication Token',
    'MissingAuthenticationTokenException',
    'MISSING_AUTHENTICATION_TOKEN',
  );
export const forbidden = (type = 'DEFAULT_4XX') => gatewayResponse(403, 'Forbidden', 'ForbiddenException', type);
/** 500 for configuration errors (e.g. missing Lambda permission), 502 for a broken Lambda response. */
export const internalServerError = (status: 500 | 502 = 500, type = 'DEFAULT_5XX') =>
  gatewayResponse(status, 'Internal server error', 'InternalServerErrorException', type, false);
export const endpointTimedOut = () =>
  gatewayResponse(504, 'Endpoint request timed out', 'InternalServerErrorException', 'INTEGRATION_TIMEOUT', false);
export const tooManyRequests = () => gatewayResponse(429, 'Too Many Requests', 'TooManyRequestsException', 'THROTTLED');
export const unsupportedMediaType = () =>
  gatewayResponse(415, 'Unsupported Media Type', 'UnsupportedMediaTypeException', 'UNSUPPORTED_MEDIA_TYPE', false);

/** Thrown inside the data plane to answer with a gateway response. */
export class GatewayFailure extends Error {
  constructor(
    readonly response: DataPlaneResponse,
    reason: string,
  ) {
    super(reason);
  }
}
