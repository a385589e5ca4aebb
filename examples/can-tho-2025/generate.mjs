// Generates SYNTHETIC example submissions for the criteria set can-tho@2025.1.0, period 2025.
// Dữ liệu MINH HỌA tự tạo, không phải kết quả đánh giá thật.
//
//   node examples/can-tho-2025/generate.mjs
//
// The units are those of the merged Cần Thơ city (Cần Thơ, Hậu Giang and Sóc Trăng) under the
// two-tier local government from 1 July 2025: 14 departments in groups A and B, and a
// representative subset of 28 of the 103 communes and wards (level "commune", no parent).
// Commune and ward names are illustrative. Writes submissions.json next to this file. Plain Node
// (>= 20), no dependencies. Deterministic: a seeded PRNG (mulberry32, as in the 2022 generator)
// and only exact operations on doubles (no Math.sin/log/exp).

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomHelpers, clamp, dec, roundTo, ratio, slug } from '../shared/random.mjs';
import { applies, outputUnits, withReasons } from '../shared/units.mjs';

const SEED = 20250701; // effective.from of can-tho@2025.1.0, first day of the two-tier government
const OUT_DIR = dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------
// PRNG and small helpers (examples/shared/random.mjs)

const { rand, int, chance, noise, frac } = randomHelpers(SEED);


// ---------------------------------------------------------------------------------------
// The leaves of can-tho@2025.1.0 (reference section 5.4), in code order.
// dep: department groups it applies to; P: points at that level (absent: does not apply).

const AB = ['A', 'B'];
const A = ['A'];
const LEAVES = [
  { code: 'CQS.1.1', input: 'choice', dep: AB, P: { department: 20, commune: 20 } },
  { code: 'CQS.1.3', input: 'ratio', dep: AB, P: { department: 20, commune: 20 } },
  { code: 'CQS.1.4', input: 'checklist', items: ['chuyen-muc', 'mang-xa-hoi', 'truyen-thanh', 'ngay-cds'], dep: AB, P: { department: 20 } },
  { code: 'CQS.2.1', input: 'boolean', dep: AB, P: { department: 20, commune: 15 } },
  { code: 'CQS.2.2', input: 'ratio', dep: AB, P: { department: 20 } },
  { code: 'CQS.2.3', input: 'ratio', dep: AB, P: { department: 20, commune: 10 } },
  { code: 'CQS.3.3', input: 'checklist', items: ['qlvb', 'thu-cong-vu', 'hop-truc-tuyen', 'phan-anh'], dep: AB, P: { department: 25, commune: 15 } },
  { code: 'CQS.3.5', input: 'number', dep: AB, P: { department: 30 } },
  { code: 'CQS.3.8', input: 'ratio', dep: AB, P: { department: 55, commune: 40 } },
  { code: 'CQS.4.1', input: 'ratio', dep: AB, P: { department: 25, commune: 20 } },
  { code: 'CQS.4.2', input: 'choice', dep: AB, P: { department: 15, commune: 15 } },
  { code: 'CQS.5.1', input: 'ratio', dep: AB, P: { department: 25 } },
  { code: 'CQS.5.2', input: 'ratio', dep: AB, P: { department: 20, commune: 20 } },
  { code: 'CQS.5.5', input: 'checklist', items: ['lop-1', 'lop-2', 'lop-3', 'lop-4'], dep: AB, P: { department: 35, commune: 35 } },
  { code: 'CQS.6.1', input: 'ratio', dep: AB, P: { department: 30, commune: 30 } },
  { code: 'CQS.6.2', input: 'ratio', dep: AB, P: { department: 20, commune: 15 } },
  { code: 'CQS.6.4', input: 'number', dep: AB, P: { department: 20, commune: 15 } },
  { code: 'CQS.6.6', input: 'choice', dep: AB, P: { department: 30, commune: 20 } },
  { code: 'CQS.7.1', input: 'ratio', dep: AB, P: { department: 30, commune: 30 } },
  { code: 'CQS.7.2', input: 'ratio', dep: AB, P: { department: 30, commune: 30 } },
  { code: 'CQS.7.3', input: 'number', dep: AB, P: { department: 20, commune: 20 }, allowNA: true },
  { code: 'CQS.7.4', input: 'ratio', dep: AB, P: { department: 20, commune: 15 } },
  { code: 'CQS.7.5', input: 'ratio', P: { commune: 15 } },
  { code: 'CQS.7.6', input: 'ratio', dep: AB, P: { department: 50, commune: 50 } },
  { code: 'KTS.1.1', input: 'ratio', P: { commune: 50 } },
  { code: 'KTS.2.1', input: 'ratio', dep: A, P: { department: 40, commune: 40 } },
  { code: 'KTS.2.2', input: 'ratio', P: { commune: 40 } },
  { code: 'KTS.3.1', input: 'number', dep: A, P: { department: 30 } },
  { code: 'KTS.3.2', input: 'ratio', P: { commune: 25 }, allowNA: true },
  { code: 'KTS.3.4', input: 'number', dep: A, P: { department: 40 } },
  { code: 'KTS.3.6', input: 'checklist', items: ['cap-phep-truc-tuyen', 'bao-cao-truc-tuyen', 'giam-sat-so'], dep: A, P: { department: 90 } },
  { code: 'KTS.3.7', input: 'ratio', P: { commune: 45 } },
  { code: 'XHS.1.1', input: 'ratio', P: { commune: 80 } },
  { code: 'XHS.1.2', input: 'number', dep: A, P: { department: 30 } },
  { code: 'XHS.1.5', input: 'ratio', P: { commune: 80 } },
  { code: 'XHS.2.1', input: 'ratio', P: { commune: 35 } },
  { code: 'XHS.2.3', input: 'ratio', P: { commune: 35 } },
  { code: 'XHS.2.4', input: 'ratio', P: { commune: 30 } },
  { code: 'XHS.2.5', input: 'ratio', dep: A, P: { department: 60 } },
  { code: 'XHS.3.1', input: 'ratio', dep: A, P: { department: 60 } },
  { code: 'XHS.3.2', input: 'ratio', P: { commune: 40 } },
  { code: 'XHS.3.4', input: 'ratio', dep: A, P: { department: 50, commune: 50 } },
];
const leafOf = (code) => LEAVES.find((l) => l.code === code);

