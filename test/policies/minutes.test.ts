import { describe, expect, it } from "vitest";
import { canActAsMember, canReadItemNotes, variantFor } from "../../src/policies/minutes";
import { C1, READERS, READER_KEYS, type ReaderKey } from "./actors";

const STATES = ["draft", "circulated", "final", "published", undefined] as const;

/** The variant each reader gets, per state of the minutes of a C1 meeting (undefined: no minutes yet). */
const EXPECTED: Record<ReaderKey, Record<string, "full" | "public" | null>> = {
  anonymous: { draft: null, circulated: null, final: null, published: "public", none: null },
  admin: { draft: "full", circulated: "full", final: "full", published: "full", none: "full" },
  secretariatA: { draft: "full", circulated: "full", final: "full", published: "full", none: "full" },
  secretariatB: { draft: null, circulated: null, final: null, published: "public", none: null },
  memberC1: { draft: null, circulated: "full", final: "full", published: "full", none: null },
  memberC2: { draft: null, circulated: null, final: null, published: "public", none: null },
};

describe("minutes policy", () => {
  for (const key of READER_KEYS) {
    it.each(STATES)(`gives the ${READERS[key].name} the right variant of minutes in state %s`, (state) => {
      expect(variantFor(READERS[key].actor, READERS[key].readership, C1, state)).toBe(EXPECTED[key][state ?? "none"]);
    });
  }

  it.each([
    ["full", true, true],
    ["full", false, true],
    ["public", true, true],
    ["public", false, false],
    [null, true, false],
    [null, false, false],
  ] as const)("reads item notes in variant %s of a public=%s item: %s", (variant, isPublic, allowed) => {
    expect(canReadItemNotes(variant, isPublic)).toBe(allowed);
  });

  it.each([
    ["memberC1", true],
    ["memberC2", false],
    ["secretariatA", false],
    ["admin", false],
    ["anonymous", false],
  ] as const)("lets only a member seated at the meeting object or sign: %s → %s", (key, allowed) => {
    expect(canActAsMember(READERS[key].actor, (personId) => personId === "p1")).toBe(allowed);
  });
});
