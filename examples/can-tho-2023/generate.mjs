// Generates SYNTHETIC example submissions for the criteria set can-tho@2023.1.0, period 2023.
// Dữ liệu MINH HỌA tự tạo, không phải kết quả đánh giá thật.
//
//   node examples/can-tho-2023/generate.mjs
//
// Reads ../can-tho-2022/submissions.json (the synthetic 2022 batch, never modified) and evolves
// every unit's values one year: most units improve a little, some slip back. The leaf set follows
// can-tho@2023.1.0 (reference section 4): CQS.3.2 is gone, CQS.3.7 is new, the districts'
// e-invoice leaf KTS.1.4 is now KTS.3.5 (same input, evolved from the 2022 value).
// Writes submissions.json next to this file. Plain Node (>= 20), no dependencies. Deterministic:
// a seeded PRNG (mulberry32, as in the 2022 generator) and only exact operations on doubles.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomHelpers, clamp, dec, roundTo, ratio, over } from '../shared/random.mjs';
import { applies, outputUnits, withReasons } from '../shared/units.mjs';

const SEED = 20230101; // effective.from of can-tho@2023.1.0
const OUT_DIR = dirname(fileURLToPath(import.meta.url));
const BASE = JSON.parse(readFileSync(join(OUT_DIR, '..', 'can-tho-2022', 'submissions.json'), 'utf8'));

// ---------------------------------------------------------------------------------------
// PRNG and small helpers (examples/shared/random.mjs)

const { rand, int, chance, noise, frac } = randomHelpers(SEED);
const ratioOf = (v) => v.numerator / v.denominator;

// ---------------------------------------------------------------------------------------
// The leaves of can-tho@2023.1.0, in code order (the 2022 list with the changes of
// reference section 4.2). input: the value's shape; dep: department groups; P: points by level.

