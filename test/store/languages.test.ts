// A mixed-language document keeps its language stretches through the store.
import { describe, expect, it } from "vitest";
import { makeDocument } from "../../src/model/document.js";
import { SqliteStore } from "../../src/store/sqlite/store.js";

describe("language stretches in the store", () => {
  it("stores and reads back Document.languages, and leaves it out for one-language documents", async () => {
    const store = new SqliteStore(":memory:");
    try {
      const mixed = makeDocument({
        origin: "a.txt",
        format: "text",
        text: "First line in English.\nDeuxième ligne.",
        language: "en",
      });
      mixed.languages = [
        { start: 0, end: 22, language: "en" },
        { start: 23, end: 38, language: "fr" },
      ];
      const plain = makeDocument({ origin: "b.txt", format: "text", text: "Only English here.", language: "en" });
      await store.putDocument(mixed);
      await store.putDocument(plain);
      expect((await store.getDocument(mixed.id))?.languages).toEqual(mixed.languages);
      expect((await store.getDocument(plain.id))?.languages).toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
