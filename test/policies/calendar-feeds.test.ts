import { describe, expect, it } from "vitest";
import { canHavePersonalFeed, showsNonPublicItems } from "../../src/policies/calendar-feeds";
import { READERS, expectations } from "./actors";

describe("calendar feeds policy", () => {
  it.each(expectations(["memberC1", "memberC2"]))("mints and revokes a personal feed: %s → %s", (key, allowed) => {
    expect(canHavePersonalFeed(READERS[key].actor)).toBe(allowed);
  });

  it.each([
    [["c1"], "c1", true],
    [["c1"], "c2", false],
    [[], "c1", false],
  ] as const)("a feed of a person seated in %j shows the non-public items of %s: %s", (seats, committeeId, shown) => {
    expect(showsNonPublicItems(new Set(seats), committeeId)).toBe(shown);
  });
});