const ALL = ['A', 'B', 'C'];
const AB = ['A', 'B'];
const A = ['A'];
const LEAVES = [
  { code: 'CQS.1.1', input: 'choice', dep: ALL, P: { department: 20, district: 20, commune: 20 } },
  { code: 'CQS.1.2', input: 'number', dep: ALL, P: { department: 20, district: 15, commune: 15 } },
  { code: 'CQS.1.3', input: 'ratio', dep: ALL, P: { department: 20, district: 20, commune: 20 } },
  { code: 'CQS.1.4', input: 'checklist', items: ['chuyen-muc', 'mang-xa-hoi', 'truyen-thanh', 'ngay-cds'], dep: ALL, P: { department: 20, district: 15, commune: 15 } },
  { code: 'CQS.2.1', input: 'boolean', dep: ALL, P: { department: 20, district: 15, commune: 15 } },
  { code: 'CQS.2.2', input: 'ratio', dep: ALL, P: { department: 20, district: 15, commune: 15 } },
  { code: 'CQS.2.3', input: 'ratio', dep: ALL, P: { department: 20, district: 15, commune: 10 } },
  { code: 'CQS.2.4', input: 'checklist', items: ['van-ban-dien-tu', 'he-thong-thong-tin', 'du-lieu'], dep: ALL, P: { department: 20, district: 15, commune: 10 } },
  { code: 'CQS.3.1', input: 'ratio', dep: ALL, P: { department: 20, district: 15, commune: 15 } },
  // CQS.3.2 removed in 2023.1.0
  { code: 'CQS.3.3', input: 'checklist', items: ['qlvb', 'thu-cong-vu', 'hop-truc-tuyen', 'phan-anh'], dep: ALL, P: { department: 25, district: 20, commune: 15 } },
  { code: 'CQS.3.4', input: 'number', dep: ALL, P: { department: 20 } },
  { code: 'CQS.3.5', input: 'number', dep: ALL, P: { department: 20 } },
  { code: 'CQS.3.6', input: 'ratio', P: { district: 20, commune: 20 } },
  { code: 'CQS.3.7', input: 'ratio', dep: ALL, P: { department: 15, district: 15, commune: 10 } }, // new in 2023
  { code: 'CQS.4.1', input: 'ratio', dep: ALL, P: { department: 25, district: 20, commune: 20 } },
  { code: 'CQS.4.2', input: 'choice', dep: ALL, P: { department: 15, district: 15, commune: 15 } },
  { code: 'CQS.4.3', input: 'ratio', dep: ALL, P: { department: 20, district: 15, commune: 15 } },
  { code: 'CQS.5.1', input: 'ratio', dep: ALL, P: { department: 25, district: 20 } },
  { code: 'CQS.5.2', input: 'ratio', dep: ALL, P: { department: 20, district: 20, commune: 20 } },
  { code: 'CQS.5.3', input: 'ratio', dep: ALL, P: { department: 20, district: 20, commune: 20 } },
  { code: 'CQS.5.4', input: 'boolean', dep: ALL, P: { department: 15 } },
  { code: 'CQS.6.1', input: 'ratio', dep: ALL, P: { department: 30, district: 30, commune: 30 } },
  { code: 'CQS.6.2', input: 'ratio', dep: ALL, P: { department: 20, district: 20, commune: 15 } },
  { code: 'CQS.6.3', input: 'boolean', dep: ALL, P: { department: 15, district: 10, commune: 10 } },
  { code: 'CQS.6.4', input: 'number', dep: ALL, P: { department: 20, district: 20, commune: 15 } },
  { code: 'CQS.6.5', input: 'ratio', dep: ALL, P: { department: 15 } },
  { code: 'CQS.7.1', input: 'ratio', dep: AB, P: { department: 30, district: 30, commune: 30 } },
  { code: 'CQS.7.2', input: 'ratio', dep: AB, P: { department: 30, district: 30, commune: 30 } },
  { code: 'CQS.7.3', input: 'number', dep: AB, P: { department: 20, district: 20, commune: 20 }, allowNA: true },
  { code: 'CQS.7.4', input: 'ratio', dep: AB, P: { department: 20, district: 15, commune: 15 } },
  { code: 'CQS.7.5', input: 'ratio', P: { district: 15, commune: 15 } },
  { code: 'CQS.8.1', input: 'number', P: { district: 0, commune: 0 } }, // info: no points
  { code: 'KTS.1.1', input: 'ratio', P: { district: 35, commune: 50 } },
  { code: 'KTS.1.2', input: 'number', P: { district: 20, commune: 10 } },
  { code: 'KTS.1.3', input: 'number', dep: A, P: { department: 30 } },
  // KTS.1.4 moved to KTS.3.5 in 2023.1.0
  { code: 'KTS.2.1', input: 'ratio', dep: A, P: { department: 40, district: 40, commune: 40 } },
  { code: 'KTS.2.2', input: 'ratio', P: { district: 20, commune: 40 } },
  { code: 'KTS.3.1', input: 'number', dep: A, P: { department: 30, district: 20, commune: 20 } },
  { code: 'KTS.3.2', input: 'ratio', dep: A, P: { department: 30, district: 25, commune: 25 }, allowNA: true },
  { code: 'KTS.3.3', input: 'ratio', dep: A, P: { department: 30, district: 20, commune: 15 }, allowNA: true },
  { code: 'KTS.3.4', input: 'number', dep: A, P: { department: 40 } },
  { code: 'KTS.3.5', input: 'ratio', P: { district: 20 } }, // was KTS.1.4
  { code: 'XHS.1.1', input: 'ratio', P: { district: 50, commune: 80 } },
  { code: 'XHS.1.2', input: 'number', dep: A, P: { department: 30, district: 30, commune: 20 } },
  { code: 'XHS.1.3', input: 'ratio', P: { commune: 30 } },
  { code: 'XHS.1.4', input: 'number', dep: A, P: { department: 30 } },
  { code: 'XHS.2.1', input: 'ratio', P: { district: 30, commune: 35 } },
  { code: 'XHS.2.2', input: 'ratio', P: { district: 30, commune: 20 } },
  { code: 'XHS.2.3', input: 'ratio', P: { district: 30, commune: 35 } },
  { code: 'XHS.2.4', input: 'ratio', dep: A, P: { department: 20, district: 30, commune: 30 } },
  { code: 'XHS.3.1', input: 'ratio', dep: A, P: { department: 50 } },
  { code: 'XHS.3.2', input: 'ratio', P: { district: 25, commune: 40 } },
  { code: 'XHS.3.3', input: 'ratio', P: { district: 25, commune: 25 } },
  { code: 'XHS.3.4', input: 'ratio', dep: A, P: { department: 40, district: 25, commune: 35 } },
  { code: 'XHS.3.5', input: 'number', dep: A, P: { department: 30, district: 25 } },
];
const leafOf = (code) => LEAVES.find((l) => l.code === code);

