// Turns free text typed by an analyst into a safe tsquery for to_tsquery('simple', …): only letters
// and digits reach the query, so operators and punctuation in the input can never cause a syntax
// error. A word with inner punctuation (IS-K) becomes a phrase of its parts, a trailing "*" keeps
// prefix search, OR between words is honoured and other words are all required — the same reading
// as the SQLite store's ftsQuery.
export function tsQuery(input: string): string {
  const parts: string[] = [];
  for (const raw of input.split(/\s+/)) {
    if (raw === "OR" && parts.length && parts[parts.length - 1] !== "|") {
      parts.push("|");
      continue;
    }
    const prefix = raw.endsWith("*");
    const pieces = raw.toLowerCase().match(/[\p{L}\p{N}]+/gu);
    if (!pieces) continue;
    const word = pieces.join(" <-> ") + (prefix ? ":*" : "");
    const last = parts[parts.length - 1];
    if (last !== undefined && last !== "|") parts.push("&");
    parts.push(pieces.length > 1 ? `(${word})` : word);
  }
  while (parts[parts.length - 1] === "|") parts.pop();
  return parts.join(" ");
}
