// Which documents are independent sources: documents from the same outlet, and near-duplicate copies of one story
// (wire copies, syndication), are joined into one group by a union-find, so they corroborate a fact only once.
export class IndependenceGroups {
  private parent = new Map<string, string>();

  find(x: string): string {
    let p = this.parent.get(x);
    if (p === undefined) {
      this.parent.set(x, x);
      return x;
    }
    let root = x;
    while (p !== root) {
      root = p;
      p = this.parent.get(root) ?? root;
    }
    // path compression
    let cur = x;
    while (cur !== root) {
      const next = this.parent.get(cur) ?? root;
      this.parent.set(cur, root);
      cur = next;
    }
    return root;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    // keep the lexically smaller root so group ids do not depend on insertion order
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }
}