// ---------------------------------------------------------------------------------------
// Units

// The 14 departments of the merged city (post-merger names; an illustrative list). Group B:
// digital government only (reference section 5.2); the rest serve businesses and residents.
// [name, id, group, quality 0..1, procedures, dossiers received in the year, officials]
const DEPARTMENTS = [
  ['Sở Khoa học và Công nghệ', 'so-khcn', 'A', 0.88, 110, 3800, 150], // absorbed Thông tin và Truyền thông
  ['Sở Tài chính', 'so-tai-chinh', 'A', 0.78, 190, 26000, 230], // absorbed Kế hoạch và Đầu tư
  ['Sở Nông nghiệp và Môi trường', 'so-nnmt', 'A', 0.62, 260, 42000, 620],
  ['Sở Xây dựng', 'so-xay-dung', 'A', 0.68, 230, 95000, 330], // absorbed Giao thông vận tải
  ['Sở Nội vụ', 'so-noi-vu', 'B', 0.72, 260, 15000, 300], // absorbed Lao động - Thương binh và Xã hội
  ['Sở Dân tộc và Tôn giáo', 'so-dan-toc-ton-giao', 'B', 0.5, 40, 320, 60],
  ['Sở Công Thương', 'so-cong-thuong', 'A', 0.73, 170, 11000, 190],
  ['Sở Giáo dục và Đào tạo', 'so-gddt', 'A', 0.7, 110, 9500, 260],
  ['Sở Y tế', 'so-y-te', 'A', 0.66, 190, 12000, 330],
  ['Sở Văn hóa, Thể thao và Du lịch', 'so-vhttdl', 'A', 0.64, 150, 3200, 380],
  ['Sở Tư pháp', 'so-tu-phap', 'B', 0.76, 170, 38000, 140],
  ['Thanh tra thành phố', 'thanh-tra', 'B', 0.6, 6, 35, 120],
  ['Văn phòng UBND thành phố', 'van-phong-ubnd', 'B', 0.86, 12, 900, 180],
  ['Ban Quản lý các khu chế xuất và công nghiệp', 'ban-quan-ly-kcx-kcn', 'A', 0.65, 75, 2100, 60],
];
if (DEPARTMENTS.length !== 14) throw new Error(`expected 14 departments, got ${DEPARTMENTS.length}`);

