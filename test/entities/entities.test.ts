// Entity extraction on sentences written for these tests (names of real public figures and
// groups are facts; the sentences are ours). Each test checks one rule's real output.
import { describe, expect, it } from "vitest";
import { extractEntities } from "../../src/extract/entities/index.js";
import { type Entity, Entity as EntitySchema, Mention as MentionSchema } from "../../src/model/records.js";
import { analyze } from "../../src/nlp/analyze.js";

function run(text: string) {
  const id = "abcdef0123456789";
  const r = extractEntities(analyze({ id, text }), { id });
  const byName = (name: string): Entity | undefined =>
    r.entities.find((e) => e.name === name || e.aliases.includes(name));
  return { ...r, byName, text };
}

describe("armed groups", () => {
  it("matches IS case-sensitively and never the verb 'is'", () => {
    const r = run("IS claimed the bombing in Kabul, but the ministry said the claim is false.");
    const groups = r.mentions.filter((m) => m.kind === "armed_group");
    expect(groups.map((m) => m.text)).toEqual(["IS"]);
    expect(r.byName("Islamic State")?.type).toBe("armed_group");
  });

  it("maps IS-K aliases, possessives included, to one entity", () => {
    const r = run(
      "Later ISKP and IS-K’s media wing, and also Islamic State Khorasan, were blamed; ISIS-K denied it and IS-KP stayed silent.",
    );
    const ids = new Set(r.mentions.filter((m) => m.kind === "armed_group").map((m) => m.entity));
    expect(ids.size).toBe(1);
    const e = r.entities.find((x) => x.type === "armed_group")!;
    expect(e.name).toBe("Islamic State Khorasan Province");
    expect(r.mentions.filter((m) => m.entity === e.id && m.kind === "armed_group")).toHaveLength(5);
    expect(r.mentions.some((m) => m.text === "IS-K’s")).toBe(false);
  });

  it("skips the generic 'an Islamic State' (the idea of a state)", () => {
    const r = run(
      "The group wants to build an Islamic State across the region, and the Islamic State already claimed it.",
    );
    expect(r.mentions.filter((m) => m.kind === "armed_group")).toHaveLength(1);
  });

  it("does not read the verb 'let' as LeT", () => {
    const r = run("Guards let the convoy pass, while LeT denied any role.");
    expect(r.mentions.filter((m) => m.kind === "armed_group").map((m) => m.text)).toEqual(["LeT"]);
  });
});

describe("people", () => {
  it("splits a title with its complement from the name and keeps the affiliation", () => {
    const r = run(
      "Pakistan’s Special Envoy for Afghanistan Farid Nouri Zadran met reporters. Zadran said talks would resume.",
    );
    const p = r.byName("Farid Nouri Zadran");
    expect(p?.type).toBe("person");
    expect(p?.role).toBe("Special Envoy for Afghanistan");
    expect(p?.affiliation).toBe("Pakistan");
    // The short form resolves to the full name.
    expect(p?.aliases).toContain("Zadran");
    expect(r.mentions.filter((m) => m.entity === p?.id && m.kind === "person")).toHaveLength(2);
    expect(r.mentions.find((m) => m.kind === "title")?.text).toBe("Special Envoy for Afghanistan");
    expect(r.byName("Afghanistan")?.type).toBe("place");
  });

  it("reads 'a Tajik national named X' as a person with nationality TJ", () => {
    const r = run(
      "Police said a Tajik national named Karim Rustamov had crossed the border. Rustamov was later detained.",
    );
    expect(r.byName("Tajik")?.type).toBe("nationality");
    expect(r.byName("Tajik")?.country).toBe("TJ");
    const p = r.byName("Karim Rustamov");
    expect(p?.type).toBe("person");
    expect(p?.country).toBe("TJ");
    expect(p?.aliases).toContain("Rustamov");
  });

  it("strips honorifics from names and keeps them as the role", () => {
    const r = run("Ayatollah Ali Khamenei promised revenge, and Mullah Abdul Ghani Baradar called for calm.");
    expect(r.byName("Ali Khamenei")?.role).toBe("Ayatollah");
    expect(r.byName("Abdul Ghani Baradar")?.type).toBe("person");
  });

  it("finds appositive people and the outlet inside the appositive", () => {
    const r = run("Dilnoza Karimova, a Reuters correspondent, filed the report from Dushanbe.");
    expect(r.byName("Dilnoza Karimova")?.type).toBe("person");
    expect(r.byName("Dilnoza Karimova")?.role).toBe("Reuters correspondent");
    expect(r.byName("Reuters")?.type).toBe("organization");
  });

  it("does not turn headline words or page furniture into people", () => {
    const r = run("Tragic Abbreviation or Worrying Pattern?\nPrevious\nNext\nBreadcrumb");
    expect(r.entities.filter((e) => e.type === "person")).toEqual([]);
  });

  it("reads speech cues as people only for plain names", () => {
    const r = run(
      "Peace is near, said Rahmat Gul Shirzad. Nadia Olsen told reporters the talks failed. The Kerman Attacks said nothing.",
    );
    expect(r.byName("Rahmat Gul Shirzad")?.type).toBe("person");
    expect(r.byName("Nadia Olsen")?.type).toBe("person");
    expect(r.entities.find((e) => e.name === "Kerman Attacks")).toBeUndefined();
    expect(r.byName("Kerman")?.type).toBe("place");
  });

  it("links a transliteration slip of a surname to the person", () => {
    const r = run("Foreign Minister Hossein Amirabdollahian spoke first. Later Amirabdollaian repeated the point.");
    const p = r.byName("Hossein Amirabdollahian");
    expect(p?.aliases).toContain("Amirabdollaian");
  });
});

