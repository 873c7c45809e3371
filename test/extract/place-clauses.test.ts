// Which place in a sentence is the event's: not one told after a speech verb ("…, the ministry said, adding it
// had summoned the envoy in <capital>"), not one of another event's clause ("the strike comes after attacks in
// <country>"), and not a capital standing for its government ("<capital> and <capital> often accuse …").
// Sentences written for this test.
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { makeDocument } from "../../src/model/document.js";

function placeOf(text: string, type: string): string | undefined {
  const doc = makeDocument({ origin: "t", format: "text", text });
  const f = extractFacts(doc);
  const ev = f.events.find((e) => e.type === type);
  return ev?.place ? f.entities.find((x) => x.id === ev.place)?.name : undefined;
}

describe("the event's own place", () => {
  it("a place after a speech verb belongs to what was said", () => {
    expect(
      placeOf(
        "Pakistan protested. Two boys died in an airstrike by Iran, the ministry said, adding it had summoned the envoy in Lahore.",
        "air_strike",
      ),
    ).toBeUndefined();
    expect(
      placeOf("Pakistan protested. An airstrike by Iran hit a village near Lahore, police said.", "air_strike"),
    ).toBe("Lahore");
  });

  it("a capitalised name that spells a speech verb is not one", () => {
    expect(placeOf("A suicide bomber, Said Karimi, 19, blew himself up on a bus in Haifa.", "attack")).toBe("Haifa");
  });

  it("a place of a meeting told in a when-clause is the meeting's", () => {
    expect(
      placeOf("Iran protested. The drone attack came on the day when both envoys met in Geneva.", "air_strike"),
    ).toBeUndefined();
  });

  it("a place after another event's trigger, past a clause link, is that event's", () => {
    expect(
      placeOf("Iran protested. The airstrike comes after militants carried out attacks in Quetta.", "air_strike"),
    ).toBeUndefined();
  });

  it("a capital coordinated with another before a stance verb stands for its government", () => {
    expect(
      placeOf(
        "Pakistan protested on Wednesday. Kabul and Dushanbe routinely blame one another for sheltering the gunmen behind attacks.",
        "attack",
      ),
    ).toBeUndefined();
  });
});

describe("where the wounded were taken", () => {
  it("is not where the attack happened", () => {
    const text =
      "Pakistan mourned. After the suicide bombing hit the rally, the wounded were admitted to hospitals in Peshawar.";
    expect(placeOf(text, "attack")).toBeUndefined();
    expect(placeOf("Pakistan mourned. The suicide bombing hit a rally in Peshawar.", "attack")).toBe("Peshawar");
  });

  it("is where a victim died when the death is told in a where-clause of it", () => {
    const text = "A man was shot on Friday. He was taken to a hospital in Hartford, where he died.";
    expect(placeOf(text, "death")).toBe("Hartford");
  });
});
