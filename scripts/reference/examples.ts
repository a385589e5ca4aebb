// The examples of the format reference, as data: a leaf of each rule kind with the values units give
// it, and a complete set with a submission. The generator scores them; nothing here is a result.
import type { KindCase } from './worked.js';

/** Per rule kind, the leaves its section works through (in the order of `RULE_KINDS`). */
export const KIND_CASES: Readonly<Record<string, readonly KindCase[]>> = {
  boolean: [{
    leaf: { code: 'CQS.2.1', name: { vi: 'Ban hành kế hoạch chuyển đổi số năm đúng hạn', en: 'Annual DX plan issued on time' }, points: '20', rule: { kind: 'boolean' } },
    values: [true, false],
    refused: ['có'],
  }],
  ratio: [{
    leaf: {
      code: 'CQS.1.3',
      name: { vi: 'Tỷ lệ cuộc họp về chuyển đổi số do người đứng đầu chủ trì', en: 'Share of DX meetings chaired by the head' },
      points: '20',
      rule: { kind: 'ratio', target: '0.8', floor: '0.5' },
    },
    values: [{ numerator: 12, denominator: 15 }, { numerator: 11, denominator: 15 }, { numerator: 9, denominator: 15 }, { numerator: 7, denominator: 15 }, { numerator: 0, denominator: 0 }],
    refused: [{ numerator: 16, denominator: 15 }, { numerator: 12 }],
  }],
  linear: [{
    leaf: {
      code: 'CQS.7.3',
      name: { vi: 'Tỷ lệ hồ sơ thủ tục hành chính giải quyết quá hạn', en: 'Share of dossiers resolved late' },
      unit: '%',
      points: '30',
      rule: { kind: 'linear', from: '0.1', to: '0' },
    },
    values: [0, '0.025', '0.1', '0.4'],
    refused: [3, '0,025'],
  }],
  bands: [
    {
      leaf: {
        code: 'CQS.1.2',
        name: { vi: 'Số cuộc họp của Ban Chỉ đạo chuyển đổi số trong năm', en: 'Steering-committee meetings held in the year' },
        points: '15',
        rule: { kind: 'bands', bands: [{ min: '4', fraction: '1' }, { min: '3', fraction: '0.75' }, { min: '2', fraction: '0.5' }, { min: '1', points: '3' }] },
      },
      values: [5, 3, 2, 1, 0],
      refused: ['ba'],
    },
    {
      leaf: {
        code: 'KTS.1.1',
        name: { vi: 'Tỷ lệ hộ gia đình có đường Internet cáp quang', en: 'Share of households with fibre Internet' },
        points: '20',
        rule: { kind: 'bands', bands: [{ min: '0.8', fraction: '1' }, { min: '0.5', max: '0.8', points: '10' }], else: '2' },
      },
      values: [{ numerator: 410, denominator: 500 }, { numerator: 2, denominator: 3 }, { numerator: 1, denominator: 3 }, { numerator: 0, denominator: 0 }],
      refused: [{ numerator: 510, denominator: 500 }],
    },
  ],
  count: [{
    leaf: { code: 'CQS.3.4', name: { vi: 'Số dịch vụ dữ liệu được chia sẻ qua nền tảng LGSP của thành phố', en: 'Data services shared through the city\'s LGSP platform' }, points: '20', rule: { kind: 'count', each: '5' } },
    values: [0, 3, 4, 6],
    refused: [2.5, -1],
  }],
  choice: [{
    leaf: {
      code: 'CQS.1.1',
      name: { vi: 'Ban Chỉ đạo chuyển đổi số do người đứng đầu làm Trưởng ban', en: 'DX steering committee chaired by the unit\'s head' },
      points: '20',
      rule: {
        kind: 'choice',
        options: [
          { id: 'head', label: { vi: 'Người đứng đầu làm Trưởng ban', en: 'The head chairs it' }, fraction: '1' },
          { id: 'deputy', label: { vi: 'Cấp phó làm Trưởng ban', en: 'A deputy chairs it' }, points: '10' },
          { id: 'none', label: { vi: 'Chưa thành lập', en: 'Not set up' }, points: '0' },
        ],
      },
    },
    values: ['head', 'deputy', 'none'],
    refused: ['khac'],
  }],
  checklist: [{
    leaf: {
      code: 'CQS.1.4',
      name: { vi: 'Thông tin, tuyên truyền về chuyển đổi số', en: 'DX communication and outreach' },
      points: '15',
      rule: {
        kind: 'checklist',
        items: [
          { id: 'chuyen-muc', label: { vi: 'Có chuyên mục chuyển đổi số trên trang thông tin điện tử', en: 'A DX section on the unit\'s website' }, points: '8' },
          { id: 'bai-viet', label: { vi: 'Đăng ít nhất 12 bài viết trong năm', en: 'At least 12 articles in the year' }, points: '6' },
          { id: 'hoi-thi', label: { vi: 'Tổ chức hội thi, sự kiện về chuyển đổi số', en: 'A DX contest or event' }, fraction: '0.5' },
        ],
      },
    },
    values: [{ 'chuyen-muc': true, 'bai-viet': false }, ['chuyen-muc', 'bai-viet'], ['chuyen-muc', 'bai-viet', 'hoi-thi'], []],
    refused: [['chuyen-muc', 'khac'], ['bai-viet', 'bai-viet']],
  }],
  relative: [{
    leaf: { code: 'CQS.3.5', name: { vi: 'Số bộ dữ liệu mở được công bố trên Cổng dữ liệu mở', en: 'Open datasets published on the open-data portal' }, points: '20', rule: { kind: 'relative' } },
    values: [30, 12, 0],
    refused: [-3],
  }],
  appraised: [{
    leaf: { code: 'CQS.6.4', name: { vi: 'Mô hình, sáng kiến chuyển đổi số tiêu biểu', en: 'Outstanding DX model or initiative' }, points: '15', rule: { kind: 'appraised' } },
    values: ['12.5', 15, 0],
    refused: [16],
  }],
  info: [{
    leaf: { code: 'CQS.8.1', name: { vi: 'Số camera giám sát kết nối với Trung tâm điều hành đô thị thông minh', en: 'Cameras connected to the smart-city operations centre' }, unit: 'count', rule: { kind: 'info' } },
    values: [42, 'chưa thống kê', true, null],
    refused: [[42]],
  }],
};

