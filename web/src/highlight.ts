// Splits a document's text into plain and highlighted segments from extraction spans. The Reader renders
// each segment as a React text node, so hostile text can never become markup.
export interface Mark {
  key: string;
  start: number;
  end: number;
  category: string;
}

export interface Segment {
  start: number;
  end: number;
  text: string;
  /** Keys of the marks covering this segment, narrowest first. */
  marks: string[];
  category?: string;
}

/**
 * One sweep over the span boundaries, keeping the set of open marks, so a long PDF with thousands of
 * extractions stays fast (the open set at any point is small).
 */
export function segments(text: string, marks: Mark[]): Segment[] {
  const valid = marks.filter((m) => m.start < m.end && m.start >= 0 && m.end <= text.length);
  const opening = new Map<number, Mark[]>();
  const cuts = new Set<number>([0, text.length]);
  for (const m of valid) {
    cuts.add(m.start).add(m.end);
    opening.set(m.start, [...(opening.get(m.start) ?? []), m]);
  }
  const points = [...cuts].sort((a, b) => a - b);
  let open: Mark[] = [];
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    open = open.filter((m) => m.end > start).concat(opening.get(start) ?? []);
    const covering = [...open].sort((a, b) => a.end - a.start - (b.end - b.start));
    const seg: Segment = { start, end, text: text.slice(start, end), marks: covering.map((m) => m.key) };
    if (covering[0]) seg.category = covering[0].category;
    out.push(seg);
  }
  return out;
}