// 28 of the 103 communes and wards (illustrative names; figures invented).
// [name, quality, population, hamlets/areas (ấp, khu vực), farming in the area?]
const COMMUNES = [
  ['Phường Ninh Kiều', 0.9, 85000, 40, false],
  ['Phường Cái Khế', 0.88, 75000, 38, false],
  ['Phường Tân An', 0.84, 90000, 45, false],
  ['Phường An Bình', 0.7, 60000, 30, true],
  ['Phường Bình Thủy', 0.78, 70000, 35, false],
  ['Phường Long Tuyền', 0.66, 50000, 25, true],
  ['Phường Cái Răng', 0.8, 65000, 32, false],
  ['Phường Hưng Phú', 0.76, 55000, 28, false],
  ['Phường Ô Môn', 0.68, 60000, 35, true],
  ['Phường Thốt Nốt', 0.7, 70000, 38, true],
  ['Xã Phong Điền', 0.7, 40000, 25, true],
  ['Xã Nhơn Ái', 0.62, 35000, 22, true],
  ['Xã Trường Long', 0.55, 30000, 20, true],
  ['Xã Thới Lai', 0.6, 40000, 28, true],
  ['Xã Cờ Đỏ', 0.56, 38000, 26, true],
  ['Xã Vĩnh Thạnh', 0.5, 35000, 24, true],
  ['Phường Vị Thanh', 0.72, 55000, 30, true],
  ['Phường Ngã Bảy', 0.64, 50000, 28, true],
  ['Xã Châu Thành', 0.58, 42000, 27, true],
  ['Xã Long Mỹ', 0.48, 30000, 22, true],
  ['Xã Phụng Hiệp', 0.52, 38000, 25, true],
  ['Phường Sóc Trăng', 0.75, 75000, 40, false],
  ['Phường Phú Lợi', 0.7, 55000, 30, false],
  ['Phường Vĩnh Châu', 0.58, 55000, 32, true],
  ['Xã Mỹ Tú', 0.5, 36000, 24, true],
  ['Xã Kế Sách', 0.54, 40000, 26, true],
  ['Xã Trần Đề', 0.46, 42000, 28, true],
  ['Xã Cù Lao Dung', 0.44, 32000, 20, true],
];

// ---------------------------------------------------------------------------------------
// Value generators. q: the unit's overall quality (0..1).

// leaves of both levels, mostly about the unit's own office
function ownOffice(u, v) {
  const { q, level } = u;
  const dept = level === 'department';
  const comm = !dept;
  v['CQS.1.1'] = chance(0.1 + 0.1 * (1 - q)) ? (chance(0.8) ? 'deputy' : 'none') : 'head';
  v['CQS.1.3'] = ratio(int(4, comm ? 8 : 14), frac(q, 0.35, 0.6, 0.15));
  if (dept) {
    v['CQS.1.4'] = [
      chance(0.55 + 0.4 * q) && 'chuyen-muc',
      chance(0.4 + 0.5 * q) && 'mang-xa-hoi',
      chance(0.35 + 0.3 * q) && 'truyen-thanh',
      chance(0.65 + 0.3 * q) && 'ngay-cds',
    ].filter(Boolean);
    v['CQS.2.2'] = ratio(int(10, 40), frac(q, 0.5, 0.45, 0.12));
  }
  v['CQS.2.1'] = chance(0.5 + 0.45 * q);
  // budget estimate (đồng) and the share for S&T, innovation and DX (bands at 0.5 %, 1.5 %, 3 %)
  const budget = comm ? int(15000, 40000) * 1e6 : u.officials * int(200, 1500) * 1e6;
  const share = clamp(0.002 + 0.03 * q * q + 0.006 * noise(), 0.0005, 0.045);
  v['CQS.2.3'] = { numerator: roundTo(budget * share, 1e6), denominator: budget };
  v['CQS.3.3'] = [
    chance(0.98) && 'qlvb',
    chance(0.9) && 'thu-cong-vu',
    chance(comm ? 0.75 + 0.2 * q : 0.92) && 'hop-truc-tuyen',
    chance(0.5 + 0.45 * q) && 'phan-anh',
  ].filter(Boolean);
  if (dept) v['CQS.3.5'] = clamp(Math.round(25 * q * q + 4 * noise()), 0, 40); // open datasets (relative)
  v['CQS.3.8'] = ratio(dept ? int(3, 12) : int(4, 8), frac(q, 0.2, 0.7, 0.15));
  v['CQS.4.1'] = ratio(u.officials, frac(q, 0.45, 0.5, 0.12));
  v['CQS.4.2'] = comm
    ? chance(0.25 + 0.4 * q) ? 'chuyen-trach' : chance(0.9) ? 'kiem-nhiem' : 'chua-co'
    : chance(0.3 + 0.65 * q) ? 'chuyen-trach' : 'kiem-nhiem';
  if (dept) v['CQS.5.1'] = ratio(int(1, 8), frac(q, 0.2, 0.8, 0.2));
  const incidents = chance(0.35) ? 0 : int(1, dept ? 8 : 5);
  v['CQS.5.2'] = ratio(incidents, frac(q, 0.5, 0.5, 0.2));
  v['CQS.5.5'] = [
    chance(0.7 + 0.3 * q) && 'lop-1',
    chance((comm ? 0.15 : 0.3) + 0.6 * q) && 'lop-2',
    chance((comm ? 0.1 : 0.2) + 0.6 * q) && 'lop-3',
    chance((comm ? 0.05 : 0.15) + 0.5 * q) && 'lop-4',
  ].filter(Boolean);
  const outgoing = dept ? int(2500, 9000) : int(1200, 4000);
  v['CQS.6.1'] = ratio(outgoing, frac(q, 0.88, 0.12, 0.03));
  v['CQS.6.2'] = ratio(Math.round(outgoing * (1.2 + rand())), frac(q, 0.55, 0.45, 0.08));
  // self-proposed score for the appraised initiative leaf, in steps of 0.5
  const P64 = leafOf('CQS.6.4').P[level];
  v['CQS.6.4'] = chance(0.12 * (1 - q)) ? '0' : dec(roundTo(P64 * frac(q, 0.35, 0.65, 0.12), 0.5), 1);
  v['CQS.6.6'] = chance(0.05 + 0.5 * q * q) ? 'chinh-thuc' : chance(0.25 + 0.6 * q) ? 'thi-diem' : 'chua';
}

