import { describe, expect, it } from "vitest";
import { attendanceSheetAccess } from "../../src/policies/attendance";
import { canSeeContactData } from "../../src/policies/people";
import { PERSONAL_FIELDS, audienceOf, reads, type Audience, type PersonalField } from "../../src/policies/personal-data";
import { C1, READERS, type ReaderKey } from "./actors";

/** The table the policy must hold: every personal field × every audience. */
const EXPECTED: Record<PersonalField, Record<Audience, boolean>> = {
  "person.name": { public: true, committee: true, staff: true },
  "person.contact": { public: false, committee: false, staff: true },
  "person.withoutSeat": { public: false, committee: false, staff: true },
  "minutes.absence": { public: true, committee: true, staff: true },
  "minutes.absenceReason": { public: false, committee: true, staff: true },
  "attendance.excuseReason": { public: false, committee: false, staff: true },
  "minutes.recusal": { public: true, committee: true, staff: true },
  "minutes.recusalNote": { public: false, committee: true, staff: true },
  "minutes.interruptionReason": { public: false, committee: true, staff: true },
  "minutes.objection": { public: false, committee: true, staff: true },
  "minutes.signature": { public: true, committee: true, staff: true },
};

describe("personal data policy", () => {
  it("names every personal field in the table", () => {
    expect(Object.keys(PERSONAL_FIELDS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const rows = Object.entries(EXPECTED).flatMap(([field, audiences]) =>
    Object.entries(audiences).map(([audience, allowed]) => [field, audience, allowed] as const),
  );
  it.each(rows)("%s for %s → %s", (field, audience, allowed) => {
    expect(reads(audience as Audience, field as PersonalField)).toBe(allowed);
  });

  const audiences: Record<ReaderKey, Audience> = {
    anonymous: "public",
    admin: "staff",
    secretariatA: "staff",
    secretariatB: "public",
    memberC1: "committee",
    memberC2: "public",
  };
  it.each(Object.entries(audiences))("puts %s in the audience %s of a C1 record", (key, audience) => {
    const reader = READERS[key as ReaderKey];
    expect(audienceOf(reader.actor, reader.readership, C1)).toBe(audience);
  });

  it.each(Object.entries(audiences))("gives %s the attendance sheet of a C1 meeting by that audience", (key, audience) => {
    const reader = READERS[key as ReaderKey];
    const expected = { public: null, committee: "without_reasons", staff: "with_reasons" }[audience];
    expect(attendanceSheetAccess(reader.actor, reader.readership, C1)).toBe(expected);
  });

  it.each(Object.entries(audiences))("shows %s contact data of a person of body A by that audience", (key, audience) => {
    expect(canSeeContactData(READERS[key as ReaderKey].actor, { bodyId: "A" })).toBe(audience === "staff");
  });
});