// ---------------------------------------------------------------------------------------
// How each 2022 value moves to 2023.
//
// Ratios: the denominator is a stock (officials, procedures, hamlets, population: small drift)
// or a flow (dossiers, documents, meetings, incidents: redrawn around last year's size); the
// fraction moves by the unit's trend t plus a sector-wide drift (national pushes such as VNeID
// level-2 accounts or cashless welfare payments moved faster in 2023), with some noise.
// [denominator drift mean, spread], fraction drift
const RATIO_EVOLUTION = {
  'CQS.1.3': { d: 'flow', drift: 0.02 },
  'CQS.2.2': { d: 'flow', drift: 0.02 },
  'CQS.3.1': { d: [0.01, 0.02], drift: 0.02 },
  'CQS.3.6': { d: [0, 0], drift: 0.05 },
  'CQS.4.1': { d: [0.01, 0.02], drift: 0.05 },
  'CQS.4.3': { d: [0, 0], drift: 0.03 },
  'CQS.5.1': { d: [0, 0], drift: 0.05 },
  'CQS.5.2': { d: 'incidents', drift: 0.02 },
  'CQS.5.3': { d: [0.01, 0.02], drift: 0.04 },
  'CQS.6.1': { d: 'flow', drift: 0.01 },
  'CQS.6.2': { d: 'flow', drift: 0.04 },
  'CQS.6.5': { d: [0.01, 0.02], drift: 0.02 },
  'CQS.7.1': { d: [0.02, 0.03], drift: 0.06 },
  'CQS.7.2': { d: 'flow', drift: 0.08 },
  'CQS.7.4': { d: 'flow', drift: 0.05 },
  'CQS.7.5': { d: 'flow', drift: 0.04 },
  'KTS.1.1': { d: [0.05, 0.04], drift: 0.03 },
  'KTS.2.1': { d: [0.02, 0.02], drift: 0.05 },
  'KTS.2.2': { d: 'flow', drift: 0.08 },
  'KTS.3.2': { d: [0, 0], drift: 0.04 },
  'KTS.3.3': { d: [0.03, 0.03], drift: 0.03 },
  'KTS.3.5': { d: [0.03, 0.02], drift: 0.02 },
  'XHS.1.1': { d: [0, 0], drift: 0.05 },
  'XHS.1.3': { d: [0.02, 0.04], drift: 0.05 },
  'XHS.2.1': { d: [0.01, 0.003], drift: 0.04 },
  'XHS.2.2': { d: [0.012, 0.004], drift: 0.04, over: true },
  'XHS.2.3': { d: [0.01, 0.003], drift: 0.15 },
  'XHS.2.4': { d: [0.012, 0.004], drift: 0.05 },
  'XHS.3.1': { d: [0, 0], drift: 0.05 },
  'XHS.3.2': { d: [0.01, 0.003], drift: 0.1 },
  'XHS.3.3': { d: [0.02, 0.02], drift: 0.03 },
  'XHS.3.4': { d: 'flow', drift: 0.02 },
};

function evolveRatio(code, v, t) {
  const how = RATIO_EVOLUTION[code];
  if (!how) throw new Error(`no evolution rule for ${code}`);
  if (how.d === 'incidents') { // a new year's incidents: none at all for about a third of units
    const d = chance(0.3) ? 0 : int(1, 6);
    const f0 = v.denominator > 0 ? ratioOf(v) : 0.75;
    return ratio(d, clamp(f0 + t + 0.15 * noise(), 0, 1)); // d = 0: full points
  }
  if (v.denominator === 0) return { ...v }; // still nothing to count (e.g. Ban Dân tộc's dossiers)
  const d0 = v.denominator;
  let d;
  if (how.d === 'flow') d = Math.max(1, Math.round(d0 * (1.04 + 0.12 * noise())));
  else if (d0 <= 12) d = Math.max(1, d0 + (chance(0.15) ? (chance(0.7) ? 1 : -1) : 0));
  else d = Math.max(1, Math.round(d0 * (1 + how.d[0] + how.d[1] * noise())));
  const f0 = ratioOf(v);
  const f = clamp(f0 + 0.5 * how.drift + t + 0.025 * noise(), 0, how.over ? 1.15 : 1);
  return how.over ? over(d, f) : ratio(d, f);
}

