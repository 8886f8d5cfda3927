// Runs a view's real bundle in headless Chromium, served with the same HTML and CSP the panel
// uses, and answers its messages with the view's real handlers (which talk to a real local
// cloud). It stands in for VS Code's message transport only: validation, handlers and the
// webview code are the product's own. Records console errors and CSP violations.
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parseViewMessage, type MethodTable, type ParamCheckers } from '../../../src/shared/webviewProtocol';
import { shellHtml } from '../../../src/extension/webviews/shellHtml';
import type { Handlers } from '../../../src/extension/webviews/handlers';

const ROOT = join(__dirname, '..', '..', '..');
export const CHROMIUM = process.env.HOC_CHROMIUM ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.ttf': 'font/ttf',
  '.html': 'text/html',
  '.map': 'application/json',
};

export interface Harness {
  origin: string;
  browser: Browser;
  open<M extends MethodTable>(o: {
    view: string;
    styles: string[];
    params: ParamCheckers<M>;
    handlers: Handlers<M>;
    state?: unknown;
    workers?: boolean;
  }): Promise<OpenView>;
  close(): Promise<void>;
}

export interface OpenView {
  page: Page;
  /** Console errors, page errors and CSP violations seen so far. */
  problems: string[];
  /** Requests the view sent, by method, in order. */
  requests: string[];
  state(): Promise<unknown>;
}

/** Builds the webview bundles (minified, as shipped) into a temporary folder and serves them. */
export async function startHarness(): Promise<Harness> {
  const out = mkdtempSync(join(tmpdir(), 'hoc-views-'));
  const entries = Object.fromEntries(
    readdirSync(join(ROOT, 'src/webview'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(ROOT, 'src/webview', d.name, 'main.ts')))
      .map((d) => [d.name, join(ROOT, 'src/webview', d.name, 'main.ts')]),
  );
  await esbuild.build({
    entryPoints: entries,
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    outdir: join(out, 'dist'),
    loader: { '.ttf': 'file', '.css': 'css' },
    logLevel: 'error',
  });
  const pages = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    const page = pages.get(path);
    if (page) return void res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    const file = path.startsWith('/dist/')
      ? join(out, path)
      : path.startsWith('/media/webview/')
        ? join(ROOT, path)
        : undefined;
    if (!file || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  let count = 0;

  return {
    origin,
    browser,
    async open({ view, styles, params, handlers, state, workers }) {
      const path = `/view/${view}-${++count}.html`;
      pages.set(
        path,
        shellHtml({
          cspSource: origin,
          nonce: `n${count}x${Date.now()}`,
          title: view,
          scriptUri: `${origin}/dist/${view}.js`,
          codiconUri: `${origin}/dist/${view}.css`,
          styleUris: styles.map((s) => `${origin}/media/webview/${s}.css`),
          workers,
        }),
      );
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
      page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
      page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
      page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
      await page.exposeFunction('__hocToHost', async (raw: unknown) => {
        const msg = parseViewMessage(raw, params);
        if (msg.kind !== 'request') return;
        const { id, method } = msg as { id: number; method: keyof typeof handlers & string };
        requests.push(method);
        let reply: unknown;
        try {
          reply = {
            kind: 'response',
            id,
            ok: true,
            result: await handlers[method]((msg as unknown as { params: never }).params),
          };
        } catch (e) {
          reply = { kind: 'response', id, ok: false, error: `${(e as Error).name}: ${(e as Error).message}` };
        }
        // JSON round trip: what VS Code's postMessage does to a result.
        await page.evaluate(`window.postMessage(${JSON.stringify(reply)}, '*')`).catch(() => undefined);
      });
      // A string, not a function: the test runner's transpiler would add helpers the page lacks.
      await page.addInitScript(`(() => {
        const w = window;
        w.__hocState = ${JSON.stringify(state ?? null)};
        w.__hocViolations = [];
        w.__hocLongTasks = [];
        new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__hocLongTasks.push(Math.round(e.duration)); }).observe({ type: 'longtask', buffered: true });
        document.addEventListener('securitypolicyviolation', (e) => w.__hocViolations.push(e.violatedDirective + ' ' + e.blockedURI));
        w.acquireVsCodeApi = () => ({
          postMessage: (m) => w.__hocToHost(m),
          getState: () => w.__hocState ?? undefined,
          setState: (s) => { w.__hocState = s; },
        });
      })();`);
      await page.goto(`${origin}${path}`);
      return {
        page,
        problems,
        requests,
        state: () => page.evaluate('window.__hocState'),
      };
    },
    async close() {
      await browser.close();
      server.close();
      rmSync(out, { recursive: true, force: true });
    },
  };
}

/** CSP violations recorded in the page. */
export function violations(page: Page): Promise<string[]> {
  return page.evaluate('window.__hocViolations') as Promise<string[]>;
}

/** A screenshot into test-results/webviews/ (kept as a test artefact). */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = join(ROOT, 'test-results', 'webviews');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** Durations (ms) of the tasks that blocked the page's thread for more than 50 ms. */
export function longTasks(page: Page): Promise<number[]> {
  return page.evaluate('window.__hocLongTasks') as Promise<number[]>;
}
