// Loads the official OASIS STIX 2.1 JSON schemas from ../shared (never copied into the project) into
// one ajv draft-2020-12 validator; $refs resolve by each file's $id.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { SHARED } from "../helpers.js";

export const STIX_SCHEMAS = join(SHARED, "stix2-json-schemas", "schemas");
export const haveStixSchemas = existsSync(STIX_SCHEMAS);

const BASE = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas";

type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };

export interface StixValidator {
  object(o: { type: string }): string[];
  bundle(b: unknown): string[];
}

export function stixValidator(): StixValidator {
  const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({
    strict: false,
    allErrors: false,
    unicodeRegExp: false,
    logger: false,
  });
  (addFormats as unknown as (a: unknown) => void)(ajv);
  for (const folder of readdirSync(STIX_SCHEMAS)) {
    for (const f of readdirSync(join(STIX_SCHEMAS, folder))) {
      if (!f.endsWith(".json")) continue;
      ajv.addSchema(JSON.parse(readFileSync(join(STIX_SCHEMAS, folder, f), "utf8")));
    }
  }
  const cache = new Map<string, Validate>();
  const get = (path: string): Validate => {
    let v = cache.get(path);
    if (!v) {
      v = ajv.getSchema(`${BASE}/${path}`) as Validate;
      if (!v) throw new Error(`no schema ${path}`);
      cache.set(path, v);
    }
    return v;
  };
  const run = (v: Validate, data: unknown): string[] =>
    v(data) ? [] : (v.errors ?? []).map((e) => JSON.stringify(e).slice(0, 300));
  return {
    object(o) {
      const folder = ["relationship", "sighting"].includes(o.type)
        ? "sros"
        : ["extension-definition", "marking-definition", "language-content"].includes(o.type)
          ? "common"
          : "sdos";
      return run(get(`${folder}/${o.type}.json`), o);
    },
    bundle(b) {
      return run(get("common/bundle.json"), b);
    },
  };
}
