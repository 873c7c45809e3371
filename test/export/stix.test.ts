// STIX 2.1 export: every object validates against the official OASIS schemas, ids and timestamps are
// deterministic, and the mapping carries the incident's claim, perpetrator, place and disputed counts.
import { describe, expect, it } from "vitest";
import { restrictToIncident } from "../../src/export/input.js";
import { buildStixBundle } from "../../src/export/stix/build.js";
import { EXTENSION_ID, tesseraExtension } from "../../src/export/stix/extension.js";
import { stixId } from "../../src/export/stix/ids.js";
import { kermanFixture } from "./fixture.js";
import { haveStixSchemas, STIX_SCHEMAS, stixValidator } from "./stix-schemas.js";

// Types the official bundle.json enumerates; the others (incident, location, note, opinion,
// extension-definition) match both of its generic branches, an upstream limitation, so they are
// validated against their own schema only.
const BUNDLE_LISTED = new Set(["identity", "report", "relationship", "threat-actor", "intrusion-set"]);

if (!haveStixSchemas) console.warn(`STIX schema validation skipped: ${STIX_SCHEMAS} is absent`);

describe.skipIf(!haveStixSchemas)("STIX bundle against the official STIX 2.1 schemas", () => {
  const validator = haveStixSchemas ? stixValidator() : undefined;

  it("validates every object of the Kerman fixture bundle", () => {
    const bundle = buildStixBundle(kermanFixture().input);
    expect(bundle.objects.length).toBeGreaterThan(10);
    for (const o of bundle.objects)
      expect({ id: o.id, errors: validator!.object(o) }).toEqual({ id: o.id, errors: [] });
    const listed = { ...bundle, objects: bundle.objects.filter((o) => BUNDLE_LISTED.has(o.type)) };
    expect(validator!.bundle(listed)).toEqual([]);
  });

  it("the validator is not vacuous: it rejects a report without object_refs and an empty list", () => {
    const bundle = buildStixBundle(kermanFixture().input);
    const report = bundle.objects.find((o) => o.type === "report")!;
    const { object_refs: _drop, ...noRefs } = report;
    expect(validator!.object(noRefs as typeof report).length).toBeGreaterThan(0);
    expect(validator!.object({ ...report, labels: [] } as typeof report).length).toBeGreaterThan(0);
  });
});

describe("STIX mapping", () => {
  const { input, docA, docB } = kermanFixture();
  const bundle = buildStixBundle(input);
  const byType = (t: string) => bundle.objects.filter((o) => o.type === t);

  it("gives deterministic ids and timestamps: two exports are identical", () => {
    expect(buildStixBundle(kermanFixture().input)).toEqual(bundle);
    expect(bundle.id).toBe(buildStixBundle(input).id);
    expect(byType("report").map((r) => r.id)).toEqual([stixId("report", docA.id), stixId("report", docB.id)]);
  });

  it("dates reports and the incident from document dates, not the clock (within the day's first minute)", () => {
    const [ra, rb] = byType("report");
    const inMinute = (t: unknown, day: string) =>
      expect(String(t)).toMatch(new RegExp(`^${day}T00:00:\\d{2}\\.\\d{3}Z$`));
    inMinute(ra!.published, "2024-01-03");
    inMinute(rb!.created, "2024-01-06");
    expect(rb!.published).toBe(rb!.created);
    const inc = byType("incident")[0]!;
    inMinute(inc.created, "2024-01-03");
    inMinute(inc.modified, "2024-01-06");
    // One offset for both, so modified never precedes created.
    expect(Date.parse(String(inc.modified)) - Date.parse(String(inc.created))).toBe(3 * 86_400_000);
  });

  it("makes one report per document with its outlet and URL as an external reference", () => {
    const rb = byType("report")[1]!;
    const ref = (rb.external_references as Record<string, string>[])[0]!;
    expect(ref).toMatchObject({ source_name: "Zagros Monitor", external_id: docB.id, url: docB.url });
    expect(rb.object_refs).toContain(stixId("incident", "inc-kerman"));
  });

  it("maps the armed group to a threat-actor with aliases, attributed by relationship", () => {
    const ta = byType("threat-actor")[0]!;
    expect(ta.name).toBe("Islamic State Khorasan Province");
    expect(ta.aliases).toEqual(["IS-K"]);
    const rel = byType("relationship").find((r) => r.relationship_type === "attributed-to")!;
    expect(rel.source_ref).toBe(stixId("incident", "inc-kerman"));
    expect(rel.target_ref).toBe(ta.id);
    expect(String(rel.description)).toContain("claimed");
  });

  it("places the incident at Kerman (30.28N 57.08E, IR)", () => {
    const loc = byType("location")[0]!;
    expect(loc).toMatchObject({ name: "Kerman", latitude: 30.28, longitude: 57.08, country: "IR", city: "Kerman" });
    expect(loc.x_opencti_location_type).toBe("City");
    const inc = byType("incident")[0]!;
    const rel = byType("relationship").find((r) => r.source_ref === inc.id && r.target_ref === loc.id)!;
    expect(rel.relationship_type).toBe("targets");
  });

  it("represents people, states and outlets as identities, claims as notes and judgments as opinions", () => {
    const names = byType("identity").map((i) => `${i.name}:${i.identity_class}`);
    expect(names).toEqual(
      expect.arrayContaining(["Bahram Einollahi:individual", "Iran:organization", "Caspian Wire:organization"]),
    );
    const claim = byType("note").find((n) => String(n.abstract).startsWith("responsibility"))!;
    expect(claim.content).toBe("two suicide bombers carried out the attack");
    const op = byType("opinion")[0]!;
    expect(op.opinion).toBe("strongly-agree");
    expect(tesseraExtension(op)!.icd203_band).toBe("very likely");
  });

  it("carries counts with every source value, the contradiction, grades and span provenance in the extension", () => {
    const inc = byType("incident")[0]!;
    const ext = tesseraExtension(inc)!;
    expect(ext.extension_type).toBe("property-extension");
    const killed = (
      ext.counts as Record<
        string,
        {
          lowest_credible: number;
          disputed: boolean;
          values: { admiralty: string; span: { start: number; end: number; doc: string } }[];
        }
      >
    ).killed!;
    expect(killed.lowest_credible).toBe(84);
    expect(killed.disputed).toBe(true);
    expect(killed.values.map((v) => v.admiralty[0])).toEqual(["B", "C", "C"]);
    const s = killed.values[0]!.span;
    expect(docA.text.slice(s.start, s.end)).toBe("103");
    expect((ext.contradictions as { attribute: string }[])[0]!.attribute).toBe("killed");
    expect(ext.date_precision).toBe("day");
    expect(bundle.objects.find((o) => o.type === "extension-definition")!.id).toBe(EXTENSION_ID);
  });

  it("exports one incident with only the records it rests on", () => {
    const one = restrictToIncident(input, "inc-kerman")!;
    expect(buildStixBundle(one).objects.length).toBe(bundle.objects.length);
    expect(restrictToIncident(input, "no-such")).toBeUndefined();
  });
});
