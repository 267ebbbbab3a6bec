import { describe, expect, it } from "vitest";
import {
  MEETING_STATES,
  checkNoticePeriod,
  demandIsSupported,
  meetingPlace,
  dueMeetingFor,
  meetingNumbers,
  numberYearOf,
  transitionRefusal,
  type MeetingState,
  type NumberSlot,
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
    expect(transitionRefusal("held", "cancelled")).toMatch(/abgesagt wird nur eine geplante oder einberufene Sitzung/);
    expect(transitionRefusal("closed", "held")).toMatch(/abgeschlossene Sitzung ist endgültig/);
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

describe("meeting numbers", () => {
  const slot = (id: string, date: string, sequenceNumber: number, fixed = false): NumberSlot => ({
    id,
    startsAt: new Date(`${date}T17:00:00Z`),
    fixed,
    sequenceNumber,
  });
  const numbered = (slots: NumberSlot[]) => Object.fromEntries(meetingNumbers(slots));

  it("follow the date order, not the order of creation", () => {
    expect(numbered([slot("march", "2026-03-05", 1), slot("may", "2026-05-07", 2), slot("april", "2026-04-02", 0)])).toEqual({
      march: 1,
      april: 2,
      may: 3,
    });
  });

  it("never change once the invitation has gone out; a planned meeting before it takes the next free number", () => {
    const slots = [slot("march", "2026-03-05", 1, true), slot("may", "2026-05-07", 2, true), slot("april", "2026-04-02", 0)];
    expect(numbered(slots)).toEqual({ march: 1, may: 2, april: 3 });
    const planned = [slot("march", "2026-03-05", 1, true), slot("june", "2026-06-11", 2), slot("may", "2026-05-07", 0)];
    expect(numbered(planned)).toEqual({ march: 1, may: 2, june: 3 });
  });

  it("close the gap a deleted planned meeting leaves, and count by the Berlin year", () => {
    expect(numbered([slot("a", "2026-03-05", 1, true), slot("c", "2026-07-09", 3)])).toEqual({ a: 1, c: 2 });
    expect(numberYearOf(new Date("2026-12-31T23:30:00Z"))).toBe(2027);
    expect(numberYearOf(new Date("2026-12-31T22:59:00Z"))).toBe(2026);
  });
});

describe("meetingPlace", () => {
  it("names the place once, with a numbered room as a room, and nothing while nothing is known", () => {
    expect(meetingPlace({ name: "Rathaus", room: "1.12", address: "Marktplatz 1" })).toBe("Rathaus, Raum 1.12, Marktplatz 1");
    expect(meetingPlace({ name: "Rathaus", room: "Raum 2.01", address: null })).toBe("Rathaus, Raum 2.01");
    expect(meetingPlace({ name: null, room: "Großer Sitzungssaal", address: null })).toBe("Großer Sitzungssaal");
    expect(meetingPlace({ name: null, room: null, address: null })).toBeNull();
  });
});
