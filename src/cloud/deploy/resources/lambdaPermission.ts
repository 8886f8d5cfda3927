// AWS::Lambda::Permission — one statement (id = logical ID) in the function's policy.
// A changed statement is removed and added again, as AWS has no update for it.
import { AddPermissionCommand, GetPolicyCommand, RemovePermissionCommand } from '@aws-sdk/client-lambda';
import { errorName, ifExists } from '../awsErrors';
import type { DeployContext, ResourceHandler } from '../context';

function functionName(props: Record<string, unknown>): string {
  return String(props.FunctionName);
}

async function currentStatement(
  ctx: DeployContext,
  fn: string,
  sid: string,
): Promise<Record<string, unknown> | undefined> {
  const policy = await ifExists(() => ctx.clients.lambda.send(new GetPolicyCommand({ FunctionName: fn })));
  if (!policy?.Policy) return undefined;
  const doc = JSON.parse(policy.Policy) as { Statement?: Array<Record<string, unknown>> };
  return doc.Statement?.find((s) => s.Sid === sid);
}

export const lambdaPermission: ResourceHandler = {
  async deploy(resource, props, ctx, previous) {
    const fn = functionName(props);
    const sid = resource.logicalId;
    const hash = JSON.stringify(props);
    const existing = await currentStatement(ctx, fn, sid);
    if (existing && previous?.hash === hash) return { ref: sid, attributes: {}, outcome: 'unchanged', hash };
    if (existing)
      await ifExists(() =>
        ctx.clients.lambda.send(new RemovePermissionCommand({ FunctionName: fn, StatementId: sid })),
      );
    try {
      await ctx.clients.lambda.send(
        new AddPermissionCommand({
          FunctionName: fn,
          StatementId: sid,
          Action: String(props.Action),
          Principal: String(props.Principal),
          ...(props.SourceArn ? { SourceArn: String(props.SourceArn) } : {}),
          ...(props.SourceAccount ? { SourceAccount: String(props.SourceAccount) } : {}),
          ...(props.FunctionUrlAuthType ? { FunctionUrlAuthType: props.FunctionUrlAuthType as never } : {}),
          ...(props.InvokedViaFunctionUrl === true || props.InvokedViaFunctionUrl === 'true'
            ? { InvokedViaFunctionUrl: true }
            : {}),
        }),
      );
    } catch (e) {
      if (errorName(e) !== 'ResourceConflictException') throw e;
    }
    return { ref: sid, attributes: {}, outcome: existing ? 'updated' : 'created', hash };
  },

  async remove(resource, ctx) {
    const fnRef = resource.properties.FunctionName as { Ref?: string } | string;
    const fnResource = typeof fnRef === 'object' && fnRef.Ref ? ctx.template.resources[fnRef.Ref] : undefined;
    const fn = fnResource ? ctx.physicalName(fnResource) : String(ctx.resolve(fnRef));
    const removed = await ifExists(() =>
      ctx.clients.lambda.send(new RemovePermissionCommand({ FunctionName: fn, StatementId: resource.logicalId })),
    );
    return removed !== undefined;
  },
};
