// Resource type → its handler.
import type { ResourceHandler } from '../context';
import { apiMethod } from './apiMethod';
import { apiDeployment, apiStage } from './apiStage';
import { bucketNotification } from './bucketNotification';
import { eventSourceMapping } from './eventSourceMapping';
import { lambdaFunction } from './lambdaFunction';
import { lambdaPermission } from './lambdaPermission';
import { lambdaUrl } from './lambdaUrl';
import { apiResource, restApi } from './restApi';
import { s3Bucket } from './s3Bucket';
import { sqsQueue } from './sqsQueue';
import { sqsQueuePolicy } from './sqsQueuePolicy';
import { stateMachine } from './stateMachine';

export const RESOURCE_HANDLERS: Readonly<Record<string, ResourceHandler>> = {
  'AWS::SQS::Queue': sqsQueue,
  'AWS::SQS::QueuePolicy': sqsQueuePolicy,
  'AWS::S3::Bucket': s3Bucket,
  'HOC::S3::BucketNotification': bucketNotification,
  'AWS::Lambda::Function': lambdaFunction,
  'AWS::Lambda::Permission': lambdaPermission,
  'AWS::Lambda::Url': lambdaUrl,
  'AWS::Lambda::EventSourceMapping': eventSourceMapping,
  'AWS::ApiGateway::RestApi': restApi,
  'AWS::ApiGateway::Resource': apiResource,
  'AWS::ApiGateway::Method': apiMethod,
  'AWS::ApiGateway::Deployment': apiDeployment,
  'AWS::ApiGateway::Stage': apiStage,
  'AWS::StepFunctions::StateMachine': stateMachine,
};
