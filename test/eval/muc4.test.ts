import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { keyAsResponse } from "../../eval/muc4/gold.js";
import { loadMuc, scoreMuc } from "../../eval/muc4/index.js";
import { parseKeyDate } from "../../eval/muc4/muc-dates.js";
import { predictRoles } from "../../eval/muc4/predict.js";
import { parseProcessedDoc } from "../../eval/muc4/processed.js";
import { parseKeyText } from "../../eval/muc4/raw-keys.js";
import { goldAsPrediction, goldEntities, scoreRee, scoreRole } from "../../eval/muc4/ree.js";
import {
  dateCredit,
  locationCredit,
  type ResponseTemplate,
  scoreMessage,
  stringCredit,
  typeCredit,
} from "../../eval/muc4/slots.js";
import { SHARED } from "../helpers.js";

// A key written for these tests in the MUC layout (invented incident).
const KEY = `0.  MESSAGE: ID                     TEST-MUC4-0001
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  - 12 MAY 90
3.  INCIDENT: LOCATION              PERU: LIMA (CITY): MIRAFLORES (DISTRICT)
4.  INCIDENT: TYPE                  BOMBING
5.  INCIDENT: STAGE OF EXECUTION    ACCOMPLISHED
6.  INCIDENT: INSTRUMENT ID         "CAR BOMB"
9.  PERP: INDIVIDUAL ID             "URBAN COMMANDOS" / "COMMANDOS"
10. PERP: ORGANIZATION ID           "RED DAWN FRONT" / "RDF"
12. PHYS TGT: ID                    "POWER STATION"
                                    ? "FENCE"
18. HUM TGT: NAME                   "ANA TORRES"
19. HUM TGT: DESCRIPTION            "JUDGE": "ANA TORRES"
                                    "GUARDS"
23. HUM TGT: EFFECT OF INCIDENT     DEATH: "ANA TORRES"
                                    INJURY: "GUARDS"

0.  MESSAGE: ID                     TEST-MUC4-0002
1.  MESSAGE: TEMPLATE               *
`;

const empty = (): ResponseTemplate => ({
  incidentType: "",
  weapon: [],
  perpInd: [],
  perpOrg: [],
  target: [],
  victim: [],
  effect: [],
});

describe("MUC-4 key parsing", () => {
  const keys = parseKeyText(KEY);
  it("reads templates, alternatives, optional fillers and irrelevant messages", () => {
    expect(keys).toHaveLength(2);
    const k = keys[0]!;
    expect(k.messageId).toBe("TEST-MUC4-0001");
    expect(k.slots.get(10)![0]!.alternatives).toEqual(['"RED DAWN FRONT"', '"RDF"']);
    expect(k.slots.get(12)!.map((f) => f.optional)).toEqual([false, true]);
    expect(keys[1]!.irrelevant).toBe(true);
  });

  it("parses default dates and ranges", () => {
    expect(parseKeyDate("- 12 MAY 90")).toEqual({ end: "1990-05-12", isDefault: true });
    expect(parseKeyDate("(10 MAY 90 - 11 MAY 90)")).toEqual({
      start: "1990-05-10",
      end: "1990-05-11",
      isDefault: false,
    });
  });

  it("gold keys as responses score 100 on every slot", () => {
    const scores = scoreMessage([keyAsResponse(keys[0]!)], keys);
    for (const c of scores.values()) expect(c.credit).toBe(c.gold);
  });
});

describe("MUC-4 1992 partial credit", () => {
  it("scores strings, dates, locations and types as the guidelines describe", () => {
    expect(stringCredit("the 3 commandos", "COMMANDOS")).toBe(1);
    expect(stringCredit("torres", "ANA TORRES")).toBe(0.5);
    expect(stringCredit("bridge", "POWER STATION")).toBe(0);
    expect(dateCredit({ start: "1990-05-11", end: "1990-05-11" }, { end: "1990-05-12", isDefault: true })).toBe(0.5);
    expect(dateCredit({ start: "1990-05-13", end: "1990-05-13" }, { end: "1990-05-12", isDefault: true })).toBe(0);
    const loc = { country: "PERU", places: ["LIMA", "MIRAFLORES"] };
    expect(locationCredit(["peru", "miraflores"], loc)).toBe(1);
    expect(locationCredit(["peru", "lima"], loc)).toBe(0.5);
    expect(locationCredit(["peru"], loc)).toBe(0.5);
    expect(locationCredit(["chile", "arica"], loc)).toBe(0);
    expect(typeCredit("ATTACK", "BOMBING")).toBe(0.5);
    expect(typeCredit("ARSON", "BOMBING")).toBe(0);
  });

  it("counts POS/ACT per slot for a partly right response and a spurious one", () => {
    const keys = parseKeyText(KEY);
    const resp: ResponseTemplate = {
      ...empty(),
      incidentType: "BOMBING",
      perpOrg: ["rdf", "army"],
      target: ["power station", "fence"],
      victim: ["torres"],
    };
    const s = scoreMessage([resp], keys.slice(0, 1));
    expect(s.get("PERP: ORGANIZATION ID")).toEqual({ credit: 1, predicted: 2, gold: 1 });
    // The optional "FENCE" counts in POS only because it was matched.
    expect(s.get("PHYS TGT: ID")).toEqual({ credit: 2, predicted: 2, gold: 2 });
    expect(s.get("HUM TGT: NAME/DESCRIPTION")).toEqual({ credit: 0.5, predicted: 1, gold: 2 });
    expect(s.get("INCIDENT: DATE")).toEqual({ credit: 0, predicted: 0, gold: 1 });
    const spurious = scoreMessage([{ ...empty(), incidentType: "ATTACK", perpInd: ["gunmen"] }], keys.slice(1));
    expect(spurious.get("PERP: INDIVIDUAL ID")).toEqual({ credit: 0, predicted: 1, gold: 0 });
  });
});

