/**
 * A value built on first use and kept: `once(build)()` calls `build` the first
 * time only. The library's zod schemas are made this way, so that loading the
 * library (or starting `dti score` on valid input) builds none of them.
 *
 * @internal
 */
export function once<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}
