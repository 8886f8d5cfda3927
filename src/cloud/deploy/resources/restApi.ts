// AWS::ApiGateway::RestApi (found again by name) and AWS::ApiGateway::Resource (by parent
// and path part). Deleting the API deletes everything under it.
import {
  CreateResourceCommand,
  CreateRestApiCommand,
  DeleteRestApiCommand,
  GetResourcesCommand,
  GetRestApisCommand,
  UpdateRestApiCommand,
  type Resource,
  type RestApi,
} from '@aws-sdk/client-api-gateway';
import type { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { ifExists } from '../awsErrors';
import type { DeployContext, ResourceHandler } from '../context';
import type { CfnResource } from '../../template/model';
import { stageInvokeUrl } from '../invokeUrls';

function apiName(resource: CfnResource, props: Record<string, unknown>, ctx: DeployContext): string {
  return props.Name ? String(props.Name) : ctx.physicalName(resource);
}

export async function findApi(api: APIGatewayClient, name: string): Promise<RestApi | undefined> {
  let position: string | undefined;
  do {
    const page = await api.send(new GetRestApisCommand({ limit: 500, position }));
    const found = page.items?.find((a) => a.name === name);
    if (found) return found;
    position = page.position;
  } while (position);
  return undefined;
}

export async function allResources(api: APIGatewayClient, restApiId: string): Promise<Resource[]> {
  const out: Resource[] = [];
  let position: string | undefined;
  do {
    const page = await api.send(new GetResourcesCommand({ restApiId, limit: 500, position }));
    out.push(...(page.items ?? []));
    position = page.position;
  } while (position);
  return out;
}

/** The stage a bare `${Api.Url}` means: the template's only stage for this API (Prod for SAM's). */
function defaultStage(resource: CfnResource, ctx: DeployContext): string | undefined {
  const stages = Object.values(ctx.template.resources).filter(
    (r) =>
      r.type === 'AWS::ApiGateway::Stage' && (r.properties.RestApiId as { Ref?: string })?.Ref === resource.logicalId,
  );
  const named = Object.values(ctx.template.resources).find(
    (r) =>
      r.type === 'AWS::ApiGateway::Deployment' &&
      (r.properties.RestApiId as { Ref?: string })?.Ref === resource.logicalId &&
      r.properties.StageName,
  );
  const s = stages[0]?.properties.StageName ?? named?.properties.StageName;
  return typeof s === 'string' ? s : undefined;
}

export const restApi: ResourceHandler = {
  async deploy(resource, props, ctx) {
    const name = apiName(resource, props, ctx);
    const apigw = ctx.clients.apigateway;
    let found = await findApi(apigw, name);
    let outcome: 'created' | 'updated' | 'unchanged' = 'unchanged';
    const description = props.Description ? String(props.Description) : undefined;
    if (!found) {
      found = await apigw.send(
        new CreateRestApiCommand({
          name,
          description,
          binaryMediaTypes: props.BinaryMediaTypes as string[] | undefined,
        }),
      );
      outcome = 'created';
      ctx.changedApis.add(found.id!);
    } else if ((found.description ?? undefined) !== description) {
      await apigw.send(
        new UpdateRestApiCommand({
          restApiId: found.id,
          patchOperations: [{ op: 'replace', path: '/description', value: description ?? '' }],
        }),
      );
      outcome = 'updated';
    }
    const root = found.rootResourceId ?? (await allResources(apigw, found.id!)).find((r) => r.path === '/')?.id;
    const stage = defaultStage(resource, ctx);
    const url = stage ? stageInvokeUrl(found.id!, stage, ctx.target) : '';
    return {
      ref: found.id!,
      attributes: { RootResourceId: root ?? '', RestApiId: found.id!, Url: url, InvokeUrl: url },
      outcome,
    };
  },

  async remove(resource, ctx, previous) {
    const apigw = ctx.clients.apigateway;
    let id = previous?.ref;
    if (!id || !(await ifExists(() => apigw.send(new GetResourcesCommand({ restApiId: id!, limit: 1 }))))) {
      let name: string;
      try {
        name = apiName(resource, ctx.resolve(resource.properties) as Record<string, unknown>, ctx);
      } catch {
        name = ctx.physicalName(resource);
      }
      id = (await findApi(apigw, name))?.id;
    }
    if (!id) return false;
    return (await ifExists(() => apigw.send(new DeleteRestApiCommand({ restApiId: id })))) !== undefined;
  },
};

export const apiResource: ResourceHandler = {
  async deploy(_resource, props, ctx) {
    const restApiId = String(props.RestApiId);
    const parentId = String(props.ParentId);
    const pathPart = String(props.PathPart);
    const apigw = ctx.clients.apigateway;
    const existing = (await allResources(apigw, restApiId)).find(
      (r) => r.parentId === parentId && r.pathPart === pathPart,
    );
    if (existing) return { ref: existing.id!, attributes: { ResourceId: existing.id! }, outcome: 'unchanged' };
    const created = await apigw.send(new CreateResourceCommand({ restApiId, parentId, pathPart }));
    ctx.changedApis.add(restApiId);
    return { ref: created.id!, attributes: { ResourceId: created.id! }, outcome: 'created' };
  },

  // Teardown deletes the REST API, which takes its resources, methods, deployments and stages.
  async remove() {
    return false;
  },
};
