// Generates SYNTHETIC example submissions for the criteria set can-tho@2022.1.0.
// Dữ liệu MINH HỌA tự tạo, không phải kết quả đánh giá thật.
//
//   node examples/can-tho-2022/generate.mjs
//
// Writes submissions.json and submissions.csv next to this file. Plain Node (>= 20), no
// dependencies. The output is deterministic: a seeded PRNG (mulberry32) and only exact
// operations on doubles (no Math.sin/log/exp), so every run and every Node version writes
// the same bytes.

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomHelpers, clamp, dec, roundTo, ratio, over, slug } from '../shared/random.mjs';
import { applies, outputUnits, withReasons } from '../shared/units.mjs';
import { createHash } from 'node:crypto';

const SEED = 20220714; // the date of 2088/QĐ-UBND
const OUT_DIR = dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------
// PRNG and small helpers (examples/shared/random.mjs)

const { rand, int, chance, noise, frac } = randomHelpers(SEED);


// ---------------------------------------------------------------------------------------
// The leaves of can-tho@2022.1.0 (reference section 3.4), in code order.
// input: how a value is written (drives the CSV columns).
// dep: department groups it applies to; dist/comm: points at that level, or absent.

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
  { code: 'CQS.3.2', input: 'boolean', dep: ALL, P: { department: 15, district: 15, commune: 10 } },
  { code: 'CQS.3.3', input: 'checklist', items: ['qlvb', 'thu-cong-vu', 'hop-truc-tuyen', 'phan-anh'], dep: ALL, P: { department: 25, district: 20, commune: 15 } },
  { code: 'CQS.3.4', input: 'number', dep: ALL, P: { department: 20 } },
  { code: 'CQS.3.5', input: 'number', dep: ALL, P: { department: 20 } },
  { code: 'CQS.3.6', input: 'ratio', P: { district: 20, commune: 20 } },
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
  { code: 'KTS.1.4', input: 'ratio', P: { district: 20 } },
  { code: 'KTS.2.1', input: 'ratio', dep: A, P: { department: 40, district: 40, commune: 40 } },
  { code: 'KTS.2.2', input: 'ratio', P: { district: 20, commune: 40 } },
  { code: 'KTS.3.1', input: 'number', dep: A, P: { department: 30, district: 20, commune: 20 } },
  { code: 'KTS.3.2', input: 'ratio', dep: A, P: { department: 30, district: 25, commune: 25 }, allowNA: true },
  { code: 'KTS.3.3', input: 'ratio', dep: A, P: { department: 30, district: 20, commune: 15 }, allowNA: true },
  { code: 'KTS.3.4', input: 'number', dep: A, P: { department: 40 } },
  { code: 'XHS.1.1', input: 'ratio', P: { district: 50, commune: 70 } },
  { code: 'XHS.1.2', input: 'number', dep: A, P: { department: 30, district: 30, commune: 20 } },
  { code: 'XHS.1.3', input: 'ratio', P: { commune: 30 } },
  { code: 'XHS.1.4', input: 'number', dep: A, P: { department: 30 } },
  { code: 'XHS.2.1', input: 'ratio', P: { district: 30, commune: 35 } },
  { code: 'XHS.2.2', input: 'ratio', P: { district: 30, commune: 30 } },
  { code: 'XHS.2.3', input: 'ratio', P: { district: 30, commune: 35 } },
  { code: 'XHS.2.4', input: 'ratio', dep: A, P: { department: 20, district: 30, commune: 30 } },
  { code: 'XHS.3.1', input: 'ratio', dep: A, P: { department: 50 } },
  { code: 'XHS.3.2', input: 'ratio', P: { district: 25, commune: 40 } },
  { code: 'XHS.3.3', input: 'ratio', P: { district: 25, commune: 25 } },
  { code: 'XHS.3.4', input: 'ratio', dep: A, P: { department: 40, district: 25, commune: 35 } },
  { code: 'XHS.3.5', input: 'number', dep: A, P: { department: 30, district: 25 } },
];


// ---------------------------------------------------------------------------------------
// Units (domain.md section 4; groups from reference section 3.2, an illustrative assignment)

