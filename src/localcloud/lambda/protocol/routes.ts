// Lambda's REST routes (restJson1), as @aws-sdk/client-lambda and the AWS CLI call them.
import type { LambdaDeps } from './deps';
import { codeSigningOps } from './codeSigningOps';
import { esmOps } from './esmOps';
import { functionOps } from './functionOps';
import { route, type Operation, type Route } from './http';
import { invokeOps } from './invokeOps';
import { permissionOps } from './permissionOps';
import { tagOps } from './tagOps';
import { urlOps } from './urlOps';
import { versionOps } from './versionOps';

const F = '/2015-03-31/functions/{FunctionName}';

const TABLE: Array<[string, string, string]> = [
  ['POST', '/2015-03-31/functions', 'CreateFunction'],
  ['GET', '/2015-03-31/functions', 'ListFunctions'],
  ['GET', F, 'GetFunction'],
  ['DELETE', F, 'DeleteFunction'],
  ['GET', `${F}/configuration`, 'GetFunctionConfiguration'],
  ['PUT', `${F}/configuration`, 'UpdateFunctionConfiguration'],
  ['PUT', `${F}/code`, 'UpdateFunctionCode'],
  ['POST', `${F}/invocations`, 'Invoke'],
  ['POST', `${F}/versions`, 'PublishVersion'],
  ['GET', `${F}/versions`, 'ListVersionsByFunction'],
  ['POST', `${F}/aliases`, 'CreateAlias'],
  ['GET', `${F}/aliases`, 'ListAliases'],
  ['GET', `${F}/aliases/{Name}`, 'GetAlias'],
  ['PUT', `${F}/aliases/{Name}`, 'UpdateAlias'],
  ['DELETE', `${F}/aliases/{Name}`, 'DeleteAlias'],
  ['POST', `${F}/policy`, 'AddPermission'],
  ['GET', `${F}/policy`, 'GetPolicy'],
  ['DELETE', `${F}/policy/{StatementId}`, 'RemovePermission'],
  ['PUT', '/2017-10-31/functions/{FunctionName}/concurrency', 'PutFunctionConcurrency'],
  ['GET', '/2019-09-30/functions/{FunctionName}/concurrency', 'GetFunctionConcurrency'],
  ['DELETE', '/2017-10-31/functions/{FunctionName}/concurrency', 'DeleteFunctionConcurrency'],
  ['PUT', '/2019-09-25/functions/{FunctionName}/event-invoke-config', 'PutFunctionEventInvokeConfig'],
  ['POST', '/2019-09-25/functions/{FunctionName}/event-invoke-config', 'UpdateFunctionEventInvokeConfig'],
  ['GET', '/2019-09-25/functions/{FunctionName}/event-invoke-config', 'GetFunctionEventInvokeConfig'],
  ['DELETE', '/2019-09-25/functions/{FunctionName}/event-invoke-config', 'DeleteFunctionEventInvokeConfig'],
  ['GET', '/2020-06-30/functions/{FunctionName}/code-signing-config', 'GetFunctionCodeSigningConfig'],
  ['POST', '/2021-10-31/functions/{FunctionName}/url', 'CreateFunctionUrlConfig'],
  ['GET', '/2021-10-31/functions/{FunctionName}/url', 'GetFunctionUrlConfig'],
  ['PUT', '/2021-10-31/functions/{FunctionName}/url', 'UpdateFunctionUrlConfig'],
  ['DELETE', '/2021-10-31/functions/{FunctionName}/url', 'DeleteFunctionUrlConfig'],
  ['GET', '/2021-10-31/functions/{FunctionName}/urls', 'ListFunctionUrlConfigs'],
  ['POST', '/2015-03-31/event-source-mappings', 'CreateEventSourceMapping'],
  ['GET', '/2015-03-31/event-source-mappings', 'ListEventSourceMappings'],
  ['GET', '/2015-03-31/event-source-mappings/{UUID}', 'GetEventSourceMapping'],
  ['PUT', '/2015-03-31/event-source-mappings/{UUID}', 'UpdateEventSourceMapping'],
  ['DELETE', '/2015-03-31/event-source-mappings/{UUID}', 'DeleteEventSourceMapping'],
  ['GET', '/2016-08-19/account-settings', 'GetAccountSettings'],
  ['GET', '/2017-03-31/tags/{Resource}', 'ListTags'],
  ['POST', '/2017-03-31/tags/{Resource}', 'TagResource'],
  ['DELETE', '/2017-03-31/tags/{Resource}', 'UntagResource'],
];

export function lambdaRoutes(deps: LambdaDeps): Route[] {
  const ops: Record<string, Operation> = {
    ...functionOps(deps),
    ...versionOps(deps),
    ...permissionOps(deps),
    ...invokeOps(deps),
    ...urlOps(deps),
    ...esmOps(deps),
    ...codeSigningOps(deps),
    ...tagOps(deps),
  };
  return TABLE.map(([method, path, name]) => {
    const op = ops[name];
    if (!op) throw new Error(`Lambda operation ${name} has no handler`);
    return route(method, path, op);
  });
}
