// AWS::Lambda::Url — a function URL. FunctionUrl is kept in the form this machine can reach
// (the local cloud's `*.localhost` host names become path-style URLs for Node).
import {
  CreateFunctionUrlConfigCommand,
  DeleteFunctionUrlConfigCommand,
  GetFunctionUrlConfigCommand,
  UpdateFunctionUrlConfigCommand,
} from '@aws-sdk/client-lambda';
import { ifExists } from '../awsErrors';
import { reachableFunctionUrl } from '../invokeUrls';
import type { ResourceHandler } from '../context';

export const lambdaUrl: ResourceHandler = {
  async deploy(_resource, props, ctx) {
    const fn = String(props.TargetFunctionArn);
    const config = {
      FunctionName: fn,
      AuthType: props.AuthType as never,
      Cors: props.Cors as never,
      ...(props.InvokeMode ? { InvokeMode: props.InvokeMode as never } : {}),
      ...(props.Qualifier ? { Qualifier: String(props.Qualifier) } : {}),
    };
    const current = await ifExists(() =>
      ctx.clients.lambda.send(new GetFunctionUrlConfigCommand({ FunctionName: fn, Qualifier: config.Qualifier })),
    );
    let url: string;
    let arn: string;
    let outcome: 'created' | 'updated' | 'unchanged' = 'unchanged';
    if (!current) {
      const r = await ctx.clients.lambda.send(new CreateFunctionUrlConfigCommand(config));
      [url, arn, outcome] = [r.FunctionUrl!, r.FunctionArn!, 'created'];
    } else if (
      current.AuthType !== props.AuthType ||
      JSON.stringify(current.Cors ?? {}) !== JSON.stringify(normaliseCors(props.Cors))
    ) {
      const r = await ctx.clients.lambda.send(new UpdateFunctionUrlConfigCommand(config));
      [url, arn, outcome] = [r.FunctionUrl!, r.FunctionArn!, 'updated'];
    } else {
      [url, arn] = [current.FunctionUrl!, current.FunctionArn!];
    }
    return {
      ref: arn,
      attributes: { FunctionArn: arn, FunctionUrl: reachableFunctionUrl(url, ctx.target), PublicFunctionUrl: url },
      outcome,
    };
  },

  async remove(resource, ctx) {
    const fnRef = resource.properties.TargetFunctionArn as { Ref?: string };
    const fnResource = fnRef?.Ref ? ctx.template.resources[fnRef.Ref] : undefined;
    if (!fnResource) return false;
    const fn = ctx.physicalName(fnResource);
    return (
      (await ifExists(() => ctx.clients.lambda.send(new DeleteFunctionUrlConfigCommand({ FunctionName: fn })))) !==
      undefined
    );
  },
};

/** The SDK returns Cors with every field present; compare like with like. */
function normaliseCors(c: unknown): Record<string, unknown> {
  if (!c || typeof c !== 'object') return {};
  return c as Record<string, unknown>;
}
