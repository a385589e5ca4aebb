/** Optimal string alignment distance (edits, with adjacent transpositions), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return best;
    [before, previous] = [previous, current];
  }
  return previous[b.length]!;
}

/** Whether `typed` reads as a misspelling of `known` (case aside; 1 edit for short names, 2 otherwise). */
export function looksLike(typed: string, known: string): boolean {
  const [a, b] = [typed.toLowerCase(), known.toLowerCase()];
  if (a === b) return true;
  const limit = Math.min(a.length, b.length) <= 4 ? 1 : 2;
  return Math.abs(a.length - b.length) <= limit && editDistance(a, b, limit) <= limit;
}

/**
 * The one of `known` that `typed` most likely misspells (fewest edits; the
 * first on a tie), or `undefined` when none looks like it (see {@link looksLike}).
 */
export function closest(typed: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    if (!looksLike(typed, name)) continue;
    const distance = editDistance(typed.toLowerCase(), name.toLowerCase(), Number.MAX_SAFE_INTEGER);
    if (best === undefined || distance < best.distance) best = { name, distance };
  }
  return best?.name;
}
