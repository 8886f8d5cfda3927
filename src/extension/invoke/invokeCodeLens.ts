// CodeLens "Invoke" / "Test events" above the handler of every lesson function deployed on the
// current target. Deployed names come from one ListFunctions per refresh (never starts the cloud).
import * as vscode from 'vscode';
import { ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { makeClients } from '../resources/awsClients';
import { Commands } from '../ids';
import { config } from '../config';
import { log } from '../log';
import type { LessonCatalog } from '../labs/lessonCatalog';
import type { TargetManager } from '../targets/targetManager';
import { functionForFile, handlerLine, lessonFunctions, type LessonFunction } from './lessonFunctions';

export class InvokeCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private deployed: Promise<Set<string>> | undefined;

  constructor(
    private readonly catalog: LessonCatalog,
    private readonly targets: TargetManager,
  ) {}

  refresh(): void {
    this.deployed = undefined;
    this.changed.fire();
  }

  private async deployedNames(): Promise<Set<string>> {
    if (this.targets.kind === 'local' && !this.targets.localCloud.info) return new Set();
    this.deployed ??= (async () => {
      const clients = makeClients(await this.targets.resolve());
      const client = clients.lambda;
      try {
        const names = new Set<string>();
        let marker: string | undefined;
        do {
          const out = await client.send(new ListFunctionsCommand({ Marker: marker }));
          for (const f of out.Functions ?? []) if (f.FunctionName) names.add(f.FunctionName);
          marker = out.NextMarker;
        } while (marker);
        return names;
      } catch (e) {
        log().debug(`code lens: cannot list functions (${(e as Error).message})`);
        return new Set<string>();
      } finally {
        clients.destroy();
      }
    })();
    return this.deployed;
  }

  /** The lesson function a file is the handler module of. */
  async functionFor(file: string): Promise<LessonFunction | undefined> {
    for (const entry of await this.catalog.all()) {
      const fn = functionForFile(lessonFunctions(entry, config.get('student.suffix')), file);
      if (fn) return fn;
    }
    return undefined;
  }

  async provideCodeLenses(doc: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!config.get('codeLens.enabled')) return [];
    const fn = await this.functionFor(doc.uri.fsPath);
    if (!fn) return [];
    const line = handlerLine(doc.getText(), fn.handler);
    if (line < 0) return [];
    const range = new vscode.Range(line, 0, line, 0);
    if (!(await this.deployedNames()).has(fn.physicalName)) {
      return [
        new vscode.CodeLens(range, {
          title: `$(cloud-upload) ${vscode.l10n.t('{0} is not deployed on {1}', fn.logicalId, this.targets.describe())}`,
          command: Commands.refreshResources,
          tooltip: vscode.l10n.t('Deploy the step that creates it, then refresh'),
        }),
      ];
    }
    const arg = { file: doc.uri.fsPath };
    return [
      new vscode.CodeLens(range, {
        title: `$(play) ${vscode.l10n.t('Invoke')}`,
        command: Commands.invokeHandler,
        arguments: [arg],
        tooltip: vscode.l10n.t("Invoke {0} with the step's test event", fn.physicalName),
      }),
      new vscode.CodeLens(range, {
        title: `$(json) ${vscode.l10n.t('Test events…')}`,
        command: Commands.pickTestEvent,
        arguments: [arg],
        tooltip: vscode.l10n.t('Pick or create a test event for {0}', fn.logicalId),
      }),
    ];
  }
}