/** The complete set of section 1: two levels, two pillars, five leaves of five kinds, a cap, evidence required. */
export const EXAMPLE_SET = {
  format: 1,
  id: 'vi-du',
  version: '2026.1.0',
  status: 'draft',
  title: { vi: 'Bộ tiêu chí ví dụ đánh giá chuyển đổi số', en: 'An example digital transformation criteria set' },
  description: { vi: 'Ví dụ của tài liệu tham chiếu định dạng; không phải bộ tiêu chí thật.', en: 'The format reference\'s example; not a real criteria set.' },
  basis: [{ ref: '123/QĐ-UBND', date: '2026-01-05', title: { vi: 'Quyết định ban hành Bộ tiêu chí ví dụ', en: 'Decision issuing the example criteria set' } }],
  effective: { from: '2026-01-05', to: null },
  levels: [
    { id: 'district', name: { vi: 'UBND quận, huyện', en: 'District People\'s Committees' }, expectedMax: '100' },
    { id: 'commune', name: { vi: 'UBND xã, phường, thị trấn', en: 'Commune, ward and town People\'s Committees' }, expectedMax: '80' },
  ],
  rounding: { points: 2, index: 4 },
  missing: 'zero',
  evidencePolicy: 'zero',
  ranking: { by: 'index', ties: 'competition', cohort: 'level' },
  ratings: [
    { id: 'xuat-sac', name: { vi: 'Xuất sắc', en: 'Excellent' }, min: '0.9' },
    { id: 'tot', name: { vi: 'Tốt', en: 'Good' }, min: '0.8' },
    { id: 'kha', name: { vi: 'Khá', en: 'Fair' }, min: '0.65' },
    { id: 'trung-binh', name: { vi: 'Trung bình', en: 'Average' }, min: '0.5' },
    { id: 'yeu', name: { vi: 'Yếu', en: 'Weak' }, min: '0' },
  ],
  nodes: [
    {
      code: 'CQS',
      name: { vi: 'Chính quyền số', en: 'Digital government' },
      children: [
        {
          code: 'CQS.1',
          name: { vi: 'Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến', en: 'Share of administrative dossiers filed online' },
          description: { vi: 'Tử số: số hồ sơ nộp trực tuyến trong năm; mẫu số: tổng số hồ sơ. Đạt 80% được đủ điểm.', en: 'Numerator: dossiers filed online in the year; denominator: all dossiers. 80% earns full points.' },
          points: '40',
          rule: { kind: 'ratio', target: '0.8' },
        },
        {
          code: 'CQS.2',
          name: { vi: 'Ban hành kế hoạch chuyển đổi số năm đúng hạn', en: 'Annual DX plan issued on time' },
          evidence: { vi: 'Kế hoạch chuyển đổi số năm (số, ngày, trích yếu)', en: 'The year\'s DX plan (number, date, title)' },
          points: '20',
          evidenceRequired: true,
          rule: { kind: 'boolean' },
        },
        {
          code: 'CQS.3',
          name: { vi: 'Số dịch vụ dữ liệu chia sẻ qua nền tảng LGSP', en: 'Data services shared through the LGSP platform' },
          appliesTo: ['district'],
          points: '20',
          rule: { kind: 'count', each: '5' },
        },
      ],
    },
    {
      code: 'XHS',
      name: { vi: 'Xã hội số', en: 'Digital society' },
      cap: '20',
      children: [
        {
          code: 'XHS.1',
          name: { vi: 'Tỷ lệ người trưởng thành có tài khoản thanh toán điện tử', en: 'Share of adults with an e-payment account' },
          unit: '%',
          points: '15',
          rule: { kind: 'linear', from: '0.2', to: '0.8' },
        },
        {
          code: 'XHS.2',
          name: { vi: 'Tổ công nghệ số cộng đồng', en: 'Community digital technology team' },
          points: '10',
          allowNA: true,
          rule: {
            kind: 'choice',
            options: [
              { id: 'hoat-dong', label: { vi: 'Đã thành lập và hoạt động', en: 'Set up and active' }, fraction: '1' },
              { id: 'thanh-lap', label: { vi: 'Đã thành lập, chưa hoạt động', en: 'Set up, not yet active' }, fraction: '0.5' },
              { id: 'chua', label: { vi: 'Chưa thành lập', en: 'Not set up' }, points: '0' },
            ],
          },
        },
      ],
    },
  ],
};

