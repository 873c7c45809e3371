// Turns free text typed by an analyst into a safe FTS5 MATCH expression: every word is quoted,
// so operators and punctuation in the input can never cause a syntax error. A trailing "*" keeps
// prefix search; OR between words is honoured.
export function ftsQuery(input: string): string {
  const parts: string[] = [];
  for (const raw of input.split(/\s+/)) {
    if (raw === "OR" && parts.length && parts[parts.length - 1] !== "OR") {
      parts.push("OR");
      continue;
    }
    const prefix = raw.endsWith("*");
    const word = raw.replace(/["*]/g, "").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    if (!word) continue;
    parts.push(`"${word}"${prefix ? "*" : ""}`);
  }
  while (parts[parts.length - 1] === "OR") parts.pop();
  return parts.join(" ");
}
