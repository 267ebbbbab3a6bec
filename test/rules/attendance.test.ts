import { describe, expect, it } from "vitest";
import { presenceAtItem, type AttendanceRecord } from "../../src/rules/attendance";

const seats = [
  { membershipId: "m1", personId: "p1" },
  { membershipId: "m2", personId: "p2" },
  { membershipId: "m3", personId: "p3" },
  { membershipId: "m4", personId: "p4" },
];
const record = (personId: string, status: AttendanceRecord["status"], more: Partial<AttendanceRecord> = {}): AttendanceRecord => ({
  personId,
  status,
  standsInFor: null,
  fromItem: null,
  untilItem: null,
  ...more,
});

describe("presence per item (§37 (2), §18, §37a GemO)", () => {
  it("§37a: counts members in the room and connected remotely", () => {
    const presence = presenceAtItem(
      seats,
      [record("p1", "present"), record("p2", "remote"), record("p3", "excused"), record("p4", "absent")],
      0,
      new Set(),
    );
    expect(presence).toMatchObject({ votingMembers: 4, presentNotRecused: 2, recused: 0 });
  });

  it("§37 (2): a deputy standing in counts and votes in the member's place", () => {
    const presence = presenceAtItem(
      seats,
      [record("p1", "present"), record("p2", "excused"), record("d2", "present", { standsInFor: "m2" })],
      0,
      new Set(),
    );
    expect(presence.presentNotRecused).toBe(2);
    expect(presence.voters.map((v) => v.personId)).toEqual(["p1", "d2"]);
  });

  it("§37 (2): arrivals and departures count per item", () => {
    const records = [record("p1", "present", { fromItem: 2 }), record("p2", "present", { untilItem: 3 })];
    expect([0, 1, 2, 3, 4].map((i) => presenceAtItem(seats, records, i, new Set()).presentNotRecused)).toEqual([1, 1, 2, 1, 1]);
  });

  it("§18: a recused member is left out of quorum and count, but counted as recused", () => {
    const presence = presenceAtItem(seats, [record("p1", "present"), record("p2", "present")], 0, new Set(["p2"]));
    expect(presence).toMatchObject({ presentNotRecused: 1, recused: 1 });
    expect(presence.voters.find((v) => v.personId === "p2")!.recused).toBe(true);
  });
});
