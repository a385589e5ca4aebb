// End-to-end: the self-assessment portal (examples/portal) built with Vite's
// JS API, served from a throwaway node:http server on 127.0.0.1 and driven in
// headless Debian Chromium through playwright-core. What the page shows must
// equal what the library computes for the same input; invalid values must be
// flagged at their field with the library's coded message; no console errors.
// Evidence (spec §12) with a set opened from a file that requires it: the
// required mark, the lacking list as the library's results give it, bad entries
// flagged with the library's codes, no live javascript: link, the evidence sent.
//
// Screenshots for review go to the artefacts folder (test-e2e/support/browser.ts).
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { explainUnit, parseCriteria, readExact, safeScoreBatch, sha256Hex, type EvidenceEntry, type CriteriaSet, type UnitResult } from '../src/index.js';
import { getCriteria } from '../src/sets/index.js';
import { artifacts, launchBrowser, newContext, pageWidth, root, saveScreen, SCREENS, seriousViolations, serve, watch as watchFor, type Screen } from './support/browser.js';

const SET = 'can-tho@2022.1.0';
const LEVEL = 'commune';
const UNIT_NAME = 'Xã Mỹ Khánh (thử nghiệm e2e)';

let outDir: string;
let closeServer: (() => Promise<void>) | undefined;
let baseUrl: string;
let browser: Browser | undefined;
/** The window of the tests that check what the page computes (the screens of issue #16 have their own tests). */
const LAPTOP = { width: 1440, height: 1000 } as const;
/** Console errors, page errors and failed requests, by page, checked after each test. */
const problems: string[] = [];

const watch = (page: Page): Page => watchFor(page, problems);

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'dti-portal-'));
  const started = Date.now();
  await build({
    configFile: join(root, 'examples/portal/vite.config.ts'),
    mode: 'production',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  console.log(`portal built into ${outDir} in ${Date.now() - started} ms`);
  ({ url: baseUrl, close: closeServer } = await serve(outDir));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await closeServer?.();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** The text of the element with this data-testid, trimmed. */
async function text(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).textContent()) ?? '').trim();
}

/**
 * A page in a browser context of its own (its own localStorage: the drafts of one
 * test never reach another), on the laptop of the first tests or on a screen.
 */
async function newPage(screen: Pick<Screen, 'width' | 'height'> = LAPTOP): Promise<Page> {
  return watch(await (await newContext(browser!, screen)).newPage());
}

/** Closes a page and its context. */
async function close(page: Page): Promise<void> {
  await page.context().close();
}

async function openPortal(url = baseUrl, screen?: Pick<Screen, 'width' | 'height'>): Promise<Page> {
  const page = await newPage(screen);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]');
  await page.getByTestId('set').selectOption(SET);
  await page.getByTestId('level').selectOption(LEVEL);
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset['scope'])).toBe(`${SET}/${LEVEL}`);
  await page.getByTestId('unit-name').fill(UNIT_NAME);
  return page;
}

/** The answers typed into the form, and the same answers as the submission values the library reads. */
const fill = {
  fractions: {
    'CQS.1.3': ['12', '15'],
    'CQS.4.1': ['7', '20'],
    'CQS.6.1': ['95', '100'],
    'KTS.2.2': ['3', '4'],
    'XHS.1.1': ['9', '10'],
    'XHS.2.1': ['1234', '2000'],
  },
  choices: { 'CQS.1.1': 'deputy', 'CQS.4.2': 'kiem-nhiem' },
  checklists: { 'CQS.1.4': ['chuyen-muc', 'truyen-thanh'], 'CQS.3.3': ['qlvb', 'thu-cong-vu', 'phan-anh'] },
  booleans: { 'CQS.2.1': true, 'CQS.3.2': false },
  counts: { 'KTS.1.2': '1', 'XHS.1.2': '7' },
  decimals: { 'CQS.1.2': '3' },
  bandsFractions: { 'CQS.2.3': ['1', '150'] },
  points: { 'CQS.6.4': '12.5' },
  texts: { 'CQS.8.1': '40' },
  na: ['CQS.7.3', 'KTS.3.2'],
} as const;