// whole-number counts (CQS.1.2 meetings, apps, datasets, products, trainings ...)
const COUNT_CAP = { 'CQS.1.2': 6, 'CQS.3.4': 6, 'KTS.1.2': 9, 'KTS.1.3': 9, 'KTS.3.4': 5 };
function evolveCount(code, n, t) {
  if (code === 'XHS.1.4') return Math.max(0, roundTo(n * (1.1 + 2 * t + 0.1 * noise()), 10)); // residents trained
  if (code === 'CQS.8.1') return Math.max(0, Math.round(n * (1.15 + 0.1 * noise()))); // info: smart-city count
  const grown = Math.round(n * (1 + 0.04 + 2 * t) + 1.2 * noise() + (t > 0 && chance(0.15) ? 1 : 0));
  return clamp(grown, 0, COUNT_CAP[code] ?? Infinity);
}

// decimals written as strings
function evolveDecimal(code, x, t, level) {
  if (code === 'CQS.7.3') return dec(clamp(Number(x) - 0.005 - 0.2 * t + 0.01 * noise(), 0, 0.14), 3); // late share: lower is better
  if (code === 'XHS.3.5') return dec(clamp(Number(x) + 0.02 + 1.5 * t + 0.1 * noise(), 3, 4.7), 1); // satisfaction 3..4.5
  if (code === 'CQS.6.4') { // self-proposed score for the appraised leaf, in steps of 0.5
    const P = leafOf(code).P[level];
    const self = Number(x) === 0 && chance(0.5) ? 0 : Number(x) + P * (0.02 + t + 0.08 * noise());
    return dec(clamp(roundTo(self, 0.5), 0, P), 1);
  }
  throw new Error(`no evolution rule for ${code}`);
}

function evolveBoolean(b, t) {
  return b ? !chance(t < 0 ? 0.15 : 0.03) : chance(clamp(0.2 + 3 * t, 0.05, 0.4));
}

function evolveChoice(code, id, t) {
  const slip = t < 0 ? 0.12 : 0.02;
  if (code === 'CQS.1.1') {
    if (id === 'head') return chance(slip) ? 'deputy' : 'head';
    if (id === 'deputy') return chance(0.2 + 2 * t) ? 'head' : 'deputy';
    return chance(0.15) ? 'head' : chance(0.3) ? 'deputy' : 'none';
  }
  if (code === 'CQS.4.2') {
    if (id === 'chuyen-trach') return chance(slip) ? 'kiem-nhiem' : 'chuyen-trach';
    if (id === 'kiem-nhiem') return chance(0.08 + 2 * t) ? 'chuyen-trach' : 'kiem-nhiem';
    return chance(0.35) ? 'kiem-nhiem' : 'chua-co';
  }
  throw new Error(`no evolution rule for ${code}`);
}

function evolveChecklist(code, list, t) {
  const add = clamp(0.12 + 2 * t, 0.03, 0.4);
  const drop = t < 0 ? 0.1 : 0.02;
  return leafOf(code).items.filter((item) => (list.includes(item) ? !chance(drop) : chance(add)));
}

function evolveValue(code, v, t, level) {
  if (v === 'n/a') return 'n/a';
  const leaf = leafOf(code);
  if (leaf.input === 'ratio') {
    if (code === 'CQS.2.3') { // budget (đồng) and the share allocated to DX
      const d = roundTo(v.denominator * (1.06 + 0.03 * noise()), 1e6);
      const share = clamp((v.numerator / v.denominator) * (1.08 + 3 * t + 0.12 * noise()), 0.0002, 0.025);
      return { numerator: roundTo(d * share, 1e6), denominator: d };
    }
    return evolveRatio(code, v, t);
  }
  if (leaf.input === 'boolean') return evolveBoolean(v, t);
  if (leaf.input === 'choice') return evolveChoice(code, v, t);
  if (leaf.input === 'checklist') return evolveChecklist(code, v, t);
  if (typeof v === 'string') return evolveDecimal(code, v, t, level);
  return evolveCount(code, v, t);
}

// ---------------------------------------------------------------------------------------
// 2022 values as the base, with the gaps of 2022 filled in

const base = BASE.units.map((u) => ({ ...u, values: { ...u.values } }));
const byIdBase = (id) => base.find((u) => u.id === id);

