// Who is never a perpetrator, and what is never a name, on reports written for this test: speakers,
// outlets, ministries and responders are not attackers; the victims of a headline are not; a
// person's surname is no town; a title-case headline fragment is no person.
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { dateValue } from "../../src/model/dates.js";
import { makeDocument } from "../../src/model/document.js";
import type { DocFacts } from "../../src/model/records.js";

function facts(text: string, outlet?: string): DocFacts {
  return extractFacts(
    makeDocument({
      origin: "t",
      text,
      format: "text",
      publishedAt: dateValue(2022, 6, 1),
      ...(outlet ? { outlet } : {}),
    }),
  );
}
const attackers = (f: DocFacts) =>
  f.events.flatMap((e) =>
    e.participants.filter((p) => p.role === "attacker" || p.role === "claimant").map((p) => p.text),
  );

describe("never the doer", () => {
  it("a titled official who speaks about the attack", () => {
    const f = facts("President Anna Lind condemned the bombing of the market by militants on Sunday.");
    expect(attackers(f).join("|")).not.toMatch(/Lind/);
  });

  it("officials and ministries that report it", () => {
    expect(attackers(facts("Provincial officials said the bombing killed six people.")).join("|")).not.toMatch(
      /officials/i,
    );
    const f = facts("The Ministry of Foreign Affairs said the strike killed two farmers.");
    expect(attackers(f).join("|")).not.toMatch(/Ministry/);
  });

  it("police that respond to it", () => {
    expect(attackers(facts("Police responded to the shooting at the mall within minutes."))).not.toContain("Police");
  });

  it("the victims of a headline, and a negated group", () => {
    const f = facts("Nine people killed in market blast\nNo group has claimed the attack so far.");
    expect(attackers(f).join("|")).not.toMatch(/people|No group/);
  });

  it("keeps the group that speaks of its own attack", () => {
    const f = facts("The Islamic State said it carried out the attack on the checkpoint.");
    expect(attackers(f).join("|")).toMatch(/Islamic State/);
  });

  it("a news agency voicing a claim is the speaker; the group it names is the claimant", () => {
    const f = facts("Amaq, the news outlet of the Islamic State, claimed responsibility for the bombing.");
    const claim = f.claims.find((c) => c.kind === "responsibility");
    const target = f.entities.find((e) => e.id === claim?.target);
    expect(target?.name).toBe("Islamic State");
  });
});

describe("not a place, not a name", () => {
  it("a person's surname told alone is not geocoded as a town", () => {
    const f = facts(
      "The wounded were flown from the United States base, Maj. Gen. William Taylor said. Taylor also said the gate stayed shut.",
    );
    expect(f.entities.filter((e) => e.type === "place").map((e) => e.name)).not.toContain("Taylor");
  });

  it("a title-case headline fragment does not become a person", () => {
    const f = facts("Islamic State Claims City Church Attack\nGunmen opened fire during a service on Sunday.");
    expect(f.entities.filter((e) => e.type === "person").map((e) => e.name)).toEqual([]);
  });
});

describe("claims about the report's main attack", () => {
  it("a claim for 'the attack' is about the main event first", () => {
    const f = facts(
      [
        "Gunmen stormed a police post in the hills on Monday, killing five officers.",
        "The Islamic State claimed responsibility for the attack on Tuesday.",
      ].join("\n"),
    );
    const main = f.events.find((e) => e.attributes.salience === "main");
    const claim = f.claims.find((c) => c.kind === "responsibility");
    expect(main).toBeDefined();
    expect(claim?.about[0]).toBe(main!.id);
  });

  it("an armed group that reports an attack is not dropped, one that condemns it is", () => {
    const reported = facts("The Islamic State said in a statement that its fighters attacked the convoy.");
    expect(attackers(reported).join("|")).toMatch(/Islamic State|fighters/);
    const condemned = facts("The Taliban condemned the bombing of the market.");
    expect(attackers(condemned).join("|")).not.toMatch(/Taliban/);
  });
});
