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
import { mkdirSync, mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { buildManifest, criteriaHash, criteriaInForce, explainUnit, formFields, ISSUE_CODES, listFormFields, parseCriteria, readExact, safeScoreBatch, sha256Hex, type CriteriaSet, type EvidenceEntry, type FormField, type Submission, type UnitResult } from '../src/index.js';
import { embeddedCriteria, getCriteria } from '../src/sets/index.js';
import { safeReadWorkbook } from '../src/xlsx/index.js';
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

// ---- Issue #16: the portal fit for a commune officer -------------------------------------

/** A newly published version of the Cần Thơ set (can-tho@2026.1.0, from 2026-01-01), as the Department would put it online. */
const NEXT = (() => {
  const data = JSON.parse(readFileSync(join(root, 'criteria/can-tho/2025.1.0.json'), 'utf8')) as { version: string; effective: { from: string; to: string | null }; title: { vi: string; en?: string } };
  const next = { ...data, version: '2026.1.0', effective: { from: '2026-01-01', to: null }, title: { ...data.title, vi: `${data.title.vi} — bản 2026 (thử nghiệm e2e)` } };
  const set = parseCriteria(next);
  return { text: `${JSON.stringify(next, null, 2)}\n`, set, ref: `${set.id}@${set.version}`, sha256: criteriaHash(set) };
})();

/** Puts the new version online next to the portal: `criteria/` (a manifest of every version), and `tampered/` (the file changed after publishing). */
function publishNext(dir: string): void {
  const sets = [getCriteria('can-tho@2022.1.0'), getCriteria('can-tho@2023.1.0'), getCriteria('can-tho@2025.1.0'), NEXT.set];
  for (const folder of ['criteria', 'tampered']) {
    mkdirSync(join(dir, folder, 'can-tho'), { recursive: true });
    writeFileSync(join(dir, folder, 'manifest.json'), `${JSON.stringify(buildManifest(sets), null, 2)}\n`);
  }
  writeFileSync(join(dir, 'criteria/can-tho/2026.1.0.json'), NEXT.text);
  writeFileSync(join(dir, 'tampered/can-tho/2026.1.0.json'), NEXT.text.replace('bản 2026 (thử nghiệm e2e)', 'bản 2026 (đã sửa sau khi công bố)'));
}

const scopeOf = (page: Page): Promise<string | undefined> => page.evaluate(() => document.documentElement.dataset['scope']);
const shownValues = async (page: Page): Promise<Record<string, unknown>> => (JSON.parse(await text(page, 'submission-json')) as { units: { values: Record<string, unknown> }[] }).units[0]!.values;

/** Equal submission values: decimals by value, everything else as is. */
function sameValues(read: Readonly<Record<string, unknown>>, given: Readonly<Record<string, unknown>>): boolean {
  const same = (a: unknown, b: unknown): boolean => {
    if ((typeof a === 'string' || typeof a === 'number') && (typeof b === 'string' || typeof b === 'number')) {
      const [x, y] = [readExact(a), readExact(b)];
      if (x !== undefined && y !== undefined) return x.eq(y);
    }
    if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
      const keys = Object.keys(b);
      return keys.length === Object.keys(a).length && keys.every((key) => same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
    }
    return JSON.stringify(a) === JSON.stringify(b);
  };
  return same(read, given);
}

/** The bytes of the file the page downloads when `testId` is clicked, and its name. */
async function downloaded(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

describe('portal for a commune officer (issue #16)', () => {
  const criteria = getCriteria(SET);

  it('the period comes first and the set in force follows; level and group are not preselected', async () => {
    const page = await newPage();
    await page.goto(baseUrl, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]');
    // Opened without a period: the set in force today, no level, no form, no score.
    const today = criteriaInForce('can-tho', new Date().toISOString().slice(0, 10), embeddedCriteria.list());
    expect(await page.getByTestId('set').inputValue()).toBe(today!.ref);
    expect(await page.getByTestId('level').inputValue()).toBe('');
    expect(await scopeOf(page)).toBeUndefined();
    expect(await page.getByTestId('choose-scope').isVisible()).toBe(true);
    expect(await page.getByTestId('export-json').isDisabled()).toBe(true);
    // The period: the set in force on its last day, as the library resolves it.
    for (const period of ['2024', '2022', '2025-H2', '2023-Q1', '2026']) {
      await page.getByTestId('period').fill(period);
      const expected = embeddedCriteria.resolve('can-tho', { period });
      await expect.poll(() => page.getByTestId('set').inputValue(), { message: period }).toBe(`${expected.id}@${expected.version}`);
      expect(await page.getByTestId('in-force').getAttribute('data-state')).toBe('chosen');
    }
    // A period before any version, or one the library cannot read: its coded issue, the set left as it was.
    await page.getByTestId('period').fill('2021');
    await expect.poll(() => page.locator('[data-testid="in-force"] li').getAttribute('data-code')).toBe('criteria/none-in-force');
    await page.getByTestId('period').fill('năm 2024');
    await expect.poll(() => page.locator('[data-testid="in-force"] li').getAttribute('data-code')).toBe('version/period-format');
    // Then the level (and, where the level has them, the group): only now the form and the score.
    await page.getByTestId('period').fill('2024');
    await page.getByTestId('level').selectOption('department');
    expect(await page.getByTestId('group').isVisible()).toBe(true);
    expect(await page.getByTestId('group').inputValue()).toBe('');
    expect(await scopeOf(page)).toBeUndefined();
    await page.getByTestId('group').selectOption('A');
    await expect.poll(() => scopeOf(page)).toBe('can-tho@2023.1.0/department/A');
    await page.getByTestId('level').selectOption('commune');
    await expect.poll(() => scopeOf(page)).toBe('can-tho@2023.1.0/commune');
    expect(await page.getByTestId('group').isHidden()).toBe(true);
    // A set chosen by hand stays chosen; the library's warning says when the period is outside its dates.
    await page.getByTestId('set').selectOption('can-tho@2025.1.0');
    await expect.poll(() => scopeOf(page)).toBe('can-tho@2025.1.0/commune');
    expect(await page.getByTestId('in-force').getAttribute('data-state')).toBe('other');
    const library = safeScoreBatch(getCriteria('can-tho@2025.1.0'), { period: '2024', units: [{ id: 'e2e', level: 'commune', values: {} }] });
    expect(library.ok && library.value.warnings.map((w) => w.code)).toEqual(['version/out-of-period']);
    expect(await page.locator('[data-testid="warnings"] li').evaluateAll((items) => items.map((li) => li.getAttribute('data-code')))).toEqual(['version/out-of-period']);
    await close(page);
    expect(problems).toEqual([]);
  });

  it('keeps a draft in the browser: it survives a reload, "Xoá bản nháp" removes it (with an undo)', async () => {
    const page = await openPortal();
    await page.getByTestId('period').fill('2022');
    await page.getByTestId('set').selectOption(SET);
    await fillForm(page);
    await page.getByTestId('entries-CQS.2.1-add').click();
    await page.getByTestId('entry-CQS.2.1-0-number').fill('58/KH-UBND');
    await page.getByTestId('entry-CQS.2.1-0-date').fill('2022-06-20');
    const before = await text(page, 'submission-json');
    expect(await page.getByTestId('draft').getAttribute('data-state')).toBe('saved');
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]');
    // Everything back: the unit, period, set, level, every answer and the evidence entry.
    await expect.poll(() => scopeOf(page)).toBe(`${SET}/${LEVEL}`);
    expect(await page.getByTestId('draft').getAttribute('data-state')).toBe('restored');
    expect(await page.getByTestId('unit-name').inputValue()).toBe(UNIT_NAME);
    expect(await page.getByTestId('period').inputValue()).toBe('2022');
    expect(await page.getByTestId('input-CQS.1.3-numerator').inputValue()).toBe('12');
    expect(await page.getByTestId('input-CQS.2.1-yes').isChecked()).toBe(true);
    expect(await page.getByTestId('na-KTS.3.2').isChecked()).toBe(true);
    expect(await page.getByTestId('entry-CQS.2.1-0-number').inputValue()).toBe('58/KH-UBND');
    expect(await text(page, 'submission-json')).toBe(before);
    await expectPageShows(page, criteria, libraryResult(criteria, expectedValues()));

    // Cleared: the form is empty, and stays so after a reload; "Hoàn tác" brought it back before that.
    await page.getByTestId('draft-clear').click();
    expect(await page.getByTestId('draft').getAttribute('data-state')).toBe('cleared');
    expect(await shownValues(page)).toEqual({});
    expect(await page.getByTestId('input-CQS.1.3-numerator').inputValue()).toBe('');
    await page.getByTestId('draft-undo').click();
    await expect.poll(() => text(page, 'submission-json')).toBe(before);
    await page.getByTestId('draft-clear').click();
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.getByTestId('draft').getAttribute('data-state')).toBe('none');
    expect(await page.getByTestId('level').inputValue()).toBe('');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes(':draft:')))).toEqual([]);
    await close(page);
    expect(problems).toEqual([]);
  });

  it('exports the submission as JSON: the file is the submission the library scores', async () => {
    const page = await openPortal();
    await page.getByTestId('period').fill('2022');
    await fillForm(page);
    const file = await downloaded(page, 'export-json');
    expect(file.name).toBe('xa-my-khanh-thu-nghiem-e2e_can-tho@2022.1.0_2022.json');
    const submission = JSON.parse(file.bytes.toString('utf8')) as Submission;
    expect(submission).toEqual(JSON.parse(await text(page, 'submission-json')));
    expect(submission).toMatchObject({ criteria: SET, period: '2022', units: [{ id: 'xa-my-khanh-thu-nghiem-e2e', name: UNIT_NAME, level: LEVEL }] });
    expect(submission.units[0]!.values).toEqual(expectedValues());
    const scored = safeScoreBatch(criteria, submission);
    if (!scored.ok) throw new Error(JSON.stringify(scored.issues));
    expect(scored.value.results[0]!.points).toBe(await text(page, 'total-points'));
    expect(scored.value.results[0]!.points).toBe(libraryResult(criteria, expectedValues()).points);
    await close(page);
    expect(problems).toEqual([]);
  });

  it('exports the filled workbook of the level: the library reads it back to the same unit', async () => {
    const page = await openPortal();
    await page.getByTestId('period').fill('2022');
    await fillForm(page);
    await page.getByTestId('entries-CQS.2.1-add').click();
    await page.getByTestId('entry-CQS.2.1-0-number').fill('58/KH-UBND');
    await page.getByTestId('entry-CQS.2.1-0-date').fill('2022-06-20');
    await page.getByTestId('entry-CQS.2.1-0-title').fill('Kế hoạch chuyển đổi số năm 2022');
    const file = await downloaded(page, 'export-xlsx');
    expect(file.name).toBe('xa-my-khanh-thu-nghiem-e2e_can-tho@2022.1.0_2022.xlsx');
    const shown = JSON.parse(await text(page, 'submission-json')) as Submission;
    const back = await safeReadWorkbook(new Uint8Array(file.bytes), { name: file.name, criteria });
    if (!back.ok) throw new Error(back.issues.map((i) => `${i.path} [${i.code}]`).join('\n'));
    expect(back.value.criteria).toBe(SET);
    expect(back.value.period).toBe('2022');
    expect(back.value.unit).toMatchObject({ id: 'xa-my-khanh-thu-nghiem-e2e', name: UNIT_NAME, level: LEVEL });
    expect(Object.keys(back.value.unit.values).sort()).toEqual(Object.keys(shown.units[0]!.values).sort());
    expect(sameValues(back.value.unit.values, shown.units[0]!.values)).toBe(true);
    expect(back.value.unit.evidence).toEqual(shown.units[0]!.evidence);
    const again = safeScoreBatch(criteria, { period: back.value.period, units: [back.value.unit] });
    expect(again.ok && again.value.results[0]!.points).toBe(await text(page, 'total-points'));
    await close(page);
    expect(problems).toEqual([]);
  });

  it('prints the answers with the score (the print stylesheet shows the printout alone)', async () => {
    const page = await openPortal();
    await fillForm(page);
    const unit = libraryResult(criteria, expectedValues());
    await page.evaluate(() => {
      window.print = () => {
        document.body.dataset['printed'] = 'true';
      };
    });
    await page.getByTestId('print').click();
    expect(await page.evaluate(() => document.body.dataset['printed'])).toBe('true');
    expect(await page.getByTestId('print-view').isHidden()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('print-view').isVisible()).toBe(true);
    expect(await page.getByTestId('form').isHidden()).toBe(true);
    expect(await page.getByTestId('score-bar').isHidden()).toBe(true);
    expect(await text(page, 'print-total')).toBe(unit.points);
    expect(await text(page, 'print-max')).toBe(unit.maxPoints);
    expect(await text(page, 'print-index')).toBe(unit.index);
    expect(await text(page, 'print-rating')).toBe(criteria.ratings!.find((r) => r.id === unit.rating)!.name.vi);
    expect(await text(page, 'print-answer-CQS.2.1')).toBe('Có');
    expect(await text(page, 'print-answer-CQS.3.2')).toBe('Không');
    expect(await text(page, 'print-answer-CQS.1.3')).toBe('12 / 15');
    expect(await text(page, 'print-answer-KTS.3.2')).toBe('Không áp dụng (n/a)');
    const chair = listFormFields(formFields(criteria, LEVEL, null)).find((f) => f.code === 'CQS.1.1')!.input;
    expect(await text(page, 'print-answer-CQS.1.1')).toBe(chair.type === 'one-of' ? chair.options.find((o) => o.id === 'deputy')!.label.vi : 'not a choice');
    for (const code of ['CQS.1.3', 'CQS.6.4', 'KTS.1.2']) expect(await text(page, `print-points-${code}`), code).toBe(`${unit.nodes[code]!.points} / ${unit.nodes[code]!.maxPoints}`);
    // Every leaf of the form is in the printout.
    expect(await page.locator('[data-testid^="print-row-"]').count()).toBe(listFormFields(formFields(criteria, LEVEL, null)).length);
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreen(page, 'portal-print');
    await close(page);
    expect(problems).toEqual([]);
  });

  it('a % leaf typed "3" in percent mode and "12,5" with a comma score as the library says', async () => {
    const page = await openPortal();
    expect(await page.getByTestId('mode-CQS.2.3').inputValue()).toBe('value');
    await page.getByTestId('input-CQS.2.3').fill('3');
    await page.getByTestId('input-CQS.6.4').fill('12,5');
    await page.getByTestId('input-CQS.7.3').fill('12,5');
    const values = { 'CQS.2.3': '0.03', 'CQS.6.4': '12.5', 'CQS.7.3': '0.125' };
    await expect.poll(() => shownValues(page)).toEqual(values);
    const unit = libraryResult(criteria, values);
    await expectPageShows(page, criteria, unit);
    for (const code of Object.keys(values)) expect(await text(page, `points-${code}`), code).toBe(unit.nodes[code]!.points);
    expect(await page.getByTestId('status').getAttribute('data-state')).toBe('ok');
    await close(page);
    expect(problems).toEqual([]);
  });

  it('a set published later is loaded from an address and checked against its sha256: a mismatch is refused with its code', async () => {
    publishNext(outDir);
    const page = await newPage();
    await page.goto(baseUrl, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]');
    await page.locator('[data-testid="new-set"] summary').click();
    const load = async (address: string, sha256: string): Promise<void> => {
      await page.getByTestId('set-url').fill(address);
      await page.getByTestId('set-sha256').fill(sha256);
      await page.getByTestId('set-url-load').click();
      await expect.poll(() => page.getByTestId('criteria-file-issues').getAttribute('data-state')).not.toBe('loading');
    };
    const codes = (): Promise<string[]> => page.locator('[data-testid="criteria-file-issues"] li[data-code]').evaluateAll((items) => items.map((li) => li.getAttribute('data-code') ?? ''));
    const offered = (): Promise<number> => page.locator('[data-testid="set"] option[value^="file:"]').count();

    // The set file with a wrong sha256: refused (the library's folder check), nothing offered.
    await load(`${baseUrl}criteria/can-tho/2026.1.0.json`, sha256Hex(new TextEncoder().encode('not this one')));
    await expect.poll(codes).toEqual(['version/hash-mismatch']);
    expect(await text(page, 'criteria-file-issues')).toContain('[version/hash-mismatch]');
    expect(await offered()).toBe(0);
    // No sha256 for a set file; one that is not 64 hexadecimal digits; an address that does not answer.
    await load(`${baseUrl}criteria/can-tho/2026.1.0.json`, '');
    await expect.poll(codes).toEqual(['schema/required']);
    await load(`${baseUrl}criteria/can-tho/2026.1.0.json`, 'abc');
    await expect.poll(codes).toEqual(['schema/format']);
    await load(`${baseUrl}criteria/can-tho/2099.1.0.json`, NEXT.sha256);
    await expect.poll(codes).toEqual(['input/read']);
    // A manifest whose file was changed after publishing: refused too.
    await load(`${baseUrl}tampered/manifest.json`, '');
    await expect.poll(codes).toEqual(['version/hash-mismatch']);
    expect(await offered()).toBe(0);

    // The published manifest: the new version is fetched and checked; the versions the portal has are not fetched again.
    await load(`${baseUrl}criteria/manifest.json`, '');
    await expect.poll(() => page.getByTestId('criteria-file-issues').getAttribute('data-state')).toBe('loaded');
    expect(await codes()).toEqual([]);
    expect(await page.locator('[data-testid="set"] option[value^="file:"]').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual([`file:${NEXT.ref}`]);
    // The period follows to it, as to any version in force.
    await page.getByTestId('period').fill('2025');
    await expect.poll(() => page.getByTestId('set').inputValue()).toBe('can-tho@2025.1.0');
    await page.getByTestId('period').fill('2026');
    await expect.poll(() => page.getByTestId('set').inputValue()).toBe(`file:${NEXT.ref}`);
    await page.getByTestId('level').selectOption('commune');
    await expect.poll(() => scopeOf(page)).toBe(`${NEXT.ref}/commune`);
    await page.getByTestId('input-CQS.1.3-numerator').fill('12');
    await page.getByTestId('input-CQS.1.3-denominator').fill('15');
    const library = safeScoreBatch(NEXT.set, { period: '2026', units: [{ id: 'e2e', level: 'commune', values: { 'CQS.1.3': { numerator: '12', denominator: '15' } } }] });
    expect(library.ok && library.value.results[0]!.points).toBe(await text(page, 'total-points'));
    // Kept in the browser: after a reload the set and the draft made with it are back.
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]');
    await expect.poll(() => scopeOf(page)).toBe(`${NEXT.ref}/commune`);
    expect(await page.getByTestId('input-CQS.1.3-numerator').inputValue()).toBe('12');

    // The same file with the right sha256, picked from disk: accepted and checked.
    const other = await newPage();
    await other.goto(baseUrl, { waitUntil: 'load' });
    await other.waitForSelector('body[data-ready="true"]');
    await other.locator('[data-testid="new-set"] summary').click();
    await other.getByTestId('set-sha256').fill(NEXT.sha256.toUpperCase());
    await other.getByTestId('criteria-file').setInputFiles({ name: '2026.1.0.json', mimeType: 'application/json', buffer: Buffer.from(NEXT.text) });
    await expect.poll(() => other.getByTestId('set').inputValue()).toBe(`file:${NEXT.ref}`);
    expect(await other.locator(`[data-testid="set"] option[value="file:${NEXT.ref}"]`).textContent()).toContain('đã kiểm tra sha256');
    await other.getByTestId('set-sha256').fill(sha256Hex(new TextEncoder().encode('x')));
    await other.getByTestId('criteria-file').setInputFiles({ name: '2026.1.0.json', mimeType: 'application/json', buffer: Buffer.from(NEXT.text.replace('e2e', 'E2E')) });
    await expect.poll(() => other.locator('[data-testid="criteria-file-issues"] li[data-code]').first().getAttribute('data-code')).toBe('version/hash-mismatch');
    await close(other);
    await close(page);
    // The one address asked for that does not exist: Chromium logs its 404, as expected.
    const missing = problems.filter((problem) => problem.includes('404') && problem.includes('/criteria/can-tho/2099.1.0.json'));
    expect(missing).toHaveLength(1);
    problems.splice(0, problems.length, ...problems.filter((problem) => !missing.includes(problem)));
    expect(problems).toEqual([]);
  });

  it('keyboard only: the whole form filled with Tab, Space and typing; the score is the library\'s', async () => {
    const page = await newPage();
    await page.goto(baseUrl, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]');
    const active = (): Promise<{ testid: string; tag: string; type: string; where: string }> =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return {
          testid: el?.dataset['testid'] ?? '',
          tag: el?.tagName.toLowerCase() ?? '',
          type: (el as HTMLInputElement | null)?.type ?? '',
          where: el?.closest('#sections') ? 'form' : el?.closest('#panel') ? 'panel' : el?.closest('.scope') ? 'scope' : 'other',
        };
      });
    /** Tabs on to the element with this data-testid (at most `limit` presses), unless it has the focus already. */
    const tabTo = async (testid: string, limit = 40): Promise<void> => {
      if ((await active()).testid === testid) return;
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        if ((await active()).testid === testid) return;
      }
      throw new Error(`Tab never reached ${testid}`);
    };
    await tabTo('unit-name');
    await page.keyboard.type(UNIT_NAME);
    await tabTo('period');
    await page.keyboard.type('2022');
    await expect.poll(() => page.getByTestId('set').inputValue()).toBe(SET);
    await tabTo('level');
    // A closed drop-down takes the first letters of an option (type-ahead).
    await page.keyboard.type('UBND x');
    await expect.poll(() => scopeOf(page)).toBe(`${SET}/${LEVEL}`);

    const fields = new Map(listFormFields(formFields(criteria, LEVEL, null)).map((f) => [f.code, f]));
    const expected: Record<string, unknown> = {};
    const fieldOf = (testid: string): { field: FormField; rest: string } | undefined => {
      for (const [code, field] of fields) if (testid.startsWith(`input-${code}`)) return { field, rest: testid.slice(`input-${code}`.length) };
      return undefined;
    };
    let stops = 0;
    for (; stops < 3000; stops++) {
      await page.keyboard.press('Tab');
      const el = await active();
      if (el.where === 'panel') break;
      if (el.where !== 'form') continue;
      const found = fieldOf(el.testid);
      if (!found) continue; // "n/a", "Bỏ chọn", "+ Thêm minh chứng", the mode of a decimal: left as they are
      const { field, rest } = found;
      const input = field.input;
      if (input.type === 'yes-no' && rest === '-yes') {
        await page.keyboard.press('Space');
        expected[field.code] = true;
      } else if (input.type === 'fraction' || (input.type === 'number' && (rest === '-numerator' || rest === '-denominator'))) {
        await page.keyboard.type(rest === '-numerator' ? '3' : '4');
        expected[field.code] = { numerator: '3', denominator: '4' };
      } else if (input.type === 'number' && rest === '') {
        const [typed, value] = input.whole ? ['3', '3'] : input.percent ? ['40', '0.4'] : ['2,5', '2.5'];
        await page.keyboard.type(typed);
        expected[field.code] = value;
      } else if (input.type === 'points') {
        await page.keyboard.type('7,5');
        expected[field.code] = '7.5';
      } else if (input.type === 'one-of') {
        // Type-ahead: the first letter of the second option picks the first option starting with it.
        const initial = (label: string): string => label.normalize('NFD').charAt(0).toLowerCase();
        const letter = initial((input.options[1] ?? input.options[0]!).label.vi);
        await page.keyboard.type(letter);
        expected[field.code] = input.options.find((o) => initial(o.label.vi) === letter)!.id;
      } else if (input.type === 'any-of' && rest === `-${input.items[0]!.id}`) {
        await page.keyboard.press('Space');
        expected[field.code] = [input.items[0]!.id];
      } else if (input.type === 'note') {
        await page.keyboard.type('Có 40 hộ');
        expected[field.code] = 'Có 40 hộ';
      }
    }
    expect(stops).toBeLessThan(3000);
    // Every field of the form was reached and answered.
    expect(Object.keys(expected).sort()).toEqual([...fields.keys()].sort());
    await expect.poll(() => shownValues(page)).toEqual(expected);
    const unit = libraryResult(criteria, expected);
    await expectPageShows(page, criteria, unit);
    expect(await page.getByTestId('status').getAttribute('data-state')).toBe('ok');
    // The exports and the print are reached by the keyboard too, in the panel.
    await tabTo('export-json', 10);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const sent = JSON.parse(readFileSync(await download.path(), 'utf8')) as Submission;
    expect(sent.units[0]!.values).toEqual(expected);
    await close(page);
    expect(problems).toEqual([]);
  });
});

