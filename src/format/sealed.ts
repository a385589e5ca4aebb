
/**
 * Sets the library has deep-frozen itself. Only these may be cached by
 * identity (compiled plans, hashes): their content can never change after
 * the first use, so a cache can never serve stale rules or a stale stamp.
 */
const sealed = new WeakSet<object>();

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Deeper than any valid set (16 tree levels, each two JSON levels, plus the
 * fields of a rule): a subtree below it is left uncopied, for the validator
 * to refuse (`criteria/too-deep`) without this copy overflowing the stack.
 */
const MAX_COPY_DEPTH = 256;

/**
 * A deep copy of JSON-like data: plain objects and arrays are copied (own
 * enumerable keys, `__proto__` kept as an ordinary key, never as a
 * prototype), everything else — and a cycle, or a subtree deeper than any
 * valid set — is kept as it is, for the schema to judge.
 */
function copyJson(value: unknown, ancestors: Set<object>, depth: number): unknown {
  if (!isRecord(value) || ancestors.has(value) || depth > MAX_COPY_DEPTH) return value;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return value;
  ancestors.add(value);
  const copy = Array.isArray(value)
    ? value.map((item) => copyJson(item, ancestors, depth + 1))
    : Object.fromEntries(Object.keys(value).map((key) => [key, copyJson(value[key], ancestors, depth + 1)]));
  ancestors.delete(value);
  return copy;
}

function deepFreeze(value: unknown): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!isRecord(item)) continue;
    Object.freeze(item);
    for (const key of Object.keys(item)) stack.push(item[key]);
  }
}

/** A deep copy of `input`, for validation: the caller's object is never shared with a set the library hands out. */
export function copyForSealing(input: unknown): unknown {
  return copyJson(input, new Set(), 0);
}

/** Sealed sets checked in full when the package was built (the embedded sets): their shape is not checked again at run time. */
const builtIn = new WeakSet<object>();

/**
 * Deep-freezes `set` in place and records it as sealed; returns it. Only for
 * objects the library owns. `shipped`: a set the package ships, checked in
 * full at build time (a test checks every embedded set again, as any other
 * input), so that at run time it is compiled without its schema check.
 */
export function sealOwned<T extends object>(set: T, shipped = false): T {
  deepFreeze(set);
  sealed.add(set);
  if (shipped) builtIn.add(set);
  return set;
}

/** `true` when the library deep-froze this set itself (its content cannot change). */
export function isSealed(set: object): boolean {
  return sealed.has(set);
}

/** `true` for a set the package ships (sealed with `shipped`). */
export function isBuiltIn(set: object): boolean {
  return builtIn.has(set);
}