// [name, group, quality 0..1, size: procedures, dossiers received in the year, officials]
const DEPARTMENTS = [
  ['Sở Thông tin và Truyền thông', 'A', 0.92, 45, 2600, 70],
  ['Sở Nội vụ', 'B', 0.7, 95, 3800, 80],
  ['Sở Tư pháp', 'B', 0.74, 150, 16500, 75],
  ['Sở Kế hoạch và Đầu tư', 'A', 0.8, 120, 9200, 85],
  ['Sở Tài chính', 'A', 0.66, 30, 1100, 90],
  ['Sở Công Thương', 'A', 0.72, 150, 7400, 110],
  ['Sở Nông nghiệp và Phát triển nông thôn', 'A', 0.6, 110, 5200, 320],
  ['Sở Giao thông vận tải', 'A', 0.69, 130, 58000, 180],
  ['Sở Xây dựng', 'A', 0.63, 60, 3100, 95],
  ['Sở Tài nguyên và Môi trường', 'A', 0.58, 100, 21000, 210],
  ['Sở Lao động - Thương binh và Xã hội', 'A', 0.55, 120, 6800, 260],
  ['Sở Văn hóa, Thể thao và Du lịch', 'A', 0.62, 130, 1900, 240],
  ['Sở Khoa học và Công nghệ', 'A', 0.77, 60, 700, 90],
  ['Sở Giáo dục và Đào tạo', 'A', 0.68, 90, 4300, 150],
  ['Sở Y tế', 'A', 0.64, 140, 5600, 190],
  ['Sở Ngoại vụ', 'B', 0.5, 10, 260, 35],
  ['Thanh tra thành phố', 'C', 0.57, 0, 0, 70],
  ['Văn phòng UBND thành phố', 'C', 0.86, 0, 0, 110],
  ['Ban Quản lý các khu chế xuất và công nghiệp', 'B', 0.61, 70, 1500, 45],
  ['Ban Dân tộc', 'B', 0.42, 3, 0, 25],
];
const DEPARTMENT_IDS = {
  'Sở Thông tin và Truyền thông': 'so-tttt',
  'Sở Nội vụ': 'so-noi-vu',
  'Sở Tư pháp': 'so-tu-phap',
  'Sở Kế hoạch và Đầu tư': 'so-khdt',
  'Sở Tài chính': 'so-tai-chinh',
  'Sở Công Thương': 'so-cong-thuong',
  'Sở Nông nghiệp và Phát triển nông thôn': 'so-nnptnt',
  'Sở Giao thông vận tải': 'so-gtvt',
  'Sở Xây dựng': 'so-xay-dung',
  'Sở Tài nguyên và Môi trường': 'so-tnmt',
  'Sở Lao động - Thương binh và Xã hội': 'so-ldtbxh',
  'Sở Văn hóa, Thể thao và Du lịch': 'so-vhttdl',
  'Sở Khoa học và Công nghệ': 'so-khcn',
  'Sở Giáo dục và Đào tạo': 'so-gddt',
  'Sở Y tế': 'so-y-te',
  'Sở Ngoại vụ': 'so-ngoai-vu',
  'Thanh tra thành phố': 'thanh-tra',
  'Văn phòng UBND thành phố': 'van-phong-ubnd',
  'Ban Quản lý các khu chế xuất và công nghiệp': 'ban-quan-ly-kcx-kcn',
  'Ban Dân tộc': 'ban-dan-toc',
};

// [name, urban?, quality, population, hamlets/areas]
const DISTRICTS = [
  ['Quận Ninh Kiều', true, 0.88],
  ['Quận Bình Thủy', true, 0.71, 140000, 45],
  ['Quận Cái Răng', true, 0.76, 110000, 40],
  ['Quận Ô Môn', true, 0.6, 130000, 50],
  ['Quận Thốt Nốt', true, 0.65, 160000, 55],
  ['Huyện Phong Điền', false],
  ['Huyện Cờ Đỏ', false, 0.52, 120000, 60],
  ['Huyện Thới Lai', false, 0.57, 120000, 65],
  ['Huyện Vĩnh Thạnh', false, 0.47, 110000, 55],
];

// [name, quality, population, hamlets/areas]
const NINH_KIEU_WARDS = [
  ['Phường An Bình', 0.62, 26000, 9],
  ['Phường An Cư', 0.78, 20000, 7],
  ['Phường An Hòa', 0.71, 30000, 8],
  ['Phường An Khánh', 0.83, 25000, 8],
  ['Phường An Nghiệp', 0.68, 12000, 5],
  ['Phường An Phú', 0.74, 13000, 6],
  ['Phường Cái Khế', 0.9, 26000, 10],
  ['Phường Hưng Lợi', 0.66, 38000, 12],
  ['Phường Tân An', 0.8, 12000, 5],
  ['Phường Thới Bình', 0.59, 14000, 6],
  ['Phường Xuân Khánh', 0.86, 30000, 9],
];
const PHONG_DIEN_COMMUNES = [
  ['Thị trấn Phong Điền', 0.72, 18000, 7],
  ['Xã Giai Xuân', 0.55, 16000, 8],
  ['Xã Mỹ Khánh', 0.68, 12000, 6],
  ['Xã Nhơn Ái', 0.61, 14000, 7],
  ['Xã Nhơn Nghĩa', 0.5, 17000, 8],
  ['Xã Tân Thới', 0.46, 14000, 7],
  ['Xã Trường Long', 0.53, 14000, 8],
];

