// ACLED's `source_scale`: the reach of the outlets an event rests on. ACLED names one scale, or two
// joined by a hyphen when the sources span scales (e.g. "National-International"). Tessera codes the
// narrowest and the widest scale among the incident's outlets, in the order of data/codebooks/acled.json
// `sourceScales`; outlets with no recorded scale are left out, and none known leaves the cell blank.
import { ACLED } from "./codebooks.js";

export function sourceScale(outlets: readonly string[], scales: Readonly<Record<string, string>>): string | undefined {
  const order = ACLED.sourceScales;
  const known = [...new Set(outlets.map((o) => scales[o]).filter((s): s is string => !!s && order.includes(s)))];
  if (!known.length) return undefined;
  known.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const first = known[0]!;
  const last = known[known.length - 1]!;
  return first === last ? first : `${first}-${last}`;
}
