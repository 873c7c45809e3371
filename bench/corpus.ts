// Deterministic synthetic news-like text for benchmarks: varied sentences with names, places,
// dates and counts, so the readers and extractors do representative work. Not real reporting.
const PLACES = ["Kerman", "Idlib", "Mosul", "Kabul", "Quetta", "Maiduguri", "Mogadishu", "Peshawar", "Aden", "Gao"];
const GROUPS = ["IS-K", "al-Shabaab", "Boko Haram", "the Taliban", "TTP", "ISWAP", "JNIM", "HTS", "Jaish al-Adl"];
const PEOPLE = ["Ali Rahimi", "Sara Karimi", "Omar Haddad", "Leyla Aziz", "Yusuf Bello", "Nadia Farouk"];
const OUTLETS = [
  "the state news agency",
  "a regional daily",
  "local officials",
  "the interior ministry",
  "a wire service",
];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function syntheticDocument(i: number, targetChars = 5000): string {
  const r = rng(i + 1);
  const pick = <T>(a: T[]): T => a[Math.floor(r() * a.length)]!;
  const lines: string[] = [`Report ${i}: unrest near ${pick(PLACES)}`, ""];
  let size = 0;
  while (size < targetChars) {
    const n = 2 + Math.floor(r() * 120);
    const sentences = [
      `On ${1 + Math.floor(r() * 28)} ${pick(MONTHS)} ${2015 + Math.floor(r() * 9)}, an explosion struck a market in ${pick(PLACES)}, killing at least ${n} people, ${pick(OUTLETS)} said.`,
      `${pick(PEOPLE)}, a spokesperson for the provincial government, said ${n * 2} people were injured and ${Math.floor(n / 3)} suspects were arrested.`,
      `${pick(GROUPS)} claimed responsibility for the attack in a statement, although officials said the claim was unverified.`,
      `Analysts said the group is likely to attempt further attacks before the elections, while ${pick(OUTLETS)} reported heavy security.`,
      `Security forces fired ${1 + Math.floor(r() * 12)} missiles at positions near ${pick(PLACES)} the following week.`,
    ];
    const para = [pick(sentences), pick(sentences), pick(sentences)].join(" ");
    lines.push(para, "");
    size += para.length + 2;
  }
  return lines.join("\n");
}