// ---------------------------------------------------------------------------------------
// Value generators, by level. q: the unit's overall quality (0..1).

// leaves shared by all three levels, mostly about the unit's own office
function ownOffice(u, v) {
  const { q, level } = u;
  const dept = level === 'department';
  const comm = level === 'commune';
  v['CQS.1.1'] = chance(0.12 + 0.1 * (1 - q)) ? (chance(0.8) ? 'deputy' : 'none') : 'head';
  v['CQS.1.2'] = clamp(Math.round(1 + 4 * q + 1.2 * noise()), 0, 6);
  const meetings = int(4, comm ? 8 : 14);
  v['CQS.1.3'] = ratio(meetings, frac(q, 0.3, 0.6, 0.15));
  v['CQS.1.4'] = [
    chance(0.45 + 0.5 * q) && 'chuyen-muc',
    chance(0.3 + 0.5 * q) && 'mang-xa-hoi',
    chance(comm ? 0.85 : 0.35 + 0.3 * q) && 'truyen-thanh',
    chance(0.6 + 0.35 * q) && 'ngay-cds',
  ].filter(Boolean);
  v['CQS.2.1'] = chance(0.45 + 0.5 * q);
  v['CQS.2.2'] = ratio(int(comm ? 6 : 10, comm ? 15 : 40), frac(q, 0.45, 0.5, 0.12));
  // budget estimate (đồng) and the share allocated to DX (0.05 % .. 2 %)
  const budget = level === 'district' ? int(600, 1500) * 1e9 : comm ? int(8000, 20000) * 1e6 : u.officials * int(200, 1500) * 1e6;
  const share = clamp(0.0005 + 0.016 * q * q + 0.004 * noise(), 0.0002, 0.025);
  v['CQS.2.3'] = { numerator: roundTo(budget * share, 1e6), denominator: budget };
  v['CQS.2.4'] = [
    chance(0.92) && 'van-ban-dien-tu',
    chance(0.5 + 0.45 * q) && 'he-thong-thong-tin',
    chance(0.15 + 0.6 * q) && 'du-lieu',
  ].filter(Boolean);
  v['CQS.3.1'] = ratio(u.officials, frac(q, 0.82, 0.18, 0.04));
  v['CQS.3.2'] = chance(comm ? 0.6 + 0.4 * q : 0.93);
  v['CQS.3.3'] = [
    chance(0.97) && 'qlvb',
    chance(0.85) && 'thu-cong-vu',
    chance(comm ? 0.4 + 0.5 * q : 0.9) && 'hop-truc-tuyen',
    chance(0.4 + 0.5 * q) && 'phan-anh',
  ].filter(Boolean);
  v['CQS.4.1'] = ratio(u.officials, frac(q, 0.35, 0.6, 0.12));
  v['CQS.4.2'] = comm
    ? chance(0.1 + 0.25 * q) ? 'chuyen-trach' : chance(0.85) ? 'kiem-nhiem' : 'chua-co'
    : chance(0.25 + 0.7 * q) ? 'chuyen-trach' : 'kiem-nhiem';
  const leaders = dept ? int(8, 25) : comm ? int(3, 4) : int(10, 16);
  v['CQS.4.3'] = ratio(leaders, frac(q, 0.3, 0.7, 0.15));
  if (!comm) v['CQS.5.1'] = ratio(int(1, dept ? 6 : 4), frac(q, 0.1, 0.9, 0.2));
  const incidents = chance(0.35) ? 0 : int(1, dept ? 8 : 5);
  v['CQS.5.2'] = ratio(incidents, frac(q, 0.5, 0.5, 0.2));
  v['CQS.5.3'] = ratio(Math.round(u.officials * (1 + 0.2 * rand())), frac(q, 0.35, 0.6, 0.1));
  const outgoing = dept ? int(1500, 7000) : comm ? int(300, 1500) : int(3000, 9000);
  v['CQS.6.1'] = ratio(outgoing, frac(q, 0.82, 0.17, 0.04));
  v['CQS.6.2'] = ratio(Math.round(outgoing * (1.2 + rand())), frac(q, 0.4, 0.55, 0.1));
  v['CQS.6.3'] = chance(0.4 + 0.55 * q);
  // self-proposed score for the appraised initiative leaf, in steps of 0.5
  const P64 = LEAVES.find((l) => l.code === 'CQS.6.4').P[level];
  v['CQS.6.4'] = chance(0.15 * (1 - q)) ? '0' : dec(roundTo(P64 * frac(q, 0.35, 0.65, 0.12), 0.5), 1);
}

