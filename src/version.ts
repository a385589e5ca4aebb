/** The package's version (kept equal to package.json by a test). */
export const VERSION = '0.1.0';

/** The stamp of this library on every results file ([format reference §13](../docs/reference/criteria-format.md#13-dấu-kiểm-tra)). */
export const GENERATOR: { readonly name: string; readonly version: string } = Object.freeze({ name: 'dti-criteria', version: VERSION });
