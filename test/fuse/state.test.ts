import { describe, expect, it } from "vitest";
import { loadRows, packValue, stateRows, type TrackedMap, trackMaps, unpackValue } from "../../src/fuse/state.js";

describe("fusion state codec", () => {
  it("stores an object met twice in one value once and loads it back as one object", () => {
    const member = { ref: "d1#e1", names: ["Harbour Road"] };
    const cluster = { members: [member], reps: new Map([["sig", member]]) };
    const text = packValue(cluster);
    expect(text.match(/Harbour Road/g)).toHaveLength(1);
    const back = unpackValue(text) as typeof cluster;
    expect(back).toEqual(cluster);
    expect(back.reps.get("sig")).toBe(back.members[0]);
  });

  it("deflates long values and reads them back, keeping tags, sets and typed arrays", () => {
    const value = {
      words: Array.from({ length: 200 }, (_, i) => `word${i % 13}`),
      seen: new Set(["a", "b"]),
      sig: Uint32Array.from([7, 8, 9]),
      odd: { $m: "not a map" },
    };
    const text = packValue(value);
    expect(text.startsWith("~")).toBe(true);
    expect(text.length).toBeLessThan(JSON.stringify(value.words).length);
    expect(unpackValue(text)).toEqual(value);
    expect(packValue({ short: 1 })).toBe('{"short":1}');
  });

  it("records nothing until the first save, then only what changed", () => {
    const owner = { byName: new Map<string, { n: number }>([["x", { n: 1 }]]), count: 3 };
    const parts = [{ name: "p", obj: owner }];
    trackMaps(parts);
    owner.byName.set("y", { n: 2 });
    // a map that was never written whole cannot say what it deleted
    expect(() => stateRows(parts, false)).toThrow(/never saved or loaded/);
    const all = stateRows(parts, true);
    expect(all.map((r) => [r.part, r.key])).toEqual([
      ["p.byName", '"x"'],
      ["p.byName", '"y"'],
      ["p.count", ""],
    ]);
    owner.byName.delete("x");
    const changed = stateRows(parts, false).filter((r) => r.part === "p.byName");
    expect(changed).toEqual([{ part: "p.byName", key: '"x"', value: null }]);

    const fresh = { byName: new Map<string, { n: number }>(), count: 0 };
    const loaded = [{ name: "p", obj: fresh }];
    trackMaps(loaded);
    loadRows(loaded, all);
    expect([...fresh.byName]).toEqual([
      ["x", { n: 1 }],
      ["y", { n: 2 }],
    ]);
    expect(fresh.count).toBe(3);
    // loaded maps track from the load on
    expect(stateRows(loaded, false).filter((r) => r.part === "p.byName")).toEqual([]);
    (fresh.byName as TrackedMap<string, { n: number }>).touch("y");
    expect(
      stateRows(loaded, false)
        .filter((r) => r.part === "p.byName")
        .map((r) => r.key),
    ).toEqual(['"y"']);
  });
});
