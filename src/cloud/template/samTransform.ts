// The SAM transform for the supported subset: Serverless::Function and
// Serverless::StateMachine become plain resources, function events become event source
// mappings, permissions, bucket notifications and an implicit REST API (ServerlessRestApi,
// stage Prod) — the logical IDs `sam deploy` would generate. Bucket notifications always
// become their own resource so a function may Ref the bucket that triggers it.
import type { CfnResource } from './model';
import { INTERNAL_RESOURCE_TYPES } from './resourceTypes';

export interface AuthoredResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
}

export const IMPLICIT_API = 'ServerlessRestApi';
export const IMPLICIT_STAGE = 'Prod';

export function samTransform(
  resources: Record<string, AuthoredResource>,
  globals: Record<string, unknown> = {},
): Record<string, CfnResource> {
  const out: Record<string, CfnResource> = {};
  const add = (
    logicalId: string,
    type: string,
    properties: Record<string, unknown>,
    origin: string,
    dependsOn: string[] = [],
  ) => {
    out[logicalId] = { logicalId, type, properties, dependsOn, origin };
  };
  const notifications = new Map<string, { lambda: unknown[]; queue: unknown[]; origin: string; dependsOn: string[] }>();
  const notificationsOf = (bucket: string, origin: string) => {
    let n = notifications.get(bucket);
    if (!n) notifications.set(bucket, (n = { lambda: [], queue: [], origin, dependsOn: [] }));
    return n;
  };
  const api = new ImplicitApi(add);
  const functionGlobals = (globals.Function ?? {}) as Record<string, unknown>;

  for (const [id, r] of Object.entries(resources)) {
    const props = { ...(r.Properties ?? {}) };
    const dependsOn = r.DependsOn === undefined ? [] : Array.isArray(r.DependsOn) ? r.DependsOn : [r.DependsOn];
    switch (r.Type) {
      case 'AWS::Serverless::Function': {
        const { Events, FunctionUrlConfig, ...fn } = mergeGlobals(functionGlobals, props);
        add(id, INTERNAL_RESOURCE_TYPES.function, fn, id, dependsOn);
        for (const [eventName, event] of Object.entries(
          (Events ?? {}) as Record<string, { Type: string; Properties: Record<string, unknown> }>,
        )) {
          const p = event.Properties ?? {};
          if (event.Type === 'SQS') {
            const { Queue, ...rest } = p;
            add(
              `${id}${eventName}`,
              'AWS::Lambda::EventSourceMapping',
              { FunctionName: { Ref: id }, EventSourceArn: Queue, ...rest },
              id,
            );
          } else if (event.Type === 'S3') {
            const bucket = (p.Bucket as { Ref: string }).Ref;
            const permission = `${id}${eventName}Permission`;
            add(
              permission,
              'AWS::Lambda::Permission',
              {
                FunctionName: { Ref: id },
                Action: 'lambda:InvokeFunction',
                Principal: 's3.amazonaws.com',
                SourceAccount: { Ref: 'AWS::AccountId' },
              },
              id,
            );
            const events = Array.isArray(p.Events) ? p.Events : [p.Events];
            const n = notificationsOf(bucket, id);
            for (const e of events)
              n.lambda.push({
                Event: e,
                Function: { 'Fn::GetAtt': [id, 'Arn'] },
                ...(p.Filter ? { Filter: p.Filter } : {}),
              });
            n.dependsOn.push(permission);
          } else if (event.Type === 'Api') {
            api.addRoute(id, eventName, String(p.Path), String(p.Method));
          }
        }
        if (FunctionUrlConfig) {
          const cfg = FunctionUrlConfig as Record<string, unknown>;
          add(`${id}Url`, 'AWS::Lambda::Url', { TargetFunctionArn: { Ref: id }, ...cfg }, id);
          if (cfg.AuthType === 'NONE') {
            // A public URL needs both statements since October 2025 (AWS Lambda guide, "Control access
            // to Lambda function URLs", read 2026-12-03); current SAM adds the second one too.
            add(
              `${id}UrlPublicPermissions`,
              'AWS::Lambda::Permission',
              {
                FunctionName: { Ref: id },
                Action: 'lambda:InvokeFunctionUrl',
                Principal: '*',
                FunctionUrlAuthType: 'NONE',
              },
              id,
            );
            add(
              `${id}URLInvokeAllowPublicAccess`,
              'AWS::Lambda::Permission',
              {
                FunctionName: { Ref: id },
                Action: 'lambda:InvokeFunction',
                Principal: '*',
                InvokedViaFunctionUrl: true,
              },
              id,
            );
          }
        }
        break;
      }
      case 'AWS::Serverless::StateMachine': {
        const { Type, Role, ...rest } = props;
        add(
          id,
          'AWS::StepFunctions::StateMachine',
          { ...rest, StateMachineType: Type ?? 'STANDARD', ...(Role ? { RoleArn: Role } : {}) },
          id,
          dependsOn,
        );
        break;
      }
      case 'AWS::S3::Bucket': {
        const { NotificationConfiguration, ...rest } = props;
        add(id, r.Type, rest, id, dependsOn);
        const nc = (NotificationConfiguration ?? {}) as {
          LambdaConfigurations?: unknown[];
          QueueConfigurations?: unknown[];
        };
        if (nc.LambdaConfigurations?.length || nc.QueueConfigurations?.length) {
          const n = notificationsOf(id, id);
          n.lambda.push(...(nc.LambdaConfigurations ?? []));
          n.queue.push(...(nc.QueueConfigurations ?? []));
        }
        break;
      }
      default:
        add(id, r.Type, props, id, dependsOn);
    }
  }
  for (const [bucket, n] of notifications) {
    add(
      `${bucket}Notifications`,
      INTERNAL_RESOURCE_TYPES.bucketNotification,
      { Bucket: { Ref: bucket }, LambdaConfigurations: n.lambda, QueueConfigurations: n.queue },
      n.origin,
      n.dependsOn,
    );
  }
  api.finish();
  return out;
}

