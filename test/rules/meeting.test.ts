import { describe, expect, it } from "vitest";
import {
  MEETING_STATES,
  checkNoticePeriod,
  demandIsSupported,
  dueMeetingFor,
  transitionRefusal,
  type MeetingState,
} from "../../src/rules/meeting";

describe("meeting states", () => {
  const allowed: [MeetingState, MeetingState][] = [
    ["planned", "invited"],
    ["planned", "cancelled"],
    ["invited", "held"],
    ["invited", "cancelled"],
    ["held", "closed"],
  ];
  it("allows exactly planned → invited → held → closed, and cancelling before the meeting", () => {
    for (const from of MEETING_STATES) {
      for (const to of MEETING_STATES) {
        const ok = allowed.some(([a, b]) => a === from && b === to);
        expect(transitionRefusal(from, to) === undefined, `${from} → ${to}`).toBe(ok);
      }
    }
  });

  it("says why a transition is refused", () => {
    expect(transitionRefusal("held", "cancelled")).toMatch(/only a planned or invited meeting can be cancelled/);
    expect(transitionRefusal("closed", "held")).toMatch(/closed meeting is final/);
  });
});

describe("notice period (§34 (1) GemO)", () => {
  const meeting = new Date("2026-12-10T17:00:00Z"); // 18:00 in Berlin

  it("is kept with exactly 7 Berlin calendar days", () => {
    expect(checkNoticePeriod(meeting, new Date("2026-12-03T08:00:00Z"), 7)).toEqual({
      deadline: "2026-12-03",
      daysBeforeMeeting: 7,
      daysShort: 0,
      noticeDays: 7,
      late: false,
    });
  });

  it("is missed with 6 days", () => {
    expect(checkNoticePeriod(meeting, new Date("2026-12-04T08:00:00Z"), 7)).toMatchObject({
      daysBeforeMeeting: 6,
      daysShort: 1,
      late: true,
    });
  });

  it("counts Berlin dates, not UTC ones: 23:30 UTC on the 2nd is already the 3rd in Berlin", () => {
    expect(checkNoticePeriod(meeting, new Date("2026-12-02T23:30:00Z"), 7)).toMatchObject({
      daysBeforeMeeting: 7,
      daysShort: 0,
      late: false,
    });
  });

  it("counts calendar days across the change to summer time", () => {
    // Meeting on 2 April 2026 at 18:00 CEST; dispatch on 26 March 2026 CET: 7 days.
    expect(checkNoticePeriod(new Date("2026-04-02T16:00:00Z"), new Date("2026-03-26T10:00:00Z"), 7)).toMatchObject({
      daysBeforeMeeting: 7,
      daysShort: 0,
      late: false,
      deadline: "2026-03-26",
    });
  });
});

describe("demanded items (§34 (1) GemO)", () => {
  it("are due at the next-but-one meeting", () => {
    expect(dueMeetingFor(["m1", "m2", "m3"])).toBe("m2");
    expect(dueMeetingFor(["m1"])).toBeUndefined();
  });

  it("need a sixth of the members, or a group", () => {
    expect(demandIsSupported("members", 4, 19)).toBe(true); // 24 ≥ 19
    expect(demandIsSupported("members", 3, 19)).toBe(false); // 18 < 19
    expect(demandIsSupported("members", 6, 33)).toBe(true);
    expect(demandIsSupported("members", 5, 33)).toBe(false);
    expect(demandIsSupported("group", 1, 33)).toBe(true);
  });
});
