import { describe, expect, it } from "vitest";
import { read } from "./helpers.js";

// A figure of one foreign nationality ("12 US soldiers" in Kabul) is a part of the attack's toll, not the toll.
describe("figures of nationals of another country", () => {
  it("marks a toll of foreign nationals as a part (Spanish)", () => {
    const r = read("Doce militares estadounidenses murieron en un atentado con bomba en Kabul.", "es");
    const killed = r.main?.counts.find((c) => c.kind === "killed");
    expect(killed).toMatchObject({ value: 12, subset: "nationals of United States" });
  });

  it("marks a toll of foreign nationals named before the figure's noun (German)", () => {
    const r = read("Bei dem Anschlag in Kabul gab es viele Tote. Unter den Toten sind zwölf US-Soldaten.", "de");
    expect(r.main?.counts.find((c) => c.value === 12)?.subset).toBe("nationals of United States");
  });

  it("keeps a toll of the attack's own country as the toll", () => {
    const r = read("Doce soldados afganos murieron en un atentado con bomba en Kabul.", "es");
    const killed = r.main?.counts.find((c) => c.kind === "killed");
    expect(killed?.value).toBe(12);
    expect(killed?.subset).toBeUndefined();
  });
});
