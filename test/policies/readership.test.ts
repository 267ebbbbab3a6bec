import { describe, expect, it } from "vitest";
import type { Principal } from "../../src/auth/principal";
import { PUBLIC_READERSHIP, managesBody, readableCommitteeIds, readsCommittee, resolveReadership } from "../../src/policies/readership";
import { C1, C2, READERS, X1, expectations } from "./actors";

const source = {
  seatsOf: async (personId: string) => (personId === "p1" ? ["c1"] : personId === "p2" ? ["c2"] : []),
  committeesOf: async (bodyId: string) => (bodyId === "A" ? ["c1", "c2"] : ["x1"]),
};

describe("readership", () => {
  it.each(Object.values(READERS))("resolves the readership of the $name", async ({ actor, readership }) => {
    expect(await resolveReadership(actor, source)).toEqual(readership);
  });

  it("gives the public nothing, and resolves nothing for it", async () => {
    const failing = { seatsOf: () => Promise.reject(new Error("no read")), committeesOf: () => Promise.reject(new Error("no read")) };
    expect(await resolveReadership({ kind: "anonymous" } as Principal, failing)).toBe(PUBLIC_READERSHIP);
  });

  it.each(expectations(["admin", "secretariatA", "memberC1"]))("reads committee C1 of body A: %s → %s", (key, allowed) => {
    expect(readsCommittee(READERS[key].actor, READERS[key].readership, C1)).toBe(allowed);
  });

  it.each(expectations(["admin", "secretariatA", "memberC2"]))("reads committee C2 of body A: %s → %s", (key, allowed) => {
    expect(readsCommittee(READERS[key].actor, READERS[key].readership, C2)).toBe(allowed);
  });

  it.each(expectations(["admin", "secretariatB"]))("reads committee X1 of body B: %s → %s", (key, allowed) => {
    expect(readsCommittee(READERS[key].actor, READERS[key].readership, X1)).toBe(allowed);
  });

  it.each(expectations(["admin", "secretariatA"]))("manages body A: %s → %s", (key, allowed) => {
    expect(managesBody(READERS[key].actor, "A")).toBe(allowed);
  });

  it("filters lists by the readable committees, or not at all for admins", () => {
    expect(readableCommitteeIds(READERS.admin.readership)).toBeNull();
    expect(readableCommitteeIds(READERS.secretariatA.readership)).toEqual(["c1", "c2"]);
    expect(readableCommitteeIds(READERS.memberC1.readership)).toEqual(["c1"]);
    expect(readableCommitteeIds(READERS.anonymous.readership)).toEqual([]);
  });
});
