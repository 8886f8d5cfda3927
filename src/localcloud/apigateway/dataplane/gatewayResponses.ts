// The responses API Gateway itself sends when a request never reaches (or breaks in) the
// integration. Bodies are byte-for-byte what AWS sends, including its inconsistent spacing.

export interface DataPlaneResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

function gatewayResponse(status: number, body: string, errorType: string): DataPlaneResponse {
  return { status, headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': errorType }, body: Buffer.from(body) };
}

/** Unknown stage, resource or method — and every route before the first deployment. */
export const missingAuthenticationToken = () => gatewayResponse(403, '{"message":"Missing Authentication Token"}', 'MissingAuthenticationTokenException');
export const forbidden = () => gatewayResponse(403, '{"message":"Forbidden"}', 'ForbiddenException');
/** 500 for configuration errors (e.g. missing Lambda permission), 502 for a broken Lambda response. */
export const internalServerError = (status: 500 | 502 = 500) => gatewayResponse(status, '{"message": "Internal server error"}', 'InternalServerErrorException');
export const endpointTimedOut = () => gatewayResponse(504, '{"message": "Endpoint request timed out"}', 'InternalServerErrorException');
export const tooManyRequests = () => gatewayResponse(429, '{"message":"Too Many Requests"}', 'TooManyRequestsException');
export const unsupportedMediaType = () => gatewayResponse(415, '{"message": "Unsupported Media Type"}', 'UnsupportedMediaTypeException');

/** Thrown inside the data plane to answer with a gateway response. */
export class GatewayFailure extends Error {
  constructor(
    readonly response: DataPlaneResponse,
    reason: string,
  ) {
    super(reason);
  }
}