describe("MUC-4 role-filler entities", () => {
  const doc = parseProcessedDoc({
    docid: "T-1",
    doctext: "unused",
    templates: [
      {
        incident_type: "bombing",
        PerpInd: [
          [
            ["urban commandos", 0],
            ["commandos", 9],
          ],
        ],
        PerpOrg: [[["red dawn front", 20]]],
        Target: [[["power station", 40]]],
        Victim: [],
        Weapon: [[["car bomb", 60]]],
      },
      { incident_type: "attack", PerpInd: [[["commandos", 9]]], PerpOrg: [], Target: [], Victim: [], Weapon: [] },
    ],
  });

  it("merges entities across templates that share a mention", () => {
    expect(goldEntities(doc, "PerpInd")).toHaveLength(1);
  });

  it("matches a prediction to any mention, each gold entity once", () => {
    expect(scoreRole(["Commandos", "the urban commandos"], goldEntities(doc, "PerpInd"), "exact")).toEqual({
      credit: 1,
      predicted: 2,
      gold: 1,
    });
    expect(scoreRole(["a bomb"], goldEntities(doc, "Weapon"), "exact").credit).toBe(0);
    expect(scoreRole(["a bomb"], goldEntities(doc, "Weapon"), "head").credit).toBe(1);
  });

  it("gold as prediction scores 100 and an empty prediction 0 recall", () => {
    const gold = scoreRee([doc], new Map([[doc.id, goldAsPrediction(doc)]]), "exact");
    expect(gold.rows.at(-1)!.f1).toBe(100);
    const none = scoreRee([doc], new Map(), "exact");
    expect(none.rows.at(-1)!.r).toBe(0);
  });

  it("REE fillers are the templates' union, once each; Victim keeps named people only", () => {
    const templates = [
      { ...empty(), perpOrg: ["x", "X"], victim: ["a peasant", "Ana Torres"] },
      { ...empty(), perpOrg: ["x"], victim: ["Ana Torres"] },
    ];
    const roles = predictRoles({ templates, namedVictims: ["Ana Torres"] });
    expect(roles.PerpOrg).toEqual(["x"]);
    expect(roles.Victim).toEqual(["Ana Torres"]);
  });
});

const MUC = join(SHARED, "research-data/muc4");
if (!existsSync(MUC)) console.warn(`skipping MUC-4 data checks: ${MUC} not found`);

describe.skipIf(!existsSync(MUC))("MUC-4 dev data", () => {
  it("reads 200 dev documents with keys, and keys as responses score 100", () => {
    const data = loadMuc({ data: MUC, limit: 40 });
    expect(data.docs).toHaveLength(40);
    expect(data.keys.size).toBeGreaterThan(30);
    const t = new Map(
      data.docs.map((d) => [
        d.id,
        { templates: (data.keys.get(d.id) ?? []).filter((k) => !k.irrelevant).map(keyAsResponse), namedVictims: [] },
      ]),
    );
    const slots = scoreMuc(data, t).at(-1)!;
    expect(slots.rows.at(-1)!.f1).toBe(100);
  });

  it("processed gold as prediction scores 100 on REE", () => {
    const data = loadMuc({ data: MUC, limit: 40 });
    const preds = new Map(data.docs.map((d) => [d.id, goldAsPrediction(d)]));
    expect(scoreRee(data.docs, preds, "exact").rows.at(-1)!.f1).toBe(100);
  });
});

describe("MUC-4 keys_json fallback", () => {
  it("reads string slots, colon clauses and optional templates", async () => {
    const { parseJsonKeys } = await import("../../eval/muc4/json-keys.js");
    const text = `%%%
[["message_id", "T-9"], ["message_template", 1], ["message_template_optional", true], ["incident_type", "ARSON"],
 ["perp_organization_id", {"strings": ["RED DAWN FRONT", "RDF"], "type": "simple_strings"}],
 ["hum_tgt_name", {"strings": ["ANA TORRES"], "type": "simple_strings"}],
 ["hum_tgt_description", {"strings_lhs": ["JUDGE"], "strings_rhs": ["ANA TORRES"], "type": "colon_clause"}],
 ["phys_tgt_id", null]]
%%%`;
    const [k] = parseJsonKeys(text);
    expect(k!.optional).toBe(true);
    const resp: ResponseTemplate = { ...empty(), incidentType: "ARSON", perpOrg: ["RDF"], victim: ["judge"] };
    const s = scoreMessage([resp], [k!]);
    expect(s.get("PERP: ORGANIZATION ID")).toEqual({ credit: 1, predicted: 1, gold: 1 });
    expect(s.get("HUM TGT: NAME/DESCRIPTION")).toEqual({ credit: 1, predicted: 1, gold: 1 });
    expect(scoreMessage([keyAsResponse(k!)], [k!]).get("INCIDENT: TYPE")!.credit).toBe(1);
  });
});