function onlineServices(u, v) {
  const { q, procedures, dossiers } = u;
  const urban = u.urban ?? true;
  v['CQS.7.1'] = ratio(procedures, frac(q, 0.08, 0.45, 0.08));
  v['CQS.7.2'] = ratio(dossiers, frac(q, urban ? 0.12 : 0.04, urban ? 0.6 : 0.45, 0.1));
  v['CQS.7.3'] = dec(clamp(0.11 - 0.11 * q + 0.03 * noise(), 0, 0.14), 3);
  const feeBearing = Math.round(dossiers * (0.3 + 0.3 * rand()));
  v['CQS.7.4'] = ratio(feeBearing, frac(q, 0.02, urban ? 0.35 : 0.25, 0.06));
  if (u.level !== 'department') {
    v['CQS.7.5'] = ratio(Math.round(dossiers * (0.94 + 0.05 * rand())), frac(q, 0.15, 0.75, 0.1));
  }
}

// area-based leaves of districts and communes; returned as figures a district can sum
function areaFigures(u) {
  const { q, pop, hamlets } = u;
  const urban = u.urban;
  const households = Math.round(pop / (3.6 + 0.4 * rand()));
  const f = {};
  f['CQS.3.6'] = ratio(Math.max(3, Math.round(hamlets * (0.6 + 0.4 * rand()))), frac(q, urban ? 0.2 : 0.1, 0.7, 0.15));
  const shops = Math.round(households * (urban ? 0.18 : 0.08) * (0.8 + 0.4 * rand()));
  f['KTS.1.1'] = ratio(shops, frac(q, 0.0, urban ? 0.35 : 0.22, 0.05));
  const establishments = Math.round(pop / 900) + int(2, 8);
  f['KTS.2.1'] = ratio(establishments, frac(q, urban ? 0.35 : 0.2, 0.55, 0.12));
  const welfare = Math.round(pop * (urban ? 0.02 : 0.035) * 12 * (0.8 + 0.4 * rand()));
  f['KTS.2.2'] = ratio(welfare, frac(q, urban ? 0.25 : 0.1, 0.5, 0.1));
  if (u.farmAreas > 0) f['KTS.3.2'] = ratio(u.farmAreas, frac(q, 0.05, 0.6, 0.15));
  else f['KTS.3.2'] = 'n/a';
  const sites = urban ? Math.round(pop / 1000) + int(0, 25) : int(2, 14);
  f['KTS.3.3'] = ratio(sites, frac(q, urban ? 0.3 : 0.2, 0.55, 0.15));
  f['XHS.1.1'] = ratio(hamlets, frac(q, 0.55, 0.5, 0.12));
  const adults = Math.round(pop * 0.78);
  f['XHS.2.1'] = ratio(adults, frac(q, urban ? 0.5 : 0.32, 0.35, 0.06));
  f['XHS.2.2'] = over(households, frac(q, urban ? 0.72 : 0.4, urban ? 0.35 : 0.4, 0.06, 0.2, 1.15));
  f['XHS.2.3'] = ratio(Math.round(pop * 0.8), frac(q, 0.15, 0.4, 0.07));
  f['XHS.2.4'] = ratio(Math.round(households * 1.05), frac(q, 0.15, 0.7, 0.1));
  f['XHS.3.2'] = ratio(pop, frac(q, 0.03, 0.45, 0.08));
  f['XHS.3.3'] = ratio(Math.max(3, Math.round(pop / 3000)), frac(q, 0.4, 0.6, 0.12));
  return f;
}

