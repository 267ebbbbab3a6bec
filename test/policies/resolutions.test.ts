import { describe, expect, it } from "vitest";
import { canRead, canReadContext } from "../../src/policies/resolutions";
import { C1, READERS, X1, expectations } from "./actors";

const everyone = ["anonymous", "admin", "secretariatA", "secretariatB", "memberC1", "memberC2"] as const;

describe("resolutions policy", () => {
  const cases = [
    {
      name: "a public resolution of C1",
      resolution: { isPublic: true, announcedAt: null },
      committee: C1,
      read: everyone,
      context: everyone,
    },
    {
      name: "a non-public resolution of C1",
      resolution: { isPublic: false, announcedAt: null },
      committee: C1,
      read: ["admin", "secretariatA", "memberC1"],
      context: ["admin", "secretariatA", "memberC1"],
    },
    // §35 (1) GemO: the announcement makes the wording public, not the item or the paper.
    {
      name: "an announced non-public resolution of C1",
      resolution: { isPublic: false, announcedAt: new Date("2026-03-01T17:00:00Z") },
      committee: C1,
      read: everyone,
      context: ["admin", "secretariatA", "memberC1"],
    },
    {
      name: "a non-public resolution of X1 (body B)",
      resolution: { isPublic: false, announcedAt: null },
      committee: X1,
      read: ["admin", "secretariatB"],
      context: ["admin", "secretariatB"],
    },
  ] as const;

  for (const c of cases) {
    it.each(expectations([...c.read]))(`reads ${c.name}: %s → %s`, (key, allowed) => {
      expect(canRead(READERS[key].actor, READERS[key].readership, c.resolution, c.committee)).toBe(allowed);
    });
    it.each(expectations([...c.context]))(`reads the item and paper behind ${c.name}: %s → %s`, (key, allowed) => {
      expect(canReadContext(READERS[key].actor, READERS[key].readership, c.resolution, c.committee)).toBe(allowed);
    });
  }
});