function expectedValues(): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [code, [numerator, denominator]] of Object.entries(fill.fractions)) values[code] = { numerator, denominator };
  for (const [code, id] of Object.entries(fill.choices)) values[code] = id;
  for (const [code, ids] of Object.entries(fill.checklists)) values[code] = [...ids];
  for (const [code, yes] of Object.entries(fill.booleans)) values[code] = yes;
  for (const [code, n] of Object.entries(fill.counts)) values[code] = n;
  for (const [code, x] of Object.entries(fill.decimals)) values[code] = x;
  for (const [code, [numerator, denominator]] of Object.entries(fill.bandsFractions)) values[code] = { numerator, denominator };
  for (const [code, p] of Object.entries(fill.points)) values[code] = p;
  for (const [code, t] of Object.entries(fill.texts)) values[code] = t;
  for (const code of fill.na) values[code] = 'n/a';
  return values;
}

async function fillForm(page: Page): Promise<void> {
  for (const [code, [n, d]] of Object.entries(fill.fractions)) {
    await page.getByTestId(`input-${code}-numerator`).fill(n);
    await page.getByTestId(`input-${code}-denominator`).fill(d);
  }
  for (const [code, id] of Object.entries(fill.choices)) await page.getByTestId(`input-${code}`).selectOption(id);
  for (const [code, ids] of Object.entries(fill.checklists)) for (const id of ids) await page.getByTestId(`input-${code}-${id}`).check();
  for (const [code, yes] of Object.entries(fill.booleans)) await page.getByTestId(`input-${code}-${yes ? 'yes' : 'no'}`).check();
  for (const [code, n] of Object.entries(fill.counts)) await page.getByTestId(`input-${code}`).fill(n);
  for (const [code, x] of Object.entries(fill.decimals)) await page.getByTestId(`input-${code}`).fill(x);
  for (const [code, [n, d]] of Object.entries(fill.bandsFractions)) {
    await page.getByTestId(`mode-${code}`).selectOption('fraction');
    await page.getByTestId(`input-${code}-numerator`).fill(n);
    await page.getByTestId(`input-${code}-denominator`).fill(d);
  }
  for (const [code, p] of Object.entries(fill.points)) await page.getByTestId(`input-${code}`).fill(p);
  for (const [code, t] of Object.entries(fill.texts)) await page.getByTestId(`input-${code}`).fill(t);
  for (const code of fill.na) await page.getByTestId(`na-${code}`).check();
}

function libraryResult(criteria: CriteriaSet, values: Record<string, unknown>): UnitResult {
  const outcome = safeScoreBatch(criteria, { units: [{ id: 'e2e', name: UNIT_NAME, level: LEVEL, values }] });
  if (!outcome.ok) throw new Error(`the library rejects the e2e input: ${JSON.stringify(outcome.issues)}`);
  // With its texts: the page shows each node's explanation.
  return explainUnit(outcome.value.results[0]!);
}

/** Checks every figure the page shows against the library's result. */
async function expectPageShows(page: Page, criteria: CriteriaSet, unit: UnitResult): Promise<void> {
  expect(await text(page, 'total-points')).toBe(unit.points);
  expect(await text(page, 'max-points')).toBe(unit.maxPoints);
  expect(await text(page, 'index')).toBe(unit.index);
  const rating = criteria.ratings!.find((r) => r.id === unit.rating)!;
  expect(await text(page, 'rating')).toBe(rating.name.vi);
  expect(await page.getByTestId('rating').getAttribute('data-rating-id')).toBe(unit.rating);
  for (const pillar of ['CQS', 'KTS', 'XHS']) {
    expect(await text(page, `pillar-${pillar}-points`), pillar).toBe(unit.nodes[pillar]!.points);
    expect(await text(page, `pillar-${pillar}-index`), pillar).toBe(unit.nodes[pillar]!.index);
  }
  for (const main of ['CQS.1', 'KTS.1', 'XHS.2']) {
    expect(await text(page, `section-${main}-points`), main).toBe(unit.nodes[main]!.points);
    expect(await text(page, `section-${main}-index`), main).toBe(unit.nodes[main]!.index);
  }
  // Section maxima follow the answers ("n/a" lowers them).
  for (const section of ['CQS', 'CQS.7', 'KTS.3']) expect(await text(page, `section-${section}-max`), section).toBe(unit.nodes[section]!.maxPoints);
}

