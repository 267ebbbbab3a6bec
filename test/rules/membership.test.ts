import { describe, expect, it } from "vitest";
import { addDays, berlinDateOf, isCalendarDate } from "../../src/rules/calendar";
import { defaultVotingRight, mayVote, periodIncludes, periodsOverlap } from "../../src/rules/membership";

describe("periods of membership", () => {
  it.each([
    ["touching on one day", { startDate: "2024-01-01", endDate: "2024-06-30" }, { startDate: "2024-06-30", endDate: null }, true],
    ["adjacent", { startDate: "2024-01-01", endDate: "2024-06-30" }, { startDate: "2024-07-01", endDate: null }, false],
    ["both open-ended", { startDate: "2019-01-01", endDate: null }, { startDate: "2030-01-01", endDate: null }, true],
    ["one inside the other", { startDate: "2019-01-01", endDate: "2029-12-31" }, { startDate: "2020-01-01", endDate: "2020-01-01" }, true],
    ["the second before the first", { startDate: "2024-01-01", endDate: null }, { startDate: "2019-01-01", endDate: "2023-12-31" }, false],
  ])("%s", (_, a, b, expected) => {
    expect(periodsOverlap(a, b)).toBe(expected);
    expect(periodsOverlap(b, a)).toBe(expected);
  });

  it("includes both ends", () => {
    const period = { startDate: "2024-07-01", endDate: "2029-06-30" };
    expect(periodIncludes(period, "2024-07-01")).toBe(true);
    expect(periodIncludes(period, "2029-06-30")).toBe(true);
    expect(periodIncludes(period, "2029-07-01")).toBe(false);
    expect(periodIncludes({ startDate: "2024-07-01", endDate: null }, "2099-01-01")).toBe(true);
  });
});

describe("voting rights by role (§40 (1) GemO: expert citizens only advise in deciding committees)", () => {
  it.each([
    ["chair", true, true],
    ["deputy_chair", true, true],
    ["member", true, true],
    ["deputy", false, true],
    ["advisory_member", false, false],
    ["minute_taker", false, false],
  ] as const)("%s votes by default: %s; may vote: %s", (role, byDefault, may) => {
    expect(defaultVotingRight(role)).toBe(byDefault);
    expect(mayVote(role)).toBe(may);
  });
});

describe("calendar dates in Europe/Berlin", () => {
  it("takes the Berlin date, not the UTC one, around midnight", () => {
    expect(berlinDateOf(new Date("2026-11-20T23:30:00Z"))).toBe("2026-11-21"); // CET, UTC+1
    expect(berlinDateOf(new Date("2026-07-31T22:30:00Z"))).toBe("2026-08-01"); // CEST, UTC+2
    expect(berlinDateOf(new Date("2026-07-31T21:30:00Z"))).toBe("2026-07-31");
  });

  it("accepts only real dates", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("2025-02-29")).toBe(false);
    expect(isCalendarDate("2025-13-01")).toBe(false);
    expect(isCalendarDate("2025-1-01")).toBe(false);
  });

  it("adds days across month and year ends", () => {
    expect(addDays("2026-12-28", 7)).toBe("2027-01-04");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("Berlin wall-clock time", () => {
  it("shows instants with the offset in force", async () => {
    const { berlinIsoOf, germanDateTimeOf } = await import("../../src/rules/calendar");
    expect(berlinIsoOf(new Date("2026-12-10T17:00:00Z"))).toBe("2026-12-10T18:00:00+01:00");
    expect(berlinIsoOf(new Date("2026-07-01T16:30:00Z"))).toBe("2026-07-01T18:30:00+02:00");
    expect(germanDateTimeOf(new Date("2026-12-10T17:00:00Z"))).toBe("Donnerstag, 10. Dezember 2026 um 18:00");
  });
});

describe("Berlin wall-clock time to UTC", () => {
  it("converts in winter and in summer", async () => {
    const { berlinWallClockToInstant } = await import("../../src/rules/calendar");
    expect(berlinWallClockToInstant("2026-12-10", "18:00").toISOString()).toBe("2026-12-10T17:00:00.000Z");
    expect(berlinWallClockToInstant("2026-07-02", "18:00").toISOString()).toBe("2026-07-02T16:00:00.000Z");
    expect(berlinWallClockToInstant("2026-03-29", "12:00").toISOString()).toBe("2026-03-29T10:00:00.000Z"); // the day summer time starts
  });
});
