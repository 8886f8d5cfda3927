// Saved test events per function: JSON files in the lesson's events/ folder named after the
// function's code folder (events/hello.json, events/hello-empty.json), so they are shared with
// the lesson and can be edited like any file.
import * as vscode from 'vscode';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { LessonFunction } from './lessonFunctions';

export interface TestEvent {
  name: string;
  file?: string;
  payload: string;
}

export async function listTestEvents(fn: LessonFunction): Promise<TestEvent[]> {
  const names = await readdir(fn.eventsDir).catch(() => [] as string[]);
  const mine = names
    .filter((n) => n.endsWith('.json') && (n === `${fn.eventPrefix}.json` || n.startsWith(`${fn.eventPrefix}-`)))
    .sort();
  return Promise.all(
    mine.map(async (n) => ({
      name: n.replace(/\.json$/, ''),
      file: join(fn.eventsDir, n),
      payload: await readFile(join(fn.eventsDir, n), 'utf8'),
    })),
  );
}

const lastUsed = new Map<string, string>();

/**
 * The event "Invoke" uses: the one the student picked last, else the step's own (the event its
 * invoke action names, a file under the lesson), else the first saved, else `{}`.
 */
export async function defaultTestEvent(fn: LessonFunction, stepEventFile?: string): Promise<TestEvent> {
  const events = await listTestEvents(fn);
  const picked = events.find((e) => e.name === lastUsed.get(fn.physicalName));
  if (picked) return picked;
  if (stepEventFile) {
    const saved = events.find((e) => e.file === stepEventFile);
    if (saved) return saved;
    const payload = await readFile(stepEventFile, 'utf8').catch(() => undefined);
    if (payload !== undefined) return { name: basename(stepEventFile, '.json'), file: stepEventFile, payload };
  }
  return events[0] ?? { name: 'empty event', payload: '{}' };
}

export function rememberTestEvent(fn: LessonFunction, event: TestEvent): void {
  lastUsed.set(fn.physicalName, event.name);
}

/** Quick pick of the saved events plus "New test event…" (creates the file and opens it). */
export async function pickTestEvent(fn: LessonFunction): Promise<TestEvent | undefined> {
  const events = await listTestEvents(fn);
  type Item = vscode.QuickPickItem & { event?: TestEvent; create?: boolean };
  const items: Item[] = [
    ...events.map((e) => ({
      label: `$(json) ${e.name}`,
      description: e.payload.replace(/\s+/g, ' ').slice(0, 80),
      event: e,
      buttons: [{ iconPath: new vscode.ThemeIcon('edit'), tooltip: vscode.l10n.t('Edit this event') }],
    })),
    { label: `$(add) ${vscode.l10n.t('New test event…')}`, create: true },
  ];
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = `Test events of ${fn.logicalId}`;
  pick.placeholder = events.length ? 'Invoke with…' : `No saved events yet in events/${fn.eventPrefix}*.json`;
  pick.items = items;
  const chosen = await new Promise<Item | undefined>((resolve) => {
    pick.onDidAccept(() => resolve(pick.selectedItems[0]));
    pick.onDidTriggerItemButton(async (e) => {
      if (e.item.event?.file) await vscode.window.showTextDocument(vscode.Uri.file(e.item.event.file));
      resolve(undefined);
    });
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  if (!chosen) return undefined;
  if (chosen.create) {
    await createTestEvent(fn);
    return undefined;
  }
  return chosen.event;
}

export async function createTestEvent(
  fn: LessonFunction,
  payload = '{\n  "name": "student"\n}\n',
): Promise<string | undefined> {
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('New test event'),
    prompt: vscode.l10n.t('Saved as {0} in the lesson', `events/${fn.eventPrefix}-NAME.json`),
    value: 'my-event',
    validateInput: (v) => (/^[\w-]+$/.test(v) ? undefined : 'Letters, digits, - and _ only'),
  });
  if (!name) return undefined;
  await mkdir(fn.eventsDir, { recursive: true });
  const file = join(fn.eventsDir, `${fn.eventPrefix}-${name}.json`);
  await writeFile(file, payload, { flag: 'wx' }).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'EEXIST') throw e;
  });
  await vscode.window.showTextDocument(vscode.Uri.file(file));
  return file;
}
