import { describe, expect, it } from "vitest";
import { canManage, canObject, canRead } from "../../src/policies/written-procedures";
import { C1, READERS, expectations } from "./actors";

describe("written procedures policy (§37 (1) GemO)", () => {
  it.each(expectations(["admin", "secretariatA", "memberC1"]))("reads a written procedure of C1: %s → %s", (key, allowed) => {
    expect(canRead(READERS[key].actor, READERS[key].readership, C1)).toBe(allowed);
  });

  it.each(expectations(["admin", "secretariatA"]))("starts and concludes one in C1: %s → %s", (key, allowed) => {
    expect(canManage(READERS[key].actor, C1)).toBe(allowed);
  });

  it.each([
    ["memberC1", { votingRight: true }, true],
    ["memberC1", { votingRight: false }, false],
    ["memberC2", null, false],
    ["secretariatA", { votingRight: true }, false],
    ["admin", { votingRight: true }, false],
    ["anonymous", null, false],
  ] as const)("lets %s with seat %j object: %s", (key, seat, allowed) => {
    expect(canObject(READERS[key].actor, seat)).toBe(allowed);
  });
});