function onlineServices(u, v) {
  const { q, procedures, dossiers } = u;
  const urban = u.urban ?? true;
  v['CQS.7.1'] = ratio(procedures, frac(q, 0.25, 0.5, 0.08));
  v['CQS.7.2'] = ratio(dossiers, frac(q, urban ? 0.45 : 0.3, 0.45, 0.08));
  v['CQS.7.3'] = dec(clamp(0.06 - 0.06 * q + 0.02 * noise(), 0, 0.12), 3);
  const feeBearing = Math.round(dossiers * (0.3 + 0.3 * rand()));
  v['CQS.7.4'] = ratio(feeBearing, frac(q, 0.1, 0.4, 0.08));
  if (u.level === 'commune') v['CQS.7.5'] = ratio(Math.round(dossiers * (0.94 + 0.05 * rand())), frac(q, 0.4, 0.55, 0.08));
  v['CQS.7.6'] = ratio(procedures, frac(q, 0.3, 0.6, 0.1));
}

function department(u, v) {
  const { q, id, group } = u;
  ownOffice(u, v);
  onlineServices(u, v);
  if (group !== 'A') return;
  const feeUnits = { 'so-y-te': 35, 'so-gddt': 70, 'so-xay-dung': 8, 'so-vhttdl': 12, 'so-nnmt': 10 }[id] ?? int(1, 5);
  v['KTS.2.1'] = ratio(feeUnits, frac(q, 0.35, 0.6, 0.12));
  v['KTS.3.1'] = clamp(Math.round(22 * q + 5 * noise()), 0, 30);
  v['KTS.3.4'] = clamp(Math.round(3.5 * q + noise()), 0, 5);
  const regulator = ['so-nnmt', 'so-y-te', 'so-cong-thuong'].includes(id);
  v['KTS.3.6'] = [
    chance(0.3 + 0.6 * q) && 'cap-phep-truc-tuyen',
    chance(0.3 + 0.5 * q) && 'bao-cao-truc-tuyen',
    chance((regulator ? 0.4 : 0.1) + 0.5 * q) && 'giam-sat-so',
  ].filter(Boolean);
  v['XHS.1.2'] = clamp(Math.round(18 * q + 4 * noise()), 0, 25);
  v['XHS.2.5'] = ratio(int(2, 12), frac(q, 0.3, 0.6, 0.15));
  const publicServiceUnits = { 'so-y-te': 40, 'so-gddt': 85, 'so-vhttdl': 10, 'so-tai-chinh': 0 }[id] ?? int(1, 9);
  v['XHS.3.1'] = ratio(publicServiceUnits, frac(q, 0.3, 0.65, 0.15));
  v['XHS.3.4'] = ratio(int(8, id === 'so-nnmt' || id === 'so-xay-dung' ? 600 : 80), frac(q, 0.6, 0.4, 0.08));
}

