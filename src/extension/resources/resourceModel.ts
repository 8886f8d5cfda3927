// What the Resources view lists for the current target, one loader per kind. Plain data; the
// tree provider turns it into items. Each list is capped so a busy AWS account stays usable.
import { ListQueuesCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { ListBucketsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { ListFunctionsCommand, ListFunctionUrlConfigsCommand } from '@aws-sdk/client-lambda';
import { GetRestApisCommand, GetStagesCommand } from '@aws-sdk/client-api-gateway';
import { ListStateMachinesCommand, ListExecutionsCommand } from '@aws-sdk/client-sfn';
import type { ItemKind } from '../ids';
import { stageUrl, type AwsClients } from './awsClients';

export interface ResourceEntry {
  kind: ItemKind;
  /** Stable across refreshes: kind + ARN/URL. */
  key: string;
  label: string;
  description?: string;
  tooltip?: string;
  /** ARN or URL that "Copy ARN/URL" copies. */
  arn?: string;
  url?: string;
  /** Kind-specific identifiers (queue URL, bucket name, object key, function name, …). */
  ref: Record<string, string>;
  hasChildren?: boolean;
  icon: string;
  status?: string;
}

const MAX = 100;

export async function listQueues(c: AwsClients): Promise<ResourceEntry[]> {
  const out = await c.sqs.send(new ListQueuesCommand({ MaxResults: MAX }));
  return Promise.all(
    (out.QueueUrls ?? []).map(async (url) => {
      const name = url.slice(url.lastIndexOf('/') + 1);
      const attrs =
        (
          await c.sqs.send(
            new GetQueueAttributesCommand({
              QueueUrl: url,
              AttributeNames: ['QueueArn', 'ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
            }),
          )
        ).Attributes ?? {};
      const visible = Number(attrs.ApproximateNumberOfMessages ?? 0);
      const inFlight = Number(attrs.ApproximateNumberOfMessagesNotVisible ?? 0);
      return {
        kind: 'queue',
        key: `queue:${url}`,
        label: name,
        description: `${visible} message${visible === 1 ? '' : 's'}${inFlight ? ` · ${inFlight} in flight` : ''}`,
        tooltip: url,
        arn: attrs.QueueArn,
        url,
        ref: { queueUrl: url, name },
        icon: name.endsWith('.fifo') ? 'list-ordered' : 'inbox',
      } satisfies ResourceEntry;
    }),
  );
}

export async function listBuckets(c: AwsClients): Promise<ResourceEntry[]> {
  const out = await c.s3.send(new ListBucketsCommand({}));
  return (out.Buckets ?? []).slice(0, MAX).map((b) => ({
    kind: 'bucket',
    key: `bucket:${b.Name}`,
    label: b.Name ?? '',
    arn: `arn:aws:s3:::${b.Name}`,
    ref: { bucket: b.Name ?? '' },
    hasChildren: true,
    icon: 'database',
  }));
}

export async function listObjects(c: AwsClients, bucket: string): Promise<ResourceEntry[]> {
  const out = await c.s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: MAX }));
  const entries: ResourceEntry[] = (out.Contents ?? []).map((o) => ({
    kind: 'object',
    key: `object:${bucket}/${o.Key}`,
    label: o.Key ?? '',
    description: sizeText(o.Size ?? 0),
    arn: `arn:aws:s3:::${bucket}/${o.Key}`,
    ref: { bucket, key: o.Key ?? '' },
    icon: 'file',
  }));
  if (out.IsTruncated)
    entries.push({
      kind: 'group',
      key: `more:${bucket}`,
      label: `… more than ${MAX} objects`,
      ref: {},
      icon: 'ellipsis',
    });
  return entries;
}

export async function listFunctions(c: AwsClients): Promise<ResourceEntry[]> {
  const out = await c.lambda.send(new ListFunctionsCommand({ MaxItems: MAX }));
  return Promise.all(
    (out.Functions ?? []).map(async (f) => {
      const urls = await c.lambda
        .send(new ListFunctionUrlConfigsCommand({ FunctionName: f.FunctionName }))
        .catch(() => undefined);
      const url = urls?.FunctionUrlConfigs?.[0]?.FunctionUrl;
      return {
        kind: 'function',
        key: `function:${f.FunctionArn}`,
        label: f.FunctionName ?? '',
        description: `${f.Runtime ?? f.PackageType ?? ''} · ${f.MemorySize ?? 128} MB`,
        tooltip: `${f.FunctionArn}\nhandler ${f.Handler ?? '-'}${url ? `\nURL ${url}` : ''}`,
        arn: f.FunctionArn,
        url,
        ref: { name: f.FunctionName ?? '' },
        icon: 'symbol-function',
      } satisfies ResourceEntry;
    }),
  );
}

export async function listApis(c: AwsClients): Promise<ResourceEntry[]> {
  const out = await c.apigateway.send(new GetRestApisCommand({ limit: MAX }));
  return (out.items ?? []).map((a) => ({
    kind: 'api',
    key: `api:${a.id}`,
    label: a.name ?? a.id ?? '',
    description: a.id,
    arn: `arn:aws:apigateway:${c.target.region}::/restapis/${a.id}`,
    ref: { apiId: a.id ?? '' },
    hasChildren: true,
    icon: 'globe',
  }));
}

export async function listStages(c: AwsClients, apiId: string): Promise<ResourceEntry[]> {
  const out = await c.apigateway.send(new GetStagesCommand({ restApiId: apiId }));
  return (out.item ?? []).map((s) => {
    const url = stageUrl(c.target, apiId, s.stageName ?? '');
    return {
      kind: 'apiStage',
      key: `stage:${apiId}/${s.stageName}`,
      label: s.stageName ?? '',
      description: url,
      url,
      arn: url,
      ref: { apiId, stage: s.stageName ?? '' },
      icon: 'link-external',
    };
  });
}

export async function listStateMachines(c: AwsClients): Promise<ResourceEntry[]> {
  const out = await c.sfn.send(new ListStateMachinesCommand({ maxResults: MAX }));
  return (out.stateMachines ?? []).map((m) => ({
    kind: 'stateMachine',
    key: `sm:${m.stateMachineArn}`,
    label: m.name ?? '',
    description: m.type,
    arn: m.stateMachineArn,
    ref: { arn: m.stateMachineArn ?? '' },
    hasChildren: true,
    icon: 'type-hierarchy',
  }));
}

const STATUS_ICONS: Record<string, string> = {
  RUNNING: 'sync~spin',
  SUCCEEDED: 'pass',
  FAILED: 'error',
  TIMED_OUT: 'watch',
  ABORTED: 'circle-slash',
};

export async function listExecutions(c: AwsClients, stateMachineArn: string): Promise<ResourceEntry[]> {
  const out = await c.sfn.send(new ListExecutionsCommand({ stateMachineArn, maxResults: 20 }));
  return (out.executions ?? []).map((e) => ({
    kind: 'execution',
    key: `ex:${e.executionArn}`,
    label: e.name ?? '',
    description: `${e.status} · ${e.startDate?.toLocaleTimeString() ?? ''}`,
    arn: e.executionArn,
    ref: { arn: e.executionArn ?? '', stateMachineArn },
    icon: STATUS_ICONS[e.status ?? ''] ?? 'circle',
    status: e.status,
  }));
}

function sizeText(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}
