// The SAM/CloudFormation subset a lesson template may use: for each resource type, the
// properties it accepts, the attributes !GetAtt can read and what !Ref returns. Anything
// outside this table is reported with the list of what is supported.

export interface ResourceTypeSpec {
  properties: readonly string[];
  required: readonly string[];
  attributes: readonly string[];
  /** What `Ref` yields, for documentation and error messages. */
  ref: string;
}

export const TEMPLATE_RESOURCE_TYPES: Readonly<Record<string, ResourceTypeSpec>> = {
  'AWS::Serverless::Function': {
    properties: [
      'CodeUri',
      'Handler',
      'Runtime',
      'MemorySize',
      'Timeout',
      'Environment',
      'Events',
      'FunctionUrlConfig',
      'FileSystemConfigs',
      'VpcConfig',
      'Architectures',
      'Description',
      'Policies',
      'Role',
      'ReservedConcurrentExecutions',
    ],
    required: ['CodeUri', 'Handler', 'Runtime'],
    attributes: ['Arn'],
    ref: 'function name',
  },
  'AWS::Serverless::StateMachine': {
    properties: ['DefinitionUri', 'Definition', 'DefinitionSubstitutions', 'Type', 'Role', 'Policies'],
    required: [],
    attributes: ['Arn', 'Name'],
    ref: 'state machine ARN',
  },
  'AWS::SQS::Queue': {
    properties: [
      'FifoQueue',
      'ContentBasedDeduplication',
      'VisibilityTimeout',
      'MessageRetentionPeriod',
      'DelaySeconds',
      'ReceiveMessageWaitTimeSeconds',
      'MaximumMessageSize',
      'RedrivePolicy',
    ],
    required: [],
    attributes: ['Arn', 'QueueName', 'QueueUrl'],
    ref: 'queue URL',
  },
  'AWS::SQS::QueuePolicy': {
    properties: ['Queues', 'PolicyDocument'],
    required: ['Queues', 'PolicyDocument'],
    attributes: [],
    ref: 'policy id',
  },
  'AWS::S3::Bucket': {
    properties: ['NotificationConfiguration'],
    required: [],
    attributes: ['Arn', 'DomainName', 'RegionalDomainName'],
    ref: 'bucket name',
  },
  'AWS::ApiGateway::RestApi': {
    properties: ['Name', 'Description', 'BinaryMediaTypes', 'EndpointConfiguration'],
    required: [],
    attributes: ['RootResourceId', 'RestApiId'],
    ref: 'REST API id',
  },
  'AWS::ApiGateway::Resource': {
    properties: ['RestApiId', 'ParentId', 'PathPart'],
    required: ['RestApiId', 'ParentId', 'PathPart'],
    attributes: ['ResourceId'],
    ref: 'resource id',
  },
  'AWS::ApiGateway::Method': {
    properties: [
      'RestApiId',
      'ResourceId',
      'HttpMethod',
      'AuthorizationType',
      'Integration',
      'MethodResponses',
      'ApiKeyRequired',
      'RequestParameters',
    ],
    required: ['RestApiId', 'ResourceId', 'HttpMethod'],
    attributes: [],
    ref: 'method id',
  },
  'AWS::ApiGateway::Deployment': {
    properties: ['RestApiId', 'StageName', 'Description'],
    required: ['RestApiId'],
    attributes: ['DeploymentId'],
    ref: 'deployment id',
  },
  'AWS::ApiGateway::Stage': {
    properties: ['RestApiId', 'DeploymentId', 'StageName', 'Description', 'Variables'],
    required: ['RestApiId', 'DeploymentId', 'StageName'],
    attributes: [],
    ref: 'stage name',
  },
  'AWS::Lambda::Permission': {
    properties: [
      'FunctionName',
      'Action',
      'Principal',
      'SourceArn',
      'SourceAccount',
      'FunctionUrlAuthType',
      'InvokedViaFunctionUrl',
    ],
    required: ['FunctionName', 'Action', 'Principal'],
    attributes: [],
    ref: 'statement id',
  },
  'AWS::Lambda::Url': {
    properties: ['TargetFunctionArn', 'AuthType', 'Cors', 'Qualifier', 'InvokeMode'],
    required: ['TargetFunctionArn', 'AuthType'],
    attributes: ['FunctionArn', 'FunctionUrl'],
    ref: 'function ARN',
  },
  'AWS::Lambda::EventSourceMapping': {
    properties: [
      'FunctionName',
      'EventSourceArn',
      'BatchSize',
      'Enabled',
      'MaximumBatchingWindowInSeconds',
      'FunctionResponseTypes',
    ],
    required: ['FunctionName', 'EventSourceArn'],
    attributes: ['Id'],
    ref: 'mapping UUID',
  },
  'AWS::StepFunctions::StateMachine': {
    properties: [
      'DefinitionString',
      'Definition',
      'DefinitionSubstitutions',
      'StateMachineType',
      'RoleArn',
      'StateMachineName',
    ],
    required: [],
    attributes: ['Arn', 'Name'],
    ref: 'state machine ARN',
  },
};

/** Types the SAM transform produces; they never appear in a lesson template. */
export const INTERNAL_RESOURCE_TYPES = {
  function: 'AWS::Lambda::Function',
  bucketNotification: 'HOC::S3::BucketNotification',
} as const;

export const INTERNAL_TYPE_SPECS: Readonly<Record<string, ResourceTypeSpec>> = {
  'AWS::Lambda::Function': { ...TEMPLATE_RESOURCE_TYPES['AWS::Serverless::Function'], properties: [], required: [] },
  'HOC::S3::BucketNotification': { properties: [], required: [], attributes: [], ref: 'bucket name' },
};

/**
 * Attributes lesson.yaml URL templates may read beyond CloudFormation's: the invoke URL of a
 * REST API's stage and of a function URL, already in the form the chosen target answers.
 */
export const LESSON_EXTRA_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  'AWS::ApiGateway::RestApi': ['Url', 'InvokeUrl'],
  'AWS::ApiGateway::Stage': ['InvokeUrl'],
  'AWS::Serverless::Function': ['FunctionUrl', 'Name'],
  'AWS::Serverless::StateMachine': ['Arn', 'Name'],
  'AWS::SQS::Queue': ['QueueUrl'],
  'AWS::S3::Bucket': ['Name'],
};

export const SUPPORTED_EVENT_TYPES = ['SQS', 'S3', 'Api'] as const;
export const SUPPORTED_INTRINSICS = ['Ref', 'Fn::GetAtt', 'Fn::Sub', 'Fn::Join', 'Fn::Select', 'Fn::Split'] as const;
export const PSEUDO_PARAMETERS = [
  'AWS::Region',
  'AWS::AccountId',
  'AWS::Partition',
  'AWS::StackName',
  'AWS::StackId',
  'AWS::URLSuffix',
  'AWS::NoValue',
] as const;
export const TOP_LEVEL_SECTIONS = [
  'AWSTemplateFormatVersion',
  'Transform',
  'Description',
  'Metadata',
  'Globals',
  'Parameters',
  'Resources',
  'Outputs',
] as const;
export const GLOBALS_FUNCTION_PROPERTIES = [
  'Runtime',
  'Timeout',
  'MemorySize',
  'Environment',
  'Architectures',
  'Handler',
] as const;
