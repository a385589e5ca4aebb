// What every end-to-end test file shares: Debian's Chromium through playwright-core,
// a loopback static server, the screens pages are checked at (a phone and a laptop),
// screenshots saved as CI artefacts, a page-width check and an accessibility check
// (axe-core, serious and critical violations).
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));

/** The repository's root. */
export const root = resolve(here, '../..');

/**
 * Where screenshots go: `$E2E_ARTIFACTS` when set (`.ci/run` sets it and prints it),
 * else `test-e2e/artifacts/` (git-ignored).
 */
export const artifacts = process.env['E2E_ARTIFACTS'] ?? join(root, 'test-e2e/artifacts');

const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A screen pages are checked at. */
export interface Screen {
  readonly name: 'phone' | 'desktop';
  readonly width: number;
  readonly height: number;
}

/** The two screens of issue #16: a phone 390 px wide and a laptop 1366 px wide. */
export const SCREENS: readonly Screen[] = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1366, height: 768 },
];

/** Headless Debian Chromium. */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(artifacts, { recursive: true });
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** A Vietnamese browser context of one screen (or the given viewport). */
export async function newContext(browser: Browser, screen: Pick<Screen, 'width' | 'height'>): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: screen.width, height: screen.height }, locale: 'vi-VN', deviceScaleFactor: 1 });
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json' };

/** Serves `dir` on a random loopback port; GET only, no directory listings, nothing outside `dir`. */
export async function serve(dir: string): Promise<{ server: Server; url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (req.method !== 'GET' || !file.startsWith(dir + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const close = (): Promise<void> => new Promise<void>((done) => server.close(() => done()));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close };
}

/** Records console errors, page errors and failed requests of `page` into `problems`. */
export function watch(page: Page, problems: string[]): Page {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  return page;
}

/** Saves a screenshot `<name>.png` into {@link artifacts} (the whole page with `fullPage`). */
export async function saveScreen(page: Page, name: string, options: { readonly fullPage?: boolean } = {}): Promise<string> {
  const path = join(artifacts, `${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? false });
  return path;
}

/** How wide the page is against its viewport, and the elements that stick out to the right (at most 10). */
export interface PageWidth {
  readonly viewport: number;
  readonly scroll: number;
  readonly wide: readonly string[];
}

/** Measures the document's width and lists elements wider than the viewport (ignoring those inside a scrolling box). */
export async function pageWidth(page: Page): Promise<PageWidth> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    const scrollsX = (el: Element): boolean => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const overflowX = getComputedStyle(p).overflowX;
        if (overflowX === 'auto' || overflowX === 'scroll' || overflowX === 'hidden') return true;
      }
      return false;
    };
    const wide: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > viewport + 1 && !scrollsX(el)) {
        wide.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''} right=${Math.round(box.right)}`);
        if (wide.length >= 10) break;
      }
    }
    return { viewport, scroll: document.documentElement.scrollWidth, wide };
  });
}

/** One accessibility violation as axe-core reports it, trimmed to what a failing test should print. */
export interface Violation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: readonly string[];
}

const axeSource = (): string => readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.x A and AA rules) on the page as it is and returns the
 * serious and critical violations.
 */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: axeSource() });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? 'unknown', help: v.help, targets: v.nodes.slice(0, 5).map((n) => String(n.target.join(' '))) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