function mergeGlobals(globals: Record<string, unknown>, props: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...globals, ...props };
  const gEnv = (globals.Environment as { Variables?: object } | undefined)?.Variables;
  const pEnv = (props.Environment as { Variables?: object } | undefined)?.Variables;
  if (gEnv || pEnv) merged.Environment = { Variables: { ...gEnv, ...pEnv } };
  return merged;
}

type Add = (
  logicalId: string,
  type: string,
  properties: Record<string, unknown>,
  origin: string,
  dependsOn?: string[],
) => void;

/** SAM's implicit API: one REST API, a resource per path segment, a method per route, stage Prod. */
class ImplicitApi {
  private readonly methods: string[] = [];
  private readonly resourceIds = new Map<string, string>();
  private origin?: string;
  constructor(private readonly add: Add) {}

  addRoute(functionId: string, eventName: string, path: string, method: string) {
    this.origin ??= functionId;
    const parent = this.resourceFor(path, functionId);
    const verb = method.toLowerCase() === 'any' ? 'ANY' : method.toUpperCase();
    const methodId = `${IMPLICIT_API}${logicalPart(path)}${verb === 'ANY' ? 'Any' : verb[0] + verb.slice(1).toLowerCase()}`;
    const arn = {
      'Fn::Sub': `arn:\${AWS::Partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/\${${functionId}.Arn}/invocations`,
    };
    this.add(
      methodId,
      'AWS::ApiGateway::Method',
      {
        RestApiId: { Ref: IMPLICIT_API },
        ResourceId: parent,
        HttpMethod: verb,
        AuthorizationType: 'NONE',
        Integration: { Type: 'AWS_PROXY', IntegrationHttpMethod: 'POST', Uri: arn },
      },
      functionId,
    );
    this.methods.push(methodId);
    const sourceArn = {
      'Fn::Sub': `arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${${IMPLICIT_API}}/*/${verb === 'ANY' ? '*' : verb}${path.replace(/\{[^}]+\}/g, '*')}`,
    };
    this.add(
      `${functionId}${eventName}PermissionProd`,
      'AWS::Lambda::Permission',
      {
        FunctionName: { Ref: functionId },
        Action: 'lambda:InvokeFunction',
        Principal: 'apigateway.amazonaws.com',
        SourceArn: sourceArn,
      },
      functionId,
    );
  }

  private resourceFor(path: string, origin: string): unknown {
    const segments = path.split('/').filter(Boolean);
    let parent: unknown = { 'Fn::GetAtt': [IMPLICIT_API, 'RootResourceId'] };
    let so = '';
    for (const segment of segments) {
      so += `/${segment}`;
      let id = this.resourceIds.get(so);
      if (!id) {
        id = `${IMPLICIT_API}${logicalPart(so)}Resource`;
        this.resourceIds.set(so, id);
        this.add(
          id,
          'AWS::ApiGateway::Resource',
          { RestApiId: { Ref: IMPLICIT_API }, ParentId: parent, PathPart: segment },
          origin,
        );
      }
      parent = { Ref: id };
    }
    return parent;
  }

  finish() {
    if (!this.origin) return;
    this.add(IMPLICIT_API, 'AWS::ApiGateway::RestApi', { Name: { Ref: 'AWS::StackName' } }, this.origin);
    const deployment = `${IMPLICIT_API}Deployment`;
    this.add(
      deployment,
      'AWS::ApiGateway::Deployment',
      { RestApiId: { Ref: IMPLICIT_API }, Description: 'Deployed by Hands-on Cloud' },
      this.origin,
      [...this.methods],
    );
    this.add(
      `${IMPLICIT_API}${IMPLICIT_STAGE}Stage`,
      'AWS::ApiGateway::Stage',
      { RestApiId: { Ref: IMPLICIT_API }, DeploymentId: { Ref: deployment }, StageName: IMPLICIT_STAGE },
      this.origin,
    );
  }
}

function logicalPart(path: string): string {
  return (
    path
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean)
      .map((s) => s[0].toUpperCase() + s.slice(1))
      .join('') || 'Root'
  );
}