function localUnit(u, v) {
  const { q, level } = u;
  const comm = level === 'commune';
  const rural = !u.urban;
  ownOffice(u, v);
  onlineServices(u, v);
  Object.assign(v, u.area);
  v['CQS.8.1'] = comm ? (u.urban ? int(6, 40) : int(0, 10)) : u.urban ? int(60, 320) : int(20, 90);
  v['KTS.1.2'] = comm ? (rural ? clamp(Math.round(3 * q + noise()), 0, 4) : int(0, 1)) : rural ? int(3, 9) : int(0, 4);
  if (!comm) v['KTS.1.4'] = ratio(Math.round(u.pop / (u.urban ? 30 : 80)), frac(q, 0.82, 0.15, 0.04));
  v['KTS.3.1'] = comm ? clamp(Math.round(10 * q + 3 * noise()), 0, 15) : clamp(Math.round(14 * q + 4 * noise()), 2, 22);
  v['XHS.1.2'] = comm ? clamp(Math.round(2 + 10 * q + 2 * noise()), 1, 15) : clamp(Math.round(6 + 14 * q + 3 * noise()), 3, 25);
  if (comm) v['XHS.1.3'] = ratio(u.hamlets * int(3, 5), frac(q, 0.3, 0.65, 0.12));
  const reports = comm ? int(0, 40) : int(60, 250);
  v['XHS.3.4'] = ratio(reports, frac(q, 0.55, 0.45, 0.08));
  if (!comm) v['XHS.3.5'] = dec(clamp(3.1 + 1.4 * q + 0.15 * noise(), 3, 4.7), 1);
}

function department(u, v) {
  const { q, id, group } = u;
  ownOffice(u, v);
  v['CQS.3.4'] = clamp(Math.round(5 * q + 1.5 * noise()), 0, 6);
  v['CQS.3.5'] = clamp(Math.round(30 * q * q + 4 * noise()), 0, 40);
  v['CQS.5.4'] = chance(0.35 + 0.6 * q);
  v['CQS.6.5'] = ratio(u.officials, frac(q, 0.55, 0.45, 0.08));
  if (group !== 'C') onlineServices(u, v);
  if (group !== 'A') return;
  v['KTS.1.3'] = clamp(Math.round(6 * q + 2 * noise()) + (id === 'so-cong-thuong' || id === 'so-vhttdl' ? 3 : 0), 0, 9);
  const feeUnits = { 'so-y-te': 28, 'so-gddt': 42, 'so-gtvt': 6, 'so-vhttdl': 9, 'so-nnptnt': 7 }[id] ?? int(1, 4);
  v['KTS.2.1'] = ratio(feeUnits, frac(q, 0.2, 0.7, 0.15));
  v['KTS.3.1'] = clamp(Math.round(20 * q + 6 * noise()), 0, 30);
  // growing-area codes and smart-tourism listings concern a few departments only
  v['KTS.3.2'] = { 'so-nnptnt': ratio(64, 0.45), 'so-khcn': ratio(22, 0.6), 'so-cong-thuong': ratio(15, 0.4) }[id] ?? 'n/a';
  v['KTS.3.3'] = { 'so-vhttdl': ratio(412, 0.58), 'so-nnptnt': ratio(36, 0.5) }[id] ?? 'n/a';
  v['KTS.3.4'] = clamp(Math.round(3.5 * q + noise()), 0, 5);
  v['XHS.1.2'] = clamp(Math.round(16 * q + 4 * noise()), 0, 25);
  v['XHS.1.4'] = Math.max(0, Math.round(roundTo((['so-y-te', 'so-ldtbxh', 'so-tttt'].includes(id) ? 6000 : 1500) * q * (0.6 + 0.8 * rand()), 10)));
  v['XHS.2.4'] = ratio(int(3, 40), frac(q, 0.2, 0.7, 0.15));
  const publicServiceUnits = { 'so-y-te': 34, 'so-gddt': 61, 'so-vhttdl': 8, 'so-tai-chinh': 0 }[id] ?? int(1, 9);
  v['XHS.3.1'] = ratio(publicServiceUnits, frac(q, 0.15, 0.75, 0.15));
  v['XHS.3.4'] = ratio(int(8, id === 'so-tnmt' || id === 'so-xay-dung' ? 450 : 80), frac(q, 0.55, 0.45, 0.08));
  v['XHS.3.5'] = dec(clamp(3.1 + 1.4 * q + 0.15 * noise(), 3, 4.7), 1);
}

// ---------------------------------------------------------------------------------------
// Build the units

const jitterQ = (q) => clamp(q + 0.03 * noise(), 0.3, 0.97);

const departments = DEPARTMENTS.map(([name, group, q, procedures, dossiers, officials]) => ({
  id: DEPARTMENT_IDS[name], name, level: 'department', group, parent: null,
  q: jitterQ(q), procedures, dossiers, officials,
}));

