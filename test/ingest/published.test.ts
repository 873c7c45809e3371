// Publication-date parsing from metadata: the calendar day as written, in several notations.
import { describe, expect, it } from "vitest";
import { parsePublished } from "../../src/ingest/published.js";

describe("parsePublished", () => {
  it.each([
    ["2024-01-03T23:45:00-05:00", "2024-01-03", "day"],
    ["2024-01-04T01:15:00+03:30", "2024-01-04", "day"],
    ["2024-01", "2024-01", "month"],
    ["2024", "2024", "year"],
    ["Wed, 03 Jan 2024 21:00:00 +0330", "2024-01-03", "day"],
    ["3 January 2024", "2024-01-03", "day"],
    ["January 5, 2024", "2024-01-05", "day"],
    ["D:20240105100000Z", "2024-01-05", "day"],
    ["D:202401", "2024-01", "month"],
  ])("%s → %s (%s)", (input, iso, precision) => {
    expect(parsePublished(input)).toMatchObject({ iso, precision });
  });

  it.each(["", "soon", "2024-13-01", "2024-02-30T10:00:00Z"])("rejects %j", (input) => {
    expect(parsePublished(input)).toBeUndefined();
  });
});
