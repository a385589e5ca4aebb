import type { Exact } from '../exact/exact.js';
import { parseExact } from '../exact/read-exact.js';
import { isPlanLeaf, type AtomPlan } from '../scoring/plan.js';
import type { NodeResult } from '../scoring/result-types.js';

/** The parent of every node of a plan by position (`-1` for a top-level node), found once per plan. */
const parents = new WeakMap<AtomPlan, readonly number[]>();
function parentsOf(atom: AtomPlan): readonly number[] {
  let found = parents.get(atom);
  if (found === undefined) {
    const parent = new Array<number>(atom.nodes.length).fill(-1);
    atom.nodes.forEach((node, position) => {
      if (!isPlanLeaf(node)) for (const child of node.children) parent[child] = position;
    });
    found = parent;
    parents.set(atom, found);
  }
  return found;
}

/** A node's figures: points (`undefined` when it does not count) and maximum. */
export interface NodeFigures {
  readonly points: Exact | undefined;
  readonly max: Exact;
}

/** A unit's totals: points and maximum over the top-level nodes. */
export interface Totals {
  readonly points: Exact;
  readonly max: Exact;
}

/**
 * One unit's figures per node of its plan, to see what a leaf's new points
 * do to the unit's totals without scoring the unit again. An aggregate sums
 * its counted children, then applies its cap ([format reference §6](../../docs/reference/criteria-format.md#6-cộng-điểm-chỉ-số-xếp-loại-và-xếp-hạng)), as the scorer does;
 * a node that does not count adds nothing to either sum, so a leaf's change
 * travels up as two differences (points, maximum), each ancestor's sums
 * before its cap kept. Used to order the moves of a path; the path found is
 * then scored for real (`whatIf`).
 */
export class TreeFigures {
  private readonly points: (Exact | undefined)[];
  private readonly max: Exact[];
  /** Per aggregate: the sums of its counted children before the cap, and how many count. */
  private readonly rawPoints: Exact[];
  private readonly rawMax: Exact[];
  private readonly counted: number[];
  private readonly parent: readonly number[];
  private totalPoints: Exact;
  private totalMax: Exact;

  constructor(
    private readonly atom: AtomPlan,
    nodes: Readonly<Record<string, NodeResult>>,
    private readonly zero: Exact,
  ) {
    const n = atom.nodes.length;
    this.parent = parentsOf(atom);
    this.points = new Array<Exact | undefined>(n);
    this.max = new Array<Exact>(n);
    this.rawPoints = new Array<Exact>(n).fill(zero);
    this.rawMax = new Array<Exact>(n).fill(zero);
    this.counted = new Array<number>(n).fill(0);
    for (let position = 0; position < n; position++) {
      const result = nodes[atom.nodes[position]!.code];
      const points = result?.points;
      const max = result?.maxPoints;
      this.points[position] = points === null || points === undefined ? undefined : parseExact(points);
      this.max[position] = max === null || max === undefined ? zero : parseExact(max)!;
    }
    // Children come after their parent in the plan: sum from the last node up.
    for (let position = n - 1; position >= 0; position--) {
      const up = this.parent[position]!;
      const points = this.points[position];
      if (up < 0 || points === undefined) continue;
      this.rawPoints[up] = this.rawPoints[up]!.plus(points);
      this.rawMax[up] = this.rawMax[up]!.plus(this.max[position]!);
      this.counted[up]!++;
    }
    let totalPoints = zero;
    let totalMax = zero;
    for (const root of atom.roots) {
      const points = this.points[root];
      if (points === undefined) continue;
      totalPoints = totalPoints.plus(points);
      totalMax = totalMax.plus(this.max[root]!);
    }
    this.totalPoints = totalPoints;
    this.totalMax = totalMax;
  }

  /**
   * Whether a node has an ancestor with a cap: without one, what a change of
   * the node adds to the totals does not depend on the other nodes.
   */
  cappedAbove(position: number): boolean {
    for (let at = this.parent[position]!; at >= 0; at = this.parent[at]!) {
      const node = this.atom.nodes[at]!;
      if (!isPlanLeaf(node) && node.cap !== undefined) return true;
    }
    return false;
  }

  /** The figures of the node at `position`. */
  at(position: number): NodeFigures {
    return { points: this.points[position], max: this.max[position]! };
  }

  /** The unit's totals as they are. */
  totals(): Totals {
    return { points: this.totalPoints, max: this.totalMax };
  }

  /** The unit's totals if the leaf at `position` had `figures` (nothing is changed). */
  totalsWith(position: number, figures: NodeFigures): Totals {
    const [dp, dm] = this.travel(position, figures, false);
    return { points: this.totalPoints.plus(dp), max: this.totalMax.plus(dm) };
  }

  /** Gives the leaf at `position` new figures, and its ancestors theirs. */
  set(position: number, figures: NodeFigures): void {
    const [dp, dm] = this.travel(position, figures, true);
    this.totalPoints = this.totalPoints.plus(dp);
    this.totalMax = this.totalMax.plus(dm);
  }

  /** What counts of a node's figures in its parent's sums: nothing when it does not count. */
  private counts(position: number): [Exact, Exact] {
    const points = this.points[position];
    return points === undefined ? [this.zero, this.zero] : [points, this.max[position]!];
  }

  /**
   * The differences the leaf's new figures make to the totals, carried up
   * through each ancestor's cap; with `write`, the new figures are kept.
   */
  private travel(position: number, figures: NodeFigures, write: boolean): [Exact, Exact] {
    const [oldPoints, oldMax] = this.counts(position);
    const nowCounts = figures.points !== undefined;
    let dp = (figures.points ?? this.zero).minus(oldPoints);
    let dm = (nowCounts ? figures.max : this.zero).minus(oldMax);
    let dc = (nowCounts ? 1 : 0) - (this.points[position] === undefined ? 0 : 1);
    if (write) {
      this.points[position] = figures.points;
      this.max[position] = figures.max;
    }
    for (let at = this.parent[position]!; at >= 0; at = this.parent[at]!) {
      const node = this.atom.nodes[at]!;
      if (isPlanLeaf(node)) break;
      const [beforePoints, beforeMax] = this.counts(at);
      const rawPoints = this.rawPoints[at]!.plus(dp);
      const rawMax = this.rawMax[at]!.plus(dm);
      const counted = this.counted[at]! + dc;
      const cap = node.cap;
      const points = cap !== undefined && rawPoints.gt(cap) ? cap : rawPoints;
      const max = cap !== undefined && rawMax.gt(cap) ? cap : rawMax;
      const nowCounted = counted > 0;
      dp = (nowCounted ? points : this.zero).minus(beforePoints);
      dm = (nowCounted ? max : this.zero).minus(beforeMax);
      dc = (nowCounted ? 1 : 0) - (this.points[at] === undefined ? 0 : 1);
      if (write) {
        this.rawPoints[at] = rawPoints;
        this.rawMax[at] = rawMax;
        this.counted[at] = counted;
        this.points[at] = nowCounted ? points : undefined;
        this.max[at] = max;
      }
    }
    return [dp, dm];
  }
}
