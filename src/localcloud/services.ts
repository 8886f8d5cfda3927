// Every service the local cloud runs. Each is loaded on first use: a request for it, state of
// its own to restore, or a service that calls it. Loading only what a session uses keeps the
// start short (most of a start was evaluating modules a session may never reach).
import type { ServiceFactory } from './server/types';

export interface ServiceEntry {
  /** SigV4 signing name, as the service's own `name`. */
  readonly name: string;
  /** Other signing names the service answers, as its `aliases`. */
  readonly aliases?: readonly string[];
  /** Services it reaches through `ctx.services.get(...)`: loaded before it. */
  readonly uses?: readonly string[];
  /** Answers unsigned data-plane requests (handleUnsigned). */
  readonly dataPlane?: boolean;
  load(): Promise<ServiceFactory>;
}

export const SERVICE_CATALOG: readonly ServiceEntry[] = [
  { name: 'sqs', load: async () => (await import('./sqs/service')).createSqsService },
  {
    name: 's3',
    uses: ['sqs', 'lambda'],
    dataPlane: true,
    load: async () => (await import('./s3')).createS3Service,
  },
  { name: 'logs', load: async () => (await import('./logs/logsService')).createLogsService },
  { name: 'elasticfilesystem', load: async () => (await import('./lambda/efs/efsService')).createEfsService },
  {
    name: 'lambda',
    uses: ['logs', 'elasticfilesystem', 'sqs'],
    dataPlane: true,
    load: async () => (await import('./lambda/lambdaService')).createLambdaService,
  },
  {
    name: 'apigateway',
    aliases: ['execute-api'],
    uses: ['lambda'],
    dataPlane: true,
    load: async () => (await import('./apigateway/service')).createApiGatewayService,
  },
  {
    name: 'states',
    uses: ['lambda', 'sqs', 'logs'],
    load: async () => (await import('./stepfunctions/service')).createStepFunctionsService,
  },
  { name: 'iam', load: async () => (await import('./iam/service')).createIamService },
  { name: 'sts', load: async () => (await import('./sts/service')).createStsService },
];
