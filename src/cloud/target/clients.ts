// One set of AWS SDK v3 clients per target, created on first use: the one place the CLI, the
// lesson engine and the editor configure SDK clients (endpoint, credentials, retry policy).
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SQSClient } from '@aws-sdk/client-sqs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { Target } from './target';

export const LOCAL_ACCOUNT_ID = '000000000000';

export class CloudClients<T extends Target = Target> {
  private readonly cache = new Map<string, unknown>();
  private account?: Promise<string>;

  constructor(readonly target: T) {}

  private config() {
    const t = this.target;
    return {
      region: t.region,
      credentials: t.credentials,
      ...(t.endpoint ? { endpoint: t.endpoint } : {}),
      // Throttling on AWS deserves retries; an emulator answers at once.
      maxAttempts: t.kind === 'aws' ? 5 : 2,
    };
  }

  private get<T>(name: string, make: () => T): T {
    if (!this.cache.has(name)) this.cache.set(name, make());
    return this.cache.get(name) as T;
  }

  get sqs() {
    return this.get('sqs', () => new SQSClient(this.config()));
  }
  get s3() {
    return this.get('s3', () => new S3Client({ ...this.config(), forcePathStyle: this.target.kind !== 'aws' }));
  }
  get lambda() {
    return this.get('lambda', () => new LambdaClient(this.config()));
  }
  get apigateway() {
    return this.get('apigateway', () => new APIGatewayClient(this.config()));
  }
  get sfn() {
    // StartSyncExecution/TestState go to a `sync-` host on AWS; an emulator's IP endpoint has none.
    return this.get('sfn', () => new SFNClient({ ...this.config(), disableHostPrefix: this.target.kind !== 'aws' }));
  }
  get logs() {
    return this.get('logs', () => new CloudWatchLogsClient(this.config()));
  }
  get iam() {
    return this.get('iam', () => new IAMClient({ ...this.config(), region: 'us-east-1' }));
  }
  get sts() {
    return this.get('sts', () => new STSClient(this.config()));
  }

  /** The account id (STS on AWS; the emulators' fixed account otherwise). */
  accountId(): Promise<string> {
    if (this.target.kind !== 'aws') return Promise.resolve(LOCAL_ACCOUNT_ID);
    this.account ??= this.sts.send(new GetCallerIdentityCommand({})).then((r) => r.Account!);
    return this.account;
  }

  destroy(): void {
    for (const c of this.cache.values()) (c as { destroy(): void }).destroy();
    this.cache.clear();
  }
}
