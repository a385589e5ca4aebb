import type { Localized } from '../format/localized.js';
import type { NodeStatus } from './result-types.js';

/** Explanation of a leaf with no value under `missing: "exclude"`. */
export const MISSING_EXCLUDED: Localized = { vi: 'Không có số liệu → không tính vào điểm tối đa', en: 'No value → left out of the maximum' };
/** Explanation of a leaf the unit answered `"n/a"`. */
export const ANSWERED_NA: Localized = { vi: 'Đơn vị trả lời "không áp dụng" (n/a)', en: 'The unit answered "not applicable" (n/a)' };
/** Explanation of an `info` leaf. */
export const INFO_ONLY: Localized = { vi: 'Chỉ thu thập, không tính điểm', en: 'Collected, not scored' };

/** Explanation of a leaf with no value under `missing: "zero"`, `points` formatted. */
export function missingZero(points: string): Localized {
  return { vi: `Không có số liệu → ${points} điểm`, en: `No value → ${points} points` };
}

/** A leaf's explanation prefixed for an appraised value, with the reason's label when it was given ([format reference §12](../../docs/reference/criteria-format.md#12-minh-chứng-và-thẩm-định)). */
export function appraisedText(final: Localized, reason?: Localized): Localized {
  if (reason === undefined) return { vi: `Thẩm định: ${final.vi}`, en: `Appraised: ${final.en ?? final.vi}` };
  return { vi: `Thẩm định (${reason.vi}): ${final.vi}`, en: `Appraised (${reason.en ?? reason.vi}): ${final.en ?? final.vi}` };
}

/** A leaf's explanation when its value lacks required evidence under `evidencePolicy: "zero"`: it earns `points` (0). */
export function evidenceZeroed(text: Localized, points: string): Localized {
  return { vi: `${text.vi}; thiếu minh chứng bắt buộc → ${points} điểm`, en: `${text.en ?? text.vi}; required evidence missing → ${points} points` };
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
 * An aggregate's explanation from its status and formatted figures: the
 * children's points, their sum (`total`, before any cap) and, only when the
 * cap bit, the cap (then the node's points are the cap).
 */
export function aggregateText(status: NodeStatus, sum: string, total: string, cap: string | undefined, max: string, index: string | null): Localized {
  if (status === 'info') return INFO_ONLY;
  if (status !== 'scored') return NOTHING_COUNTED;
  return {
    vi: `Tổng ${sum} = ${total}${cap === undefined ? '' : `, giới hạn ${cap} → ${cap}`} / tối đa ${max}${index === null ? '' : ` → chỉ số ${index}`}`,
    en: `Sum ${sum} = ${total}${cap === undefined ? '' : `, capped at ${cap} → ${cap}`} of ${max}${index === null ? '' : ` → index ${index}`}`,
  };
}
