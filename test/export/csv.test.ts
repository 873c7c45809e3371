// GTD and ACLED CSV rows from the hand-made Kerman incident, and the CSV writer's quoting and
// formula-injection guard.
import { describe, expect, it } from "vitest";
import { ACLED_COLUMNS, acledCsv } from "../../src/export/csv/acled.js";
import { csvCell, parseCsv, toCsv } from "../../src/export/csv/csv.js";
import { GTD_COLUMNS, gtdCsv } from "../../src/export/csv/gtd.js";
import { kermanFixture } from "./fixture.js";

function rowsOf(csv: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(csv);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ""])));
}

describe("CSV writer", () => {
  it("quotes commas, quotes and line breaks per RFC 4180", () => {
    expect(csvCell('He said "no", then left')).toBe('"He said ""no"", then left"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(-9)).toBe("-9");
  });

  it("guards cells that a spreadsheet would run as formulas", () => {
    for (const bad of ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)"])
      expect(csvCell(bad).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell("=1,2")).toBe(`"'=1,2"`);
  });

  it("round-trips through the parser with CRLF rows", () => {
    const csv = toCsv(
      ["a", "b"],
      [
        { a: 'x, "y"', b: "line\r\nbreak" },
        { a: 1, b: null },
      ],
    );
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(parseCsv(csv)).toEqual([
      ["a", "b"],
      ['x, "y"', "line\r\nbreak"],
      ["1", ""],
    ]);
  });
});

describe("GTD export", () => {
  const csv = gtdCsv(kermanFixture().input);
  const [row] = rowsOf(csv);

  it("writes the codebook header", () => {
    expect(parseCsv(csv)[0]).toEqual([...GTD_COLUMNS]);
  });

  it("codes date, place, coordinates and specificity", () => {
    expect(row).toMatchObject({ eventid: "202401030001", iyear: "2024", imonth: "1", iday: "3", extended: "0" });
    expect(row).toMatchObject({ country_txt: "Iran", provstate: "Kerman Province", city: "Kerman" });
    expect([Number(row!.latitude), Number(row!.longitude), row!.specificity]).toEqual([30.28, 57.08, "1"]);
  });

  it("codes attack, target and weapon types from the codebook", () => {
    expect(row).toMatchObject({ attacktype1: "3", attacktype1_txt: "Bombing/Explosion" });
    expect(row).toMatchObject({ targtype1_txt: "Private Citizens & Property", target1: "mourners" });
    expect(row!.weaptype1_txt).toBe("Explosives");
  });

  it("codes the group, the claim and suicide", () => {
    expect(row!.gname).toBe("Khorasan Chapter of the Islamic State");
    expect(row).toMatchObject({ suicide: "1", claimed: "1", compclaim: "0", doubtterr: "0" });
    expect(row!.claimmode_txt).toBe("Posted to website, blog, etc.");
  });

  it("codes the current death toll (the later report's lead figure) and names the dispute in the summary", () => {
    expect(row!.nkill).toBe("84");
    expect(row!.nwound).toBe("171");
    expect(row!.summary).toMatch(/103 \(Caspian Wire/);
    expect(row!.summary).toMatch(/95 \(Zagros Monitor/);
    expect(row!.scite1).toContain("Caspian Wire");
  });
});

describe("ACLED export", () => {
  const csv = acledCsv(kermanFixture().input);
  const [row] = rowsOf(csv);

  it("writes the codebook header", () => {
    expect(parseCsv(csv)[0]).toEqual([...ACLED_COLUMNS]);
  });

  it("codes the event as a suicide bomb against civilians with the lowest credible fatalities", () => {
    expect(row).toMatchObject({
      event_id_cnty: "IRN1",
      event_date: "2024-01-03",
      year: "2024",
      time_precision: "1",
      disorder_type: "Political violence",
      event_type: "Explosions/Remote violence",
      sub_event_type: "Suicide bomb",
      actor1: "Islamic State Khorasan Province",
      actor2: "Civilians (Iran)",
      interaction: "27",
      country: "Iran",
      admin1: "Kerman Province",
      location: "Kerman",
      geo_precision: "1",
      fatalities: "84",
    });
    expect(row!.source).toBe("Caspian Wire; Zagros Monitor");
    expect(row!.notes).toContain("current figure 84, lowest credible 84");
    expect(row!.timestamp).toBe(String(Date.parse("2024-01-06T00:00:00Z") / 1000));
  });

  it("follows the event ontology's codebook mappings for ontology event types", () => {
    const { input } = kermanFixture();
    for (const f of input.facts)
      for (const e of f.events) Object.assign(e, { type: "attack", subtype: "Bombing/Explosion" });
    const [g] = rowsOf(gtdCsv(input));
    const [a] = rowsOf(acledCsv(input));
    expect(g!.attacktype1_txt).toBe("Bombing/Explosion");
    expect([a!.event_type, a!.sub_event_type]).toEqual(["Explosions/Remote violence", "Suicide bomb"]);
    for (const f of input.facts)
      for (const e of f.events) Object.assign(e, { type: "air_strike", subtype: undefined, attributes: {} });
    input.fusion.incidents[0]!.attributes.suicide = [];
    input.fusion.incidents[0]!.attributes.weapon = [];
    const [b] = rowsOf(acledCsv(input));
    expect([b!.event_type, b!.sub_event_type]).toEqual(["Explosions/Remote violence", "Air/drone strike"]);
  });

  it("ignores a lower figure from a source graded E (unreliable) when others report", () => {
    const { input, docB } = kermanFixture();
    input.sources = input.sources.map((s) => (s.name === "Zagros Monitor" ? { ...s, reliability: "E" as const } : s));
    const [r] = rowsOf(acledCsv(input));
    expect(r!.fatalities).toBe("103");
    expect(docB.outlet).toBe("Zagros Monitor");
  });
});
