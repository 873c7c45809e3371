// Arc-hybrid transition system (Kuhlmann et al. 2011) with the root as the last buffer item, so a
// tree gets exactly one root: LEFT onto the root is legal only when one word is left on the stack.
// Words are 1..n, the root is n+1 inside the state and 0 outside. Costs are Goldberg & Nivre's (2013)
// dynamic-oracle arc losses, so training can follow the model's own (wrong) moves.

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
export const MOVES = 3;

export class ParseState {
  readonly stack: number[] = [];
  /** Next buffer word; n+1 is the root. */
  b0: number;
  readonly heads: Int32Array;
  readonly labels: Int32Array;
  /** Leftmost / second leftmost / rightmost / second rightmost child, 0 when none. */
  readonly l1: Int32Array;
  readonly l2: Int32Array;
  readonly r1: Int32Array;
  readonly r2: Int32Array;
  readonly nLeft: Int32Array;
  readonly nRight: Int32Array;

  constructor(readonly n: number) {
    const size = n + 2;
    this.b0 = 1;
    this.heads = new Int32Array(size).fill(-1);
    this.labels = new Int32Array(size).fill(-1);
    this.l1 = new Int32Array(size);
    this.l2 = new Int32Array(size);
    this.r1 = new Int32Array(size);
    this.r2 = new Int32Array(size);
    this.nLeft = new Int32Array(size);
    this.nRight = new Int32Array(size);
  }

  /** An independent copy, so beam items can branch from one state. */
  clone(): ParseState {
    const c = new ParseState(this.n);
    c.stack.push(...this.stack);
    c.b0 = this.b0;
    c.heads.set(this.heads);
    c.labels.set(this.labels);
    c.l1.set(this.l1);
    c.l2.set(this.l2);
    c.r1.set(this.r1);
    c.r2.set(this.r2);
    c.nLeft.set(this.nLeft);
    c.nRight.set(this.nRight);
    return c;
  }

  get root(): number {
    return this.n + 1;
  }

  done(): boolean {
    return this.b0 === this.root && this.stack.length === 0;
  }

  legal(move: number): boolean {
    const depth = this.stack.length;
    if (move === SHIFT) return this.b0 <= this.n;
    if (move === LEFT) return depth > 0 && (this.b0 <= this.n || depth === 1);
    return depth > 1;
  }

  apply(move: number, label: number): void {
    if (move === SHIFT) {
      this.stack.push(this.b0++);
      return;
    }
    const dep = this.stack.pop()!;
    const head = move === LEFT ? this.b0 : this.stack[this.stack.length - 1]!;
    this.heads[dep] = head;
    this.labels[dep] = label;
    if (dep < head) {
      this.nLeft[head]!++;
      if (this.l1[head] === 0 || dep < this.l1[head]!) {
        this.l2[head] = this.l1[head]!;
        this.l1[head] = dep;
      } else if (this.l2[head] === 0 || dep < this.l2[head]!) this.l2[head] = dep;
    } else {
      this.nRight[head]!++;
      if (dep > this.r1[head]!) {
        this.r2[head] = this.r1[head]!;
        this.r1[head] = dep;
      } else if (dep > this.r2[head]!) this.r2[head] = dep;
    }
  }

  /** Gold arcs made unreachable by `move`; `gold[i]` is word i's head (root = n+1). */
  cost(move: number, gold: Int32Array): number {
    const st = this.stack;
    const s0 = st[st.length - 1] ?? 0;
    const b0 = this.b0;
    const last = this.root;
    let c = 0;
    if (move === SHIFT) {
      for (let k = 0; k < st.length; k++) {
        const w = st[k]!;
        if (gold[w] === b0) c++;
        if (gold[b0] === w && k < st.length - 1) c++;
      }
      return c;
    }
    // s0 is popped either way: its dependents still in the buffer are lost
    for (let d = b0; d <= this.n; d++) if (gold[d] === s0) c++;
    const h = gold[s0]!;
    if (move === LEFT) {
      const s1 = st[st.length - 2] ?? 0;
      if (h !== b0 && (h === s1 || (h > b0 && h <= last))) c++;
      return c;
    }
    if (h >= b0 && h <= last) c++;
    return c;
  }
}