function commune(name, q, pop, hamlets, parent, urban, farming) {
  const prefix = name.startsWith('Phường') ? 'phuong' : name.startsWith('Xã') ? 'xa' : 'thi-tran';
  const id = `${prefix}-${slug(name.replace(/^(Phường|Xã|Thị trấn) /, ''))}`;
  const farmAreas = farming ? int(2, 8) : 0;
  const u = {
    id, name, level: 'commune', parent, urban, q: jitterQ(q), pop, hamlets, farmAreas,
    officials: int(20, 28), procedures: int(105, 130),
    dossiers: Math.round(pop * (urban ? 0.12 : 0.08) * (0.8 + 0.4 * rand())),
  };
  u.area = areaFigures(u);
  return u;
}
const communes = [
  // of Ninh Kiều's wards only An Bình still has orchards; the others answer "n/a" to KTS.3.2
  ...NINH_KIEU_WARDS.map(([n, q, pop, h]) => commune(n, q, pop, h, 'ninh-kieu', true, n === 'Phường An Bình')),
  ...PHONG_DIEN_COMMUNES.map(([n, q, pop, h]) => commune(n, q, pop, h, 'phong-dien', n.startsWith('Thị trấn'), true)),
];

// a district with its communes in the data sums their n and d (reference section 1)
function sumArea(children) {
  const out = {};
  for (const code of Object.keys(children[0].area)) {
    const given = children.map((c) => c.area[code]).filter((x) => x !== 'n/a');
    out[code] = given.length === 0 ? 'n/a' : {
      numerator: given.reduce((s, x) => s + x.numerator, 0),
      denominator: given.reduce((s, x) => s + x.denominator, 0),
    };
  }
  return out;
}

const districts = DISTRICTS.map(([name, urban, q, pop, hamlets]) => {
  const id = slug(name.replace(/^(Quận|Huyện) /, ''));
  const children = communes.filter((c) => c.parent === id);
  if (children.length > 0) {
    pop = children.reduce((s, c) => s + c.pop, 0);
    hamlets = children.reduce((s, c) => s + c.hamlets, 0);
    q = children.reduce((s, c) => s + c.q, 0) / children.length + 0.05;
  }
  const u = {
    id, name, level: 'district', parent: null, urban, q: jitterQ(q), pop, hamlets,
    farmAreas: urban ? int(4, 15) : int(15, 40),
    officials: int(220, 380), procedures: int(230, 270),
    dossiers: Math.round(pop * (urban ? 0.15 : 0.1) * (0.8 + 0.4 * rand())),
  };
  u.area = children.length > 0 ? sumArea(children) : areaFigures(u);
  return u;
});

const units = [...departments, ...districts, ...communes];
for (const u of units) {
  u.values = {};
  if (u.level === 'department') department(u, u.values);
  else localUnit(u, u.values);
}

// ---------------------------------------------------------------------------------------
// Special cases the example is meant to show

const byId = (id) => units.find((u) => u.id === id);

// d = 0 under the default zeroDenominator: not applicable (worked example W4).
byId('xa-tan-thoi').values['CQS.7.2'] = { numerator: 0, denominator: 0 };
// Ban Dân tộc received and resolved no dossier in 2022: late share cannot be computed.
Object.assign(byId('ban-dan-toc').values, {
  'CQS.7.2': { numerator: 0, denominator: 0 },
  'CQS.7.3': 'n/a',
  'CQS.7.4': { numerator: 0, denominator: 0 },
});

// Missing values (the key is simply absent; missing: "zero" scores them 0).
delete byId('so-ngoai-vu').values['CQS.3.4'];
delete byId('vinh-thanh').values['KTS.1.4'];
delete byId('xa-truong-long').values['XHS.2.1'];

