// A small corpus of invented reports (our own sentences) for the worker tests: three incidents told by several
// outlets with disagreeing tolls, dated so that publication order differs from file order.
import { writeFileSync } from "node:fs";
import { join } from "node:path";

export const REPORTS: Array<{ name: string; text: string }> = [
  {
    name: "05-river-courier-bus.txt",
    text: `---
title: Gunmen stop a bus near Quetta
outlet: River Courier
published: 2025-06-12
---
QUETTA, June 12 — Gunmen stopped a passenger bus on the highway outside Quetta on Thursday and shot dead nine travellers, a provincial official said. Four others were wounded. No group has claimed the attack.`,
  },
  {
    name: "01-northern-gazette-market.txt",
    text: `---
title: Car bomb hits a market in Mosul
outlet: Northern Gazette
published: 2025-03-04
---
MOSUL, March 4 — A car bomb exploded in a crowded vegetable market in Mosul on Tuesday, killing 12 people and wounding 30, police said. Officials blamed Islamic State militants.`,
  },
  {
    name: "03-plains-observer-market.txt",
    text: `---
title: Mosul market blast toll rises
outlet: Plains Observer
published: 2025-03-05
---
MOSUL, March 5 — The number of people killed in Tuesday's car bombing at a Mosul market rose to 17, a health ministry spokesman said on Wednesday. About 40 people were wounded. Islamic State claimed responsibility in a statement.`,
  },
  {
    name: "02-delta-wire-checkpoint.txt",
    text: `---
title: Attack on checkpoint in Kandahar
outlet: Delta Wire
published: 2025-05-10
---
KANDAHAR, May 10 — Militants attacked a police checkpoint in Kandahar province on Saturday, killing five officers, the governor's office said. Three attackers were killed in the gunfight. The Taliban denied any role.`,
  },
  {
    name: "04-northern-gazette-checkpoint.txt",
    text: `---
title: Kandahar checkpoint raid
outlet: Northern Gazette
published: 2025-05-11
---
KANDAHAR, May 11 — Seven police officers died when gunmen stormed a checkpoint in Kandahar province on Saturday, a local police commander said on Sunday. Two officers were wounded.`,
  },
  {
    name: "06-delta-wire-bus.txt",
    text: `---
title: Bus passengers killed in Balochistan
outlet: Delta Wire
published: 2025-06-13
---
QUETTA, June 13 — Eleven people were killed when armed men opened fire on a bus near Quetta on Thursday, officials said on Friday, raising the toll from nine. The Balochistan Liberation Army said it carried out the attack.`,
  },
  {
    name: "07-plains-observer-arrests.txt",
    text: `---
title: Arrests after Mosul bombing
outlet: Plains Observer
published: 2025-03-09
---
MOSUL, March 9 — Security forces arrested four suspects in connection with last week's car bombing at a Mosul market, the interior ministry said on Sunday.`,
  },
];

/** Writes the corpus into `dir` and returns the file paths in name order. */
export function writeCorpus(dir: string): string[] {
  return REPORTS.map((r) => {
    const path = join(dir, r.name);
    writeFileSync(path, `${r.text}\n`);
    return path;
  }).sort();
}
