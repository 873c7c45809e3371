import { describe, expect, it } from "vitest";
import type { Entity } from "../../src/model/records.js";
import { EntityResolver, jaroWinkler, phoneticKey, sameEntity } from "../../src/resolve/entities/index.js";

let n = 0;
const ent = (type: Entity["type"], name: string, extra: Partial<Entity> = {}): Entity => ({
  id: `l${++n}`,
  type,
  name,
  aliases: [name],
  mentions: [],
  ...extra,
});
const person = (name: string, extra: Partial<Entity> = {}) => ent("person", name, extra);

describe("transliteration-aware person matching", () => {
  it.each([
    ["Qassem Soleimani", "Qasem Soleimani"],
    ["Qassem Soleimani", "Qassim Suleimani"],
    ["Gen. Qassem Soleimani", "Qassem Soleimani"],
    ["Hossein Amirabdollahian", "Hossein Amirabdollaian"],
    ["Hossein Amirabdollahian", "Hussein Amir-Abdollahian"],
    ["Mohammed al-Bashir", "Muhammad el-Bashir"],
    ["Mohammad Bagheri", "Muhammad Baqeri"],
    ["Ebrahim Raisi", "Ibrahim Raeesi"],
    ["Abu Bakr al-Baghdadi", "Abu Bakr el-Baghdady"],
    ["Ahmad Vahidi", "Ahmed Wahidi"],
  ])("%s ~ %s", (a, b) => {
    const r = sameEntity(person(a), person(b));
    expect(r.match, r.reason).toBe(true);
  });

  it.each([
    ["Hassan Nasrallah", "Hussein Nasrallah"],
    ["Ali Khamenei", "Ali Larijani"],
    ["Mahmoud Abbas", "Mohammed Abbas"],
    ["Qassem Soleimani", "Mohammad Soleimani"],
  ])("%s ≁ %s", (a, b) => {
    expect(sameEntity(person(a), person(b)).match).toBe(false);
  });

  it("never merges on a shared surname alone", () => {
    const r = sameEntity(person("Soleimani"), person("Qassem Soleimani"));
    expect(r.match).toBe(false);
    expect(r.strength).toBe("weak");
  });

  it("phonetic keys fold the usual spelling variants", () => {
    expect(phoneticKey("qassem")).toBe(phoneticKey("qasim"));
    expect(phoneticKey("amirabdollahian")).toBe(phoneticKey("amirabdollaian"));
    expect(phoneticKey("soleimani")).toBe(phoneticKey("suleimany"));
    expect(phoneticKey("hassan")).not.toBe(phoneticKey("hussein"));
    expect(jaroWinkler("martha", "marhta")).toBeCloseTo(0.961, 3);
  });
});

describe("organisations and armed groups", () => {
  it("matches an acronym with its expansion", () => {
    expect(sameEntity(ent("armed_group", "IRGC"), ent("armed_group", "Islamic Revolutionary Guard Corps")).match).toBe(
      true,
    );
    expect(
      sameEntity(ent("organization", "Islamic Revolutionary Guards Corps"), ent("armed_group", "IRGC")).match,
    ).toBe(true);
    expect(sameEntity(ent("armed_group", "IS"), ent("armed_group", "Islamic State")).match).toBe(true);
  });

  it("keeps parent and child groups apart", () => {
    expect(sameEntity(ent("armed_group", "IS"), ent("armed_group", "IS-K")).match).toBe(false);
    const parent = ent("armed_group", "Islamic State", { rule: "gazetteer:armed-groups:islamic-state" });
    const child = ent("armed_group", "Islamic State Khorasan", {
      aliases: ["Islamic State Khorasan", "Islamic State"],
      rule: "gazetteer:armed-groups:iskp",
    });
    const r = sameEntity(parent, child);
    expect(r.match).toBe(false);
    expect(r.blocked).toBe(true);
  });

  it("does not merge across incompatible types", () => {
    expect(sameEntity(ent("person", "Jordan Smith"), ent("state", "Jordan")).match).toBe(false);
  });
});

describe("EntityResolver", () => {
  it("links variants across documents and records the evidence", () => {
    const r = new EntityResolver();
    const a = r.addDocument("d1", [person("Qassem Soleimani", { id: "x" })]);
    const b = r.addDocument("d2", [person("Qasem Suleimani", { id: "y" })]);
    expect(b.get("y")).toBe(a.get("x"));
    const ev = r.evidence(a.get("x") ?? "");
    expect(ev[0]?.reason).toMatch(/transliteration/);
    const e = r.entities().find((x) => x.id === a.get("x"));
    expect(e?.aliases).toEqual(expect.arrayContaining(["Qassem Soleimani", "Qasem Suleimani"]));
  });

  it("leaves a bare surname alone when two people share it", () => {
    const r = new EntityResolver();
    const q = r.addDocument("d1", [person("Qassem Soleimani", { id: "a" })]).get("a");
    const m = r.addDocument("d2", [person("Mohammad Soleimani", { id: "b" })]).get("b");
    expect(q).not.toBe(m);
    const s = r.addDocument("d3", [person("Soleimani", { id: "c" })]).get("c");
    expect([q, m]).not.toContain(s);
  });

  it("links a surname with a second cue when only one candidate qualifies", () => {
    const r = new EntityResolver();
    const full = r.addDocument("d1", [person("Hossein Salami", { id: "a", role: "IRGC commander" })]).get("a");
    const bare = r.addDocument("d2", [person("Salami", { id: "b", role: "IRGC commander" })]).get("b");
    expect(bare).toBe(full);
    const other = r.addDocument("d3", [person("Salami", { id: "c" })]).get("c");
    expect(other).not.toBe(full);
  });

  it("gives stable ids derived from the canonical key", () => {
    const mk = () => {
      const r = new EntityResolver();
      r.addDocument("d1", [ent("armed_group", "IRGC", { id: "g" })]);
      return r.entities().map((e) => e.id);
    };
    expect(mk()).toEqual(mk());
  });
});

describe("gazetteer entries without an explicit id", () => {
  it("uses the gazetteer's canonical name: same entry merges, parent and child stay apart", () => {
    const rule = "gazetteer:armed-groups";
    const is1 = ent("armed_group", "Islamic State", { aliases: ["ISIS"], rule });
    const is2 = ent("armed_group", "Islamic State", { aliases: ["Daesh"], rule });
    const iskp = ent("armed_group", "Islamic State Khorasan Province", { aliases: ["ISIS"], rule });
    expect(sameEntity(is1, is2).match).toBe(true);
    expect(sameEntity(is1, iskp).match).toBe(false);
  });
});
