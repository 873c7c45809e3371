// How an attack told as background was carried out, and who claimed it, is not the incident's. Sentences written for
// these tests.
import { describe, expect, it } from "vitest";
import { FusionEngine } from "../../src/fuse/index.js";
import type { Geo } from "../../src/model/records.js";
import { DocBuilder } from "./kerman-fixture.js";

const TOWN: Geo = { lat: 26.9, lon: 64.1, country: "PK", admin1: "Norvale", precision: "city" };

function strike(n: number): DocBuilder {
  const b = new DocBuilder(`Report ${n}: missiles struck Kestrel on 16 May.`, `Desk ${n}`, "2030-05-16");
  const town = b.entity("place", "Kestrel", { geo: TOWN });
  b.event("air_strike", "struck", { date: "2030-05-16", place: town, attributes: { salience: "main" } });
  return b;
}

function suicideOf(salience: "background" | undefined): unknown {
  const engine = new FusionEngine();
  engine.add(strike(1).input());
  const b = new DocBuilder(
    "Missiles struck Kestrel on 16 May, in answer to the suicide bombing in Kestrel that day.",
    "Desk 2",
    "2030-05-16",
  );
  const town = b.entity("place", "Kestrel", { geo: TOWN });
  b.event("air_strike", "struck", { date: "2030-05-16", place: town, attributes: { salience: "main" } });
  b.event("air_strike", "suicide bombing", {
    date: "2030-05-16",
    place: town,
    attributes: { suicide: true, ...(salience ? { salience } : {}) },
  });
  engine.add(b.input());
  const incidents = engine.incidents();
  expect(incidents).toHaveLength(1);
  expect(incidents[0]?.events).toHaveLength(3);
  return incidents[0]?.attributes.suicide;
}

describe("attributes of background events", () => {
  it("a suicide attack told as background does not make the incident a suicide attack", () => {
    expect(suicideOf("background")).toBeUndefined();
  });

  it("the same event told as news does", () => {
    expect(suicideOf(undefined)).toHaveLength(1);
  });
});

describe("claims about background events", () => {
  function claimedBy(aboutHistory: boolean): string[] {
    const engine = new FusionEngine();
    const text =
      "Missiles struck Kestrel on 16 May. In a recent incident, the Red Hand claimed an attack on a border post.";
    const b = new DocBuilder(text, "Desk 3", "2030-05-16");
    const town = b.entity("place", "Kestrel", { geo: TOWN });
    const group = b.entity("armed_group", "Red Hand");
    const strikeId = b.event("air_strike", "struck", {
      date: "2030-05-16",
      place: town,
      attributes: { salience: "main" },
    });
    const pastId = b.event("attack", "attack on a border post", { attributes: { salience: "background" } });
    b.claim("responsibility", "claimed", "claimed an attack on a border post", {
      speaker: group,
      about: [aboutHistory ? pastId : strikeId],
    });
    engine.add(b.input());
    const inc = engine.incidents()[0];
    const names = new Map(engine.entities().map((e) => [e.id, e.name]));
    return (inc?.perpetrators ?? []).filter((p) => p.basis === "claimed").map((p) => names.get(p.entity) ?? p.entity);
  }

  it("credit the incident with no claimant", () => {
    expect(claimedBy(true)).toEqual([]);
  });

  it("unlike a claim about the report's own event", () => {
    expect(claimedBy(false)).toEqual(["Red Hand"]);
  });
});
