import { statSync } from 'node:fs';

/**
 * `true` for a path the score command reads as workbooks: an `.xlsx` file or a folder.
 *
 * @example
 * ```ts
 * import { isWorkbookInput } from './workbook-paths.js';
 * console.log(isWorkbookInput('forms/an-binh.xlsx')); // true
 * console.log(isWorkbookInput('submissions.json')); // false
 * ```
 */
export function isWorkbookInput(path: string): boolean {
  if (/\.xlsx$/i.test(path)) return true;
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

