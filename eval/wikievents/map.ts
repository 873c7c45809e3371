// Mapping from Tessera event types (ids of data/ontology/events.json) and participant roles to
// the KAIROS types and roles WikiEvents annotates. Kept in eval/ because it only serves scoring;
// types without a KAIROS counterpart (military_exercise, border_crossing, …) are left unmapped.
import type { Event } from "../../src/model/records.js";

/** Tessera type id → KAIROS type; attack is refined by subtype below. */
const TYPE_MAP: Record<string, string> = {
  attack: "Conflict.Attack.Unspecified",
  missile_strike: "Conflict.Attack.Unspecified",
  air_strike: "Conflict.Attack.Unspecified",
  armed_clash: "Conflict.Attack.Unspecified",
  death: "Life.Die.Unspecified",
  execution: "Life.Die.Unspecified",
  injury: "Life.Injure.Unspecified",
  arrest: "Justice.ArrestJailDetain.Unspecified",
  detention: "Justice.ArrestJailDetain.Unspecified",
  meeting: "Contact.Contact.Meet",
  statement: "Contact.Contact.Broadcast",
  threat: "Contact.ThreatenCoerce.Unspecified",
};

/** Every KAIROS type some Tessera type maps to: the "mapped types" evaluation subset. */
export const MAPPED_KAIROS_TYPES = new Set([...Object.values(TYPE_MAP), "Conflict.Attack.DetonateExplode"]);

export function kairosType(e: Pick<Event, "type" | "subtype" | "attributes">): string | undefined {
  const base = TYPE_MAP[e.type];
  if (!base) return undefined;
  if (base === "Conflict.Attack.Unspecified") {
    const s = `${e.subtype ?? ""} ${String(e.attributes?.weapon ?? "")}`.toLowerCase();
    if (/bomb|explo/.test(s)) return "Conflict.Attack.DetonateExplode";
  }
  return base;
}

/** Tessera participant role → KAIROS role, per KAIROS type (first matching pattern wins). */
const ROLE_MAP: { type: RegExp; from: RegExp; to: string }[] = [
  { type: /^Conflict\.Attack\.DetonateExplode/, from: /weapon|instrument|device/, to: "ExplosiveDevice" },
  { type: /^Conflict\.Attack/, from: /attacker|perpetrator|agent/, to: "Attacker" },
  { type: /^Conflict\.Attack/, from: /target|victim/, to: "Target" },
  { type: /^Conflict\.Attack/, from: /weapon|instrument/, to: "Instrument" },
  { type: /^Life\.Die/, from: /victim|target|dead|killed/, to: "Victim" },
  { type: /^Life\.Die/, from: /attacker|killer|perpetrator|agent/, to: "Killer" },
  { type: /^Life\.Injure/, from: /victim|target|injured|wounded/, to: "Victim" },
  { type: /^Life\.Injure/, from: /attacker|perpetrator|agent/, to: "Injurer" },
  { type: /^Justice\.ArrestJailDetain/, from: /detainee|arrested|suspect/, to: "Detainee" },
  { type: /^Justice\.ArrestJailDetain/, from: /agent|jailer|arrester|authority/, to: "Jailer" },
  { type: /^Contact\.Contact\.Meet/, from: /participant|speaker/, to: "Participant" },
  { type: /^Contact\.Contact\.Broadcast/, from: /speaker|communicator|source/, to: "Communicator" },
  { type: /^Contact\.Contact\.Broadcast/, from: /recipient|audience/, to: "Recipient" },
  { type: /^Contact\.ThreatenCoerce/, from: /speaker|communicator|attacker/, to: "Communicator" },
  { type: /^Contact\.ThreatenCoerce/, from: /target|recipient/, to: "Recipient" },
];

export function kairosRole(kairos: string, role: string): string | undefined {
  if (/^place$|location/.test(role.toLowerCase())) return "Place";
  const r = role.toLowerCase();
  return ROLE_MAP.find((m) => m.type.test(kairos) && m.from.test(r))?.to;
}
