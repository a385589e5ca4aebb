// Internal: the words the charts print, in Vietnamese and English.
import type { Lang } from './data.js';

export const CHART_LABELS = {
  vi: {
    rankingTitle: 'Xếp hạng chỉ số chuyển đổi số',
    heatmapTitle: 'Chỉ số chính theo đơn vị',
    heatmapTitlePillars: 'Chỉ số trụ cột theo đơn vị',
    radarTitle: 'Hồ sơ chỉ số',
    period: 'kỳ',
    group: 'Nhóm',
    unitsCount: (n: number) => `${n} đơn vị`,
    noIndex: 'không có chỉ số',
    noUnits: 'Không có đơn vị nào.',
    notRated: 'Chưa xếp loại',
    rating: 'Xếp loại',
    rank: 'Hạng',
    average: 'Trung bình',
    averageOf: (cohort: string, n: number) => `Trung bình ${cohort} (${n} đơn vị)`,
    nullNote: 'không có giá trị (không áp dụng hoặc tối đa bằng 0)',
    dash: '—',
    barDesc: (n: number, cohort: string) =>
      `Biểu đồ thanh ngang: chỉ số của ${n} đơn vị thuộc ${cohort}, xếp theo hạng; màu thanh theo xếp loại.`,
    heatDesc: (n: number, m: number, cohort: string) =>
      `Bản đồ nhiệt: ${n} đơn vị thuộc ${cohort} (hàng) và ${m} chỉ số (cột); màu đậm hơn là chỉ số cao hơn; ô gạch chéo “—” là không có giá trị.`,
    radarDesc: (n: number) => `Biểu đồ radar trên ${n} trục, mỗi trục là một chỉ số từ 0 đến 1.`,
    scale: 'Thang màu chỉ số',
    key: 'Chú giải mã chỉ số',
    row: (rank: string, name: string, index: string, rating: string) => `hạng ${rank}: ${name}, chỉ số ${index}, ${rating}`,
    tooFewAxes: 'Ít hơn 3 trục: biểu đồ radar khó đọc, xem bảng số liệu.',
  },
  en: {
    rankingTitle: 'Digital transformation index ranking',
    heatmapTitle: 'Main indices by unit',
    heatmapTitlePillars: 'Pillar indices by unit',
    radarTitle: 'Index profile',
    period: 'period',
    group: 'Group',
    unitsCount: (n: number) => `${n} unit${n === 1 ? '' : 's'}`,
    noIndex: 'no index',
    noUnits: 'No units.',
    notRated: 'Not rated',
    rating: 'Rating',
    rank: 'Rank',
    average: 'Average',
    averageOf: (cohort: string, n: number) => `Average of ${cohort} (${n} unit${n === 1 ? '' : 's'})`,
    nullNote: 'no value (not applicable, or a maximum of 0)',
    dash: '—',
    barDesc: (n: number, cohort: string) =>
      `Horizontal bar chart: the index of ${n} unit${n === 1 ? '' : 's'} of ${cohort}, in rank order; bar colours show the rating.`,
    heatDesc: (n: number, m: number, cohort: string) =>
      `Heat map: ${n} unit${n === 1 ? '' : 's'} of ${cohort} (rows) by ${m} indices (columns); darker means a higher index; hatched “—” cells have no value.`,
    radarDesc: (n: number) => `Radar chart on ${n} axes, each an index from 0 to 1.`,
    scale: 'Index colour scale',
    key: 'Index codes',
    row: (rank: string, name: string, index: string, rating: string) => `rank ${rank}: ${name}, index ${index}, ${rating}`,
    tooFewAxes: 'Fewer than 3 axes: a radar reads poorly here; see the data table.',
  },
} as const;

/** The chart words of `lang`. */
export function chartLabels(lang: Lang): (typeof CHART_LABELS)[Lang] {
  return CHART_LABELS[lang];
}