// Appraisal: the DIC's council lowers some self-assessed values.
function appraise(id, changes) {
  const u = byId(id);
  u.appraised = {};
  for (const [code, f] of Object.entries(changes)) {
    u.appraised[code] = f(u.values[code]);
  }
}
const lowerScore = (by) => (self) => dec(Math.max(0, Number(self) - by), 1);
byId('ninh-kieu').values['CQS.1.2'] = 4;
byId('ninh-kieu').values['CQS.6.4'] = '18';
appraise('ninh-kieu', {
  'CQS.1.2': () => 3, // one meeting had no conclusion notice attached
  'CQS.6.4': lowerScore(4),
});
byId('so-xay-dung').values['CQS.4.2'] = 'chuyen-trach';
byId('so-xay-dung').values['CQS.6.4'] = '15';
appraise('so-xay-dung', {
  'CQS.4.2': () => 'kiem-nhiem', // the officer also holds another post
  'CQS.6.4': lowerScore(5),
});
appraise('phuong-cai-khe', {
  'XHS.1.1': (self) => ({ numerator: self.numerator - 2, denominator: self.denominator }),
});
byId('xa-nhon-ai').values['CQS.2.1'] = true;
byId('xa-nhon-ai').values['KTS.1.2'] = 2;
byId('xa-nhon-ai').values['CQS.6.4'] = '12';
appraise('xa-nhon-ai', {
  'CQS.2.1': () => false, // plan issued after the May 2022 deadline
  'KTS.1.2': (self) => self - 1,
  'CQS.6.4': lowerScore(4.5),
});
// Two more units the council lowered for missing or weak evidence (no random draw: the values above stay as they were).
appraise('xa-giai-xuan', {
  'CQS.2.1': () => false,
  'KTS.1.1': (self) => ({ numerator: Math.floor(self.numerator / 2), denominator: self.denominator }),
  'XHS.1.1': (self) => ({ numerator: self.numerator - 3, denominator: self.denominator }),
});
appraise('so-gtvt', {
  'CQS.7.2': (self) => ({ numerator: 27850, denominator: self.denominator }),
});

// Reasons and notes of the appraisal (spec §12; the default reasons of the set), the date, the team.
// The team is written as "Tổ thẩm định số …": results and reports leave `by` out unless asked.
withReasons(byId('ninh-kieu'), {
  'CQS.1.2': ['evidence-insufficient', 'Một cuộc họp không có thông báo kết luận kèm theo'],
  'CQS.6.4': ['value-recomputed', 'Hội đồng chấm lại theo thang điểm hướng dẫn: mô hình chưa có báo cáo kết quả triển khai'],
}, '2023-02-14', 'Tổ thẩm định số 2');
withReasons(byId('so-xay-dung'), {
  'CQS.4.2': ['evidence-insufficient', 'Quyết định phân công cho thấy cán bộ kiêm nhiệm công tác văn phòng'],
  'CQS.6.4': ['other', 'Sáng kiến chưa được Hội đồng sáng kiến của sở công nhận'],
}, '2023-02-13', 'Tổ thẩm định số 1');
withReasons(byId('phuong-cai-khe'), {
  'XHS.1.1': ['evidence-missing', '2 khu vực chưa có quyết định thành lập Tổ công nghệ số cộng đồng'],
}, '2023-02-15', 'Tổ thẩm định số 3');
withReasons(byId('xa-nhon-ai'), {
  'CQS.2.1': ['evidence-insufficient', 'Kế hoạch số 58/KH-UBND ban hành ngày 20/6/2022, sau thời hạn tháng 5/2022'],
  'CQS.6.4': ['value-recomputed', 'Hội đồng chấm lại theo thang điểm hướng dẫn'],
  'KTS.1.2': ['evidence-missing', 'Một sản phẩm OCOP không có đường dẫn gian hàng trên sàn thương mại điện tử'],
}, '2023-02-16', 'Tổ thẩm định số 3');
withReasons(byId('xa-giai-xuan'), {
  'CQS.2.1': ['evidence-missing', 'Không nộp kế hoạch chuyển đổi số năm 2022'],
  'KTS.1.1': ['evidence-insufficient', 'Danh sách hộ kinh doanh, hợp tác xã có gian hàng trên sàn thương mại điện tử không kèm đường dẫn gian hàng; chỉ một nửa số hộ kiểm tra được'],
  'XHS.1.1': ['evidence-missing', '3 ấp chưa có quyết định thành lập Tổ công nghệ số cộng đồng'],
}, '2023-02-16', 'Tổ thẩm định số 3');
withReasons(byId('so-gtvt'), {
  'CQS.7.2': ['value-recomputed', 'Đối chiếu với Cổng dịch vụ công thành phố: 27.850 hồ sơ trực tuyến toàn trình'],
}, '2023-02-13', 'Tổ thẩm định số 1');

