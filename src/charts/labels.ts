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
    bandTitle: 'Độ bất định của xếp hạng',
    samplesCount: (n: number) => `${n} mẫu`,
    bandMedian: 'Hạng trung vị',
    bandRange: (low: string, high: string) => `Khoảng ${low}–${high} %`,
    bandOfficial: 'Hạng chính thức',
    bandColumn: (low: string, high: string) => `Trung vị (khoảng ${low}–${high} %)`,
    rankAxis: 'Hạng (1 là cao nhất)',
    bandDesc: (n: number, cohort: string, samples: number, low: string, high: string) =>
      `Biểu đồ khoảng hạng: ${n} đơn vị thuộc ${cohort}, xếp theo hạng chính thức; với mỗi đơn vị, thanh là khoảng hạng ${low}–${high} % qua ${samples} mẫu, chấm tròn là hạng trung vị, hình thoi là hạng chính thức.`,
    // Semicolons between the figures: a comma would read as a decimal comma.
    bandRow: (official: string, median: string, low: string, high: string, name: string) => `${name}: hạng chính thức ${official}; trung vị ${median}; khoảng ${low}–${high}.`,
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
    bandTitle: 'How certain the ranking is',
    samplesCount: (n: number) => `${n} sample${n === 1 ? '' : 's'}`,
    bandMedian: 'Median rank',
    bandRange: (low: string, high: string) => `${low}–${high} % band`,
    bandOfficial: 'Official rank',
    bandColumn: (low: string, high: string) => `Median (${low}–${high} % band)`,
    rankAxis: 'Rank (1 is the highest)',
    bandDesc: (n: number, cohort: string, samples: number, low: string, high: string) =>
      `Rank band chart: ${n} unit${n === 1 ? '' : 's'} of ${cohort}, in official rank order; for each unit, the bar is its ${low}–${high} % rank band over ${samples} sample${samples === 1 ? '' : 's'}, the dot its median rank, the diamond its official rank.`,
    bandRow: (official: string, median: string, low: string, high: string, name: string) => `${name}: official rank ${official}, median ${median}, band ${low}–${high}.`,
  },
} as const;

/** The chart words of `lang`. */
export function chartLabels(lang: Lang): (typeof CHART_LABELS)[Lang] {
  return CHART_LABELS[lang];
}
