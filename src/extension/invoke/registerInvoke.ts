// Invoke & inspect: CodeLens above deployed handlers, saved test events, the result view, and
// "Invoke" on a function in the Resources view. Every invoke goes through the lesson engine
// (src/lab/actions/invoke): a lesson's function in the lesson's session, so its cost counts.
import * as vscode from 'vscode';
import { join } from 'node:path';
import { Commands } from '../ids';
import { config } from '../config';
import { errorText, guarded } from '../notify';
import { pickTarget } from '../targets/targetPicker';
import { log } from '../log';
import type { Labs } from '../labs/registerLabs';
import type { TargetManager } from '../targets/targetManager';
import { invokeWith, type Invocation } from '../../lab/actions/invoke';
import { makeClients } from '../resources/awsClients';
import { handlerFileArg, treeEntryArg } from '../commandArgs';
import { InvokeCodeLensProvider } from './invokeCodeLens';
import { invocationDisplay, registerInvokeResultSerializer } from './invokeResultPanel';
import { invokeResultView } from './invokeResultView';
import { createTestEvent, defaultTestEvent, pickTestEvent, rememberTestEvent, type TestEvent } from './testEvents';
import { lessonFunctions, stepEventFor, type LessonFunction } from './lessonFunctions';

export function registerInvoke(context: vscode.ExtensionContext, targets: TargetManager, labs: Labs): void {
  const lenses = new InvokeCodeLensProvider(labs.catalog, targets);
  const selector = [{ scheme: 'file', pattern: '**/functions/**/*.{ts,js,mjs,cjs,py}' }];
  context.subscriptions.push(
    vscode.languages.registerCodeLensProvider(selector, lenses),
    targets.onDidChange(() => lenses.refresh()),
    targets.localCloud.onDidChangeState(() => lenses.refresh()),
    labs.catalog.onDidChange(() => lenses.refresh()),
    config.onDidChange(['codeLens.enabled', 'student.suffix'], () => lenses.refresh()),
    targets.onDidChangeResources(() => lenses.refresh()),
  );
  registerInvokeResultSerializer(context);
  const display = invocationDisplay(context.extensionUri);

  /** Invokes under a cancellable notification and shows the result; a lesson function in its lesson's session. */
  const run = async (functionName: string, event: TestEvent, fn?: LessonFunction): Promise<Invocation> => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(event.payload);
    } catch (e) {
      throw new Error(
        vscode.l10n.t(
          'The test event “{0}” is not valid JSON ({1}). Fix it in its file and invoke again.',
          event.name,
          (e as Error).message,
        ),
      );
    }
    display.running(functionName, event.name);
    const invoked = vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Invoking {0}', functionName),
        cancellable: true,
      },
      async (progress, token) => {
        progress.report({ message: vscode.l10n.t('with {0}', event.name) });
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        try {
          if (fn) {
            const { invocation, target } = await labs.controller.invoke(fn.entry, functionName, parsed, abort.signal);
            return { invocation, label: target.label };
          }
          const clients = makeClients(await targets.resolve());
          try {
            return {
              invocation: await invokeWith(clients.lambda, functionName, parsed, abort.signal),
              label: clients.target.label,
            };
          } finally {
            clients.destroy();
          }
        } finally {
          sub.dispose();
        }
      },
    );
    const { invocation, label } = await invoked.then(undefined, (e: unknown) => {
      display.failed(functionName, e instanceof vscode.CancellationError ? 'Cancelled.' : errorText(e));
      throw e;
    });
    const r = invocation.report;
    log().info(
      `invoked ${functionName}: status ${invocation.statusCode}${invocation.functionError ? ` (${invocation.functionError})` : ''}${r ? `, ${r.durationMs} ms${r.initDurationMs !== undefined ? `, cold start ${r.initDurationMs} ms` : ''}` : ''}`,
    );
    display.show(
      invokeResultView(invocation, functionName, event.name, label),
      () => run(functionName, event, fn),
      event.file,
    );
    return invocation;
  };

  const fnFromArg = async (arg: unknown): Promise<LessonFunction> => {
    const file = handlerFileArg(arg) ?? vscode.window.activeTextEditor?.document.uri.fsPath;
    const fn = file ? await lenses.functionFor(file) : undefined;
    if (!fn)
      throw new Error(
        vscode.l10n.t('Open the handler file of a lesson function (functions/NAME/index.ts) to invoke it.'),
      );
    return fn;
  };

  /** The event the student's current step invokes this function with, as a file path. */
  const stepEvent = (fn: LessonFunction): string | undefined => {
    const active = labs.progress.active;
    const event = stepEventFor(
      fn.entry.lesson.steps,
      fn.logicalId,
      active?.lessonDir === fn.entry.dir ? active.stepId : undefined,
    );
    return event ? join(fn.entry.dir, event) : undefined;
  };

  const pickAndRun = async (fn: LessonFunction) => {
    const event = await pickTestEvent(fn);
    if (!event) return undefined;
    rememberTestEvent(fn, event);
    return run(fn.physicalName, event, fn);
  };

  const chooseTarget = () => pickTarget(targets);
  const register = (id: string, what: string, fn: (arg: unknown) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, guarded(what, fn, chooseTarget)));
  register(Commands.invokeHandler, vscode.l10n.t('invoke the function'), async (arg) => {
    const fn = await fnFromArg(arg);
    return run(fn.physicalName, await defaultTestEvent(fn, stepEvent(fn)), fn);
  });
  register(Commands.pickTestEvent, vscode.l10n.t('pick a test event'), async (arg) => pickAndRun(await fnFromArg(arg)));
  register(Commands.saveTestEvent, vscode.l10n.t('save the test event'), async (arg) =>
    createTestEvent(await fnFromArg(arg)),
  );
  register(Commands.invokeFunction, vscode.l10n.t('invoke the function'), async (arg) => {
    const name = treeEntryArg(arg, ['function'])?.ref.name;
    if (!name) throw new Error(vscode.l10n.t('Pick a function in the Resources view to invoke it.'));
    // A lesson function offers its saved events; any other takes a JSON payload.
    for (const lesson of await labs.catalog.all()) {
      const fn = lessonFunctions(lesson, config.get('student.suffix')).find((f) => f.physicalName === name);
      if (fn) return pickAndRun(fn);
    }
    const payload = await vscode.window.showInputBox({
      title: vscode.l10n.t('Invoke {0}', name),
      prompt: vscode.l10n.t('Event (JSON)'),
      value: '{}',
      ignoreFocusOut: true,
    });
    return payload === undefined ? undefined : run(name, { name: 'custom event', payload });
  });
}
