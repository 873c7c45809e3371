// Reports in a script without a transliteration (Devanagari here) share the names their lexicon gave them in
// Latin letters. Sentences written for these tests.
import { describe, expect, it } from "vitest";
import { FusionEngine } from "../../src/fuse/index.js";
import { translatedNameTokens } from "../../src/fuse/names.js";
import type { Geo } from "../../src/model/records.js";
import { DocBuilder } from "./kerman-fixture.js";

const LAND: Geo = { lat: 30, lon: 70, country: "PK", precision: "country" };

describe("translated name tokens", () => {
  it("gives the Latin words of a group named in another script, not of one written out in the text", () => {
    const hindi = "नूर मोर्चा के ठिकानों पर मिसाइल हमला हुआ। Nasr Brigade ने भी बयान दिया।";
    expect([...translatedNameTokens(hindi, ["Nur Front", "Nasr Brigade"])]).toEqual(["nur", "front"]);
  });

  it("gives nothing for a report in the Latin script", () => {
    expect(translatedNameTokens("A Frente Nur reivindicou o ataque.", ["Nur Front"]).size).toBe(0);
  });
});

describe("undated reports in another script", () => {
  function report(text: string, group?: string): DocBuilder {
    const b = new DocBuilder(text, `Desk ${text.length}`, "2030-01-17");
    delete (b.doc as { publishedAt?: unknown }).publishedAt;
    const land = b.entity("place", "Pakistan", { geo: LAND });
    if (group) b.entity("armed_group", group);
    b.event("air_strike", text.split(" ")[0] ?? "", { place: land, attributes: { salience: "main" } });
    return b;
  }

  it("join when their lexicon names the same group, and stay apart when nothing but the country is shared", () => {
    const joined = new FusionEngine();
    joined.add(report("हवाई हमला पाकिस्तान में नूर मोर्चा के ठिकानों पर हुआ।", "Nur Front").input());
    joined.add(report("मिसाइल हमले में पाकिस्तान के भीतर नूर मोर्चा के दो ठिकाने नष्ट।", "Nur Front").input());
    expect(joined.incidents()).toHaveLength(1);
    const apart = new FusionEngine();
    apart.add(report("हवाई हमला पाकिस्तान में हुआ।").input());
    apart.add(report("मिसाइल हमले में पाकिस्तान के भीतर दो ठिकाने नष्ट।").input());
    expect(apart.incidents()).toHaveLength(2);
  });
});
