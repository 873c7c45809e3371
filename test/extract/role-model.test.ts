// The learned role check: a hand-made model shows the decision rule (drop a phrase only when "none" beats its
// role by the role's margin; named entities, unchecked roles and other event types untouched), and the shipped
// model file is read with the classes the code expects.
import { existsSync, readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { ROLE_CLASSES, roleFeatures } from "../../src/extract/events/role-features.js";
import { checkRoles, ROLE_MODEL_PATH, type RoleModel, setRoleModel } from "../../src/extract/events/role-model.js";
import type { Event } from "../../src/model/records.js";

const TEXT = "Soldiers fired on a crowd and burned a truck with a lantern.";

function event(type: string): Event {
  const span = (text: string, role: string, entity?: string) => {
    const start = TEXT.indexOf(text);
    const p = { role, text, span: { doc: "d", start, end: start + text.length, text } };
    return entity ? { ...p, entity } : p;
  };
  const t = span("burned", "x");
  return {
    id: "d:ev0",
    doc: "d",
    type,
    trigger: t.span,
    participants: [span("a truck", "target"), span("a lantern", "weapon"), span("Soldiers", "attacker", "e1")],
    counts: [],
    modality: "asserted",
    attributes: {},
    rule: "test",
    confidence: 1,
  };
}

/** A model whose only weight says "none" for the head "lantern" by `w`. */
function model(w: number, margins: Record<string, number>): RoleModel {
  const row = ROLE_CLASSES.map((c) => (c === "none" ? w : 0));
  return { about: "test", classes: [...ROLE_CLASSES], margins, weights: { "h=lantern": row } };
}

const roles = (e: Event) => e.participants.map((p) => p.role);

afterEach(() => setRoleModel(undefined));

describe("learned role check", () => {
  it("drops a phrase when 'none' beats its role by more than the role's margin", () => {
    setRoleModel(model(5, { weapon: 2, target: 2 }));
    expect(roles(checkRoles(TEXT, [event("attack")])[0]!)).toEqual(["target", "attacker"]);
  });

  it("keeps it within the margin, for a role without a margin, and outside violent events", () => {
    setRoleModel(model(1, { weapon: 2 }));
    expect(roles(checkRoles(TEXT, [event("attack")])[0]!)).toContain("weapon");
    setRoleModel(model(5, { target: 0 }));
    expect(roles(checkRoles(TEXT, [event("attack")])[0]!)).toContain("weapon");
    setRoleModel(model(5, { weapon: 0 }));
    expect(roles(checkRoles(TEXT, [event("arrest")])[0]!)).toContain("weapon");
  });

  it("gives features of what, where and which event", () => {
    const e = event("attack");
    const f = roleFeatures(TEXT, e, e.participants[1]!);
    expect(f).toEqual(expect.arrayContaining(["h=lantern", "rh=weapon|lantern", "t=burned", "side=weapon|after"]));
  });

  it("ships a model with the expected classes and only checked roles in its margins", () => {
    if (!existsSync(ROLE_MODEL_PATH)) return void console.warn(`skipped: ${ROLE_MODEL_PATH} missing`);
    const m = JSON.parse(readFileSync(ROLE_MODEL_PATH, "utf8")) as RoleModel;
    expect(m.classes).toEqual([...ROLE_CLASSES]);
    for (const r of Object.keys(m.margins)) expect(ROLE_CLASSES).toContain(r);
  });
});
