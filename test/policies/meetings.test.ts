import { describe, expect, it } from "vitest";
import { canReadItem, canReadNonPublicPart, itemConditionSql, publishesAttendance } from "../../src/policies/meetings";
import { C1, READERS, X1, expectations } from "./actors";

describe("meetings and agenda items policy", () => {
  it.each(expectations(["admin", "secretariatA", "memberC1"]))("reads the non-public part of a C1 meeting: %s → %s", (key, allowed) => {
    expect(canReadNonPublicPart(READERS[key].actor, READERS[key].readership, C1)).toBe(allowed);
  });

  it.each(expectations(["admin", "secretariatB"]))("reads the non-public part of an X1 meeting (other body): %s → %s", (key, allowed) => {
    expect(canReadNonPublicPart(READERS[key].actor, READERS[key].readership, X1)).toBe(allowed);
  });

  it.each(expectations(["anonymous", "admin", "secretariatA", "secretariatB", "memberC1", "memberC2"]))(
    "reads a public item of C1: %s → %s",
    (key, allowed) => {
      expect(canReadItem(READERS[key].actor, READERS[key].readership, { isPublic: true }, C1)).toBe(allowed);
    },
  );

  it.each(expectations(["admin", "secretariatA", "memberC1"]))("reads a non-public item of C1: %s → %s", (key, allowed) => {
    expect(canReadItem(READERS[key].actor, READERS[key].readership, { isPublic: false }, C1)).toBe(allowed);
  });

  it("limits the SQL of the public part to public items", () => {
    expect(itemConditionSql(false, "i")).toBe('i."isPublic" = 1');
    expect(itemConditionSql(true, "i")).toBe("1 = 1");
  });

  it("publishes attendance only for a held meeting of a body that chose to publish it", () => {
    for (const state of ["planned", "invited", "held", "closed", "cancelled"]) {
      expect(publishesAttendance({ publishAttendance: false }, { state }), state).toBe(false);
      expect(publishesAttendance({ publishAttendance: true }, { state }), state).toBe(state === "held" || state === "closed");
    }
  });
});
