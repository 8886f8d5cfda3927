// Every service the local cloud runs, in start order (a service may use those before it).
import type { ServiceFactory } from './server/types';
import { createApiGatewayService } from './apigateway/service';
import { createS3Service } from './s3';

export const ALL_SERVICES: readonly ServiceFactory[] = [createS3Service, createApiGatewayService];
