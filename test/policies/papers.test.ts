import { describe, expect, it } from "vitest";
import { canRead, canReadAttachment, hidesTitle, withoutTitle } from "../../src/policies/papers";
import { READERS, expectations } from "./actors";

const paper = (isPublic: boolean, bodyId: string, route: string[]) => ({
  isPublic,
  bodyId,
  consultations: route.map((committeeId) => ({ committeeId })),
});

describe("papers and attachments policy", () => {
  const cases = [
    {
      name: "a public paper of body A",
      paper: paper(true, "A", ["c1"]),
      allowed: ["anonymous", "admin", "secretariatA", "secretariatB", "memberC1", "memberC2"],
    },
    { name: "a non-public paper routed through C1", paper: paper(false, "A", ["c1"]), allowed: ["admin", "secretariatA", "memberC1"] },
    {
      name: "a non-public paper routed through C1 and C2",
      paper: paper(false, "A", ["c1", "c2"]),
      allowed: ["admin", "secretariatA", "memberC1", "memberC2"],
    },
    { name: "a non-public paper with no route yet", paper: paper(false, "A", []), allowed: ["admin", "secretariatA"] },
    { name: "a non-public paper of body B", paper: paper(false, "B", ["x1"]), allowed: ["admin", "secretariatB"] },
  ] as const;

  for (const c of cases) {
    it.each(expectations([...c.allowed]))(`reads ${c.name}: %s → %s`, (key, allowed) => {
      expect(canRead(READERS[key].actor, READERS[key].readership, c.paper)).toBe(allowed);
      expect(canReadAttachment(READERS[key].actor, READERS[key].readership, c.paper)).toBe(allowed);
    });
  }
});

describe("the title of a withdrawn paper", () => {
  const paper = (isPublic: boolean, deleted = false) => ({ id: "p1", isPublic, deletedAt: deleted ? new Date() : null });
  it.each([
    // paper state, reader reads the non-public part, published by an invitation, hidden
    ["public", false, false, false],
    ["non-public", false, false, true],
    ["non-public", true, false, false],
    ["non-public", false, true, false],
    ["deleted", true, false, true],
    ["deleted", false, true, false],
  ] as const)("a %s paper, reader of the non-public part %s, published %s: hidden %s", (state, readsNonPublic, published, hidden) => {
    const p = state === "deleted" ? paper(true, true) : paper(state === "public");
    expect(hidesTitle(p, readsNonPublic, new Set(published ? ["p1"] : []))).toBe(hidden);
  });

  it("replaces every mention, in any case, and takes the title literally", () => {
    expect(withoutTitle("Beratung: Sprachcafé (neu) – sprachcafé (NEU)", "Sprachcafé (neu)")).toBe(
      "Beratung: (zurückgezogene Vorlage) – (zurückgezogene Vorlage)",
    );
    expect(withoutTitle("a.b", "a*b")).toBe("a.b");
  });
});
