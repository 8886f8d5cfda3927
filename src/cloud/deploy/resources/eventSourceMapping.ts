// AWS::Lambda::EventSourceMapping — found again by (function, source ARN); Ref is its UUID.
import {
  CreateEventSourceMappingCommand,
  DeleteEventSourceMappingCommand,
  ListEventSourceMappingsCommand,
  UpdateEventSourceMappingCommand,
  type EventSourceMappingConfiguration,
} from '@aws-sdk/client-lambda';
import { ifExists, whileBusy } from '../awsErrors';
import type { DeployContext, ResourceHandler } from '../context';

async function find(
  ctx: DeployContext,
  fn: string,
  source: string,
): Promise<EventSourceMappingConfiguration | undefined> {
  const list = await ifExists(() =>
    ctx.clients.lambda.send(new ListEventSourceMappingsCommand({ FunctionName: fn, EventSourceArn: source })),
  );
  return list?.EventSourceMappings?.find((m) => m.EventSourceArn === source);
}

export const eventSourceMapping: ResourceHandler = {
  async deploy(_resource, props, ctx) {
    const fn = String(props.FunctionName);
    const source = String(props.EventSourceArn);
    const settings = {
      BatchSize: props.BatchSize === undefined ? undefined : Number(props.BatchSize),
      Enabled: props.Enabled === undefined ? true : props.Enabled === true || props.Enabled === 'true',
      MaximumBatchingWindowInSeconds:
        props.MaximumBatchingWindowInSeconds === undefined ? undefined : Number(props.MaximumBatchingWindowInSeconds),
      FunctionResponseTypes: props.FunctionResponseTypes as never,
    };
    const existing = await find(ctx, fn, source);
    if (!existing) {
      const created = await whileBusy(() =>
        ctx.clients.lambda.send(
          new CreateEventSourceMappingCommand({ FunctionName: fn, EventSourceArn: source, ...settings }),
        ),
      );
      return { ref: created.UUID!, attributes: { Id: created.UUID! }, outcome: 'created' };
    }
    const enabled = existing.State !== 'Disabled' && existing.State !== 'Disabling';
    const differs =
      (settings.BatchSize !== undefined && existing.BatchSize !== settings.BatchSize) ||
      enabled !== settings.Enabled ||
      (settings.MaximumBatchingWindowInSeconds !== undefined &&
        existing.MaximumBatchingWindowInSeconds !== settings.MaximumBatchingWindowInSeconds);
    if (differs)
      await whileBusy(() =>
        ctx.clients.lambda.send(
          new UpdateEventSourceMappingCommand({ UUID: existing.UUID, FunctionName: fn, ...settings }),
        ),
      );
    return { ref: existing.UUID!, attributes: { Id: existing.UUID! }, outcome: differs ? 'updated' : 'unchanged' };
  },

  async remove(resource, ctx, previous) {
    let uuid = previous?.ref;
    if (!uuid) {
      const fnRef = (resource.properties.FunctionName as { Ref?: string })?.Ref;
      const fnResource = fnRef ? ctx.template.resources[fnRef] : undefined;
      if (!fnResource) return false;
      let source: string;
      try {
        source = String(ctx.resolve(resource.properties.EventSourceArn));
      } catch {
        return false; // its source was never deployed, so neither was the mapping
      }
      uuid = (await find(ctx, ctx.physicalName(fnResource), source))?.UUID;
    }
    if (!uuid) return false;
    return (
      (await ifExists(() => ctx.clients.lambda.send(new DeleteEventSourceMappingCommand({ UUID: uuid })))) !== undefined
    );
  },
};
