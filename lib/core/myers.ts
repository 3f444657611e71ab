// Myers' O(ND) difference algorithm in linear space (bisection at the middle snake, as in
// Myers 1986 §4b and diff-match-patch's diff_bisect), over integer tokens, counting its
// steps against a budget.
//
// Hand-written because the libraries fall short here: jsdiff allocates an object per step
// (some 150 ns each: a million steps cost 150 ms), and diff-match-patch compares UTF-16
// code units (cutting a character outside the BMP in two) and can only stop at a
// deadline, which gives different answers on a busy machine. A step here is a few ns.

/** A run of the edit script: `length` tokens kept, deleted from `a` or inserted from `b`. */
export type Op = { type: "equal" | "delete" | "insert"; length: number };

export class StepBudget {
  constructor(public left: number) {}
}

const OVER = Symbol("budget spent");

/** One diff: the two sequences, the budget it spends, and the edit script as it grows. */
class Search {
  readonly ops: Op[] = [];

  constructor(
    private readonly a: Int32Array,
    private readonly b: Int32Array,
    private readonly budget: StepBudget,
  ) {}

  private push(type: Op["type"], length: number): void {
    if (!length) return;
    const last = this.ops.at(-1);
    if (last?.type === type) last.length += length;
    else this.ops.push({ type, length });
  }

  private spend(n: number): void {
    this.budget.left -= n;
    if (this.budget.left < 0) throw OVER;
  }

  /** The edit script of a[a0, a1) against b[b0, b1), appended to `ops`. */
  solve(a0: number, a1: number, b0: number, b1: number): void {
    const { a, b } = this;
    // Common start and end first: cheap, and most edits are small.
    let pre = 0;
    while (a0 + pre < a1 && b0 + pre < b1 && a[a0 + pre] === b[b0 + pre]) pre++;
    let suf = 0;
    while (a1 - suf > a0 + pre && b1 - suf > b0 + pre && a[a1 - suf - 1] === b[b1 - suf - 1]) suf++;
    this.spend(pre + suf + 1);
    this.push("equal", pre);
    const [x0, x1, y0, y1] = [a0 + pre, a1 - suf, b0 + pre, b1 - suf];
    if (x0 === x1 || y0 === y1) {
      this.push("delete", x1 - x0);
      this.push("insert", y1 - y0);
    } else {
      const [x, y] = this.middleSnake(x0, x1, y0, y1);
      this.solve(x0, x, y0, y);
      this.solve(x, x1, y, y1);
    }
    this.push("equal", suf);
  }

  /** A point on an optimal path from (x0, y0) to (x1, y1) that splits it into two smaller problems. */
  private middleSnake(x0: number, x1: number, y0: number, y1: number): [number, number] {
    const { a, b } = this;
    const n = x1 - x0;
    const m = y1 - y0;
    const maxD = Math.ceil((n + m) / 2);
    const offset = maxD + 1;
    const size = 2 * maxD + 3;
    const forward = new Int32Array(size).fill(-1);
    const backward = new Int32Array(size).fill(-1);
    forward[offset + 1] = 0;
    backward[offset + 1] = 0;
    const delta = n - m;
    const odd = (delta & 1) !== 0;
    let kStartF = 0, kEndF = 0, kStartB = 0, kEndB = 0;
    // Steps are counted per round of d, not per step: the inner loops stay tight.
    let steps = 0;
    for (let d = 0; d <= maxD; d++) {
      this.spend(steps);
      steps = 0;
      for (let k = -d + kStartF; k <= d - kEndF; k += 2) {
        const i = offset + k;
        let x = k === -d || (k !== d && forward[i - 1] < forward[i + 1]) ? forward[i + 1] : forward[i - 1] + 1;
        let y = x - k;
        const from = x;
        while (x < n && y < m && a[x0 + x] === b[y0 + y]) {
          x++;
          y++;
        }
        steps += x - from + 1;
        forward[i] = x;
        if (x > n) kEndF += 2;
        else if (y > m) kStartF += 2;
        else if (odd) {
          const j = offset + delta - k;
          if (j >= 0 && j < size && backward[j] !== -1 && x >= n - backward[j]) return [x0 + x, y0 + y];
        }
      }
      for (let k = -d + kStartB; k <= d - kEndB; k += 2) {
        const i = offset + k;
        let x = k === -d || (k !== d && backward[i - 1] < backward[i + 1]) ? backward[i + 1] : backward[i - 1] + 1;
        let y = x - k;
        const from = x;
        while (x < n && y < m && a[x1 - x - 1] === b[y1 - y - 1]) {
          x++;
          y++;
        }
        steps += x - from + 1;
        backward[i] = x;
        if (x > n) kEndB += 2;
        else if (y > m) kStartB += 2;
        else if (!odd) {
          const j = offset + delta - k;
          if (j >= 0 && j < size && forward[j] !== -1) {
            const fx = forward[j];
            const fy = fx - (j - offset);
            if (fx >= n - x) return [x0 + fx, y0 + fy];
          }
        }
      }
    }
    // Unreachable: the two searches meet by d = maxD.
    throw new Error("myers: no middle snake");
  }
}

/** The shortest edit script from `a` to `b`, or null when it needs more steps than `budget` has left. */
export function myersDiff(a: Int32Array, b: Int32Array, budget: StepBudget): Op[] | null {
  const search = new Search(a, b, budget);
  try {
    search.solve(0, a.length, 0, b.length);
    return search.ops;
  } catch (err) {
    if (err === OVER) return null;
    throw err;
  }
}
