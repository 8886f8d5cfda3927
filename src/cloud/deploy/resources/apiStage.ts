// AWS::ApiGateway::Deployment and ::Stage. A deployment is a snapshot of the API: a new one
// is made when the API's methods changed in this run (or none exists yet); otherwise reused.
import {
  CreateDeploymentCommand,
  CreateStageCommand,
  GetDeploymentsCommand,
  GetStageCommand,
  UpdateStageCommand,
  type PatchOperation,
} from '@aws-sdk/client-api-gateway';
import { ifExists } from '../awsErrors';
import { stageInvokeUrl } from '../invokeUrls';
import type { ResourceHandler } from '../context';

export const apiDeployment: ResourceHandler = {
  async deploy(_resource, props, ctx, previous) {
    const restApiId = String(props.RestApiId);
    const apigw = ctx.clients.apigateway;
    if (previous && !ctx.changedApis.has(restApiId)) {
      const deployments = await apigw.send(new GetDeploymentsCommand({ restApiId, limit: 500 }));
      if (deployments.items?.some((d) => d.id === previous.ref))
        return { ref: previous.ref, attributes: { DeploymentId: previous.ref }, outcome: 'unchanged' };
    }
    const created = await apigw.send(
      new CreateDeploymentCommand({
        restApiId,
        stageName: props.StageName ? String(props.StageName) : undefined,
        description: props.Description ? String(props.Description) : undefined,
      }),
    );
    return { ref: created.id!, attributes: { DeploymentId: created.id! }, outcome: previous ? 'updated' : 'created' };
  },
  async remove() {
    return false; // removed with its REST API
  },
};

export const apiStage: ResourceHandler = {
  async deploy(_resource, props, ctx) {
    const restApiId = String(props.RestApiId);
    const stageName = String(props.StageName);
    const deploymentId = String(props.DeploymentId);
    const variables = Object.fromEntries(
      Object.entries((props.Variables ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
    );
    const apigw = ctx.clients.apigateway;
    const existing = await ifExists(() => apigw.send(new GetStageCommand({ restApiId, stageName })));
    const url = stageInvokeUrl(restApiId, stageName, ctx.target);
    if (!existing) {
      await apigw.send(
        new CreateStageCommand({
          restApiId,
          stageName,
          deploymentId,
          variables,
          description: props.Description ? String(props.Description) : undefined,
        }),
      );
      return { ref: stageName, attributes: { InvokeUrl: url }, outcome: 'created' };
    }
    const ops: PatchOperation[] = [];
    if (existing.deploymentId !== deploymentId) ops.push({ op: 'replace', path: '/deploymentId', value: deploymentId });
    const current = existing.variables ?? {};
    for (const [k, v] of Object.entries(variables))
      if (current[k] !== v) ops.push({ op: 'replace', path: `/variables/${k}`, value: v });
    for (const k of Object.keys(current)) if (!(k in variables)) ops.push({ op: 'remove', path: `/variables/${k}` });
    if (ops.length) await apigw.send(new UpdateStageCommand({ restApiId, stageName, patchOperations: ops }));
    return { ref: stageName, attributes: { InvokeUrl: url }, outcome: ops.length ? 'updated' : 'unchanged' };
  },
  async remove() {
    return false; // removed with its REST API
  },
};
