// STIX bundles against what OpenCTI and misp-stix do on import (fixtures read from their code): no
// refused relationship, no two distinct records merged by OpenCTI's standard ids, every location typed,
// the analytic context in fields the importers read, one MISP event per export. Each finding of the
// interoperability review has its own test; the fixtures in fixture-interop.ts provoke them.
import { describe, expect, it } from "vitest";
import { buildStixBundle } from "../../src/export/stix/build.js";
import { tesseraExtension } from "../../src/export/stix/extension.js";
import { TLP_LEVELS } from "../../src/export/stix/markings.js";
import { STIX_PROFILES } from "../../src/export/stix/profiles.js";
import { kermanFixture } from "./fixture.js";
import { interopFixture } from "./fixture-interop.js";
import { mispEventCount } from "./fixtures/misp.js";
import { openctiStandardKey, openctiType } from "./fixtures/opencti.js";
import { mispProblems, openctiProblems } from "./interop.js";
import { haveStixSchemas, stixValidator } from "./stix-schemas.js";

const inputs = { kerman: kermanFixture().input, interop: interopFixture().input };
const opencti = (name: keyof typeof inputs) => buildStixBundle(inputs[name], { profile: "opencti" });
const misp = (name: keyof typeof inputs) => buildStixBundle(inputs[name], { profile: "misp" });
const ofType = (b: { objects: Record<string, unknown>[] }, t: string) => b.objects.filter((o) => o.type === t);

describe("the OpenCTI profile against OpenCTI's import rules", () => {
  for (const name of Object.keys(inputs) as (keyof typeof inputs)[]) {
    it(`${name}: no problem OpenCTI would have`, () => {
      expect(openctiProblems(opencti(name))).toEqual([]);
    });
  }

  it("carries no extension-definition object (OpenCTI's worker refuses it); the tessera profile does", () => {
    expect(ofType(opencti("kerman"), "extension-definition")).toEqual([]);
    expect(ofType(buildStixBundle(inputs.kerman), "extension-definition")).toHaveLength(1);
  });

  it("places incidents with targets, never incident located-at location", () => {
    for (const name of ["kerman", "interop"] as const) {
      const b = opencti(name);
      const incidents = new Set(ofType(b, "incident").map((o) => o.id));
      const rels = ofType(b, "relationship").filter((r) => incidents.has(r.source_ref as string));
      expect(rels.some((r) => r.relationship_type === "located-at")).toBe(false);
      expect(rels.filter((r) => r.relationship_type === "targets").length).toBeGreaterThan(0);
    }
  });

  it("attributes to threat actors only: a state, person or organisation perpetrator gets an actor", () => {
    const b = opencti("interop");
    const byId = new Map(b.objects.map((o) => [o.id, o]));
    const attributed = ofType(b, "relationship").filter(
      (r) => r.relationship_type === "attributed-to" && ofType(b, "incident").some((i) => i.id === r.source_ref),
    );
    expect(attributed.length).toBe(3);
    for (const r of attributed) expect(byId.get(r.target_ref as string)!.type).toBe("threat-actor");
    const actors = attributed.map((r) => byId.get(r.target_ref as string)!);
    expect(actors.map((a) => openctiType(a)).sort()).toEqual([
      "Threat-Actor-Group",
      "Threat-Actor-Group",
      "Threat-Actor-Individual",
    ]);
    // The state's actor is attributed to the state's identity.
    const israel = actors.find((a) => a.name === "Israel")!;
    const link = ofType(b, "relationship").find(
      (r) => r.source_ref === israel.id && r.relationship_type === "attributed-to",
    )!;
    expect(byId.get(link.target_ref as string)).toMatchObject({ type: "identity", name: "Israel" });
  });

  it("keeps same-headline reports, same-day opinions, same-name incidents and namesakes apart", () => {
    const b = opencti("interop");
    const keys = (t: string) => ofType(b, t).map((o) => openctiStandardKey(o as never));
    for (const t of ["report", "opinion", "incident", "identity", "note"]) {
      const k = keys(t);
      expect(new Set(k).size, t).toBe(k.length);
    }
    expect(ofType(b, "report").map((r) => r.name)).toEqual(["Blast in Sistan", "Blast in Sistan", "Blast in Sistan"]);
    const people = ofType(b, "identity")
      .filter((i) => i.identity_class === "individual")
      .map((i) => i.name);
    expect(people).toEqual(["Ali Rezaei", "Ali Rezaei (trader)"]);
  });

  it("types every location: a province is an Administrative-Area, a nationality its Country", () => {
    const b = opencti("interop");
    const byEntity = (id: string) =>
      b.objects.find((o) => (tesseraExtension(o)?.entity as { id?: string })?.id === id)!;
    expect(byEntity("ent-sistan")).toMatchObject({ x_opencti_location_type: "Administrative-Area", name: "Sistan" });
    expect(byEntity("ent-dasht")).toMatchObject({ x_opencti_location_type: "Position", country: "IR" });
    expect(byEntity("ent-tajik")).toMatchObject({
      type: "location",
      x_opencti_location_type: "Country",
      name: "Tajikistan",
    });
    // A people without a state stays a class of people (OpenCTI's Sector is its victim-group type).
    expect(byEntity("ent-hazara")).toMatchObject({ type: "identity", identity_class: "class" });
    const iran = ofType(b, "location").find((l) => l.x_opencti_location_type === "Country" && l.country === "IR")!;
    expect(iran.name).toBe("Iran");
  });

  it("emits incident first_seen/last_seen/incident_type, report descriptions, note authors and types", () => {
    const inc = ofType(opencti("kerman"), "incident")[0]!;
    expect(inc).toMatchObject({
      first_seen: "2024-01-03T00:00:00.000Z",
      last_seen: "2024-01-03T23:59:59.999Z",
      incident_type: "bombing",
    });
    const report = ofType(opencti("kerman"), "report")[0]!;
    expect(String(report.description)).toMatch(/^Twin explosions tore through/);
    for (const n of ofType(opencti("kerman"), "note")) {
      expect((n.authors as string[]).length).toBeGreaterThan(0);
      expect((n.note_types as string[]).length).toBeGreaterThan(0);
    }
  });

  it("grades every object: confidence from Admiralty grades, reliability in OpenCTI's words", () => {
    const b = opencti("kerman");
    const [wire, monitor] = ofType(b, "report");
    expect([wire!.x_opencti_reliability, wire!.confidence]).toEqual(["B - Usually reliable", 70]);
    expect([monitor!.x_opencti_reliability, monitor!.confidence]).toEqual(["C - Fairly reliable", 50]);
    const outlet = ofType(b, "identity").find((i) => i.name === "Zagros Monitor")!;
    expect(outlet.x_opencti_reliability).toBe("C - Fairly reliable");
    // IS-K's claim, from one C source, contradicted by none: possibly true (3) → 50.
    const claimRel = ofType(b, "relationship").find((r) => r.relationship_type === "attributed-to")!;
    expect(claimRel.confidence).toBe(50);
    for (const o of b.objects.filter((x) => x.type !== "marking-definition"))
      expect(typeof o.confidence, String(o.id)).toBe("number");
  });

  it("marks every object with the chosen TLP 2.0 marking, bundled once", () => {
    for (const tlp of TLP_LEVELS) {
      const b = buildStixBundle(inputs.kerman, { profile: "opencti", tlp });
      const [marking, ...more] = ofType(b, "marking-definition");
      expect(more).toEqual([]);
      expect(marking!.name).toBe(`TLP:${tlp.toUpperCase()}`);
      for (const o of b.objects.filter((x) => x !== marking)) expect(o.object_marking_refs).toEqual([marking!.id]);
    }
  });
});

