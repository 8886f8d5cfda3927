// AWS::ApiGateway::Method with its integration. API Gateway has no "put if different", so a
// method whose settings changed is deleted and put again; the API is then redeployed.
import {
  DeleteMethodCommand,
  GetMethodCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
} from '@aws-sdk/client-api-gateway';
import { ifExists } from '../awsErrors';
import type { ResourceHandler } from '../context';

interface Integration {
  Type: string;
  IntegrationHttpMethod?: string;
  Uri?: string;
  RequestTemplates?: Record<string, string>;
  PassthroughBehavior?: string;
  IntegrationResponses?: Array<{
    StatusCode: string;
    ResponseTemplates?: Record<string, string>;
    ResponseParameters?: Record<string, string>;
    SelectionPattern?: string;
  }>;
}

export const apiMethod: ResourceHandler = {
  async deploy(_resource, props, ctx, previous) {
    const restApiId = String(props.RestApiId);
    const resourceId = String(props.ResourceId);
    const httpMethod = String(props.HttpMethod).toUpperCase();
    const hash = JSON.stringify(props);
    const apigw = ctx.clients.apigateway;
    const existing = await ifExists(() => apigw.send(new GetMethodCommand({ restApiId, resourceId, httpMethod })));
    const ref = `${restApiId}/${resourceId}/${httpMethod}`;
    if (existing && previous?.hash === hash) return { ref, attributes: {}, outcome: 'unchanged', hash };
    if (
      existing &&
      !previous &&
      existing.methodIntegration?.uri === (props.Integration as Integration | undefined)?.Uri
    ) {
      return { ref, attributes: {}, outcome: 'unchanged', hash };
    }
    if (existing) await apigw.send(new DeleteMethodCommand({ restApiId, resourceId, httpMethod }));
    await apigw.send(
      new PutMethodCommand({
        restApiId,
        resourceId,
        httpMethod,
        authorizationType: String(props.AuthorizationType ?? 'NONE'),
        apiKeyRequired: props.ApiKeyRequired === true,
        requestParameters: props.RequestParameters as Record<string, boolean> | undefined,
      }),
    );
    for (const r of (props.MethodResponses ?? []) as Array<{
      StatusCode: string;
      ResponseParameters?: Record<string, boolean>;
    }>) {
      await apigw.send(
        new PutMethodResponseCommand({
          restApiId,
          resourceId,
          httpMethod,
          statusCode: String(r.StatusCode),
          responseParameters: r.ResponseParameters,
        }),
      );
    }
    const integration = props.Integration as Integration | undefined;
    if (integration) {
      await apigw.send(
        new PutIntegrationCommand({
          restApiId,
          resourceId,
          httpMethod,
          type: integration.Type as never,
          integrationHttpMethod: integration.IntegrationHttpMethod,
          uri: integration.Uri,
          requestTemplates: integration.RequestTemplates,
          passthroughBehavior: integration.PassthroughBehavior,
        }),
      );
      for (const r of integration.IntegrationResponses ?? []) {
        await apigw.send(
          new PutIntegrationResponseCommand({
            restApiId,
            resourceId,
            httpMethod,
            statusCode: String(r.StatusCode),
            responseTemplates: r.ResponseTemplates,
            responseParameters: r.ResponseParameters,
            selectionPattern: r.SelectionPattern,
          }),
        );
      }
    }
    ctx.changedApis.add(restApiId);
    return { ref, attributes: {}, outcome: existing ? 'updated' : 'created', hash };
  },

  async remove() {
    return false; // removed with its REST API
  },
};