describe("organisations, facilities, places and states", () => {
  it("ties an acronym to its expansion and finds state bodies", () => {
    const r = run("The Islamic Revolutionary Guard Corps (IRGC) said IRGC units and the Quds Force were deployed.");
    const irgc = r.byName("IRGC");
    expect(irgc?.type).toBe("organization");
    expect(r.mentions.filter((m) => m.entity === irgc?.id)).toHaveLength(3);
    expect(r.byName("Quds Force")?.type).toBe("organization");
  });

  it("uses organisation and facility head nouns", () => {
    const r = run(
      "The Balkh University and the Ministry of Interior condemned the raid on the Blue Mosque and Crocus City Hall.",
    );
    expect(r.byName("Balkh University")?.type).toBe("organization");
    expect(r.byName("Ministry of Interior")?.type).toBe("organization");
    expect(r.byName("Blue Mosque")?.type).toBe("facility");
    expect(r.byName("Crocus City Hall")?.type).toBe("facility");
    expect(r.byName("Crocus City Hall")?.geo?.country).toBe("RU");
  });

  it("geocodes places with the document's countries as context", () => {
    const r = run(
      "Syria said its troops entered Palmyra. A bus station in Kerman was hit, and jets struck Idlib Governorate.",
    );
    expect(r.byName("Palmyra")?.geo?.country).toBe("SY");
    expect(r.byName("Kerman")?.geo?.country).toBe("IR");
    const idlib = r.byName("Idlib Governorate");
    expect(idlib?.geo?.precision).toBe("admin1");
    expect(idlib?.geo?.country).toBe("SY");
  });

  it("marks a country that acts as a state and a mentioned one as a place", () => {
    const r = run("Turkey condemned the attack. Refugees returned to Lebanon.");
    expect(r.byName("Turkey")?.type).toBe("state");
    expect(r.byName("Turkey")?.country).toBe("TR");
    expect(r.byName("Lebanon")?.type).toBe("place");
  });

  it("reads US as the country, never the French town", () => {
    const r = run("The US embassy issued a warning to travellers.");
    expect(r.byName("US")?.country).toBe("US");
    expect(r.byName("US")?.geo?.precision).toBe("country");
  });

  it("treats Kurdish as an ethnicity without a country", () => {
    const r = run("Kurdish activists marched in Erbil.");
    const k = r.byName("Kurdish");
    expect(k?.type).toBe("nationality");
    expect(k?.country).toBeUndefined();
    expect(r.byName("Erbil")?.geo?.country).toBe("IQ");
  });

  it("gives every mention an exact span, a rule and an entity", () => {
    const r = run("Iran’s Ministry of Intelligence said 12 suspects linked to Jaish al-Adl were held in Zahedan.");
    for (const m of r.mentions) {
      expect(r.text.slice(m.start, m.end)).toBe(m.text);
      expect(m.rule.length).toBeGreaterThan(0);
      expect(r.entities.some((e) => e.id === m.entity && e.mentions.includes(m.id))).toBe(true);
      expect(m.id.startsWith("abcdef012345:m")).toBe(true);
    }
    // Records validate against the shared zod schemas.
    for (const m of r.mentions) expect(() => MentionSchema.parse(m)).not.toThrow();
    for (const e of r.entities) expect(() => EntitySchema.parse(e)).not.toThrow();
    expect(r.byName("Jaish al-Adl")?.type).toBe("armed_group");
    expect(r.byName("Ministry of Intelligence")?.type).toBe("organization");
  });
});

describe("armed-group gazetteer API", () => {
  it("has at least 150 groups with unique ids and resolves aliases", async () => {
    const { armedGroups, resolveArmedGroup } = await import("../../src/extract/entities/groups.js");
    const all = armedGroups();
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(new Set(all.map((g) => g.id)).size).toBe(all.length);
    expect(resolveArmedGroup("ISIS-K")?.id).toBe("is-k");
    expect(resolveArmedGroup("Wilayat Khorasan")?.parent).toBe("is");
    expect(resolveArmedGroup("is")).toBeUndefined();
  });
});