// Xã Trường Long left XHS.2.1 empty in 2022; its figure is Phong Điền's sum minus the others'.
{
  const sum = byIdBase('phong-dien').values['XHS.2.1'];
  const others = base.filter((u) => u.parent === 'phong-dien' && u.id !== 'xa-truong-long');
  const n = sum.numerator - others.reduce((s, u) => s + u.values['XHS.2.1'].numerator, 0);
  const d = sum.denominator - others.reduce((s, u) => s + u.values['XHS.2.1'].denominator, 0);
  byIdBase('xa-truong-long').values['XHS.2.1'] = { numerator: n, denominator: d };
}
// Sở Ngoại vụ left CQS.3.4 empty; Huyện Vĩnh Thạnh left its e-invoice share (KTS.1.4) empty.
byIdBase('so-ngoai-vu').values['CQS.3.4'] = 1;
{
  const pop = byIdBase('vinh-thanh').values['XHS.3.2'].denominator; // XHS.3.2's d is the population
  byIdBase('vinh-thanh').values['KTS.1.4'] = ratio(Math.round(pop / 80), 0.88);
}
// KTS.1.4 continues as KTS.3.5 (aliases ["KTS.1.4"]); CQS.3.2 is dropped.
for (const u of base) {
  if ('KTS.1.4' in u.values) {
    u.values['KTS.3.5'] = u.values['KTS.1.4'];
    delete u.values['KTS.1.4'];
  }
  delete u.values['CQS.3.2'];
}

// ---------------------------------------------------------------------------------------
// Evolve

// area-based leaves a district sums from its communes (reference section 1)
const AREA = ['CQS.3.6', 'KTS.1.1', 'KTS.2.1', 'KTS.2.2', 'KTS.3.2', 'KTS.3.3', 'XHS.1.1', 'XHS.2.1', 'XHS.2.2', 'XHS.2.3', 'XHS.2.4', 'XHS.3.2', 'XHS.3.3'];

const units = base.map((b) => {
  // quality proxy from 2022: mean fraction of its ratio values, mapped to 0.2..0.95
  const fs = Object.entries(b.values)
    .filter(([c, v]) => v && typeof v === 'object' && !Array.isArray(v) && v.denominator > 0 && c !== 'CQS.2.3' && c !== 'XHS.2.2')
    .map(([, v]) => ratioOf(v));
  const q = clamp((fs.reduce((s, f) => s + f, 0) / fs.length - 0.45) / 0.45, 0.2, 0.95);
  // the unit's trend: most improve a little, about one in five slips back
  // (ratio fractions move by t plus half the leaf's sector drift)
  const t = chance(0.8) ? 0.005 + 0.025 * rand() : -(0.01 + 0.03 * rand());
  const values = {};
  for (const leaf of LEAVES) {
    if (leaf.code in b.values) values[leaf.code] = evolveValue(leaf.code, b.values[leaf.code], t, b.level);
  }
  // new in 2023: CQS.3.7, archival files digitised (d = files due under the unit's plan)
  const due = b.level === 'department' ? int(600, 5000) : b.level === 'district' ? int(2000, 9000) : int(150, 1200);
  values['CQS.3.7'] = ratio(due, frac(q, 0.15, 0.7, 0.12));
  return { id: b.id, name: b.name, level: b.level, group: b.group, parent: b.parent, q, t, values };
});
const byId = (id) => units.find((u) => u.id === id);

// ---------------------------------------------------------------------------------------
// Special cases the example is meant to show (before the district sums, which use the
// communes' full figures)

// Xã Tân Thới had no dossier in 2022 (d = 0); in 2023 it received some.
{
  const u = byId('xa-tan-thoi');
  const dossiers = Math.round(u.values['XHS.3.2'].denominator * 0.075);
  u.values['CQS.7.2'] = ratio(dossiers, 0.21);
}
// Xã Giai Xuân had no archive-digitisation plan in 2023: CQS.3.7 uses zeroDenominator "zero",
// so d = 0 scores 0 (not "not applicable").
byId('xa-giai-xuan').values['CQS.3.7'] = { numerator: 0, denominator: 0 };
// Ban Dân tộc still received no dossier: CQS.7.2 and CQS.7.4 keep d = 0, CQS.7.3 stays "n/a"
// (carried over from 2022 by evolveValue).

