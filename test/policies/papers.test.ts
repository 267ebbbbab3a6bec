import { describe, expect, it } from "vitest";
import { canRead, canReadAttachment } from "../../src/policies/papers";
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
