// AWS_PROXY and AWS integrations with Lambda: the function is invoked as API Gateway invokes
// it (principal apigateway.amazonaws.com, source ARN of the route), so its resource policy
// decides, as on AWS.
import type { InvokeResult, LambdaInternal } from '../../server/internal';
import { AwsError } from '../../server/errors';
import { lambdaArnFromUri } from '../model/validation';
import { GatewayFailure, internalServerError, type DataPlaneResponse } from './gatewayResponses';
import { sourceArn, withStageVariables, type Invocation } from './invocation';
import { integrationRequestBody, type BackendResult } from './mapping';
import { proxyEvent } from './proxyEvent';
import { proxyResponse } from './proxyResponse';
import { header } from './requestFacts';

export async function lambdaProxy(
  inv: Invocation,
  lambda: LambdaInternal | undefined,
  signal: AbortSignal,
): Promise<DataPlaneResponse> {
  if (inv.integration.httpMethod !== 'POST') {
    throw new GatewayFailure(
      internalServerError(),
      "Execution failed due to configuration error: AWS_PROXY integrations with Lambda must use the POST integration method (integrationHttpMethod 'POST').",
    );
  }
  const result = await invoke(inv, lambda, Buffer.from(JSON.stringify(proxyEvent(inv))), signal);
  if (result.functionError) {
    throw new GatewayFailure(
      internalServerError(502),
      `Lambda execution failed with status 200 due to customer function error: ${errorMessage(result.payload)}`,
    );
  }
  return proxyResponse(result.payload, inv.api.binaryMediaTypes, header(inv.facts, 'accept'));
}

export async function lambdaAws(
  inv: Invocation,
  lambda: LambdaInternal | undefined,
  signal: AbortSignal,
): Promise<BackendResult> {
  const body = integrationRequestBody(inv);
  const result = await invoke(inv, lambda, body.length > 0 ? body : Buffer.from('{}'), signal);
  const headers = { 'Content-Type': 'application/json' };
  if (result.functionError) return { errorMessage: errorMessage(result.payload), body: result.payload, headers };
  return { body: result.payload, headers };
}

async function invoke(
  inv: Invocation,
  lambda: LambdaInternal | undefined,
  payload: Buffer,
  signal: AbortSignal,
): Promise<InvokeResult> {
  const functionArn = lambdaArnFromUri(withStageVariables(inv.integration.uri ?? '', inv.stageVariables));
  if (!functionArn)
    throw new GatewayFailure(
      internalServerError(),
      `Execution failed due to configuration error: the integration URI names no Lambda function: ${inv.integration.uri}`,
    );
  if (!lambda)
    throw new GatewayFailure(internalServerError(), 'Execution failed: the local cloud runs no Lambda service.');
  try {
    return await lambda.invokeInternal(functionArn, payload, {
      invocationType: 'RequestResponse',
      principal: 'apigateway.amazonaws.com',
      sourceArn: sourceArn(inv),
      sourceAccount: inv.accountId,
      signal,
    });
  } catch (e) {
    if (signal.aborted) throw e;
    const code = e instanceof AwsError ? e.code : 'InternalFailure';
    // A missing permission (or function) is a configuration error: 500. Anything else: 502.
    const status = code === 'AccessDeniedException' || code === 'ResourceNotFoundException' ? 500 : 502;
    const reason =
      code === 'AccessDeniedException'
        ? 'Execution failed due to configuration error: Invalid permissions on Lambda function'
        : `Lambda invocation failed: ${(e as Error).message}`;
    throw new GatewayFailure(internalServerError(status), reason);
  }
}

function errorMessage(payload: Buffer): string {
  try {
    const parsed = JSON.parse(payload.toString('utf8')) as { errorMessage?: unknown };
    return typeof parsed.errorMessage === 'string' ? parsed.errorMessage : payload.toString('utf8');
  } catch {
    return payload.toString('utf8');
  }
}
