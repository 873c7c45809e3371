// Turns a store of the current schema back into the layout before migration 9 (doc_facts WITHOUT ROWID, fusion_state
// rows with part names, deflated values as '~' + base64 text), so tests can open a store as the previous schema wrote
// it and check what the upgrade reads back.
import type Database from "better-sqlite3";
import { unpackStateValue } from "../../src/store/sqlite/state-rows.js";

export function downgradeToV8(db: Database.Database): void {
  db.function("state_unpack", (v: unknown) => unpackStateValue(v as string | Buffer));
  db.exec(`
    CREATE TABLE doc_facts_v8 (
      doc TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
      data BLOB NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO doc_facts_v8 (doc, data) SELECT doc, data FROM doc_facts;
    DROP TABLE doc_facts;
    ALTER TABLE doc_facts_v8 RENAME TO doc_facts;
    CREATE TABLE fusion_state_v8 (part TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (part, key));
    INSERT INTO fusion_state_v8 (rowid, part, key, value)
      SELECT s.rowid, p.name, s.key, state_unpack(s.value) FROM fusion_state s JOIN fusion_state_parts p ON p.id = s.part
      ORDER BY s.rowid;
    DROP TABLE fusion_state;
    DROP TABLE fusion_state_parts;
    ALTER TABLE fusion_state_v8 RENAME TO fusion_state;
  `);
  db.pragma("user_version = 8");
}
