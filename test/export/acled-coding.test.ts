// ACLED event types by actor and target (ACLED codebook): armed groups attacking security forces fight Battles;
// explosive and remote weapons are Explosions/Remote violence whoever they hit; violence by an armed group against
// unarmed people is Violence against civilians.
import { describe, expect, it } from "vitest";
import { acledEventTypeOf } from "../../src/export/csv/codebooks.js";
import { acledSubEvent } from "../../src/export/csv/coding.js";

describe("ACLED sub-event by actor and target", () => {
  it("an armed group's direct attack on police or soldiers is an armed clash (Battles)", () => {
    for (const target of ["Police", "Military"]) {
      const sub = acledSubEvent("Attack", target, "armed_group");
      expect(sub).toBe("Armed clash");
      expect(acledEventTypeOf(sub)).toBe("Battles");
    }
    expect(acledSubEvent("Attack", "Police", undefined)).toBe("Armed clash");
  });

  it("the same attack on civilians stays violence against civilians", () => {
    const sub = acledSubEvent("Attack", "Private Citizens & Property", "armed_group");
    expect(acledEventTypeOf(sub)).toBe("Violence against civilians");
  });

  it("bombs and strikes stay Explosions/Remote violence even against security forces; abductions stay abductions", () => {
    expect(acledEventTypeOf(acledSubEvent("Suicide bomb", "Military", "armed_group"))).toBe(
      "Explosions/Remote violence",
    );
    expect(acledSubEvent("Remote explosive/landmine/IED", "Police", "armed_group")).toBe(
      "Remote explosive/landmine/IED",
    );
    expect(acledSubEvent("Abduction/forced disappearance", "Police", "armed_group")).toBe(
      "Abduction/forced disappearance",
    );
  });

  it("state forces attacking are not a battle against themselves", () => {
    expect(acledSubEvent("Attack", "Police", "state")).toBe("Attack");
  });
});
