// Lambda functions (from AWS::Serverless::Function): package, then create or update code and
// configuration. Code is compared by CodeSha256, so unchanged code is not uploaded again.
import {
  CreateFunctionCommand,
  DeleteEventSourceMappingCommand,
  DeleteFunctionCommand,
  GetFunctionCommand,
  ListEventSourceMappingsCommand,
  UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand,
  PutFunctionConcurrencyCommand,
  DeleteFunctionConcurrencyCommand,
  type FunctionConfiguration,
} from '@aws-sdk/client-lambda';
import { DeleteLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
import { join } from 'node:path';
import { packageFunction } from '../../packaging/packageFunction';
import {
  recommendedRuntime,
  RUNTIME_CALENDAR_SOURCE,
  runtimeBlocked,
  runtimeLifecycle,
} from '../../packaging/runtimes';
import { ifExists, sleep, whileBusy } from '../awsErrors';
import type { DeployContext, ResourceHandler } from '../context';

interface FunctionProps {
  CodeUri: string;
  Handler: string;
  Runtime: string;
  MemorySize?: number;
  Timeout?: number;
  Environment?: { Variables?: Record<string, unknown> };
  Architectures?: string[];
  Description?: string;
  FileSystemConfigs?: Array<{ Arn: string; LocalMountPath: string }>;
  /** On AWS a function that mounts EFS must run in the file system's VPC. */
  VpcConfig?: { SubnetIds?: string[]; SecurityGroupIds?: string[] };
  Role?: string;
  Policies?: unknown;
  ReservedConcurrentExecutions?: number;
}

function configurationOf(p: FunctionProps, role: string) {
  return {
    Handler: p.Handler,
    Runtime: p.Runtime as never,
    MemorySize: Number(p.MemorySize ?? 128),
    Timeout: Number(p.Timeout ?? 3),
    Role: role,
    Description: p.Description ?? '',
    Environment: {
      Variables: Object.fromEntries(Object.entries(p.Environment?.Variables ?? {}).map(([k, v]) => [k, String(v)])),
    },
    ...(p.FileSystemConfigs ? { FileSystemConfigs: p.FileSystemConfigs } : {}),
    // Empty lists (a lesson's default) mean no VPC, as on AWS.
    ...(p.VpcConfig
      ? {
          VpcConfig: {
            SubnetIds: (p.VpcConfig.SubnetIds ?? []).map(String),
            SecurityGroupIds: (p.VpcConfig.SecurityGroupIds ?? []).map(String),
          },
        }
      : {}),
  };
}

function configDiffers(current: FunctionConfiguration, wanted: ReturnType<typeof configurationOf>): boolean {
  const env = current.Environment?.Variables ?? {};
  return (
    current.Handler !== wanted.Handler ||
    current.Runtime !== wanted.Runtime ||
    current.MemorySize !== wanted.MemorySize ||
    current.Timeout !== wanted.Timeout ||
    (current.Description ?? '') !== wanted.Description ||
    JSON.stringify(sortKeys(env)) !== JSON.stringify(sortKeys(wanted.Environment.Variables)) ||
    (wanted.VpcConfig !== undefined && vpcKey(current.VpcConfig) !== vpcKey(wanted.VpcConfig))
  );
}

/** Comparable form of a VpcConfig: the order of ids does not matter. */
const vpcKey = (v: { SubnetIds?: string[]; SecurityGroupIds?: string[] } | undefined) =>
  [v?.SubnetIds, v?.SecurityGroupIds].map((ids) => [...(ids ?? [])].sort().join()).join('|');

const sortKeys = (o: Record<string, string>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

export const lambdaFunction: ResourceHandler = {
  async deploy(resource, rawProps, ctx) {
    const p = rawProps as unknown as FunctionProps;
    const name = ctx.physicalName(resource);
    const lambda = ctx.clients.lambda;
    // As SAM: an SQS event source and a VpcConfig with subnets add what the role needs for them.
    const sqsEventSource = Object.values(ctx.template.resources).some(
      (r) =>
        r.type === 'AWS::Lambda::EventSourceMapping' &&
        (r.properties.FunctionName as { Ref?: string } | undefined)?.Ref === resource.logicalId,
    );
    const vpc = (p.VpcConfig?.SubnetIds ?? []).length > 0;
    const role = p.Role
      ? String(p.Role)
      : await ctx.roles.arn('lambda', resource.logicalId, p.Policies, { sqsEventSource, vpc }, (m) => ctx.warn(m));
    ctx.note('packaging');
    const pkg = await packageFunction(
      join(ctx.template.baseDir, p.CodeUri),
      p.Runtime,
      p.Handler,
      undefined,
      ctx.prebuiltCopies,
    );
    const wanted = configurationOf(p, role);
    const current = await ifExists(() => lambda.send(new GetFunctionCommand({ FunctionName: name })));
    refuseBlockedRuntime(resource.logicalId, p.Runtime, current?.Configuration ? 'update' : 'create');
    let outcome: 'created' | 'updated' | 'unchanged' = 'unchanged';
    let arn: string;
    if (!current?.Configuration) {
      ctx.note('creating');
      const created = await whileBusy(
        () =>
          lambda.send(
            new CreateFunctionCommand({
              FunctionName: name,
              Code: { ZipFile: pkg.zip },
              Architectures: (p.Architectures ?? ['x86_64']) as never,
              ...wanted,
            }),
          ),
        // IAM roles take a moment to become assumable by Lambda on AWS.
        ['InvalidParameterValueException', 'ResourceConflictException', 'TooManyRequestsException'],
        ctx.target.kind === 'aws' ? 15 : 0,
      );
      arn = created.FunctionArn!;
      outcome = 'created';
    } else {
      arn = current.Configuration.FunctionArn!;
      // Configuration first: moving off a runtime AWS blocks is the only update it still accepts.
      if (configDiffers(current.Configuration, wanted)) {
        await waitUntilSettled(ctx, name);
        await whileBusy(() => lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: name, ...wanted })));
        outcome = 'updated';
      }
      if (current.Configuration.CodeSha256 !== pkg.sha256) {
        ctx.note('uploading changed code');
        await whileBusy(() => lambda.send(new UpdateFunctionCodeCommand({ FunctionName: name, ZipFile: pkg.zip })));
        outcome = 'updated';
      }
    }
    const concurrency = current?.Concurrency?.ReservedConcurrentExecutions;
    if (p.ReservedConcurrentExecutions !== undefined && concurrency !== Number(p.ReservedConcurrentExecutions)) {
      await lambda.send(
        new PutFunctionConcurrencyCommand({
          FunctionName: name,
          ReservedConcurrentExecutions: Number(p.ReservedConcurrentExecutions),
        }),
      );
    } else if (p.ReservedConcurrentExecutions === undefined && concurrency !== undefined) {
      await lambda.send(new DeleteFunctionConcurrencyCommand({ FunctionName: name }));
    }
    await waitUntilSettled(ctx, name);
    return { ref: name, attributes: { Arn: arn, Name: name }, outcome, hash: pkg.sha256 };
  },

  async remove(resource, ctx) {
    const name = ctx.physicalName(resource);
    const lambda = ctx.clients.lambda;
    if (!(await ifExists(() => lambda.send(new GetFunctionCommand({ FunctionName: name }))))) {
      await ifExists(() => ctx.clients.logs.send(new DeleteLogGroupCommand({ logGroupName: `/aws/lambda/${name}` })));
      return false;
    }
    // Event source mappings outlive their function on AWS; remove them first.
    const mappings = await ifExists(() => lambda.send(new ListEventSourceMappingsCommand({ FunctionName: name })));
    for (const m of mappings?.EventSourceMappings ?? [])
      await ifExists(() => lambda.send(new DeleteEventSourceMappingCommand({ UUID: m.UUID })));
    await ifExists(() => lambda.send(new DeleteFunctionCommand({ FunctionName: name })));
    await ifExists(() => ctx.clients.logs.send(new DeleteLogGroupCommand({ logGroupName: `/aws/lambda/${name}` })));
    return true;
  },
};

