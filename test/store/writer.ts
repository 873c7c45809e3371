// One of the concurrent writers of test/store/concurrent.test.ts: stores documents into a shared
// store (a SQLite file or a postgres:// URL) as fast as it can, each put reading (duplicate check)
// before writing; every writer also files one common report, which only one of them may store.
import { openStore } from "../../src/store/index.js";
import { doc } from "../helpers.js";

const [location, name, count] = process.argv.slice(2) as [string, string, string];
const store = openStore(location);
let failed = 0;
for (let i = 0; i < Number(count); i++) {
  try {
    await store.putDocument(doc(`Writer ${name} filed report number ${i} on a quiet day at the port.`));
    if (i % 10 === 0) await store.upsertSource(`Outlet ${name}`, "C");
    if (i === Math.floor(Number(count) / 2)) {
      await store.putDocument(doc("Every writer files this same notice about the harbour.", { outlet: "Common Wire" }));
    }
  } catch (e) {
    failed++;
    console.error((e as Error).message);
  }
}
await store.close();
process.exitCode = failed ? 1 : 0;
