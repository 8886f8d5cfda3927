// Invoke & inspect: CodeLens above deployed handlers, saved test events, the result view, and
// "Invoke" on a function in the Resources view.
import * as vscode from 'vscode';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Commands } from '../ids';
import { config } from '../config';
import { guarded } from '../notify';
import { log } from '../log';
import type { Labs } from '../labs/registerLabs';
import type { TargetManager } from '../targets/targetManager';
import type { InvokeResultView } from '../../shared/protocolInvokeResult';
import { handlerFileArg, treeEntryArg } from '../commandArgs';
import { InvokeCodeLensProvider } from './invokeCodeLens';
import { invokeFunction } from './invokeFunction';
import { InvokeResultPanel } from './invokeResultPanel';
import { createTestEvent, defaultTestEvent, pickTestEvent, rememberTestEvent, type TestEvent } from './testEvents';
import { lessonFunctions, type LessonFunction } from './lessonFunctions';

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

  const run = async (functionName: string, event: TestEvent, fn?: LessonFunction): Promise<InvokeResultView> => {
    const panel = InvokeResultPanel.show(context.extensionUri);
    panel.running(functionName, event.name);
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Invoking ${functionName}`, cancellable: true },
      async (progress, token) => {
        progress.report({ message: `with ${event.name}` });
        const abort = new AbortController();
        const sub = token.onCancellationRequested(() => abort.abort());
        try {
          return await invokeFunction(await targets.resolve(), functionName, event.name, event.payload, abort.signal);
        } finally {
          sub.dispose();
        }
      },
    );
    const r = result.report;
    log().info(`invoked ${functionName}: status ${result.statusCode}${result.functionError ? ` (${result.functionError})` : ''}${r ? `, ${r.durationMs} ms${r.initDurationMs !== undefined ? `, cold start ${r.initDurationMs} ms` : ''}` : ''}`);
    panel.showResult(result, { again: () => run(functionName, event, fn).then(() => undefined), eventFile: event.file });
    if (fn) rememberTestEvent(fn, event);
    return result;
  };

  const fnFromArg = async (arg: unknown): Promise<LessonFunction> => {
    const file = handlerFileArg(arg) ?? vscode.window.activeTextEditor?.document.uri.fsPath;
    const fn = file ? await lenses.functionFor(file) : undefined;
    if (!fn) throw new Error('Open the handler file of a lesson function (functions/NAME/index.ts) to invoke it.');
    return fn;
  };

  const register = (id: string, what: string, fn: (arg: unknown) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, guarded(what, fn)));
  /** `{ lesson, logicalId, eventFile?, payload? }` from a lesson's invoke action. */
  const lessonInvocation = async (arg: unknown): Promise<{ fn: LessonFunction; event: TestEvent } | undefined> => {
    const a = (arg ?? {}) as { lesson?: unknown; logicalId?: unknown; eventFile?: unknown; payload?: unknown };
    if (typeof a.lesson !== 'string' || typeof a.logicalId !== 'string') return undefined;
    const entry = await labs.catalog.find(a.lesson);
    const fn = entry && lessonFunctions(entry, config.get('student.suffix')).find((f) => f.logicalId === a.logicalId);
    if (!fn) throw new Error(`Lesson ${a.lesson} has no function ${a.logicalId} in its template.`);
    if (typeof a.eventFile === 'string') {
      return { fn, event: { name: basename(a.eventFile, '.json'), file: a.eventFile, payload: await readFile(a.eventFile, 'utf8') } };
    }
    return { fn, event: a.payload === undefined ? await defaultTestEvent(fn) : { name: 'lesson event', payload: JSON.stringify(a.payload) } };
  };

  register(Commands.invokeHandler, 'invoke the function', async (arg) => {
    const fn = await fnFromArg(arg);
    return run(fn.physicalName, await defaultTestEvent(fn), fn);
  });
  register(Commands.pickTestEvent, 'pick a test event', async (arg) => {
    const fn = await fnFromArg(arg);
    const event = await pickTestEvent(fn);
    if (event) return run(fn.physicalName, event, fn);
    return undefined;
  });
  register(Commands.saveTestEvent, 'save the test event', async (arg) => createTestEvent(await fnFromArg(arg)));
  register(Commands.invokeFunction, 'invoke the function', async (arg) => {
    const shown = (arg as { showResult?: InvokeResultView } | undefined)?.showResult;
    if (shown) return InvokeResultPanel.show(context.extensionUri).showResult(shown);
    const fromLesson = await lessonInvocation(arg);
    if (fromLesson) return run(fromLesson.fn.physicalName, fromLesson.event, fromLesson.fn);
    const entry = treeEntryArg(arg, ['function']);
    const name = entry?.ref.name ?? (typeof (arg as { functionName?: unknown })?.functionName === 'string' ? (arg as { functionName: string }).functionName : undefined);
    if (!name) throw new Error('Pick a function in the Resources view to invoke it.');
    // A lesson function offers its saved events; any other takes a JSON payload.
    for (const lesson of await labs.catalog.all()) {
      for (const f of lessonFunctions(lesson, config.get('student.suffix'))) {
        if (f.physicalName === name) {
          const event = await pickTestEvent(f);
          return event ? run(name, event, f) : undefined;
        }
      }
    }
    const payload = await vscode.window.showInputBox({ title: `Invoke ${name}`, prompt: 'Event (JSON)', value: '{}', ignoreFocusOut: true });
    return payload === undefined ? undefined : run(name, { name: 'custom event', payload });
  });
}