describe(`portal: ${SET}, level ${LEVEL}`, () => {
  const criteria = getCriteria(SET);

  it('builds one self-contained index.html', () => {
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    expect(html).toContain('<script type="module">');
    expect(html).not.toMatch(/<script[^>]+src=/);
  });

  it('shows the score the library computes for the same answers, live', async () => {
    const page = await openPortal();
    // The empty form already scores (missing values count 0 under the set's policy).
    const empty = libraryResult(criteria, {});
    await expectPageShows(page, criteria, empty);

    await fillForm(page);
    const values = expectedValues();
    const unit = libraryResult(criteria, values);
    await expectPageShows(page, criteria, unit);
    expect(await page.getByTestId('status').getAttribute('data-state')).toBe('ok');

    // The submission the page scored is exactly the one built here.
    const shown = JSON.parse(await text(page, 'submission-json')) as { units: { values: Record<string, unknown>; level: string; name: string }[] };
    expect(shown.units[0]!.values).toEqual(values);
    expect(shown.units[0]!.level).toBe(LEVEL);

    // Leaf by leaf: points and the Vietnamese explanation, for each kind of input.
    for (const code of ['CQS.1.3', 'CQS.1.1', 'CQS.1.4', 'CQS.2.1', 'CQS.3.2', 'KTS.1.2', 'CQS.1.2', 'CQS.2.3', 'CQS.6.4', 'KTS.2.2']) {
      const node = unit.nodes[code]!;
      expect(node.status, code).toBe('scored');
      expect(await text(page, `points-${code}`), code).toBe(node.points);
      expect(await text(page, `max-${code}`), code).toBe(node.maxPoints);
      expect(await text(page, `explain-${code}`), code).toBe(node.explanation!.vi);
    }
    for (const code of fill.na) {
      expect(unit.nodes[code]!.status).toBe('not-applicable');
      expect(await text(page, `points-${code}`)).toBe('—');
      expect(await text(page, `explain-${code}`)).toBe(unit.nodes[code]!.explanation!.vi);
      expect(await page.getByTestId(`input-${code}`).or(page.getByTestId(`input-${code}-numerator`)).first().isDisabled()).toBe(true);
    }
    expect(await text(page, 'explain-CQS.8.1')).toBe(unit.nodes['CQS.8.1']!.explanation!.vi);
    expect(unit.nodes['CQS.1.3']!.explanation!.vi).toContain('12/15');

    // The radar is the library's SVG for this unit, visible.
    const radar = page.locator('[data-testid="radar"] svg[role="img"]');
    await expect.poll(() => radar.count()).toBe(1);
    expect(await radar.isVisible()).toBe(true);
    expect(await radar.locator('title').textContent()).toContain(UNIT_NAME);

    // Accessible names: every input of a field is labelled.
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('#sections input, #sections select')]
        .filter((el) => !(el.labels && el.labels.length > 0) && !el.getAttribute('aria-labelledby') && !el.getAttribute('aria-label'))
        .map((el) => el.id),
    );
    expect(unlabelled).toEqual([]);

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(artifacts, 'portal.png') });
    await close(page);
    expect(problems).toEqual([]);
  });

  it('reads numbers as people type them: a decimal comma, a % field in percent, never a guess', async () => {
    const page = await openPortal();
    const sent = async (): Promise<Record<string, unknown>> => (JSON.parse(await text(page, 'submission-json')) as { units: { values: Record<string, unknown> }[] }).units[0]!.values;
    await page.getByTestId('input-CQS.1.2').fill('4,5'); // was read as 45 by a number input
    await page.getByTestId('input-CQS.7.3').fill('5'); // a % leaf: 5 % is 0.05 in data
    await page.getByTestId('input-KTS.1.2').fill('1.234.000');
    await expect.poll(sent).toMatchObject({ 'CQS.1.2': '4.5', 'CQS.7.3': '0.05', 'KTS.1.2': '1234000' });
    await page.getByTestId('input-CQS.7.3').fill('0,05'); // 0.05 % is 0.0005
    await expect.poll(sent).toMatchObject({ 'CQS.7.3': '0.0005' });

    // Two readings, both possible for a count: refused at the field, with both named.
    await page.getByTestId('input-KTS.1.2').fill('1.000');
    await expect.poll(() => text(page, 'error-KTS.1.2')).toContain('[value/ambiguous-number]');
    expect(await text(page, 'error-KTS.1.2')).toContain('1000');
    expect(await page.getByTestId('input-KTS.1.2').getAttribute('aria-invalid')).toBe('true');
    expect(await sent()).not.toHaveProperty('KTS.1.2');
    // Above 100 %: out of range, said in percent.
    await page.getByTestId('input-CQS.7.3').fill('300');
    await expect.poll(() => text(page, 'error-CQS.7.3')).toContain('[0, 100] %');
    expect(await text(page, 'error-CQS.7.3')).toContain('[value/out-of-range]');
    await close(page);
    expect(problems).toEqual([]);
  });

  it('the golden catalogue of typed numbers (test/golden/typed-inputs.json): the right value or a coded error at the field', async () => {
    const catalogue = JSON.parse(readFileSync(new URL('../test/golden/typed-inputs.json', import.meta.url), 'utf8')) as {
      criteria: string; level: string; numbers: { title: string; leaf: string; typed: string; portal: { value?: string; code?: string } }[];
    };
    expect(`${catalogue.criteria}/${catalogue.level}`).toBe(`${SET}/${LEVEL}`);
    const page = await openPortal();
    const sent = async (): Promise<Record<string, unknown>> => (JSON.parse(await text(page, 'submission-json')) as { units: { values: Record<string, unknown> }[] }).units[0]!.values;
    for (const entry of catalogue.numbers) {
      const where = `${entry.title}: ${entry.leaf} "${entry.typed}"`;
      await page.getByTestId(`input-${entry.leaf}`).fill(entry.typed);
      if (entry.portal.code !== undefined) {
        await expect.poll(() => text(page, `error-${entry.leaf}`), { message: where }).toContain(`[${entry.portal.code}]`);
        expect(await page.getByTestId(`input-${entry.leaf}`).getAttribute('aria-invalid'), where).toBe('true');
      } else {
        await expect.poll(async () => (await sent())[entry.leaf], { message: where }).toBeDefined();
        const value = (await sent())[entry.leaf] as string;
        expect(readExact(value)?.eq(readExact(entry.portal.value!)!), `${where}: sent ${value}`).toBe(true);
        expect(await page.getByTestId(`error-${entry.leaf}`).isHidden(), where).toBe(true);
      }
      await page.getByTestId(`input-${entry.leaf}`).fill('');
    }
    await close(page);
    expect(problems).toEqual([]);
  });

  it('flags invalid values at the field with the library\'s coded message', async () => {
    const page = await openPortal();
    await fillForm(page);
    const valid = libraryResult(criteria, expectedValues());

    // n > d on a ratio leaf: the whole fraction is flagged.
    await page.getByTestId('input-CQS.2.2-numerator').fill('9');
    await page.getByTestId('input-CQS.2.2-denominator').fill('5');
    // A negative numerator: only that part is flagged.
    await page.getByTestId('input-CQS.3.1-numerator').fill('-1');
    await page.getByTestId('input-CQS.3.1-denominator').fill('30');
    // A fractional count.
    await page.getByTestId('input-KTS.3.1').fill('2.5');

    // The library's own verdict on the same values.
    const outcome = safeScoreBatch(criteria, {
      units: [{ id: 'e2e', level: LEVEL, values: { ...expectedValues(), 'CQS.2.2': { numerator: '9', denominator: '5' }, 'CQS.3.1': { numerator: '-1', denominator: '30' }, 'KTS.3.1': '2.5' } }],
    });
    expect(outcome.ok).toBe(false);
    const codes = outcome.ok ? [] : outcome.issues.map((i) => `${i.path} ${i.code}`);
    expect(codes).toEqual([
      'units[0].values["CQS.2.2"] value/numerator-exceeds-denominator',
      'units[0].values["CQS.3.1"].numerator value/negative',
      'units[0].values["KTS.3.1"] value/not-whole',
    ]);

    const error = page.getByTestId('error-CQS.2.2');
    expect(await error.isVisible()).toBe(true);
    expect(await error.textContent()).toContain('tử số lớn hơn mẫu số');
    expect(await error.textContent()).toContain('[value/numerator-exceeds-denominator]');
    expect(await page.getByTestId('input-CQS.2.2-numerator').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('input-CQS.2.2-denominator').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('field-CQS.2.2').getAttribute('data-invalid')).toBe('true');
    // The message is announced with the input: aria-describedby points at it.
    expect((await page.getByTestId('input-CQS.2.2-numerator').getAttribute('aria-describedby'))?.split(' ')).toContain('error-CQS.2.2');

    expect(await text(page, 'error-CQS.3.1')).toContain('[value/negative]');
    expect(await page.getByTestId('input-CQS.3.1-numerator').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('input-CQS.3.1-denominator').getAttribute('aria-invalid')).toBeNull();
    expect(await text(page, 'error-KTS.3.1')).toContain('[value/not-whole]');
    expect(await page.getByTestId('input-KTS.3.1').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('error-CQS.1.3').isHidden()).toBe(true);

    // The score shown leaves the three invalid values out, and says so.
    expect(await page.getByTestId('status').getAttribute('data-state')).toBe('partial');
    expect(await text(page, 'status')).toContain('3 trường có lỗi');
    await expectPageShows(page, criteria, valid);

    await page.getByTestId('field-CQS.2.2').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'portal-invalid.png') });

    // Corrected: the flags go away and the score counts the values again.
    await page.getByTestId('input-CQS.2.2-numerator').fill('4');
    await page.getByTestId('input-CQS.3.1-numerator').fill('21');
    await page.getByTestId('input-KTS.3.1').fill('3');
    expect(await page.getByTestId('error-CQS.2.2').isHidden()).toBe(true);
    expect(await page.getByTestId('input-CQS.2.2-numerator').getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByTestId('status').getAttribute('data-state')).toBe('ok');
    const corrected = libraryResult(criteria, { ...expectedValues(), 'CQS.2.2': { numerator: '4', denominator: '5' }, 'CQS.3.1': { numerator: '21', denominator: '30' }, 'KTS.3.1': '3' });
    await expectPageShows(page, criteria, corrected);
    await close(page);
    expect(problems).toEqual([]);
  });

  it('keeps working for a level with groups and other set versions', async () => {
    const page = await openPortal();
    for (const [ref, level, group] of [
      ['can-tho@2022.1.0', 'department', 'B'],
      ['can-tho@2023.1.0', 'district', null],
      ['can-tho@2025.1.0', 'commune', null],
    ] as const) {
      await page.getByTestId('set').selectOption(ref);
      await page.getByTestId('level').selectOption(level);
      if (group) await page.getByTestId('group').selectOption(group);
      else expect(await page.getByTestId('group').isHidden()).toBe(true);
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset['scope'])).toBe(`${ref}/${level}${group ? `/${group}` : ''}`);
      const set = getCriteria(ref);
      const shown = JSON.parse(await text(page, 'submission-json')) as { units: { values: Record<string, unknown> }[] };
      const outcome = safeScoreBatch(set, { units: [{ id: 'e2e', level, ...(group ? { group } : {}), values: shown.units[0]!.values }] });
      expect(outcome.ok).toBe(true);
      if (outcome.ok) {
        expect(await text(page, 'total-points')).toBe(outcome.value.results[0]!.points);
        expect(await text(page, 'max-points')).toBe(outcome.value.results[0]!.maxPoints);
      }
    }
    await close(page);
    expect(problems).toEqual([]);
  });

  it('works opened straight from disk (file://), without any server', async () => {
    const page = await openPortal(pathToFileURL(join(outDir, 'index.html')).href);
    await page.getByTestId('input-CQS.1.3-numerator').fill('12');
    await page.getByTestId('input-CQS.1.3-denominator').fill('15');
    expect(await text(page, 'points-CQS.1.3')).toBe('16.00');
    expect(await text(page, 'total-points')).toBe(libraryResult(criteria, { 'CQS.1.3': { numerator: '12', denominator: '15' } }).points);
    await close(page);
    expect(problems).toEqual([]);
  });
});

