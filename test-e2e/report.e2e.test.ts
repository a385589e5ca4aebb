// End-to-end: the HTML report (src/report) of the Cần Thơ 2022 examples opened in
// headless Debian Chromium at each screen of test-e2e/support/browser.ts (a phone 390 px
// wide, a laptop 1366 px wide): no part of the page wider than the screen, its charts drawn,
// visible, named and with no text under 11 px, no serious or critical accessibility
// violation (axe-core), ratings told apart in grey; printed to PDF by Chromium, every page
// has the title, the date and "Trang N/M" in its footer (read back with poppler's
// pdftotext and pdfinfo). Screenshots go to the artefacts folder; with UPDATE_DOCS_IMG=1 the
// phone's view of a section is saved as docs/img/report-phone.png.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreBatch } from '../src/index.js';
import { reportToHtml } from '../src/report/index.js';
import { getCriteria } from '../src/sets/index.js';
import { artifacts, launchBrowser, newContext, pageWidth, root, saveScreen, SCREENS, seriousViolations, watch } from './support/browser.js';

const SET = 'can-tho@2022.1.0';
const DATE = '2023-03-15';
const criteria = getCriteria(SET);
const TITLE = criteria.title.vi;

let browser: Browser | undefined;
let dir: string;
let reportUrl: string;
const problems: string[] = [];

beforeAll(async () => {
  const report = scoreBatch(criteria, JSON.parse(readFileSync(join(root, 'examples/can-tho-2022/submissions.json'), 'utf8')));
  dir = mkdtempSync(join(tmpdir(), 'dti-report-'));
  const file = join(dir, 'report.html');
  writeFileSync(file, reportToHtml(report, criteria, { lang: 'vi', date: DATE }));
  reportUrl = pathToFileURL(file).href;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function openReport(screen: Pick<(typeof SCREENS)[number], 'width' | 'height'>): Promise<Page> {
  const page = watch(await (await newContext(browser!, screen)).newPage(), problems);
  await page.goto(reportUrl, { waitUntil: 'load' });
  return page;
}

/** The smallest rendered font size (px) of the text of every chart shown: its font size times the chart's scale on screen. */
async function chartTextSizes(page: Page): Promise<{ chart: string; smallest: number; text: string }[]> {
  return page.evaluate(() => {
    const out: { chart: string; smallest: number; text: string }[] = [];
    for (const svg of document.querySelectorAll<SVGSVGElement>('svg[role="img"]')) {
      if (svg.getBoundingClientRect().width === 0) continue; // not shown at this width (the other rendering is)
      let smallest = Infinity;
      let text = '';
      for (const node of svg.querySelectorAll<SVGTextContentElement>('text, tspan')) {
        if ((node.textContent ?? '').trim() === '' || node.getNumberOfChars() === 0) continue;
        const matrix = node.getScreenCTM();
        const scale = matrix === null ? 1 : Math.hypot(matrix.a, matrix.b);
        const size = parseFloat(getComputedStyle(node).fontSize) * scale;
        if (size < smallest) [smallest, text] = [size, node.textContent ?? ''];
      }
      out.push({ chart: svg.id, smallest, text });
    }
    return out;
  });
}

/**
 * What the eye tells apart in grey in an element's screenshot (inside its 2 px border): the
 * mean grey level (0–1), its spread, and how much it changes from one pixel to the next
 * across, down and along either diagonal (lines in one direction change little along it).
 */
async function greyTexture(page: Page, element: Locator): Promise<number[]> {
  const png = (await element.screenshot()).toString('base64');
  return page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [image.width, image.height];
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const [w, h] = [image.width - 4, image.height - 4];
    const pixels = context.getImageData(2, 2, w, h).data;
    const grey = (x: number, y: number): number => {
      const i = (y * w + x) * 4;
      return (0.2126 * pixels[i]! + 0.7152 * pixels[i + 1]! + 0.0722 * pixels[i + 2]!) / 255;
    };
    let [sum, squares, across, down, diagonal, anti, n, m] = [0, 0, 0, 0, 0, 0, 0, 0];
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const g = grey(x, y);
        [sum, squares, n] = [sum + g, squares + g * g, n + 1];
        if (x + 1 < w && y + 1 < h && y > 0) {
          across += Math.abs(grey(x + 1, y) - g);
          down += Math.abs(grey(x, y + 1) - g);
          diagonal += Math.abs(grey(x + 1, y + 1) - g);
          anti += Math.abs(grey(x + 1, y - 1) - g);
          m += 1;
        }
      }
    }
    const mean = sum / n;
    return [mean, Math.sqrt(Math.max(0, squares / n - mean * mean)), across / m, down / m, diagonal / m, anti / m];
  }, png);
}