// a district with its communes in the data sums their n and d
for (const district of units.filter((u) => u.level === 'district')) {
  const children = units.filter((c) => c.parent === district.id);
  if (children.length === 0) continue;
  for (const code of AREA) {
    const given = children.map((c) => c.values[code]).filter((x) => x !== undefined && x !== 'n/a');
    district.values[code] = given.length === 0 ? 'n/a' : {
      numerator: given.reduce((s, x) => s + x.numerator, 0),
      denominator: given.reduce((s, x) => s + x.denominator, 0),
    };
  }
}

// Missing values (the key is simply absent; missing: "zero" scores them 0).
delete byId('so-tai-chinh').values['CQS.3.7']; // the new leaf was not reported
delete byId('co-do').values['XHS.3.3'];
delete byId('phuong-an-nghiep').values['CQS.5.3'];

// Appraisal: the DIC's council lowers some self-assessed values.
function appraise(id, changes) {
  const u = byId(id);
  u.appraised = {};
  for (const [code, f] of Object.entries(changes)) u.appraised[code] = f(u.values[code]);
}
const lowerScore = (by) => (self) => dec(Math.max(0, Number(self) - by), 1);
const lowerNumerator = (by) => (self) => ({ numerator: Math.max(0, self.numerator - by), denominator: self.denominator });
byId('thot-not').values['CQS.1.2'] = 5;
byId('thot-not').values['CQS.6.4'] = '17';
appraise('thot-not', {
  'CQS.1.2': () => 4, // one meeting was a briefing, not a steering-committee meeting
  'CQS.6.4': lowerScore(6),
});
appraise('so-khdt', {
  // only files digitised to the archive standard count
  'CQS.3.7': (self) => lowerNumerator(Math.round(self.numerator * 0.2))(self),
});
appraise('xa-my-khanh', {
  'XHS.1.1': lowerNumerator(1), // one team had fewer than 2 members besides the hamlet head
});
byId('so-y-te').values['CQS.6.4'] = '16';
byId('so-y-te').values['CQS.2.1'] = true;
appraise('so-y-te', {
  'CQS.6.4': lowerScore(4),
  'CQS.2.1': () => false, // the 2023 plan was issued after the city's deadline
});

// Reasons and notes of the appraisal (spec §12; the default reasons of the set), the date, the team.
withReasons(byId('thot-not'), {
  'CQS.1.2': ['evidence-insufficient', 'Một cuộc họp là buổi giao ban, không phải cuộc họp Ban Chỉ đạo chuyển đổi số'],
  'CQS.6.4': ['value-recomputed', 'Hội đồng chấm lại theo thang điểm hướng dẫn'],
}, '2024-02-20', 'Tổ thẩm định số 2');
withReasons(byId('so-khdt'), {
  'CQS.3.7': ['evidence-insufficient', 'Chỉ tính hồ sơ số hóa đúng chuẩn lưu trữ; 20% hồ sơ kê khai chưa đạt'],
}, '2024-02-19', 'Tổ thẩm định số 1');
withReasons(byId('xa-my-khanh'), {
  'XHS.1.1': ['evidence-insufficient', 'Một tổ công nghệ số cộng đồng có dưới 2 thành viên ngoài trưởng ấp'],
}, '2024-02-21', 'Tổ thẩm định số 3');
withReasons(byId('so-y-te'), {
  'CQS.6.4': ['value-recomputed', 'Hội đồng chấm lại theo thang điểm hướng dẫn'],
  'CQS.2.1': ['evidence-insufficient', 'Kế hoạch chuyển đổi số năm 2023 ban hành sau thời hạn của thành phố'],
}, '2024-02-19', 'Tổ thẩm định số 1');

// ---------------------------------------------------------------------------------------
// Output: JSON

const outUnits = outputUnits(units, LEAVES);

const submission = {
  $comment:
    'SYNTHETIC example data for illustration, not real assessment results / Dữ liệu MINH HỌA tự tạo, không phải kết quả đánh giá thật',
  criteria: 'can-tho@2023.1.0',
  period: '2023',
  units: outUnits,
};
writeFileSync(join(OUT_DIR, 'submissions.json'), JSON.stringify(submission, null, 2) + '\n');

const count = (pred) => outUnits.filter(pred).length;
const improving = units.filter((u) => u.t > 0).length;
console.log(
  `wrote ${outUnits.length} units (departments ${count((u) => u.level === 'department')}, ` +
    `districts ${count((u) => u.level === 'district')}, communes ${count((u) => u.level === 'commune')}; ` +
    `${improving} on an improving trend, ${units.length - improving} slipping) to submissions.json`,
);