// Evidence attached to some leaves (spec §12). The set requires none, so nothing lacks
// evidence and no points change; the entries are recorded, and one dated after the
// period is flagged (evidence/after-period).
const fileHash = (name) => createHash('sha256').update(name).digest('hex');
const evidence = {
  'so-tttt': {
    'CQS.2.1': [
      { kind: 'document', number: '45/KH-STTTT', date: '2022-03-01', issuer: 'Sở Thông tin và Truyền thông', title: 'Kế hoạch chuyển đổi số năm 2022' },
      { kind: 'link', url: 'https://stttt.cantho.gov.vn/ke-hoach-chuyen-doi-so-2022' },
    ],
  },
  'so-xay-dung': {
    'CQS.4.2': [{ kind: 'document', number: '15/QĐ-SXD', date: '2022-02-10', issuer: 'Sở Xây dựng', title: 'Quyết định phân công cán bộ phụ trách công nghệ thông tin' }],
  },
  'ninh-kieu': {
    'CQS.1.2': [{ kind: 'document', title: 'Biên bản 4 cuộc họp Ban Chỉ đạo chuyển đổi số quận năm 2022' }],
  },
  'phuong-cai-khe': {
    'XHS.1.1': [{ kind: 'document', number: '25/QĐ-UBND', date: '2022-04-12', issuer: 'UBND phường Cái Khế', title: 'Quyết định thành lập Tổ công nghệ số cộng đồng các khu vực' }],
  },
  'xa-nhon-ai': {
    'CQS.2.1': [{ kind: 'document', number: '58/KH-UBND', date: '2022-06-20', issuer: 'UBND xã Nhơn Ái', title: 'Kế hoạch chuyển đổi số năm 2022' }],
    'KTS.1.2': [{ kind: 'link', url: 'https://postmart.vn/gian-hang/htx-nhon-ai' }],
  },
  'xa-giai-xuan': {
    'KTS.1.1': [{ kind: 'file', title: 'Danh sách hộ kinh doanh có gian hàng trên sàn thương mại điện tử.xlsx', sha256: fileHash('xa-giai-xuan KTS.1.1'), date: '2023-01-10' }],
  },
};
for (const [id, entries] of Object.entries(evidence)) byId(id).evidence = entries;

// ---------------------------------------------------------------------------------------
// Output: JSON

const outUnits = outputUnits(units, LEAVES);

const submission = {
  $comment:
    'SYNTHETIC example data for illustration, not real assessment results / Dữ liệu MINH HỌA tự tạo, không phải kết quả đánh giá thật',
  criteria: 'can-tho@2022.1.0',
  period: '2022',
  units: outUnits,
};
writeFileSync(join(OUT_DIR, 'submissions.json'), JSON.stringify(submission, null, 2) + '\n');

// ---------------------------------------------------------------------------------------
// Output: CSV (one row per unit, one or more columns per leaf)

function leafColumns(leaf) {
  if (leaf.input === 'ratio') return [`${leaf.code}.numerator`, `${leaf.code}.denominator`];
  if (leaf.input === 'checklist') return leaf.items.map((i) => `${leaf.code}.${i}`);
  return [leaf.code];
}
function leafCells(leaf, value) {
  const width = leafColumns(leaf).length;
  if (value === undefined) return Array(width).fill('');
  if (value === 'n/a') return Array(width).fill('n/a');
  if (leaf.input === 'ratio') return [String(value.numerator), String(value.denominator)];
  if (leaf.input === 'checklist') return leaf.items.map((i) => String(value.includes(i)));
  return [String(value)];
}
const csvCell = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

// The CSV has appraised values only (no reasons, notes or evidence: the CSV layout has no columns for them).
const appraisedLeaves = LEAVES.filter((l) => units.some((u) => u.appraised && l.code in u.appraised));
const header = [
  'id', 'name', 'level', 'group', 'parent',
  ...LEAVES.flatMap(leafColumns),
  ...appraisedLeaves.flatMap((l) => leafColumns(l).map((c) => `appraised:${c}`)),
];
const rows = outUnits.map((u, index) => [
  u.id, u.name, u.level, u.group ?? '', u.parent ?? '',
  ...LEAVES.flatMap((l) => leafCells(l, u.values[l.code])),
  ...appraisedLeaves.flatMap((l) => leafCells(l, units[index].appraised?.[l.code])),
]);
const csv = [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
writeFileSync(join(OUT_DIR, 'submissions.csv'), csv);

const count = (pred) => outUnits.filter(pred).length;
console.log(
  `wrote ${outUnits.length} units (departments ${count((u) => u.level === 'department')}, ` +
    `districts ${count((u) => u.level === 'district')}, communes ${count((u) => u.level === 'commune')}) ` +
    `to submissions.json and submissions.csv (${header.length} columns)`,
);