/** Lambda refuses changes while a previous one is in progress; wait for Active/Successful. */
/** Stops before packaging reaches AWS with a runtime its calendar refuses, and says what to use instead. */
function refuseBlockedRuntime(logicalId: string, runtime: string, operation: 'create' | 'update'): void {
  if (!runtimeBlocked(runtime, operation)) return;
  const since =
    operation === 'create' ? runtimeLifecycle(runtime)?.blockCreate : runtimeLifecycle(runtime)?.blockUpdate;
  const next = recommendedRuntime(runtime);
  throw new Error(
    `${logicalId}: AWS Lambda no longer accepts ${operation === 'create' ? 'new' : 'updated'} functions on ${runtime} (since ${since}, ${RUNTIME_CALENDAR_SOURCE.url}); set Runtime to ${next ?? 'a current runtime'} in the template.`,
  );
}

async function waitUntilSettled(ctx: DeployContext, name: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const c = (await ctx.clients.lambda.send(new GetFunctionCommand({ FunctionName: name }))).Configuration;
    const busy = c?.State === 'Pending' || c?.LastUpdateStatus === 'InProgress';
    if (!busy) {
      if (c?.State === 'Failed')
        throw new Error(`function ${name} failed to become active: ${c.StateReason ?? 'no reason given'}`);
      return;
    }
    if (i === 0) ctx.note('waiting for the function to be ready');
    await sleep(1000);
  }
  throw new Error(`function ${name} is still updating after 2 minutes; try again later`);
}
