import { completePairs, pearsonOf, spearmanOf } from './correlation.js';
import type { ExactValue } from './numeric.js';
import { ranksOf } from './ranks.js';

/** A variable of a correlation matrix: a leaf (its points), a pillar (a top-level node's index) or the unit's index (`code` null). */
export interface CorrelationVariable {
  readonly kind: 'leaf' | 'pillar' | 'index';
  readonly code: string | null;
}

/**
 * Correlations between a cohort's variables, pairwise complete (each pair
 * over the units with both figures): `pearson[i][j]`, `spearman[i][j]` (ties
 * given their average rank) and the number of units `n[i][j]`. Float64;
 * `null` where a pair has fewer than 2 units or a variable has no spread
 * there (the diagonal is 1 where the variable has spread).
 */
export interface CorrelationMatrix {
  readonly variables: readonly CorrelationVariable[];
  readonly pearson: readonly (readonly (number | null)[])[];
  readonly spearman: readonly (readonly (number | null)[])[];
  readonly n: readonly (readonly number[])[];
}

/** A variable's values per unit, with its doubles and ranks when every unit has one. */
interface Prepared {
  readonly values: readonly (ExactValue | null)[];
  readonly complete: boolean;
  readonly numbers: readonly number[];
  readonly ranks: readonly number[];
}

function prepare(values: readonly (ExactValue | null)[]): Prepared {
  const complete = values.every((value) => value !== null);
  return complete
    ? { values, complete, numbers: values.map((value) => value!.number), ranks: ranksOf(values as readonly ExactValue[]) }
    : { values, complete, numbers: [], ranks: [] };
}

/** The correlation matrix of `variables`, each with one value per unit (the same units, in the same order). @internal */
export function correlationMatrix(variables: readonly CorrelationVariable[], columns: readonly (readonly (ExactValue | null)[])[]): CorrelationMatrix {
  const k = variables.length;
  const prepared = columns.map(prepare);
  const square = <T>(fill: T): T[][] => Array.from({ length: k }, () => new Array<T>(k).fill(fill));
  const pearson = square<number | null>(null);
  const spearman = square<number | null>(null);
  const n = square(0);
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      const a = prepared[i]!;
      const b = prepared[j]!;
      let r: number | null;
      let rho: number | null;
      let count: number;
      if (a.complete && b.complete) {
        count = a.numbers.length;
        r = pearsonOf(a.numbers, b.numbers);
        rho = pearsonOf(a.ranks, b.ranks);
      } else {
        const [x, y] = completePairs(a.values, b.values);
        count = x.length;
        r = pearsonOf(x.map((v) => v.number), y.map((v) => v.number));
        rho = spearmanOf(x, y);
      }
      // A variable with spread correlates 1 with itself (float64 can give 0.9999999999999998).
      if (i === j && r !== null) [r, rho] = [1, 1];
      pearson[i]![j] = pearson[j]![i] = r;
      spearman[i]![j] = spearman[j]![i] = rho;
      n[i]![j] = n[j]![i] = count;
    }
  }
  return { variables, pearson, spearman, n };
}
