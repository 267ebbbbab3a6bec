import { describe, expect, it } from "vitest";
import { canManage, canRead } from "../../src/policies/item-requests";
import { C1, READERS, X1, expectations } from "./actors";

describe("item requests policy (§34 (1) GemO)", () => {
  it.each(expectations(["admin", "secretariatA", "memberC1"]))("reads the demanded items of C1: %s → %s", (key, allowed) => {
    expect(canRead(READERS[key].actor, READERS[key].readership, C1)).toBe(allowed);
  });

  it.each(expectations(["admin", "secretariatB"]))("reads the demanded items of X1 (body B): %s → %s", (key, allowed) => {
    expect(canRead(READERS[key].actor, READERS[key].readership, X1)).toBe(allowed);
  });

  it.each(expectations(["admin", "secretariatA"]))("records and schedules demands for C1: %s → %s", (key, allowed) => {
    expect(canManage(READERS[key].actor, C1)).toBe(allowed);
  });
});