function commune(u, v) {
  const { q, pop, hamlets, urban } = u;
  ownOffice(u, v);
  onlineServices(u, v);
  const households = Math.round(pop / (3.6 + 0.4 * rand()));
  const businesses = Math.round(households * (urban ? 0.18 : 0.08) * (0.8 + 0.4 * rand()));
  v['KTS.1.1'] = ratio(businesses, frac(q, 0.03, urban ? 0.35 : 0.25, 0.05));
  v['KTS.2.1'] = ratio(Math.round(pop / 1500) + int(4, 12), frac(q, urban ? 0.55 : 0.4, 0.45, 0.1));
  const welfare = Math.round(pop * (urban ? 0.02 : 0.035) * 12 * (0.8 + 0.4 * rand()));
  v['KTS.2.2'] = ratio(welfare, frac(q, urban ? 0.55 : 0.4, 0.4, 0.08));
  v['KTS.3.2'] = u.farming ? ratio(int(3, 10), frac(q, 0.1, 0.6, 0.15)) : 'n/a';
  v['KTS.3.7'] = ratio(urban ? int(60, 300) : int(8, 50), frac(q, 0.35, 0.55, 0.1));
  v['XHS.1.1'] = ratio(hamlets, frac(q, 0.7, 0.3, 0.08));
  const adults = Math.round(pop * 0.76); // aged 15 and over
  v['XHS.1.5'] = ratio(adults, frac(q, 0.15, 0.5, 0.08));
  v['XHS.2.1'] = ratio(adults, frac(q, urban ? 0.6 : 0.45, 0.3, 0.05));
  v['XHS.2.3'] = ratio(Math.round(pop * 0.78), frac(q, 0.55, 0.3, 0.05));
  v['XHS.2.4'] = ratio(Math.round(households * 1.05), frac(q, 0.3, 0.6, 0.1));
  v['XHS.3.2'] = ratio(pop, frac(q, 0.35, 0.5, 0.08));
  v['XHS.3.4'] = ratio(int(0, 60), frac(q, 0.6, 0.4, 0.08));
}

// ---------------------------------------------------------------------------------------
// Build the units

const jitterQ = (q) => clamp(q + 0.03 * noise(), 0.3, 0.97);

const departments = DEPARTMENTS.map(([name, id, group, q, procedures, dossiers, officials]) => ({
  id, name, level: 'department', group, parent: null, q: jitterQ(q), procedures, dossiers, officials,
}));
const communes = COMMUNES.map(([name, q, pop, hamlets, farming]) => {
  const urban = name.startsWith('Phường');
  const id = `${urban ? 'phuong' : 'xa'}-${slug(name.replace(/^(Phường|Xã) /, ''))}`;
  return {
    id, name, level: 'commune', parent: null, urban, farming, q: jitterQ(q), pop, hamlets,
    officials: int(35, 60), procedures: int(250, 330),
    // after 1 July 2025 communes took over most of the former districts' procedures
    dossiers: Math.round(pop * (urban ? 0.25 : 0.18) * (0.8 + 0.4 * rand())),
  };
});

const units = [...departments, ...communes];
for (const u of units) {
  u.values = {};
  if (u.level === 'department') department(u, u.values);
  else commune(u, u.values);
}

// ---------------------------------------------------------------------------------------
// Special cases the example is meant to show

const byId = (id) => units.find((u) => u.id === id);

// Zero denominators, three rules:
// Sở Tài chính has no affiliated public-service unit: XHS.3.1 (default) is not applicable.
// Thanh tra thành phố's procedures carry no fee: CQS.7.4 (default) is not applicable.
byId('thanh-tra').values['CQS.7.4'] = { numerator: 0, denominator: 0 };
// Sở Dân tộc và Tôn giáo has no database catalogue yet: CQS.3.8 ("zero") scores 0.
byId('so-dan-toc-ton-giao').values['CQS.3.8'] = { numerator: 0, denominator: 0 };
// Xã Cù Lao Dung received no environment or urban-order report online: XHS.3.4 ("full") scores 50.
byId('xa-cu-lao-dung').values['XHS.3.4'] = { numerator: 0, denominator: 0 };

