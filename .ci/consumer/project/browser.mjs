// Serves web/dist on a random loopback port (node:http), opens it in headless
// Debian Chromium through playwright-core, reads the report JSON from
// <pre id="out"> and writes it to out/browser-json.json.
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, 'web', 'dist');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

const server = createServer((req, res) => {
  const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  const file = normalize(join(root, urlPath === '/' ? 'index.html' : urlPath));
  if (!file.startsWith(root + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

const profile = mkdtempSync(join(tmpdir(), 'dti-chromium-'));
const problems = [];
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url})`); });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load', timeout: 30_000 });
  await page.waitForSelector('#out[data-status]', { state: 'attached', timeout: 30_000 });
  const status = await page.getAttribute('#out', 'data-status');
  const text = await page.textContent('#out');
  if (status !== 'ok') problems.push(`scoring failed in the browser: ${text}`);
  else {
    mkdirSync(join(here, 'out'), { recursive: true });
    writeFileSync(join(here, 'out', 'browser-json.json'), text ?? '');
  }
  console.log(`browser: page loaded from http://127.0.0.1:${port}/ in ${executablePath}`);
} finally {
  await context?.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
if (problems.length > 0) {
  for (const problem of problems) console.error(`browser: ${problem}`);
  process.exit(1);
}
