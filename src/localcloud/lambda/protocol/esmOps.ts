// Event source mappings (SQS): Create/Get/Update/Delete/ListEventSourceMappings.
import { randomUUID } from 'node:crypto';
import type { SqsInternal } from '../../server/internal';
import type { EventSourceMapping } from '../model/types';
import type { LambdaDeps } from './deps';
import { json, paginate, parseBody, query, type Operation } from './http';
import { InvalidParameterValueException, ResourceNotFoundException, ValidationException } from '../errors';

export function esmOps(deps: LambdaDeps): Record<string, Operation> {
  const { model, ctx } = deps;

  const shape = ({ tags: _tags, ...m }: EventSourceMapping, state?: EventSourceMapping['State']) => ({
    ...m,
    State: state ?? m.State,
    EventSourceMappingArn: `arn:aws:lambda:${ctx.region}:${ctx.accountId}:event-source-mapping:${m.UUID}`,
  });
  const find = (uuid: string) => {
    const m = model.mappings.get(uuid);
    if (!m) throw ResourceNotFoundException.resource(randomUUID());
    return structuredClone(m);
  };
  const functionArn = (ref: unknown) => {
    if (typeof ref !== 'string')
      throw new ValidationException(
        "1 validation error detected: Value null at 'functionName' failed to satisfy constraint: Member must not be null",
      );
    const r = model.resolve(ref);
    return model.arn(r.record.name, r.qualifier);
  };
  const checkBatch = (batch: number, windowSeconds: number) => {
    if (!Number.isInteger(batch) || batch < 1 || batch > 10_000)
      throw new ValidationException(
        `1 validation error detected: Value '${batch}' at 'batchSize' failed to satisfy constraint: Member must have value between 1 and 10000`,
      );
    if (!Number.isInteger(windowSeconds) || windowSeconds < 0 || windowSeconds > 300)
      throw new ValidationException(
        `1 validation error detected: Value '${windowSeconds}' at 'maximumBatchingWindowInSeconds' failed to satisfy constraint: Member must have value between 0 and 300`,
      );
    if (batch > 10 && windowSeconds === 0)
      throw new InvalidParameterValueException(
        'Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10',
      );
  };
  const responseTypes = (v: unknown): string[] => {
    const list = (v ?? []) as string[];
    if (!Array.isArray(list) || list.some((t) => t !== 'ReportBatchItemFailures'))
      throw new ValidationException(
        `1 validation error detected: Value '${JSON.stringify(v)}' at 'functionResponseTypes' failed to satisfy constraint: Member must satisfy enum value set: [ReportBatchItemFailures]`,
      );
    return list;
  };

  return {
    CreateEventSourceMapping(req) {
      const input = parseBody(req);
      const source = input.EventSourceArn;
      if (typeof source !== 'string' || !source.startsWith('arn:aws:sqs:')) {
        throw new InvalidParameterValueException(
          'The local cloud maps Amazon SQS queues to functions (EventSourceArn arn:aws:sqs:…); other event sources are not supported.',
        );
      }
      const sqs = ctx.services.get<SqsInternal>('sqs');
      const queue = sqs?.findQueue(source);
      if (!queue) {
        throw new InvalidParameterValueException(
          `Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not exist for this wsdl version.`,
        );
      }
      // Messages must stay hidden while a batch runs, or they would be handed out twice.
      const timeout = model.resolve(String(input.FunctionName ?? '')).config.Timeout;
      if (queue.visibilityTimeout < timeout) {
        throw new InvalidParameterValueException(
          `Queue visibility timeout: ${queue.visibilityTimeout} seconds is less than Function timeout: ${timeout} seconds`,
        );
      }
      const batch = input.BatchSize === undefined ? 10 : Number(input.BatchSize);
      const windowSeconds =
        input.MaximumBatchingWindowInSeconds === undefined ? 0 : Number(input.MaximumBatchingWindowInSeconds);
      checkBatch(batch, windowSeconds);
      const fn = functionArn(input.FunctionName);
      const m: EventSourceMapping = {
        UUID: randomUUID(),
        EventSourceArn: source,
        FunctionArn: fn,
        BatchSize: batch,
        MaximumBatchingWindowInSeconds: windowSeconds,
        FunctionResponseTypes: responseTypes(input.FunctionResponseTypes),
        State: input.Enabled === false ? 'Disabled' : 'Enabled',
        StateTransitionReason: 'USER_INITIATED',
        LastModified: Date.now() / 1000,
        ...(input.ScalingConfig ? { ScalingConfig: input.ScalingConfig as EventSourceMapping['ScalingConfig'] } : {}),
        ...(input.Tags && typeof input.Tags === 'object'
          ? { tags: { ...(input.Tags as Record<string, string>) } }
          : {}),
      };
      model.commit({ t: 'putEsm', esm: m });
      deps.mappingsChanged();
      return json(202, shape(m, m.State === 'Enabled' ? 'Creating' : 'Disabled'));
    },

    GetEventSourceMapping(_req, p) {
      return json(200, shape(find(p.UUID!)));
    },

    UpdateEventSourceMapping(req, p) {
      const input = parseBody(req);
      const m = find(p.UUID!);
      if (input.FunctionName !== undefined) m.FunctionArn = functionArn(input.FunctionName);
      if (input.BatchSize !== undefined) m.BatchSize = Number(input.BatchSize);
      if (input.MaximumBatchingWindowInSeconds !== undefined)
        m.MaximumBatchingWindowInSeconds = Number(input.MaximumBatchingWindowInSeconds);
      checkBatch(m.BatchSize, m.MaximumBatchingWindowInSeconds);
      if (input.FunctionResponseTypes !== undefined)
        m.FunctionResponseTypes = responseTypes(input.FunctionResponseTypes);
      if (input.Enabled !== undefined) m.State = input.Enabled === false ? 'Disabled' : 'Enabled';
      if (input.ScalingConfig !== undefined)
        m.ScalingConfig = input.ScalingConfig as EventSourceMapping['ScalingConfig'];
      m.LastModified = Date.now() / 1000;
      model.commit({ t: 'putEsm', esm: m });
      deps.mappingsChanged();
      return json(202, shape(m, 'Updating'));
    },

    DeleteEventSourceMapping(_req, p) {
      const m = find(p.UUID!);
      model.commit({ t: 'deleteEsm', uuid: m.UUID });
      deps.mappingsChanged();
      return json(202, shape(m, 'Deleting'));
    },

    ListEventSourceMappings(req) {
      const source = query(req, 'EventSourceArn');
      const fn = query(req, 'FunctionName');
      const fnName = fn ? model.get(fn).name : undefined;
      const list = [...model.mappings.values()].filter(
        (m) => (!source || m.EventSourceArn === source) && (!fnName || m.FunctionArn.split(':')[6] === fnName),
      );
      const { page, NextMarker } = paginate(list, req, 100);
      return json(200, { EventSourceMappings: page.map((m) => shape(m)), ...(NextMarker ? { NextMarker } : {}) });
    },
  };
}
