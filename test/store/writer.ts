// One of the concurrent writers of test/store/concurrent.test.ts: stores documents into a shared
// SQLite file as fast as it can, each put reading (duplicate check) before writing.
import { SqliteStore } from "../../src/store/sqlite/store.js";
import { doc } from "../helpers.js";

const [file, name, count] = process.argv.slice(2) as [string, string, string];
const store = new SqliteStore(file);
let failed = 0;
for (let i = 0; i < Number(count); i++) {
  try {
    await store.putDocument(doc(`Writer ${name} filed report number ${i} on a quiet day at the port.`));
    if (i % 10 === 0) await store.upsertSource(`Outlet ${name}`, "C");
  } catch (e) {
    failed++;
    console.error((e as Error).message);
  }
}
await store.close();
process.exitCode = failed ? 1 : 0;
