// Lambda entities as the API shows them (FunctionConfiguration fields keep AWS's names) plus
// the local cloud's own bookkeeping (where the code lives).

export interface FunctionCode {
  /** base64 SHA-256 of the deployment package, as CodeSha256. */
  sha256: string;
  size: number;
  /** Durable zip under the blob dir (relative path) and the folder it is extracted to. */
  zipPath: string;
  dir: string;
}

export interface FileSystemConfig {
  Arn: string;
  LocalMountPath: string;
}

/** One version's configuration: `$LATEST` or a published number. */
export interface VersionConfig {
  FunctionName: string;
  FunctionArn: string;
  Runtime?: string;
  Role: string;
  Handler?: string;
  Description: string;
  Timeout: number;
  MemorySize: number;
  LastModified: string;
  Version: string;
  Environment?: { Variables: Record<string, string> };
  TracingConfig: { Mode: string };
  RevisionId: string;
  PackageType: 'Zip';
  Architectures: string[];
  EphemeralStorage: { Size: number };
  FileSystemConfigs?: FileSystemConfig[];
  LoggingConfig: { LogFormat: string; LogGroup: string; ApplicationLogLevel?: string; SystemLogLevel?: string };
  DeadLetterConfig?: { TargetArn: string };
  VpcConfig?: { SubnetIds: string[]; SecurityGroupIds: string[]; VpcId?: string };
  code: FunctionCode;
}

export interface AliasConfig {
  AliasArn: string;
  Name: string;
  FunctionVersion: string;
  Description: string;
  RevisionId: string;
  RoutingConfig?: { AdditionalVersionWeights: Record<string, number> };
}

export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Principal: string | { Service?: string; AWS?: string };
  Action: string;
  Resource: string;
  Condition?: Record<string, Record<string, string>>;
}

export interface CorsConfig {
  AllowCredentials?: boolean;
  AllowHeaders?: string[];
  AllowMethods?: string[];
  AllowOrigins?: string[];
  ExposeHeaders?: string[];
  MaxAge?: number;
}

export interface UrlConfig {
  urlId: string;
  FunctionArn: string;
  AuthType: 'NONE' | 'AWS_IAM';
  Cors?: CorsConfig;
  InvokeMode: 'BUFFERED' | 'RESPONSE_STREAM';
  CreationTime: string;
  LastModifiedTime: string;
}

export interface EventInvokeConfig {
  MaximumRetryAttempts?: number;
  MaximumEventAgeInSeconds?: number;
  DestinationConfig?: { OnSuccess?: { Destination?: string }; OnFailure?: { Destination?: string } };
  LastModified: number;
}

export interface FunctionRecord {
  name: string;
  latest: VersionConfig;
  versions: Record<string, VersionConfig>;
  lastVersion: number;
  aliases: Record<string, AliasConfig>;
  /** Resource policy per qualifier ('' = the unqualified function). */
  policies: Record<string, PolicyStatement[]>;
  reservedConcurrency?: number;
  /** Function URL per qualifier ('' = unqualified). */
  urls: Record<string, UrlConfig>;
  eventInvokeConfig?: EventInvokeConfig;
  tags: Record<string, string>;
}

export interface EventSourceMapping {
  UUID: string;
  EventSourceArn: string;
  FunctionArn: string;
  BatchSize: number;
  MaximumBatchingWindowInSeconds: number;
  FunctionResponseTypes: string[];
  State: 'Creating' | 'Enabled' | 'Disabled' | 'Enabling' | 'Disabling' | 'Updating' | 'Deleting';
  StateTransitionReason: string;
  LastModified: number;
  LastProcessingResult?: string;
  ScalingConfig?: { MaximumConcurrency?: number };
  /** Tags (CreateEventSourceMapping Tags, TagResource on the mapping's ARN); not part of its configuration. */
  tags?: Record<string, string>;
}

/** An accepted asynchronous invocation not yet finished (kept so a restart loses none). */
export interface PendingAsyncEvent {
  requestId: string;
  name: string;
  qualifier?: string;
  /** base64 */
  payload: string;
  enqueuedAt: number;
}

export type LambdaEvent =
  | { t: 'putFunction'; record: FunctionRecord }
  | { t: 'deleteFunction'; name: string }
  | { t: 'putEsm'; esm: EventSourceMapping }
  | { t: 'deleteEsm'; uuid: string }
  | { t: 'asyncQueued'; event: PendingAsyncEvent }
  | { t: 'asyncDone'; requestId: string };
