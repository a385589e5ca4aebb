/** The package's version (kept equal to package.json by a test). */
export const VERSION = '0.1.0';

/** The stamp of this library on every results file (spec section 13). */
export const GENERATOR: { readonly name: string; readonly version: string } = Object.freeze({ name: 'dti-criteria', version: VERSION });
