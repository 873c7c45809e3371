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

export interface Paragraph {
  start: number;
  /** The paragraph's segments; the last one keeps the paragraph's line break, so offsets still add up. */
  segments: Segment[];
}

/** The segments cut at line breaks into paragraphs, each rendered as its own block (dir="auto" per paragraph). */
export function paragraphs(segs: Segment[]): Paragraph[] {
  const out: Paragraph[] = [];
  let cur: Paragraph | undefined;
  for (const s of segs) {
    let at = s.start;
    for (const piece of s.text.split(/(?<=\n)/)) {
      if (!piece) continue;
      cur ??= { start: at, segments: [] };
      cur.segments.push({ ...s, start: at, end: at + piece.length, text: piece });
      at += piece.length;
      if (piece.endsWith("\n")) {
        out.push(cur);
        cur = undefined;
      }
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** The language of the text at `offset`: its stretch's when the document mixes languages, else the document's. */
export function languageAt(
  offset: number,
  language: string,
  stretches?: { start: number; end: number; language: string }[],
): string {
  return stretches?.find((s) => s.start <= offset && offset < s.end)?.language ?? language;
}