/** The submission of section 7 for {@link EXAMPLE_SET}: a district and two of its wards, evidence, an appraisal. */
export const EXAMPLE_SUBMISSION = {
  criteria: 'vi-du@2026.1.0',
  period: '2026',
  units: [
    {
      id: 'ninh-kieu',
      name: 'Quận Ninh Kiều',
      level: 'district',
      values: { 'CQS.1': { numerator: 4500, denominator: 5000 }, 'CQS.2': true, 'CQS.3': 3, 'XHS.1': '0.65', 'XHS.2': 'hoat-dong' },
      evidence: { 'CQS.2': [{ kind: 'document', number: '15/KH-UBND', date: '2026-02-20', issuer: 'UBND quận Ninh Kiều', title: 'Kế hoạch chuyển đổi số năm 2026' }] },
    },
    {
      id: 'an-binh',
      name: 'Phường An Bình',
      level: 'commune',
      parent: 'ninh-kieu',
      values: { 'CQS.1': { numerator: 300, denominator: 500 }, 'CQS.2': true, 'XHS.1': '0.5', 'XHS.2': 'n/a' },
    },
    {
      id: 'cai-khe',
      name: 'Phường Cái Khế',
      level: 'commune',
      parent: 'ninh-kieu',
      values: { 'CQS.1': { numerator: 450, denominator: 500 }, 'CQS.2': true, 'XHS.1': 0.8, 'XHS.2': 'thanh-lap' },
      evidence: { 'CQS.2': [{ kind: 'link', url: 'https://caikhe.ninhkieu.cantho.gov.vn/ke-hoach-cds-2026', date: '2026-03-02' }] },
      appraisal: { 'CQS.1': { value: { numerator: 400, denominator: 500 }, reason: 'value-recomputed', note: 'Hệ thống ghi nhận 400 hồ sơ trực tuyến', at: '2027-01-20' } },
    },
  ],
};