describe("the misp profile against misp-stix's loader", () => {
  for (const name of Object.keys(inputs) as (keyof typeof inputs)[]) {
    it(`${name}: loadable, one event, no dangling reference`, () => {
      expect(mispProblems(misp(name))).toEqual([]);
    });
  }

  it("expresses incidents (which misp-stix cannot load) and documents as notes on the one event", () => {
    const b = misp("interop");
    expect(ofType(b, "incident")).toEqual([]);
    expect(mispEventCount(b.objects)).toBe(1);
    const event = ofType(b, "report")[0]!;
    expect(event.name).toBe("Tessera export: 2 incidents");
    const notes = ofType(b, "note").map((n) => String(n.abstract));
    expect(notes.filter((n) => n.startsWith("Incident: "))).toHaveLength(2);
    expect(notes.filter((n) => n.startsWith("Source report: "))).toHaveLength(3);
    expect(ofType(misp("kerman"), "report")[0]!.name).toBe("Bombing in Kerman");
  });

  it("the other profiles would split into several MISP events or fail to load incidents", () => {
    const b = opencti("kerman");
    expect(mispEventCount(b.objects)).toBe(2);
    expect(mispProblems(b).some((p) => p.includes("cannot load incident"))).toBe(true);
  });
});

describe.skipIf(!haveStixSchemas)("every profile's objects against the OASIS schemas", () => {
  const v = haveStixSchemas ? stixValidator() : undefined;
  for (const profile of STIX_PROFILES) {
    it(profile, () => {
      for (const input of Object.values(inputs)) {
        const b = buildStixBundle(input, { profile, tlp: "amber+strict" });
        const bad = b.objects.map((o) => ({ id: o.id, errors: v!.object(o) })).filter((x) => x.errors.length);
        expect(bad).toEqual([]);
      }
    });
  }
});
