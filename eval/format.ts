// Plain-text rendering of an EvalReport: P/R/F1 and accuracy as percentages with one decimal,
// aligned columns, so reports paste straight into docs/accuracy.md.
import type { EvalReport, EvalRow } from "./types.js";

const pct = (v: number | undefined): string => (v === undefined ? "" : v.toFixed(1));

const COLUMNS: { key: keyof EvalRow; label: string; fmt: (r: EvalRow) => string }[] = [
  { key: "p", label: "P", fmt: (r) => pct(r.p) },
  { key: "r", label: "R", fmt: (r) => pct(r.r) },
  { key: "f1", label: "F1", fmt: (r) => pct(r.f1) },
  { key: "acc", label: "Acc", fmt: (r) => pct(r.acc) },
  { key: "n", label: "n", fmt: (r) => (r.n === undefined ? "" : String(r.n)) },
];

export function formatTable(title: string, rows: EvalRow[]): string {
  const extras = [...new Set(rows.flatMap((r) => Object.keys(r.extra ?? {})))];
  const cols = [
    ...COLUMNS.filter((c) => rows.some((r) => r[c.key] !== undefined)),
    ...extras.map((k) => ({ label: k, fmt: (r: EvalRow) => String(r.extra?.[k] ?? "") })),
  ];
  const nameW = Math.max(4, ...rows.map((r) => r.name.length));
  const cells = rows.map((r) => cols.map((c) => c.fmt(r)));
  const widths = cols.map((c, i) => Math.max(c.label.length, ...cells.map((row) => row[i]!.length)));
  const line = (name: string, vals: string[]) =>
    `  ${name.padEnd(nameW)}  ${vals.map((v, i) => v.padStart(widths[i]!)).join("  ")}`.trimEnd();
  const out = [
    title,
    line(
      "",
      cols.map((c) => c.label),
    ),
  ];
  rows.forEach((r, i) => {
    out.push(line(r.name, cells[i]!));
  });
  return out.join("\n");
}

export function formatReport(r: EvalReport): string {
  const parts = [`${r.dataset} (${r.split}): ${r.documents} documents`, ""];
  if (r.protocol.length) parts.push("Protocol:", ...r.protocol.map((l) => `  - ${l}`), "");
  for (const t of r.tables) parts.push(formatTable(t.title, t.rows), "");
  if (r.notes.length) parts.push("Notes:", ...r.notes.map((l) => `  - ${l}`), "");
  return `${parts.join("\n")}\n`;
}
