// `npx tsx scripts/db-bytes.ts STORE.db`: where a SQLite store's bytes go, per table and index (the dbstat virtual
// table: pages each b-tree holds, and the payload in them), as bytes per byte of stored document text. Read-only.
import Database from "better-sqlite3";

const file = process.argv[2];
if (!file) throw new Error("usage: tsx scripts/db-bytes.ts STORE.db");
const db = new Database(file, { readonly: true });
const text = db.prepare("SELECT sum(length(CAST(text AS BLOB))) FROM documents").pluck().get() as number;
const rows = db
  .prepare("SELECT name, sum(pgsize) AS bytes, sum(payload) AS payload FROM dbstat GROUP BY name ORDER BY bytes DESC")
  .all() as { name: string; bytes: number; payload: number }[];
const total = rows.reduce((s, r) => s + r.bytes, 0);
console.log(`text ${text} B, database ${total} B: ${(total / text).toFixed(2)} B per text byte`);
for (const r of rows) {
  if (r.bytes / text < 0.005) continue;
  console.log(
    `${r.name.padEnd(34)} ${String(r.bytes).padStart(11)} ${(r.bytes / text).toFixed(2).padStart(6)}  payload ${r.payload}`,
  );
}
db.close();