describe.each(SCREENS)('HTML report in Chromium, $name ($width px)', (screen) => {
  it('is never wider than the screen: tables and wide charts scroll in their own box', async () => {
    const page = await openReport(screen);
    const width = await pageWidth(page);
    expect(width.wide, JSON.stringify(width)).toEqual([]);
    expect(width.scroll, JSON.stringify(width)).toBeLessThanOrEqual(width.viewport);
    // The ranking tables are the widest: on a phone they scroll inside their box.
    const ranking = page.locator('div.scroll:has(> table.ranking)').first();
    const box = await ranking.evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth }));
    if (screen.name === 'phone') expect(box.scroll).toBeGreaterThan(box.client);
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('shows its charts (svg role="img"), visible, named and with no text under 11 px', async () => {
    const page = await openReport(screen);
    const charts = page.locator('svg[role="img"]:visible');
    const count = await charts.count();
    expect(count).toBeGreaterThan(40);
    for (let i = 0; i < count; i += 7) {
      const chart = charts.nth(i);
      await chart.scrollIntoViewIfNeeded();
      expect(await chart.isVisible(), `chart ${i}`).toBe(true);
      const box = await chart.boundingBox();
      expect(box && box.width > 100 && box.height > 50, `chart ${i} size ${JSON.stringify(box)}`).toBe(true);
      // Accessible: each chart is named by its <title>.
      expect(await chart.getAttribute('aria-labelledby'), `chart ${i}`).toBeTruthy();
    }
    const sizes = await chartTextSizes(page);
    expect(sizes.length).toBe(count);
    for (const size of sizes) expect(size.smallest, `${size.chart}: "${size.text}"`).toBeGreaterThanOrEqual(11);
    // One rendering of each bar chart is shown: the phone's on the phone, the laptop's on the laptop.
    const shown = await page.locator('svg.chart-narrow:visible').count();
    expect(shown > 0).toBe(screen.name === 'phone');
    expect((await page.locator('svg.chart-wide:visible').count()) > 0).toBe(screen.name !== 'phone');
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreen(page, `report-${screen.name}`);
    await page.locator('#c-district-h').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.querySelector('#c-district-h')!.scrollIntoView());
    await saveScreen(page, `report-${screen.name}-district`);
    await page.evaluate(() => document.querySelector('#u-ninh-kieu')!.scrollIntoView());
    await saveScreen(page, `report-${screen.name}-profile`);
    await page.context().close();
    expect(problems).toEqual([]);
  });

  it('has no serious or critical accessibility violation (axe-core, WCAG 2.1 A and AA)', async () => {
    const page = await openReport(screen);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('HTML report in grey (a black-and-white print)', () => {
  it("tells every rating apart by its pattern, in the bar chart's legend and in the tables' swatches", async () => {
    const page = await openReport(SCREENS[1]!);
    await page.addStyleTag({ content: 'html{filter:grayscale(1)}' });
    const ratings = (criteria.ratings ?? []).map((r) => r.id);
    // The legend's swatches are 14 px squares (a bar is 16 px high).
    const legend = (i: number): Locator => page.locator(`#c-district-bar rect[data-rating="${ratings[i]}"][height="14"]`);
    const swatches = page.locator('#c-district table.compact .swatch');
    expect(await swatches.count()).toBe(ratings.length);
    for (const [name, levelsOf] of [
      ['legend', legend],
      ['swatch', (i: number) => swatches.nth(i)],
    ] as const) {
      // Each rating's grey texture is far from every other's.
      const textures: number[][] = [];
      for (let i = 0; i < ratings.length; i++) {
        const element = levelsOf(i);
        await element.scrollIntoViewIfNeeded();
        textures.push(await greyTexture(page, element));
      }
      for (let i = 0; i < textures.length; i++) {
        for (let j = i + 1; j < textures.length; j++) {
          const [a, b] = [textures[i]!, textures[j]!];
          const distance = Math.hypot(...a.map((value, k) => value - b[k]!));
          const shown = (t: number[]): string => t.map((v) => v.toFixed(3)).join(' ');
          expect(distance, `${name}: ${ratings[i]} [${shown(a)}] and ${ratings[j]} [${shown(b)}]`).toBeGreaterThan(0.05);
        }
      }
    }
    await saveScreen(page, 'report-grey-district', { fullPage: false });
    await page.context().close();
  });
});

describe('HTML report printed by Chromium (PDF, A4)', () => {
  it('has the title, the date and "Trang N/M" at the foot of every page', async () => {
    const page = await openReport(SCREENS[1]!);
    const pdf = join(artifacts, 'report.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    await page.context().close();
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(20);
    expect(info).toMatch(/^Page size:\s+594\.96 x 841\.92 pts \(A4\)$/m);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const sheets = text.split('\f').slice(0, pages);
    expect(sheets).toHaveLength(pages);
    // The footer's start of the title (long titles wrap on two lines) and the date (15/03/2023 in Vietnamese).
    const start = TITLE.slice(0, 40);
    sheets.forEach((sheet, i) => {
      const foot = sheet.trimEnd().split('\n').slice(-3).join('\n');
      expect(foot, `page ${i + 1}`).toContain(`Trang ${i + 1}/${pages}`);
      expect(foot, `page ${i + 1}`).toContain(start);
      expect(foot, `page ${i + 1}`).toContain('15/03/2023');
    });
  });
});

describe('the README picture of the report on a phone', () => {
  it.runIf(process.env['UPDATE_DOCS_IMG'] === '1')('is saved as docs/img/report-phone.png, under 300 kB', async () => {
    const page = await openReport(SCREENS[0]!);
    await page.evaluate(() => document.querySelector('#c-district-h')!.scrollIntoView());
    const file = join(root, 'docs/img/report-phone.png');
    mkdirSync(join(root, 'docs/img'), { recursive: true });
    await page.screenshot({ path: file });
    await page.context().close();
    expect(statSync(file).size).toBeLessThan(300_000);
  });
});