describe.each(SCREENS)('portal on a $name screen ($width px wide)', (screen) => {
  const criteria = getCriteria(SET);
  /** A field deep in the form, far below the score panel's place on a phone. */
  const DEEP = 'XHS.3.4';

  it('fits the screen, keeps the score in view while filling, has no serious accessibility violation', async () => {
    const page = await newPage(screen);
    await page.goto(baseUrl, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]');
    const fits = async (where: string): Promise<void> => {
      const width = await pageWidth(page);
      expect(width.wide, `${screen.name}, ${where}`).toEqual([]);
      expect(width.scroll, `${screen.name}, ${where}`).toBeLessThanOrEqual(width.viewport);
    };
    const accessible = async (where: string): Promise<void> => expect(await seriousViolations(page), `${screen.name}, ${where}`).toEqual([]);

    // Opened: choose the period, then the level.
    await fits('opened');
    await accessible('opened');
    await saveScreen(page, `portal-${screen.name}-start`);
    await page.getByTestId('unit-name').fill(UNIT_NAME);
    await page.getByTestId('period').fill('2022');
    await page.getByTestId('level').selectOption(LEVEL);
    await expect.poll(() => scopeOf(page)).toBe(`${SET}/${LEVEL}`);

    // Filling deep in the form: the compact bar (phone) or the panel (desktop) shows the library's score.
    await fillForm(page);
    await page.getByTestId(`input-${DEEP}-numerator`).scrollIntoViewIfNeeded();
    await page.getByTestId(`input-${DEEP}-numerator`).fill('30');
    await page.getByTestId(`input-${DEEP}-denominator`).fill('40');
    const unit = libraryResult(criteria, { ...expectedValues(), [DEEP]: { numerator: '30', denominator: '40' } });
    const inView = async (testId: string): Promise<boolean> => {
      const box = await page.getByTestId(testId).boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= screen.height && (await page.getByTestId(testId).isVisible());
    };
    expect(await inView(`input-${DEEP}-denominator`)).toBe(true);
    if (screen.name === 'phone') {
      expect(await inView('score-bar')).toBe(true);
      expect(await text(page, 'bar-points')).toContain(unit.points);
      expect(await text(page, 'bar-max')).toBe(unit.maxPoints);
      expect(await text(page, 'bar-index')).toBe(unit.index);
      expect(await page.getByTestId('bar-rating').getAttribute('data-rating-id')).toBe(unit.rating);
      expect(await page.getByTestId('bar-errors').getAttribute('data-count')).toBe('0');
      // The full panel is at the foot of the page.
      expect(await inView('total-points')).toBe(false);
    } else {
      expect(await page.getByTestId('score-bar').isHidden()).toBe(true);
      expect(await inView('total-points')).toBe(true);
      expect(await inView('rating')).toBe(true);
    }
    expect(await text(page, 'total-points')).toBe(unit.points);
    await fits('filled');
    await saveScreen(page, `portal-${screen.name}-filling`);

    // Errors, an evidence entry, the new-set panel with a refusal: still within the screen, still accessible.
    await page.getByTestId('input-CQS.2.2-numerator').fill('9');
    await page.getByTestId('input-CQS.2.2-denominator').fill('5');
    await page.getByTestId('input-KTS.3.1').fill('2.5');
    await page.getByTestId('entries-CQS.1.1-add').click();
    await page.getByTestId('entry-CQS.1.1-0-kind').selectOption('link');
    await page.getByTestId('entry-CQS.1.1-0-url').fill('javascript:alert(1)');
    await expect.poll(() => page.getByTestId('status').getAttribute('data-state')).toBe('partial');
    if (screen.name === 'phone') expect(await page.getByTestId('bar-errors').getAttribute('data-count')).toBe('3');
    await page.locator('[data-testid="new-set"] summary').click();
    await page.getByTestId('set-url').fill(`${baseUrl}criteria/can-tho/2026.1.0.json`);
    await page.getByTestId('set-sha256').fill('abc');
    await page.getByTestId('set-url-load').click();
    await expect.poll(() => page.locator('[data-testid="criteria-file-issues"] li').first().getAttribute('data-code')).toBe('schema/format');
    await page.locator('details.json summary').click();
    await fits('errors');
    await accessible('errors');
    // Issues are the library's, each with its code.
    const shownCodes = await page.locator('[data-code]').evaluateAll((els) => els.map((el) => el.getAttribute('data-code') ?? ''));
    expect(shownCodes.length).toBeGreaterThan(0);
    expect(shownCodes.filter((code) => !(ISSUE_CODES as readonly string[]).includes(code) && !fields(criteria).has(code))).toEqual([]);
    await close(page);
    expect(problems).toEqual([]);
  });

  it('the fields in error are listed, each a link that focuses its field and shows it fully, below the sticky header', async () => {
    const page = await openPortal(baseUrl, screen);
    await fillForm(page);
    // In form order: a value, a part of a fraction, an evidence entry.
    await page.getByTestId('input-XHS.2.1-numerator').fill('-1');
    await page.getByTestId('input-XHS.2.1-denominator').fill('10');
    await page.getByTestId('input-CQS.2.2-numerator').fill('9');
    await page.getByTestId('input-CQS.2.2-denominator').fill('5');
    await page.getByTestId('input-KTS.3.1').fill('2.5');
    await page.getByTestId('entries-KTS.1.1-add').click();
    await page.getByTestId('entry-KTS.1.1-0-date').fill('20/06/2022');
    await expect.poll(() => page.locator('[data-testid="error-list"] a').evaluateAll((links) => links.map((a) => a.getAttribute('data-testid')))).toEqual([
      'error-link-CQS.2.2',
      'error-link-KTS.1.1-entry-0',
      'error-link-KTS.3.1',
      'error-link-XHS.2.1',
    ]);
    expect(await text(page, 'status')).toContain('4 trường có lỗi');
    expect(await text(page, 'error-link-CQS.2.2')).toContain('[value/numerator-exceeds-denominator]');
    expect(await text(page, 'error-link-KTS.1.1-entry-0')).toContain('[value/date]');

    /** Where the title of a field (or entry) is against what sticks to the top and the bottom of the window. */
    const placement = (id: string): Promise<{ title: number; titleBottom: number; covered: number; height: number; focus: string; focusInside: boolean }> =>
      page.evaluate((target) => {
        const el = document.getElementById(target)!;
        const title = (el.querySelector('legend, .entry-head') ?? el).getBoundingClientRect();
        let covered = 0;
        for (const sticky of document.querySelectorAll<HTMLElement>('.score-bar, .form-section.depth-1 > .section-head')) {
          const style = getComputedStyle(sticky);
          if (style.display === 'none' || (style.position !== 'sticky' && style.position !== 'fixed')) continue;
          const box = sticky.getBoundingClientRect();
          if (box.top <= 1 && box.bottom > 0) covered = Math.max(covered, box.bottom);
        }
        const active = document.activeElement as HTMLElement;
        return { title: title.top, titleBottom: title.bottom, covered, height: window.innerHeight, focus: active.dataset['testid'] ?? active.id, focusInside: el.contains(active) };
      }, id);

    const links: [string, string, string][] = [
      ['error-link-CQS.2.2', 'field-CQS.2.2', 'input-CQS.2.2-numerator'],
      ['error-link-KTS.1.1-entry-0', 'entry-KTS.1.1-0', 'entry-KTS.1.1-0-date'],
      ['error-link-KTS.3.1', 'field-KTS.3.1', 'input-KTS.3.1'],
      ['error-link-XHS.2.1', 'field-XHS.2.1', 'input-XHS.2.1-numerator'],
    ];
    for (const [link, target, input] of links) {
      // Followed with the keyboard, as a link is: focus it, Enter.
      await page.getByTestId(link).focus();
      await page.keyboard.press('Enter');
      const where = await placement(target);
      expect(where.focus, link).toBe(input);
      expect(where.focusInside, link).toBe(true);
      expect(where.title, `${link}: its title below the sticky header (${where.covered} px)`).toBeGreaterThanOrEqual(where.covered);
      expect(where.titleBottom, link).toBeLessThanOrEqual(where.height);
      if (link === 'error-link-CQS.2.2') await saveScreen(page, `portal-${screen.name}-errors`);
    }
    // Tabbing back into a field from above also keeps its title clear of the sticky header.
    await page.getByTestId('input-XHS.2.1-denominator').focus();
    await page.keyboard.press('Shift+Tab');
    const back = await placement('field-XHS.2.1');
    expect(back.focus).toBe('input-XHS.2.1-numerator');
    expect(back.title).toBeGreaterThanOrEqual(back.covered);

    if (screen.name === 'phone') {
      // On a phone the bar says how many, and leads to the list.
      expect(await page.getByTestId('bar-errors').getAttribute('data-count')).toBe('4');
      await page.getByTestId('bar-errors').click();
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('error-link-CQS.2.2');
      const list = await page.getByTestId('error-list').boundingBox();
      expect(list!.y).toBeGreaterThanOrEqual(0);
    }
    await close(page);
    expect(problems).toEqual([]);
  });
});

/** The leaf codes of the form (some elements carry a leaf's code in data-code). */
function fields(criteria: CriteriaSet): Set<string> {
  return new Set(listFormFields(formFields(criteria, LEVEL, null)).map((f) => f.code));
}
