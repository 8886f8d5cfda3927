// Resources feature: the view, refresh (on target change and after lesson work) and the item
// actions — send message, upload, start execution, open/copy URL or ARN, delete.
import * as vscode from 'vscode';
import { basename } from 'node:path';
import { readFile } from 'node:fs/promises';
import { SendMessageCommand, DeleteQueueCommand } from '@aws-sdk/client-sqs';
import { PutObjectCommand, DeleteObjectCommand, DeleteBucketCommand } from '@aws-sdk/client-s3';
import { DeleteFunctionCommand } from '@aws-sdk/client-lambda';
import { DeleteRestApiCommand, DeleteStageCommand } from '@aws-sdk/client-api-gateway';
import { StartExecutionCommand, DeleteStateMachineCommand, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { Commands, ItemKinds, Views } from '../ids';
import { guarded } from '../notify';
import { pickTarget } from '../targets/targetPicker';

import type { TargetManager } from '../targets/targetManager';
import type { ResourceViews } from '../webviews/resourceViews';
import type { LessonCatalog } from '../labs/lessonCatalog';
import { machineOfExecution } from '../webviews/graph/graphData';
import { treeEntryArg } from '../commandArgs';
import { ResourcesTreeProvider } from './resourcesTree';
import type { ResourceEntry } from './resourceModel';
import type { AwsClients } from './awsClients';

const ANY_KIND = Object.values(ItemKinds);
/** The Resources tree entry a command was invoked on. */
const entryOf = (arg: unknown) => treeEntryArg(arg, ANY_KIND) as ResourceEntry | undefined;

export function registerResources(
  context: vscode.ExtensionContext,
  targets: TargetManager,
  views: ResourceViews,
  catalog: LessonCatalog,
): ResourcesTreeProvider {
  let lessonIds: string[] = [];
  const tree = new ResourcesTreeProvider(targets, () => lessonIds);
  const loadIds = async () => {
    lessonIds = (await catalog.all()).map((l) => l.lesson.id);
    tree.refresh();
  };
  void loadIds();
  context.subscriptions.push(catalog.onDidChange(() => void loadIds()));
  const view = vscode.window.createTreeView(Views.resources, { treeDataProvider: tree, showCollapseAll: true });
  const describe = () => (view.description = targets.describe());
  describe();
  context.subscriptions.push(
    tree,
    view,
    targets.onDidChange(() => (describe(), tree.reconnect())),
    targets.onDidChangeResources(() => tree.refresh()),
  );

  const clients = async (): Promise<AwsClients> => (await tree.currentClients(true))!;
  const need = (arg: unknown, kinds: string[], what: string): ResourceEntry => {
    const e = treeEntryArg(arg, kinds) as ResourceEntry | undefined;
    if (!e) throw new Error(vscode.l10n.t('Pick a {0} in the Resources view first.', what));
    return e;
  };
  const chooseTarget = () => pickTarget(targets);
  const register = (id: string, what: string, fn: (arg: unknown) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, guarded(what, fn, chooseTarget)));

  register(Commands.refreshResources, vscode.l10n.t('refresh the resources'), () => tree.reconnect());
  register(Commands.sendMessage, vscode.l10n.t('send the message'), async (arg) => {
    const q = need(arg, [ItemKinds.queue], 'queue');
    const body = await vscode.window.showInputBox({
      title: vscode.l10n.t('Send a message to {0}', q.label),
      prompt: vscode.l10n.t('Message body (text or JSON)'),
      value: '{"hello":"world"}',
      ignoreFocusOut: true,
    });
    if (body === undefined) return;
    const fifo = q.label.endsWith('.fifo');
    const groupId = fifo
      ? await vscode.window.showInputBox({
          title: vscode.l10n.t('Message group ID'),
          prompt: vscode.l10n.t('FIFO queues order messages within a group'),
          value: 'default',
        })
      : undefined;
    if (fifo && !groupId) return;
    const out = await (
      await clients()
    ).sqs.send(
      new SendMessageCommand({
        QueueUrl: q.ref.queueUrl,
        MessageBody: body,
        MessageGroupId: groupId,
        MessageDeduplicationId: fifo ? `${Date.now()}` : undefined,
      }),
    );
    vscode.window.setStatusBarMessage(`$(mail) Sent message ${out.MessageId} to ${q.label}`, 5000);
    tree.refresh();
  });
  register(Commands.uploadFile, vscode.l10n.t('upload the file'), async (arg) => {
    const b = need(arg, [ItemKinds.bucket], 'bucket');
    const files = await vscode.window.showOpenDialog({
      canSelectMany: true,
      openLabel: `Upload to ${b.label}`,
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    });
    if (!files?.length) return;
    const prefix = await vscode.window.showInputBox({
      title: vscode.l10n.t('Key prefix'),
      prompt: vscode.l10n.t('Optional folder, e.g. pending/'),
      value: '',
    });
    if (prefix === undefined) return;
    const c = await clients();
    await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Uploading to {0}', b.label),
        cancellable: true,
      },
      async (progress, token) => {
        for (const f of files) {
          if (token.isCancellationRequested) break;
          progress.report({ message: basename(f.fsPath), increment: 100 / files.length });
          await c.s3.send(
            new PutObjectCommand({
              Bucket: b.ref.bucket,
              Key: `${prefix}${basename(f.fsPath)}`,
              Body: await readFile(f.fsPath),
            }),
          );
        }
      },
    );
    tree.refresh();
  });
  register(Commands.startExecution, vscode.l10n.t('start the execution'), async (arg) => {
    const sm = need(arg, [ItemKinds.stateMachine], 'state machine');
    const input = await vscode.window.showInputBox({
      title: vscode.l10n.t('Start {0}', sm.label),
      prompt: vscode.l10n.t('Execution input (JSON)'),
      value: '{}',
      ignoreFocusOut: true,
      validateInput: jsonProblem,
    });
    if (input === undefined) return;
    const out = await (await clients()).sfn.send(new StartExecutionCommand({ stateMachineArn: sm.ref.arn, input }));
    vscode.window.setStatusBarMessage(`$(debug-start) Started ${out.executionArn?.split(':').pop()}`, 5000);
    if (out.executionArn)
      void views.open({
        kind: 'stateMachine',
        ref: machineOfExecution(out.executionArn),
        executionArn: out.executionArn,
      });
    tree.refresh();
  });
  register(Commands.openUrl, vscode.l10n.t('open the URL'), async (arg) => {
    const e = entryOf(arg);
    if (!e?.url) throw new Error(vscode.l10n.t('This resource has no URL to open.'));
    await vscode.env.openExternal(vscode.Uri.parse(e.url));
  });
  register(Commands.copyArn, vscode.l10n.t('copy'), async (arg) => {
    const e = entryOf(arg);
    const text = e?.arn ?? e?.url;
    if (!text) throw new Error(vscode.l10n.t('This resource has no ARN or URL.'));
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(`$(copy) Copied ${text}`, 4000);
  });
  register(Commands.deleteResource, vscode.l10n.t('delete the resource'), async (arg) => {
    const e = entryOf(arg);
    if (!e) throw new Error(vscode.l10n.t('Pick a resource in the Resources view first.'));
    const ok = await vscode.window.showWarningMessage(
      vscode.l10n.t('Delete {0} “{1}” on {2}? This cannot be undone.', e.kind, e.label, targets.describe()),
      { modal: true },
      vscode.l10n.t('Delete'),
    );
    if (!ok) return;
    const c = await clients();
    switch (e.kind) {
      case ItemKinds.queue:
        await c.sqs.send(new DeleteQueueCommand({ QueueUrl: e.ref.queueUrl }));
        break;
      case ItemKinds.bucket:
        await c.s3.send(new DeleteBucketCommand({ Bucket: e.ref.bucket }));
        break;
      case ItemKinds.object:
        await c.s3.send(new DeleteObjectCommand({ Bucket: e.ref.bucket, Key: e.ref.key }));
        break;
      case ItemKinds.function:
        await c.lambda.send(new DeleteFunctionCommand({ FunctionName: e.ref.name }));
        break;
      case ItemKinds.api:
        await c.apigateway.send(new DeleteRestApiCommand({ restApiId: e.ref.apiId }));
        break;
      case ItemKinds.apiStage:
        await c.apigateway.send(new DeleteStageCommand({ restApiId: e.ref.apiId, stageName: e.ref.stage }));
        break;
      case ItemKinds.stateMachine:
        await c.sfn.send(new DeleteStateMachineCommand({ stateMachineArn: e.ref.arn }));
        break;
      case ItemKinds.execution:
        await c.sfn.send(new StopExecutionCommand({ executionArn: e.ref.arn, cause: 'stopped from the editor' }));
        break;
      default:
        throw new Error(vscode.l10n.t('A {0} cannot be deleted from here.', e.kind));
    }
    tree.refresh();
  });
  return tree;
}

function jsonProblem(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    return `Not JSON: ${(e as Error).message}`;
  }
}