/** A set that requires evidence (A.1.1, B.1.1) under `evidencePolicy: "zero"`: no embedded set requires any yet. */
const EVIDENCE_SET_FILE = join(root, 'test/fixtures/appraisal/criteria.json');

describe('portal: evidence (spec §12), with a criteria set opened from a file', () => {
  const criteria = parseCriteria(JSON.parse(readFileSync(EVIDENCE_SET_FILE, 'utf8')));
  const ref = `${criteria.id}@${criteria.version}`;
  const level = 'xa';
  const values = { 'A.1.1': true, 'A.1.2': '3', 'B.1.1': true };

  async function openEvidenceSet(viewport?: { width: number; height: number }): Promise<Page> {
    const page = await newPage(viewport);
    await page.goto(baseUrl, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]');
    await page.getByTestId('criteria-file').setInputFiles(EVIDENCE_SET_FILE);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['scope'])).toBe(`${ref}/${level}`);
    return page;
  }

  /** The library's result for the same unit, period and evidence. */
  function library(period: string | undefined, evidence?: Record<string, EvidenceEntry[]>): UnitResult {
    const outcome = safeScoreBatch(criteria, { ...(period ? { period } : {}), units: [{ id: 'e2e', level, values, ...(evidence ? { evidence } : {}) }] });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    return explainUnit(outcome.value.results[0]!);
  }

  const listed = (page: Page, testId: string): Promise<string[]> => page.locator(`[data-testid="${testId}"] li`).evaluateAll((items) => items.map((li) => li.getAttribute('data-code') ?? ''));
  const sent = async (page: Page): Promise<{ period?: string; units: { values: Record<string, unknown>; evidence?: Record<string, EvidenceEntry[]> }[] }> => JSON.parse(await text(page, 'submission-json'));

  it('marks the required leaves, lists those lacking evidence as the library does, flags bad entries with its codes and sends the evidence as spec §12 says', async () => {
    const page = await openEvidenceSet();
    // Marked in words at the field, and listed in the panel before any value.
    expect(await text(page, 'evidence-required-A.1.1')).toContain('Bắt buộc có minh chứng');
    expect(await text(page, 'evidence-required-B.1.1')).toContain('evidence required');
    expect(await page.getByTestId('evidence-required-A.1.2').count()).toBe(0);
    expect(await listed(page, 'required-list')).toEqual(['A.1.1', 'B.1.1']);
    expect(await page.getByTestId('evidence-policy').getAttribute('data-policy')).toBe('zero');
    // No value yet: nothing claimed, nothing lacking (the library's rule).
    expect(await page.getByTestId('evidence-summary').getAttribute('data-lacking')).toBe('0');

    await page.getByTestId('period').fill('2024');
    await page.getByTestId('input-A.1.1-yes').check();
    await page.getByTestId('input-A.1.2').fill('3');
    await page.getByTestId('input-B.1.1-yes').check();
    const bare = library('2024');
    expect(bare.evidence?.lacking).toEqual(['A.1.1', 'B.1.1']);
    await expect.poll(() => listed(page, 'lacking-list')).toEqual(bare.evidence!.lacking);
    expect(await page.getByTestId('lacking-A.1.1').isVisible()).toBe(true);
    expect(await text(page, 'points-A.1.1')).toBe(bare.nodes['A.1.1']!.points); // 0.00 under "zero"
    expect(await text(page, 'explain-A.1.1')).toBe(bare.nodes['A.1.1']!.explanation!.vi);
    expect(await text(page, 'total-points')).toBe(bare.points);

    // A document for A.1.1: the mark goes, the points come, as the library says.
    await page.getByTestId('entries-A.1.1-add').click();
    await page.getByTestId('entry-A.1.1-0-number').fill('12/KH-UBND');
    await page.getByTestId('entry-A.1.1-0-date').fill('2024-03-15');
    await page.getByTestId('entry-A.1.1-0-issuer').fill('UBND xã Mỹ Khánh');
    await page.getByTestId('entry-A.1.1-0-title').fill('Kế hoạch chuyển đổi số năm 2024');
    const plan: EvidenceEntry = { kind: 'document', number: '12/KH-UBND', date: '2024-03-15', issuer: 'UBND xã Mỹ Khánh', title: 'Kế hoạch chuyển đổi số năm 2024' };
    const withDocument = library('2024', { 'A.1.1': [plan] });
    expect(withDocument.evidence?.lacking).toEqual(['B.1.1']);
    await expect.poll(() => listed(page, 'lacking-list')).toEqual(['B.1.1']);
    expect(await page.getByTestId('lacking-A.1.1').isHidden()).toBe(true);
    expect(await page.getByTestId('lacking-B.1.1').isVisible()).toBe(true);
    expect(await text(page, 'points-A.1.1')).toBe(withDocument.nodes['A.1.1']!.points);
    expect(await text(page, 'total-points')).toBe(withDocument.points);
    expect(await page.getByTestId('entry-A.1.1-0-issues').isHidden()).toBe(true);

    // A javascript: link: refused with the library's code at the entry's url, never a live link.
    await page.getByTestId('entries-A.1.1-add').click();
    await page.getByTestId('entry-A.1.1-1-kind').selectOption('link');
    await page.getByTestId('entry-A.1.1-1-url').fill('javascript:alert(document.domain)');
    await expect.poll(() => text(page, 'entry-A.1.1-1-issues')).toContain('[evidence/url]');
    expect(await page.locator('[data-testid="entry-A.1.1-1-issues"] li').first().getAttribute('data-severity')).toBe('refused');
    expect(await page.getByTestId('entry-A.1.1-1-url').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('entry-A.1.1-1-link').locator('a').count()).toBe(0);
    expect(await text(page, 'entry-A.1.1-1-link')).toContain('Không mở liên kết này');
    const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).protocol));
    expect(hrefs.filter((protocol) => !['http:', 'https:', 'file:'].includes(protocol) && protocol !== new URL(baseUrl).protocol)).toEqual([]);
    // The rest still scores without the refused entry, and says so.
    expect(await page.getByTestId('status').getAttribute('data-state')).toBe('partial');
    expect(await text(page, 'status')).toContain('1 trường có lỗi');
    expect(await text(page, 'points-A.1.1')).toBe(withDocument.nodes['A.1.1']!.points);

    // A date not YYYY-MM-DD: refused at the date (value/date); one after the period: flagged (evidence/after-period), and it no longer counts.
    await page.getByTestId('entry-A.1.1-0-date').fill('15/03/2024');
    await expect.poll(() => text(page, 'entry-A.1.1-0-issues')).toContain('[value/date]');
    expect(await page.getByTestId('entry-A.1.1-0-date').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('entry-A.1.1-0-date').fill('2025-01-10');
    await expect.poll(() => text(page, 'entry-A.1.1-0-issues')).toContain('[evidence/after-period]');
    expect(await text(page, 'entry-A.1.1-0-issues')).toContain('2024-12-31');
    expect(await page.locator('[data-testid="entry-A.1.1-0-issues"] li').first().getAttribute('data-severity')).toBe('flag');
    expect(await page.getByTestId('entry-A.1.1-0-date').getAttribute('aria-invalid')).toBeNull();
    expect(await listed(page, 'lacking-list')).toEqual(library('2024', { 'A.1.1': [{ ...plan, date: '2025-01-10' }] }).evidence!.lacking);
    expect(await listed(page, 'lacking-list')).toEqual(['A.1.1', 'B.1.1']);
    await page.getByTestId('entry-A.1.1-0-date').fill('2024-03-15');

    // Corrected link: no issue, a live https link to exactly that address.
    const url = 'https://mykhanh.phongdien.cantho.gov.vn/ke-hoach-cds-2024';
    await page.getByTestId('entry-A.1.1-1-url').fill(url);
    await expect.poll(() => page.getByTestId('entry-A.1.1-1-issues').isHidden()).toBe(true);
    expect(await page.getByTestId('entry-A.1.1-1-link').locator('a').getAttribute('href')).toBe(url);
    expect(await page.getByTestId('status').getAttribute('data-state')).not.toBe('partial');

    // A file for B.1.1, hashed in the page with the library's SHA-256 (the file is never sent).
    const bytes = Buffer.from('Danh sách sản phẩm OCOP trên sàn, 2024\n', 'utf8');
    await page.getByTestId('entries-B.1.1-add').click();
    await page.getByTestId('entry-B.1.1-0-kind').selectOption('file');
    await page.getByTestId('entry-B.1.1-0-hash-file').setInputFiles({ name: 'san-pham-ocop-2024.xlsx', mimeType: 'application/octet-stream', buffer: bytes });
    await expect.poll(() => page.getByTestId('entry-B.1.1-0-sha256').inputValue()).toBe(sha256Hex(new Uint8Array(bytes)));
    expect(await page.getByTestId('entry-B.1.1-0-title').inputValue()).toBe('san-pham-ocop-2024.xlsx');

    // What the page sends is the spec's shape, field for field, and scores as the library scores it.
    const evidence: Record<string, EvidenceEntry[]> = {
      'A.1.1': [plan, { kind: 'link', url }],
      'B.1.1': [{ kind: 'file', title: 'san-pham-ocop-2024.xlsx', sha256: sha256Hex(new Uint8Array(bytes)) }],
    };
    await expect.poll(async () => (await sent(page)).units[0]!.evidence).toEqual(evidence);
    const submission = await sent(page);
    expect(submission.period).toBe('2024');
    expect(submission.units[0]!.values).toEqual({ 'A.1.1': true, 'A.1.2': '3', 'B.1.1': true });
    const full = library('2024', evidence);
    expect(full.evidence).toEqual({ lacking: [], flags: [] });
    expect(await text(page, 'total-points')).toBe(full.points);
    expect(await page.getByTestId('evidence-summary').getAttribute('data-lacking')).toBe('0');
    expect(await page.getByTestId('status').getAttribute('data-state')).toBe('ok');
    const again = safeScoreBatch(criteria, submission);
    expect(again.ok && again.value.results[0]!.points).toBe(full.points);

    // Every input of the evidence entries is labelled.
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement>('#sections input, #sections select')]
        .filter((el) => !(el.labels && el.labels.length > 0) && !el.getAttribute('aria-labelledby') && !el.getAttribute('aria-label'))
        .map((el) => el.id),
    );
    expect(unlabelled).toEqual([]);
    await page.getByTestId('field-A.1.1').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'portal-evidence.png') });

    // Kept across sets, as the answers are: another set (its level chosen: no level is preselected) and back, the same evidence.
    await page.getByTestId('set').selectOption(SET);
    await page.getByTestId('level').selectOption(LEVEL);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['scope'])).toMatch(new RegExp(`^${SET}/`));
    expect((await sent(page)).units[0]!.evidence).toBeUndefined();
    await page.getByTestId('set').selectOption(`file:${ref}`);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['scope'])).toBe(`${ref}/${level}`);
    expect((await sent(page)).units[0]!.evidence).toEqual(evidence);
    expect(await page.getByTestId('entry-A.1.1-1-url').inputValue()).toBe(url);

    // Removed: gone from the submission, and the leaf lacks evidence again.
    await page.getByTestId('entry-B.1.1-0-remove').click();
    await expect.poll(async () => (await sent(page)).units[0]!.evidence).toEqual({ 'A.1.1': evidence['A.1.1'] });
    expect(await listed(page, 'lacking-list')).toEqual(['B.1.1']);
    await close(page);
    expect(problems).toEqual([]);
  });

  it('a file that is not a criteria set is refused with the library\'s coded issues', async () => {
    const page = await newPage();
    await page.goto(baseUrl, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]');
    const before = await page.evaluate(() => document.documentElement.dataset['scope']);
    await page.getByTestId('criteria-file').setInputFiles({ name: 'hong.json', mimeType: 'application/json', buffer: Buffer.from('{ "format": 1,') });
    await expect.poll(() => text(page, 'criteria-file-issues')).toContain('[json/syntax]');
    // The form stays as it was, and nothing is offered in the set picker.
    expect(await page.evaluate(() => document.documentElement.dataset['scope'])).toBe(before);
    expect(await page.locator('[data-testid="set"] option[value^="file:"]').count()).toBe(0);
    await close(page);
    expect(problems).toEqual([]);
  });

  it('stays within a 390 px wide screen with evidence entries open: no horizontal scroll', async () => {
    const page = await openEvidenceSet({ width: 390, height: 844 });
    await page.getByTestId('input-A.1.1-yes').check();
    await page.getByTestId('entries-A.1.1-add').click();
    await page.getByTestId('entry-A.1.1-0-title').fill('Kế hoạch ứng dụng công nghệ thông tin, phát triển chính quyền số và bảo đảm an toàn thông tin mạng năm 2024');
    await page.getByTestId('entries-A.1.1-add').click();
    await page.getByTestId('entry-A.1.1-1-kind').selectOption('link');
    await page.getByTestId('entry-A.1.1-1-url').fill(`javascript:${'x'.repeat(200)}`);
    await expect.poll(() => text(page, 'entry-A.1.1-1-issues')).toContain('[evidence/url]');
    await page.getByTestId('entries-B.1.1-add').click();
    await page.getByTestId('entry-B.1.1-0-kind').selectOption('file');
    const overflow = async (): Promise<{ scroll: number; client: number; wide: string[] }> =>
      page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        wide: [...document.querySelectorAll<HTMLElement>('.evidence, .evidence *, .evidence-summary, .evidence-summary *, .scope *')]
          .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
          .map((el) => el.dataset['testid'] || el.id || el.className || el.tagName)
          .slice(0, 5),
      }));
    const measured = await overflow();
    expect(measured.wide).toEqual([]);
    expect(measured.scroll).toBeLessThanOrEqual(measured.client);
    await page.getByTestId('field-A.1.1').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'portal-evidence-390.png') });
    // The Cần Thơ form too, with an entry on one of its leaves.
    await page.getByTestId('set').selectOption(SET);
    await page.getByTestId('level').selectOption(LEVEL);
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset['scope'])).toBe(`${SET}/${LEVEL}`);
    await page.getByTestId('entries-CQS.1.3-add').click();
    await page.getByTestId('entry-CQS.1.3-0-number').fill('1234/QĐ-UBND');
    const canTho = await overflow();
    expect(canTho.wide).toEqual([]);
    expect(canTho.scroll).toBeLessThanOrEqual(canTho.client);
    await page.context().close();
    expect(problems).toEqual([]);
  });
});
