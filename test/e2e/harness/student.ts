// What a student does besides clicking: works on their own copy of a repository lesson, types
// into the editor, and leaves numbered pictures of each stage in test-results/.
import type { Frame, Locator, Page } from 'playwright-core';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './codeServer';
import { tempDir } from './workspace';
import { copyLessonFiles } from '../../helpers/lessonCopy';

/**
 * A fresh workspace holding the student's copy of labs/<lesson> as it ships (without the state
 * and bundles other tests' runs may be writing into it) and the course file beside it.
 */
export function copyRepositoryLesson(lesson: string): string {
  const dir = join(tempDir(lesson), 'course');
  mkdirSync(join(dir, 'labs'), { recursive: true });
  cpSync(join(ROOT, 'labs', 'course.yaml'), join(dir, 'labs', 'course.yaml'));
  copyLessonFiles(join(ROOT, 'labs', lesson), join(dir, 'labs', lesson));
  return dir;
}

/**
 * Replaces the whole text of an editor the way a student pastes code in: select all, paste
 * (a clipboard paste event carrying `text`, which Monaco inserts as is; typed newlines would
 * be re-indented line by line), save.
 */
export async function replaceEditorText(page: Page, editor: Locator, text: string): Promise<void> {
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  // Runs in the page (a string: these tests compile without the DOM's types).
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    data.setData('text/plain', ${JSON.stringify(text)});
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  })()`);
  await page.keyboard.press('ControlOrMeta+S');
}

/** Numbered screenshots test-results/<prefix>-NN-<name>.png, in the order taken. */
export function stageShots(page: Page, prefix: string): (name: string) => Promise<string> {
  const dir = join(ROOT, 'test-results');
  mkdirSync(dir, { recursive: true });
  let n = 0;
  return async (name) => {
    const file = join(dir, `${prefix}-${String(++n).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file });
    return file;
  };
}

/** Scrolls a webview element into view so a screenshot shows it. */
export async function scrollIntoView(frame: Frame, selector: string): Promise<void> {
  await frame.locator(selector).first().scrollIntoViewIfNeeded();
}
