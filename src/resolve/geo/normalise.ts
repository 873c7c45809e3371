// Key normalisation shared by every gazetteer lookup: diacritics folded ("Qaşr-e Shīrīn" and
// "Qasr e-Shirin" meet), case folded, hyphens and dots unified with spaces.

/** Folded lookup key: NFKD without marks, lower case, hyphens/dashes/dots/apostrophes → space. */
export function geoKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[‘’'`ʿʾ]/g, "")
    .replace(/[-‐–—_.,/]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const ARTICLE = /^(?:al|ar|as|ad|an|ash|at|az|el|ad|ath) /;

/** The key without a leading Arabic article ("al hasakah" → "hasakah"), or undefined. */
export function withoutArticle(key: string): string | undefined {
  return ARTICLE.test(key) ? key.replace(ARTICLE, "") : undefined;
}

/** Reads a JSON data file under data/ relative to this module (works from src/ and dist/). */
export function dataUrl(rel: string): URL {
  return new URL(`../../../data/${rel}`, import.meta.url);
}
