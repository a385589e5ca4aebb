// End-to-end: the HTML report (src/report) of the Cần Thơ 2022 examples opened in
// headless Debian Chromium at each screen of test-e2e/support/browser.ts: its charts
// are drawn, visible and named. Screenshots go to the artefacts folder.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreBatch } from '../src/index.js';
import { reportToHtml } from '../src/report/index.js';
import { getCriteria } from '../src/sets/index.js';
import { launchBrowser, newContext, root, saveScreen, SCREENS, watch } from './support/browser.js';

const SET = 'can-tho@2022.1.0';

let browser: Browser | undefined;
let dir: string;
let reportUrl: string;
const problems: string[] = [];

beforeAll(async () => {
  const criteria = getCriteria(SET);
  const report = scoreBatch(criteria, JSON.parse(readFileSync(join(root, 'examples/can-tho-2022/submissions.json'), 'utf8')));
  dir = mkdtempSync(join(tmpdir(), 'dti-report-'));
  const file = join(dir, 'report.html');
  writeFileSync(file, reportToHtml(report, criteria, { lang: 'vi' }));
  reportUrl = pathToFileURL(file).href;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openReport(screen: (typeof SCREENS)[number]): Promise<Page> {
  const page = watch(await (await newContext(browser!, screen)).newPage(), problems);
  await page.goto(reportUrl, { waitUntil: 'load' });
  return page;
}

describe.each(SCREENS)('HTML report in Chromium, $name ($width px)', (screen) => {
  it('shows its charts (svg role="img"), visible and named', async () => {
    const page = await openReport(screen);
    const charts = page.locator('svg[role="img"]');
    const count = await charts.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const chart = charts.nth(i);
      await chart.scrollIntoViewIfNeeded();
      expect(await chart.isVisible(), `chart ${i}`).toBe(true);
      const box = await chart.boundingBox();
      expect(box && box.width > 100 && box.height > 50, `chart ${i} size ${JSON.stringify(box)}`).toBe(true);
      // Accessible: each chart is named by its <title>.
      expect(await chart.getAttribute('aria-labelledby'), `chart ${i}`).toBeTruthy();
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreen(page, `report-${screen.name}`);
    await page.context().close();
    expect(problems).toEqual([]);
  });
});
