import type { Localized } from '../format/localized.js';
import { formatNumber } from '../text/number-text.js';
import type { NodeStatus } from './result-types.js';

/** Explanation of a leaf with no value under `missing: "exclude"`. */
export const MISSING_EXCLUDED: Localized = { vi: 'Không có số liệu → không tính vào điểm tối đa', en: 'No value → left out of the maximum' };
/** Explanation of a leaf the unit answered `"n/a"`. */
export const ANSWERED_NA: Localized = { vi: 'Đơn vị trả lời "không áp dụng" (n/a)', en: 'The unit answered "not applicable" (n/a)' };
/** Explanation of an `info` leaf. */
export const INFO_ONLY: Localized = { vi: 'Chỉ thu thập, không tính điểm', en: 'Collected, not scored' };

/** Explanation of a leaf with no value under `missing: "zero"`, `points` a figure (`0.00`). */
export function missingZero(points: string): Localized {
  return { vi: `Không có số liệu → ${formatNumber(points, 'vi')} điểm`, en: `No value → ${points} points` };
}

/** A leaf's explanation prefixed for an appraised value, with the reason's label when it was given ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)). */
export function appraisedText(final: Localized, reason?: Localized): Localized {
  if (reason === undefined) return { vi: `Thẩm định: ${final.vi}`, en: `Appraised: ${final.en ?? final.vi}` };
  return { vi: `Thẩm định (${reason.vi}): ${final.vi}`, en: `Appraised (${reason.en ?? reason.vi}): ${final.en ?? final.vi}` };
}

/** A leaf's explanation when its value lacks required evidence under `evidencePolicy: "zero"`: it earns `points` (a figure, `0.00`). */
export function evidenceZeroed(text: Localized, points: string): Localized {
  return { vi: `${text.vi}; thiếu minh chứng bắt buộc → ${formatNumber(points, 'vi')} điểm`, en: `${text.en ?? text.vi}; required evidence missing → ${points} points` };
}

/** A leaf's explanation when its value lacks required evidence under `evidencePolicy: "flag"`: noted, points unchanged. */
export function evidenceFlagged(text: Localized): Localized {
  return { vi: `${text.vi} (thiếu minh chứng bắt buộc: chỉ ghi nhận, điểm không đổi)`, en: `${text.en ?? text.vi} (required evidence missing: noted, points unchanged)` };
}

/** Explanation of an aggregate none of whose children counts for the unit. */
export const NOTHING_COUNTED: Localized = {
  vi: 'Không tiêu chí nào được tính (đều không áp dụng hoặc không có số liệu) → không tính vào điểm tối đa',
  en: 'No criterion counts (all not applicable or excluded) → left out of the maximum',
};

/**
 * An aggregate's explanation from its status and figures (plain decimal
 * strings, as results hold them): the children's points (`terms`), their sum
 * (`total`, before any cap) and, only when the cap bit, the cap (then the
 * node's points are the cap). Vietnamese writes them with decimal commas.
 */
export function aggregateText(status: NodeStatus, terms: readonly string[], total: string, cap: string | undefined, max: string, index: string | null): Localized {
  if (status === 'info') return INFO_ONLY;
  if (status !== 'scored') return NOTHING_COUNTED;
  const vi = (figure: string): string => formatNumber(figure, 'vi');
  const sum = terms.length > 0 ? terms.join(' + ') : '0';
  const sumVi = terms.length > 0 ? terms.map(vi).join(' + ') : '0';
  // A list comma after a decimal comma reads as one number: a semicolon in Vietnamese.
  return {
    vi: `Tổng ${sumVi} = ${vi(total)}${cap === undefined ? '' : `; giới hạn ${vi(cap)} → ${vi(cap)}`} / tối đa ${vi(max)}${index === null ? '' : ` → chỉ số ${vi(index)}`}`,
    en: `Sum ${sum} = ${total}${cap === undefined ? '' : `, capped at ${cap} → ${cap}`} of ${max}${index === null ? '' : ` → index ${index}`}`,
  };
}
