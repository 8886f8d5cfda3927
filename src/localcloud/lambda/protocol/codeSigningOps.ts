// Code signing: the local cloud has no code signing configurations, so every function has
// none. GetFunctionCodeSigningConfig still answers (Terraform's AWS provider reads it for
// every aws_lambda_function): both members are required in the service model (botocore
// 1.43.11 data/lambda/2015-03-31, GetFunctionCodeSigningConfigResponse, read 2026-12-03),
// so a function without a configuration has an empty CodeSigningConfigArn.
import type { LambdaDeps } from './deps';
import { json, type Operation } from './http';

export function codeSigningOps({ model }: LambdaDeps): Record<string, Operation> {
  return {
    GetFunctionCodeSigningConfig(_req, p) {
      const record = model.get(p.FunctionName!);
      return json(200, { CodeSigningConfigArn: '', FunctionName: record.name });
    },
  };
}