// Missing values (the key is simply absent; missing: "zero" scores them 0).
delete byId('so-vhttdl').values['XHS.2.5'];
delete byId('phuong-nga-bay').values['KTS.3.7']; // tax figures not received in time
delete byId('xa-tran-de').values['XHS.1.5'];

// Appraisal: the appraisal council (Sở Khoa học và Công nghệ) lowers some self-assessed values.
function appraise(id, changes) {
  const u = byId(id);
  u.appraised = {};
  for (const [code, f] of Object.entries(changes)) u.appraised[code] = f(u.values[code]);
}
const lowerScore = (by) => (self) => dec(Math.max(0, Number(self) - by), 1);
const lowerNumerator = (by) => (self) => ({ numerator: Math.max(0, self.numerator - by), denominator: self.denominator });
byId('so-xay-dung').values['CQS.6.4'] = '16';
appraise('so-xay-dung', {
  // procedures published as boundary-free but not yet handled that way on the system
  'CQS.7.6': (self) => lowerNumerator(Math.round(self.numerator * 0.25))(self),
  'CQS.6.4': lowerScore(5),
});
byId('phuong-ninh-kieu').values['CQS.6.6'] = 'chinh-thuc';
byId('phuong-ninh-kieu').values['CQS.6.4'] = '14';
appraise('phuong-ninh-kieu', {
  'CQS.6.6': () => 'thi-diem', // the virtual assistant is still a pilot
  'CQS.6.4': lowerScore(3.5),
});
appraise('xa-thoi-lai', {
  'XHS.1.1': lowerNumerator(2), // two teams were set up without the commune chair's decision
});
byId('so-noi-vu').values['CQS.5.5'] = ['lop-1', 'lop-2', 'lop-3', 'lop-4'];
appraise('so-noi-vu', {
  'CQS.5.5': (self) => self.filter((item) => item !== 'lop-3'), // no independent check in 2025
});

// Reasons and notes of the appraisal (spec §12; the default reasons of the set), the date, the team.
withReasons(byId('so-xay-dung'), {
  'CQS.7.6': ['evidence-insufficient', 'Thủ tục công bố không phụ thuộc địa giới hành chính nhưng chưa xử lý như vậy trên hệ thống; chỉ tính phần đã thực hiện'],
  'CQS.6.4': ['value-recomputed', 'Hội đồng chấm lại theo thang điểm hướng dẫn'],
}, '2026-02-10', 'Tổ thẩm định số 1');
withReasons(byId('phuong-ninh-kieu'), {
  'CQS.6.6': ['evidence-insufficient', 'Trợ lý ảo mới vận hành thí điểm, chưa có quyết định đưa vào sử dụng chính thức'],
  'CQS.6.4': ['value-recomputed', 'Hội đồng chấm lại theo thang điểm hướng dẫn'],
}, '2026-02-11', 'Tổ thẩm định số 2');
withReasons(byId('xa-thoi-lai'), {
  'XHS.1.1': ['evidence-missing', '2 tổ công nghệ số cộng đồng không có quyết định thành lập của Chủ tịch UBND xã'],
}, '2026-02-12', 'Tổ thẩm định số 3');
withReasons(byId('so-noi-vu'), {
  'CQS.5.5': ['evidence-missing', 'Không có báo cáo kiểm tra, đánh giá độc lập lớp 3 trong năm 2025'],
}, '2026-02-10', 'Tổ thẩm định số 1');

// ---------------------------------------------------------------------------------------
// Output: JSON

const outUnits = outputUnits(units, LEAVES);

const submission = {
  $comment:
    'SYNTHETIC example data for illustration, not real assessment results; commune and ward names are illustrative / Dữ liệu MINH HỌA tự tạo, không phải kết quả đánh giá thật; tên xã, phường chỉ để minh họa',
  criteria: 'can-tho@2025.1.0',
  period: '2025',
  units: outUnits,
};
writeFileSync(join(OUT_DIR, 'submissions.json'), JSON.stringify(submission, null, 2) + '\n');

const count = (pred) => outUnits.filter(pred).length;
console.log(
  `wrote ${outUnits.length} units (departments ${count((u) => u.level === 'department')}: ` +
    `A ${count((u) => u.group === 'A')}, B ${count((u) => u.group === 'B')}; ` +
    `communes and wards ${count((u) => u.level === 'commune')}) to submissions.json`,
);
