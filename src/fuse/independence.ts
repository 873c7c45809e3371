// Which documents are independent sources: documents from the same outlet, and near-duplicate copies of one story
// (wire copies, syndication), are joined into one group by a union-find, so they corroborate a fact only once.
export class IndependenceGroups {
  private parent = new Map<string, string>();
  /** Root → the other members of its group (kept so incremental fusion knows whom a merge of two groups affects). */
  private members = new Map<string, string[]>();

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
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent.set(child, root);
    // appended in place (same order as a fresh list, without copying a group that may be a whole outlet); the
    // set marks the row changed for the saved state
    const joined = this.members.get(root) ?? [];
    joined.push(child);
    for (const m of this.members.get(child) ?? []) joined.push(m);
    this.members.delete(child);
    this.members.set(root, joined);
  }

  /** Every member of x's group, x's root included. */
  groupOf(x: string): string[] {
    const root = this.find(x);
    return [root, ...(this.members.get(root) ?? [])];
  }
}
