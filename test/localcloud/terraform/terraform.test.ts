// Terraform (with the AWS provider 5.x) against `hoc cloud`, configured as tflocal configures
// it for LocalStack: apply a course-sized configuration, plan again and find nothing to
// change, destroy — and check through the AWS SDK that everything existed and is gone.
// Runs only where `terraform` is on PATH and an offline copy of the provider is present.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { APIGatewayClient, GetRestApiCommand, GetStageCommand } from '@aws-sdk/client-api-gateway';
import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  ListTagsForResourceCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  GetRoleCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  NoSuchEntityException,
} from '@aws-sdk/client-iam';
import {
  GetFunctionCommand,
  GetFunctionUrlConfigCommand,
  GetPolicyCommand,
  LambdaClient,
  ListEventSourceMappingsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-lambda';
import {
  GetBucketNotificationConfigurationCommand,
  GetBucketTaggingCommand,
  HeadBucketCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { DescribeStateMachineCommand, SFNClient, StateMachineDoesNotExist } from '@aws-sdk/client-sfn';
import { GetQueueAttributesCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { spawnCloud } from '../../helpers/cloudProcess';
import { raw } from '../apigateway/invoke';
import { findAwsProviderMirror, findTerraform, terraform, writeOfflineCliConfig } from './terraformKit';

const binary = findTerraform();
const mirror = findAwsProviderMirror();
const skip = !binary
  ? 'terraform is not on PATH'
  : !mirror
    ? 'no offline copy of the hashicorp/aws 5.x provider (set HOC_TERRAFORM_PLUGIN_DIR to a provider mirror)'
    : false;

const HANDLER =
  'exports.handler = async () => ({ statusCode: 200, body: JSON.stringify({ hello: process.env.GREETING }) });';

test(
  'terraform apply, a second plan with no changes, and destroy against hoc cloud',
  { skip, timeout: 20 * 60_000 },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoc-terraform-'));
    const cloud = await spawnCloud();
    const config = cloud.clientConfig;
    const clients = {
      iam: new IAMClient(config),
      sqs: new SQSClient(config),
      s3: new S3Client(config),
      lambda: new LambdaClient(config),
      apigateway: new APIGatewayClient(config),
      sfn: new SFNClient(config),
      logs: new CloudWatchLogsClient(config),
    };
    const tf = (...args: string[]) => terraform(binary!, dir, join(dir, 'cli.tfrc'), args);
    try {
      copyFileSync(join(__dirname, 'main.tf'), join(dir, 'main.tf'));
      writeFileSync(join(dir, 'hello.zip'), zipSync({ 'index.js': Buffer.from(HANDLER) }));
      writeOfflineCliConfig(join(dir, 'cli.tfrc'), mirror!);
      const { accessKeyId, secretAccessKey } = config.credentials;
      writeFileSync(
        join(dir, 'terraform.tfvars'),
        `endpoint = "${cloud.endpoint}"\naccess_key = "${accessKeyId}"\nsecret_key = "${secretAccessKey}"\n`,
      );

      const init = await tf('init');
      assert.equal(init.code, 0, init.output);
      const apply = await tf('apply', '-auto-approve');
      assert.equal(apply.code, 0, apply.output);
      assert.match(apply.output, /Apply complete! Resources: 22 added, 0 changed, 0 destroyed\./);
      const outputs = JSON.parse((await tf('output', '-json')).output) as Record<string, { value: string }>;
      const out = (name: string) => outputs[name]!.value;

      // The account id came from STS, so ARNs carry it as on AWS.
      assert.equal(out('account_id'), '000000000000');
      assert.equal(out('function_arn'), 'arn:aws:lambda:us-east-1:000000000000:function:tfdemo-hello');
      assert.equal(out('execution_arn'), `arn:aws:execute-api:us-east-1:000000000000:${out('api_id')}`);

      const role = await clients.iam.send(new GetRoleCommand({ RoleName: 'tfdemo-fn' }));
      assert.deepEqual(role.Role!.Tags, [{ Key: 'course', Value: 'hoc' }]);
      assert.deepEqual((await clients.iam.send(new ListRolePoliciesCommand({ RoleName: 'tfdemo-fn' }))).PolicyNames, [
        'queue-access',
      ]);
      const attached = await clients.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'tfdemo-fn' }));
      assert.deepEqual(
        attached.AttachedPolicies!.map((p) => p.PolicyArn),
        ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
      );

      const queue = await clients.sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: out('queue_url'), AttributeNames: ['All'] }),
      );
      assert.equal(
        JSON.parse(queue.Attributes!.RedrivePolicy!).deadLetterTargetArn,
        'arn:aws:sqs:us-east-1:000000000000:tfdemo-dead',
      );
      assert.equal(JSON.parse(queue.Attributes!.Policy!).Statement[0].Principal.Service, 's3.amazonaws.com');

      const tagSet = await clients.s3.send(new GetBucketTaggingCommand({ Bucket: 'tfdemo-uploads' }));
      assert.deepEqual(tagSet.TagSet, [{ Key: 'course', Value: 'hoc' }]);
      const notification = await clients.s3.send(
        new GetBucketNotificationConfigurationCommand({ Bucket: 'tfdemo-uploads' }),
      );
      assert.equal(notification.QueueConfigurations![0]!.QueueArn, 'arn:aws:sqs:us-east-1:000000000000:tfdemo-jobs');

      const fn = await clients.lambda.send(new GetFunctionCommand({ FunctionName: 'tfdemo-hello' }));
      assert.equal(fn.Configuration!.Role, 'arn:aws:iam::000000000000:role/tfdemo-fn');
      assert.equal(
        (await clients.lambda.send(new GetFunctionUrlConfigCommand({ FunctionName: 'tfdemo-hello' }))).AuthType,
        'NONE',
      );
      // The provider's function URL resource added the lambda:InvokeFunctionUrl statement itself.
      const policy = JSON.parse(
        (await clients.lambda.send(new GetPolicyCommand({ FunctionName: 'tfdemo-hello' }))).Policy!,
      );
      const sids = (policy.Statement as { Sid: string }[]).map((s) => s.Sid).sort();
      assert.deepEqual(sids, [
        'AllowApiGatewayInvoke',
        'FunctionURLAllowPublicAccess',
        'FunctionURLInvokeAllowPublicAccess',
      ]);
      // With both public permissions, the function URL answers (path-style: Node cannot resolve *.localhost).
      const urlId = new URL(out('function_url')).hostname.split('.')[0]!;
      const viaUrl = await raw(cloud.endpoint, `/_aws/lambda-url/${urlId}/`);
      assert.equal(viaUrl.status, 200, viaUrl.body);
      assert.deepEqual(JSON.parse(viaUrl.body), { hello: 'hello' });
      const mappings = await clients.lambda.send(new ListEventSourceMappingsCommand({ FunctionName: 'tfdemo-hello' }));
      assert.equal(mappings.EventSourceMappings![0]!.BatchSize, 5);

      // The usual permission (source_arn = execution_arn/*/*) lets API Gateway call the function.
      await clients.apigateway.send(new GetStageCommand({ restApiId: out('api_id'), stageName: 'prod' }));
      const answer = await raw(cloud.endpoint, `/_aws/execute-api/${out('api_id')}/prod/hello`);
      assert.equal(answer.status, 200, answer.body);
      assert.deepEqual(JSON.parse(answer.body), { hello: 'hello' });

      const machine = await clients.sfn.send(
        new DescribeStateMachineCommand({ stateMachineArn: out('state_machine_arn') }),
      );
      assert.equal(machine.roleArn, 'arn:aws:iam::000000000000:role/tfdemo-sfn');
      const groups = await clients.logs.send(
        new DescribeLogGroupsCommand({ logGroupNamePrefix: '/aws/lambda/tfdemo-hello' }),
      );
      assert.equal(groups.logGroups![0]!.retentionInDays, 7);
      const logTags = await clients.logs.send(
        new ListTagsForResourceCommand({ resourceArn: groups.logGroups![0]!.logGroupArn }),
      );
      assert.deepEqual(logTags.tags, { course: 'hoc' });

      // Everything Terraform reads back matches what it wrote: nothing to change.
      const plan = await tf('plan', '-detailed-exitcode');
      assert.equal(plan.code, 0, plan.output);
      assert.match(plan.output, /No changes\./);

      const destroy = await tf('destroy', '-auto-approve');
      assert.equal(destroy.code, 0, destroy.output);
      assert.match(destroy.output, /Destroy complete! Resources: 22 destroyed\./);
      await assert.rejects(clients.iam.send(new GetRoleCommand({ RoleName: 'tfdemo-fn' })), NoSuchEntityException);
      await assert.rejects(
        clients.lambda.send(new GetFunctionCommand({ FunctionName: 'tfdemo-hello' })),
        ResourceNotFoundException,
      );
      await assert.rejects(
        clients.s3.send(new HeadBucketCommand({ Bucket: 'tfdemo-uploads' })),
        (e: Error) => e.name === 'NotFound',
      );
      await assert.rejects(
        clients.sfn.send(new DescribeStateMachineCommand({ stateMachineArn: out('state_machine_arn') })),
        StateMachineDoesNotExist,
      );
      await assert.rejects(
        clients.apigateway.send(new GetRestApiCommand({ restApiId: out('api_id') })),
        (e: Error) => e.name === 'NotFoundException',
      );
      assert.equal((await clients.sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'tfdemo' }))).QueueUrls, undefined);
      assert.deepEqual(
        (await clients.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/aws/lambda/tfdemo-hello' })))
          .logGroups,
        [],
      );
      assert.deepEqual((await clients.lambda.send(new ListEventSourceMappingsCommand({}))).EventSourceMappings, []);
    } finally {
      for (const client of Object.values(clients)) client.destroy();
      await cloud.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
