// What a student sees in the workbench, as playwright locators: the activity bar, tree rows,
// webviews (iframes inside iframes), the status bar and the quick pick. Screenshots go to
// test-results/e2e/ as the suite's artefacts.
import type { Frame, Page, Locator } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './codeServer';

export const SHOTS = join(ROOT, 'test-results', 'e2e');

export class Workbench {
  private shot = 0;
  constructor(readonly page: Page) {
    mkdirSync(SHOTS, { recursive: true });
  }

  async ready(): Promise<void> {
    await this.page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 90_000 });
    await this.page.locator('.statusbar').waitFor();
  }

  async screenshot(name: string): Promise<string> {
    const file = join(SHOTS, `${String(++this.shot).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  activityTab(name: RegExp): Locator {
    return this.page.locator('.part.activitybar').getByRole('tab', { name });
  }

  treeRow(name: RegExp): Locator {
    return this.page.getByRole('treeitem', { name });
  }

  /** An editor tab by its title (webview panels included). */
  tab(name: RegExp): Locator {
    return this.page.locator('.tabs-container .tab', { hasText: name });
  }

  statusItem(text: RegExp): Locator {
    return this.page.locator('.statusbar .statusbar-item', { hasText: text });
  }

  quickPickRow(text: RegExp): Locator {
    return this.page.locator('.quick-input-widget .monaco-list-row', { hasText: text });
  }

  /** Clicks an element that opens a quick pick (status bar items), retrying while the workbench settles. */
  async openQuickPickFrom(target: Locator): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('Escape');
      await target.click();
      const shown = await widget.waitFor({ state: 'visible', timeout: 5_000 }).then(
        () => true,
        () => false,
      );
      if (shown) return;
      if (attempt === 3) throw new Error('the quick pick did not open');
    }
  }

  /** The frame of the webview whose document has `selector` (webviews nest two iframes). */
  async webview(selector: string, timeoutMs = 30_000): Promise<Frame> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      for (const frame of this.page.frames()) {
        if (frame.isDetached()) continue;
        const found = await frame
          .locator(selector)
          .count()
          .catch(() => 0);
        if (found > 0) return frame;
      }
      if (Date.now() > end) throw new Error(`no webview shows ${selector} after ${timeoutMs} ms`);
      await this.page.waitForTimeout(250);
    }
  }

  /**
   * Opens a tree row's item (runs its command) and returns the webview that then shows `selector`.
   * A click that lands while the tree re-renders (a refresh under load) opens nothing; the row is
   * then opened again by keyboard, Enter on the selected row, as a student would, and then once
   * more after closing the editors. Each retry and a last failure say what tabs and notifications
   * the workbench showed.
   */
  async openFromTree(row: Locator, selector: string, timeoutMs = 120_000): Promise<Frame> {
    const end = Date.now() + timeoutMs;
    for (let attempt = 1; ; attempt++) {
      // A panel that never drew its webview is closed first, so the next try makes a new one.
      if (attempt > 2) await this.runCommand('View: Close All Editors');
      await row.click();
      if (attempt > 1) await this.page.keyboard.press('Enter');
      try {
        return await this.webview(selector, Math.max(1_000, Math.min(30_000, end - Date.now())));
      } catch (error) {
        const tabs = (await this.page.locator('.tabs-container .tab').allTextContents()).map((t) => t.trim());
        const notes = await this.notifications();
        const seen = `tabs: ${tabs.join(' | ') || 'none'}; notifications: ${notes.join(' | ') || 'none'}`;
        if (Date.now() >= end) throw new Error(`${(error as Error).message} after ${attempt} tries (${seen})`);
        console.log(`# the tree row opened nothing (${seen}): opening it again by keyboard`);
      }
    }
  }

  /** The texts of the notifications on screen. */
  async notifications(): Promise<string[]> {
    const texts = await this.page.locator('.notifications-toasts .notification-list-item-message').allTextContents();
    return texts.map((t) => t.trim()).filter(Boolean);
  }

  /** Right-clicks a tree row and picks an entry of its context menu. */
  async contextMenu(row: Locator, entry: string): Promise<void> {
    await row.click({ button: 'right' });
    const menu = this.page.locator('.context-view .monaco-menu');
    const item = menu.locator('.action-item', { hasText: entry }).first();
    await item.waitFor();
    // A click that lands while the menu is still being laid out can be swallowed (seen under load,
    // leaving the menu open over the workbench): if the menu is still there, choose by keyboard.
    await item.hover();
    await item.click();
    try {
      await menu.waitFor({ state: 'hidden', timeout: 3_000 });
    } catch {
      await item.hover();
      await this.page.keyboard.press('Enter');
      await menu.waitFor({ state: 'hidden', timeout: 10_000 });
    }
  }

  /** Titles of the active tab of each visible editor group, left to right. */
  async visibleTabs(): Promise<string[]> {
    return (await this.page.locator('.editor-group-container .tabs-container .tab.active').allTextContents()).map((t) =>
      t.trim(),
    );
  }

  /** Opens a workspace file through Quick Open. */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(name);
    await this.quickPickRow(new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .first()
      .click();
  }

  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await this.quickPickRow(new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .first()
      .click();
  }
}
