// The error modules of the local cloud, by the signing name of the service that raises them.
import * as serverErrors from '../../../src/localcloud/server/errors';
import * as authErrors from '../../../src/localcloud/server/authErrors';
import * as sqsErrors from '../../../src/localcloud/sqs/errors';
import * as iamErrors from '../../../src/localcloud/iam/errors';
import * as stsErrors from '../../../src/localcloud/sts/errors';
import * as logsErrors from '../../../src/localcloud/logs/errors';
import * as lambdaErrors from '../../../src/localcloud/lambda/errors';
import * as efsErrors from '../../../src/localcloud/lambda/efs/errors';
import * as apigatewayErrors from '../../../src/localcloud/apigateway/errors';
import * as s3Errors from '../../../src/localcloud/s3/errors';
import * as sfnErrors from '../../../src/localcloud/stepfunctions/errors';

export const ERROR_MODULES: Record<string, Record<string, unknown>> = {
  core: serverErrors,
  auth: authErrors,
  sqs: sqsErrors,
  iam: iamErrors,
  sts: stsErrors,
  states: sfnErrors,
  logs: logsErrors,
  s3: s3Errors,
  apigateway: apigatewayErrors,
  lambda: lambdaErrors,
  elasticfilesystem: efsErrors,
};
