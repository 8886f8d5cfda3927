// Invoke (RequestResponse, Event, DryRun; LogType Tail) and the asynchronous invocation
// configuration (Put/Get/Update/DeleteFunctionEventInvokeConfig).
import type { AwsRequest } from '../../server/types';
import type { EventInvokeConfig } from '../model/types';
import type { LambdaDeps } from './deps';
import { json, noContent, parseBody, query, type Operation } from './http';
import { ResourceNotFoundException, ValidationException } from '../errors';

function header(req: AwsRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function invokeOps(deps: LambdaDeps): Record<string, Operation> {
  const { model } = deps;

  const eventInvokeConfigShape = (name: string, qualifier: string | undefined, c: EventInvokeConfig) => ({
    ...c,
    FunctionArn: model.arn(name, qualifier ?? '$LATEST'),
    DestinationConfig: {
      OnSuccess: c.DestinationConfig?.OnSuccess ?? {},
      OnFailure: c.DestinationConfig?.OnFailure ?? {},
    },
  });

  const putConfig =
    (merge: boolean): Operation =>
    (req, p) => {
      const input = parseBody(req);
      const record = model.copy(p.FunctionName!);
      const base: EventInvokeConfig =
        merge && record.eventInvokeConfig ? record.eventInvokeConfig : { LastModified: 0 };
      const retries = input.MaximumRetryAttempts;
      if (retries !== undefined && (!Number.isInteger(retries) || (retries as number) < 0 || (retries as number) > 2)) {
        throw new ValidationException(
          `1 validation error detected: Value '${String(retries)}' at 'maximumRetryAttempts' failed to satisfy constraint: Member must have value less than or equal to 2`,
        );
      }
      const age = input.MaximumEventAgeInSeconds;
      if (age !== undefined && (!Number.isInteger(age) || (age as number) < 60 || (age as number) > 21600)) {
        throw new ValidationException(
          `1 validation error detected: Value '${String(age)}' at 'maximumEventAgeInSeconds' failed to satisfy constraint: Member must have value between 60 and 21600`,
        );
      }
      record.eventInvokeConfig = {
        ...base,
        ...(retries !== undefined ? { MaximumRetryAttempts: retries as number } : {}),
        ...(age !== undefined ? { MaximumEventAgeInSeconds: age as number } : {}),
        ...(input.DestinationConfig
          ? { DestinationConfig: input.DestinationConfig as EventInvokeConfig['DestinationConfig'] }
          : {}),
        LastModified: Date.now() / 1000,
      };
      model.save(record);
      return json(200, eventInvokeConfigShape(record.name, query(req, 'Qualifier'), record.eventInvokeConfig));
    };

  return {
    async Invoke(req, p) {
      const type = header(req, 'x-amz-invocation-type') ?? 'RequestResponse';
      if (!['RequestResponse', 'Event', 'DryRun'].includes(type)) {
        throw new ValidationException(
          `1 validation error detected: Value '${type}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]`,
        );
      }
      const logType = header(req, 'x-amz-log-type');
      const result = await deps.invocations.invoke(p.FunctionName!, req.body, {
        invocationType: type as 'RequestResponse' | 'Event' | 'DryRun',
        qualifier: query(req, 'Qualifier'),
        logType: logType === 'Tail' ? 'Tail' : 'None',
        clientContext: header(req, 'x-amz-client-context'),
        signal: req.signal,
      });
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'x-amz-executed-version': result.executedVersion,
      };
      if (result.requestId) headers['x-amzn-requestid'] = result.requestId;
      if (result.functionError) headers['x-amz-function-error'] = result.functionError;
      if (result.logResult) headers['x-amz-log-result'] = result.logResult;
      return { status: result.statusCode, headers, body: result.payload };
    },

    PutFunctionEventInvokeConfig: putConfig(false),
    UpdateFunctionEventInvokeConfig: putConfig(true),

    GetFunctionEventInvokeConfig(req, p) {
      const record = model.get(p.FunctionName!);
      if (!record.eventInvokeConfig)
        throw new ResourceNotFoundException(`The function ${model.arn(record.name)} doesn't have an EventInvokeConfig`);
      return json(200, eventInvokeConfigShape(record.name, query(req, 'Qualifier'), record.eventInvokeConfig));
    },

    DeleteFunctionEventInvokeConfig(_req, p) {
      const record = model.copy(p.FunctionName!);
      delete record.eventInvokeConfig;
      model.save(record);
      return noContent();
    },
  };
}
