// End-to-end check on the two shared seed articles: analyze + extractEntities must find the key
// actors with the right types. Skipped when ../shared is not present.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractEntities } from "../../src/extract/entities/index.js";
import { type Entity, Entity as EntitySchema } from "../../src/model/records.js";
import { analyze } from "../../src/nlp/analyze.js";
import { SHARED } from "../helpers.js";

const dir = join(SHARED, "seeds");
if (!existsSync(dir)) console.log(`[entities seeds] ${dir} not found: skipping the seed-article test`);

describe.skipIf(!existsSync(dir))("entities on the seed articles", () => {
  const entities: Entity[] = [];
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".txt"))) {
      const text = readFileSync(join(dir, f), "utf8");
      const id = f.replace(/\W/g, "");
      const r = extractEntities(analyze({ id, text }), { id });
      for (const m of r.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
      for (const e of r.entities) EntitySchema.parse(e);
      entities.push(...r.entities);
    }
  }
  const find = (name: string, type: string) =>
    entities.find((e) => e.type === type && (e.name === name || e.aliases.includes(name)));

  it("finds the armed groups", () => {
    expect(find("IS-K", "armed_group")?.name).toBe("Islamic State Khorasan Province");
    expect(find("IS-KP", "armed_group")?.name).toBe("Islamic State Khorasan Province");
    expect(find("Taliban", "armed_group")).toBeDefined();
  });

  it("finds the people with roles", () => {
    expect(find("Qassem Soleimani", "person") ?? find("Qassim Soleimani", "person")).toBeDefined();
    expect(find("Abdollah Tajiki", "person")?.aliases).toContain("Tajiki");
    expect(find("Hassan Kazemi Qomi", "person")?.role).toBe("Special Envoy for Afghanistan");
    expect(find("Ali Khamenei", "person")).toBeDefined();
    expect(find("Mona Hojat Ansari", "person")).toBeDefined();
  });

  it("finds places, outlets and state bodies", () => {
    expect(find("Kerman", "place")?.geo?.country).toBe("IR");
    expect(find("Idlib", "place")?.geo?.country).toBe("SY");
    expect(find("Tehran Times", "organization")).toBeDefined();
    expect(find("Ministry of Intelligence", "organization")).toBeDefined();
  });

  it("keeps headline fragments out of the people", () => {
    const people = entities.filter((e) => e.type === "person").map((e) => e.name);
    expect(people).not.toContain("Tragic Abbreviation");
    expect(people).not.toContain("Previous");
  });
});
