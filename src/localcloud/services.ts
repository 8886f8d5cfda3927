// Every service the local cloud runs, in start order (a service may use those before it).
import type { ServiceFactory } from './server/types';
import { createApiGatewayService } from './apigateway/service';
import { createSqsService } from './sqs/service';
import { createS3Service } from './s3';
import { createStepFunctionsService } from './stepfunctions/service';
import { createLogsService } from './logs/logsService';
import { createLambdaService } from './lambda/lambdaService';
import { createEfsService } from './lambda/efs/efsService';
import { createIamService } from './iam/service';
import { createStsService } from './sts/service';

export const ALL_SERVICES: readonly ServiceFactory[] = [
  createSqsService,
  createS3Service,
  createLogsService,
  createEfsService,
  createLambdaService,
  createApiGatewayService,
  createStepFunctionsService,
  createIamService,
  createStsService,
];
