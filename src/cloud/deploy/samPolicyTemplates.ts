// SAM policy templates (`Policies: [ { S3ReadPolicy: { BucketName: … } } ]`) expanded to the
// IAM statements SAM writes for them, so a role Hands-on Cloud creates grants what the
// template asks and no more. Facts from SAM's own table, samtranslator/policy_templates_data/
// policy_templates.json in github.com/aws/serverless-application-model (read 2026-12-03):
// actions and resource ARNs as listed there; only the templates lessons use are here.

export interface IamStatement {
  Effect: 'Allow';
  Action: string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string>>;
}

/** Partition, region and account the ARNs are written for (SAM's ${AWS::…} pseudo parameters). */
export interface ArnScope {
  partition: string;
  region: string;
  accountId: string;
}

interface PolicyTemplate {
  /** Parameter names, as SAM spells them. */
  params: readonly string[];
  statements(v: Record<string, string>, s: ArnScope): IamStatement[];
}

const allow = (Action: string[], Resource: string | string[], Condition?: IamStatement['Condition']): IamStatement => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...(Condition ? { Condition } : {}),
});
const arn = (s: ArnScope, service: string, rest: string) =>
  `arn:${s.partition}:${service}:${s.region}:${s.accountId}:${rest}`;
const bucket = (s: ArnScope, name: string) => [`arn:${s.partition}:s3:::${name}`, `arn:${s.partition}:s3:::${name}/*`];

const S3_READ = [
  's3:GetObject',
  's3:ListBucket',
  's3:GetBucketLocation',
  's3:GetObjectVersion',
  's3:GetLifecycleConfiguration',
];

export const SAM_POLICY_TEMPLATES: Readonly<Record<string, PolicyTemplate>> = {
  SQSPollerPolicy: {
    params: ['QueueName'],
    statements: (v, s) => [
      allow(
        [
          'sqs:ChangeMessageVisibility',
          'sqs:ChangeMessageVisibilityBatch',
          'sqs:DeleteMessage',
          'sqs:DeleteMessageBatch',
          'sqs:GetQueueAttributes',
          'sqs:ReceiveMessage',
        ],
        arn(s, 'sqs', v.QueueName),
      ),
    ],
  },
  SQSSendMessagePolicy: {
    params: ['QueueName'],
    statements: (v, s) => [allow(['sqs:SendMessage*'], arn(s, 'sqs', v.QueueName))],
  },
  S3ReadPolicy: {
    params: ['BucketName'],
    statements: (v, s) => [allow(S3_READ, bucket(s, v.BucketName))],
  },
  S3WritePolicy: {
    params: ['BucketName'],
    statements: (v, s) => [
      allow(['s3:PutObject', 's3:PutObjectAcl', 's3:PutLifecycleConfiguration'], bucket(s, v.BucketName)),
    ],
  },
  S3CrudPolicy: {
    params: ['BucketName'],
    statements: (v, s) => [
      allow(
        [
          ...S3_READ.slice(0, 4),
          's3:PutObject',
          's3:PutObjectAcl',
          's3:GetLifecycleConfiguration',
          's3:PutLifecycleConfiguration',
          's3:DeleteObject',
        ],
        bucket(s, v.BucketName),
      ),
    ],
  },
  S3FullAccessPolicy: {
    params: ['BucketName'],
    statements: (v, s) => [
      allow(
        [
          's3:GetObject',
          's3:GetObjectAcl',
          's3:GetObjectVersion',
          's3:PutObject',
          's3:PutObjectAcl',
          's3:DeleteObject',
          's3:DeleteObjectTagging',
          's3:DeleteObjectVersionTagging',
          's3:GetObjectTagging',
          's3:GetObjectVersionTagging',
          's3:PutObjectTagging',
          's3:PutObjectVersionTagging',
        ],
        [bucket(s, v.BucketName)[1]],
      ),
      allow(
        ['s3:ListBucket', 's3:GetBucketLocation', 's3:GetLifecycleConfiguration', 's3:PutLifecycleConfiguration'],
        [bucket(s, v.BucketName)[0]],
      ),
    ],
  },
  LambdaInvokePolicy: {
    params: ['FunctionName'],
    // The trailing * lets the role invoke the function's versions and aliases too.
    statements: (v, s) => [allow(['lambda:InvokeFunction'], arn(s, 'lambda', `function:${v.FunctionName}*`))],
  },
  StepFunctionsExecutionPolicy: {
    params: ['StateMachineName'],
    statements: (v, s) => [allow(['states:StartExecution'], arn(s, 'states', `stateMachine:${v.StateMachineName}`))],
  },
  StepFunctionsCallbackPolicy: {
    params: ['StateMachineName'],
    statements: (v, s) => [
      allow(
        ['states:SendTaskFailure', 'states:SendTaskHeartbeat', 'states:SendTaskSuccess'],
        arn(s, 'states', `stateMachine:${v.StateMachineName}`),
      ),
    ],
  },
  SNSPublishMessagePolicy: {
    params: ['TopicName'],
    statements: (v, s) => [allow(['sns:Publish'], arn(s, 'sns', v.TopicName))],
  },
  CloudWatchPutMetricPolicy: {
    params: [],
    statements: () => [allow(['cloudwatch:PutMetricData'], '*')],
  },
  FilterLogEventsPolicy: {
    params: ['LogGroupName'],
    statements: (v, s) => [allow(['logs:FilterLogEvents'], arn(s, 'logs', `log-group:${v.LogGroupName}:log-stream:*`))],
  },
  VPCAccessPolicy: {
    params: [],
    statements: () => [
      allow(
        [
          'ec2:CreateNetworkInterface',
          'ec2:DeleteNetworkInterface',
          'ec2:DescribeNetworkInterfaces',
          'ec2:DetachNetworkInterface',
        ],
        '*',
      ),
    ],
  },
  EFSWriteAccessPolicy: {
    params: ['FileSystem', 'AccessPoint'],
    statements: (v, s) => [
      allow(
        ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
        arn(s, 'elasticfilesystem', `file-system/${v.FileSystem}`),
        {
          StringEquals: {
            'elasticfilesystem:AccessPointArn': arn(s, 'elasticfilesystem', `access-point/${v.AccessPoint}`),
          },
        },
      ),
    ],
  },
};

/** The statements a policy template stands for; an error names what is missing or unknown. */
export function expandPolicyTemplate(name: string, params: unknown, scope: ArnScope): IamStatement[] {
  const t = SAM_POLICY_TEMPLATES[name];
  if (!t)
    throw new Error(
      `policy template ${name} is not one Hands-on Cloud expands (${Object.keys(SAM_POLICY_TEMPLATES).join(', ')}); write its statements inline ({ Statement: [...] })`,
    );
  const given = (params && typeof params === 'object' ? params : {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const p of t.params) {
    const v = given[p];
    if (typeof v !== 'string' || !v)
      throw new Error(`policy template ${name} needs ${p} (a name, e.g. !Ref MyResource)`);
    values[p] = v;
  }
  return t.statements(values, scope);
}
