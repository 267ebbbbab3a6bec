import { describe, expect, it } from "vitest";
import { canManage, canSeeContactData, where } from "../../src/policies/people";
import { READERS, expectations } from "./actors";

describe("people policy", () => {
  it.each(expectations(["admin", "secretariatA"]))("sees the contact data of a person of body A: %s → %s", (key, allowed) => {
    expect(canSeeContactData(READERS[key].actor, { bodyId: "A" })).toBe(allowed);
    expect(canManage(READERS[key].actor, { bodyId: "A" })).toBe(allowed);
  });

  it.each(expectations(["admin", "secretariatA", "secretariatB"]))("lists people who hold no seat: %s → %s", (key, allowed) => {
    expect(Object.keys(where(READERS[key].actor)).length === 0).toBe(allowed);
  });
});
