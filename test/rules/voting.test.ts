import { describe, expect, it } from "vitest";
import { countsRefusal, decideElection, decideVote, quorum, writtenProcedureOutcome } from "../../src/rules/voting";

describe("quorum (§37 (2) GemO: at least half of all voting members present and not recused)", () => {
  it.each([
    // votingMembers, present, recused, quorate, required, rule
    [19, 10, 0, true, 10, "half"],
    [19, 9, 0, false, 10, "half"],
    [20, 10, 0, true, 10, "half"],
    [20, 9, 0, false, 10, "half"],
    [33, 17, 0, true, 17, "half"],
    [33, 16, 0, false, 17, "half"],
    [1, 1, 0, true, 1, "half"],
    [19, 10, 9, true, 10, "half"], // 9 of 19 recused is not more than half
    [19, 9, 9, false, 10, "half"],
    [19, 5, 10, true, 5, "quarter"], // 10 of 19 recused is more than half
  ])(
    "§37 (2): %i members, %i present and not recused, %i recused → quorate %s (needs %i, by the %s rule)",
    (votingMembers, presentNotRecused, recused, quorate, required, rule) => {
      const result = quorum({ votingMembers, presentNotRecused, recused, repeatMeeting: false });
      expect(result).toMatchObject({ quorate, required, rule });
    },
  );

  it.each([
    [19, 5, 10, true, 5],
    [19, 4, 10, false, 5],
    [20, 5, 11, true, 5],
    [20, 4, 11, false, 5],
    [20, 10, 10, true, 10], // exactly half recused: the half rule still applies
    [20, 9, 10, false, 10],
  ])(
    "§37 (2) Satz 2: more than half recused — %i members, %i present, %i recused → quorate %s (needs %i)",
    (votingMembers, presentNotRecused, recused, quorate, required) => {
      expect(quorum({ votingMembers, presentNotRecused, recused, repeatMeeting: false })).toMatchObject({ quorate, required });
    },
  );

  it.each([
    [19, 3, true],
    [19, 2, false],
    [33, 3, true],
  ])(
    "§37 (3): the second meeting after a failed quorum — %i members, %i present → quorate %s",
    (votingMembers, presentNotRecused, quorate) => {
      expect(quorum({ votingMembers, presentNotRecused, recused: 0, repeatMeeting: true })).toMatchObject({
        quorate,
        required: 3,
        rule: "three",
      });
    },
  );

  it("§37 (2): explains the computation in German", () => {
    expect(quorum({ votingMembers: 19, presentNotRecused: 9, recused: 0, repeatMeeting: false }).explanation).toBe(
      "9 von 19 stimmberechtigten Mitgliedern anwesend und nicht befangen, erforderlich 10 (§ 37 Abs. 2 Satz 1 GemO: " +
        "mindestens die Hälfte aller Mitglieder): nicht beschlussfähig.",
    );
  });
});

describe("majority (§37 (6) GemO: more yes than no; abstentions do not count; a tie rejects)", () => {
  it.each([
    [10, 9, 0, true],
    [9, 9, 1, false],
    [0, 0, 19, false],
    [1, 0, 18, true],
    [5, 6, 0, false],
  ])("§37 (6): %i yes, %i no, %i abstentions → adopted %s", (yes, no, abstain, adopted) => {
    expect(decideVote({ yes, no, abstain }).adopted).toBe(adopted);
  });

  it("§37 (6): a tie is explained as rejected", () => {
    expect(decideVote({ yes: 7, no: 7, abstain: 2 }).explanation).toMatch(/Stimmengleichheit \(7:7\): abgelehnt/);
  });

  it("§37 (6): refuses more votes than eligible members present", () => {
    expect(countsRefusal({ yes: 6, no: 4, abstain: 1 }, 10)).toMatch(/11 Stimmen, aber nur 10/);
    expect(countsRefusal({ yes: 6, no: 4, abstain: 0 }, 10)).toBeUndefined();
  });
});

describe("elections (§37 (7) GemO)", () => {
  it("§37 (7): more than half of those present and entitled to vote elects", () => {
    expect(decideElection({ A: 10, B: 9 }, 19)).toMatchObject({ outcome: "elected", winner: "A" });
    // 10 of 20 is not more than half.
    expect(decideElection({ A: 10, B: 8 }, 20)).toMatchObject({ outcome: "runoff", candidates: ["A", "B"] });
  });

  it("§37 (7): without a majority, a run-off between the top two", () => {
    expect(decideElection({ A: 8, B: 6, C: 5 }, 19)).toMatchObject({ outcome: "runoff", candidates: ["A", "B"] });
  });

  it("§37 (7): a tie for second place, or in the run-off, is decided by lot", () => {
    expect(decideElection({ A: 8, B: 5, C: 5 }, 19)).toMatchObject({ outcome: "lot", candidates: ["B", "C"] });
    expect(decideElection({ A: 9, B: 9 }, 19, "runoff")).toMatchObject({ outcome: "lot", candidates: ["A", "B"] });
    expect(decideElection({ A: 9, B: 8 }, 19, "runoff")).toMatchObject({ outcome: "elected", winner: "A" });
  });
});

describe("written procedure (§37 (1) GemO)", () => {
  it("§37 (1): passes only when nobody objects by the deadline", () => {
    expect(writtenProcedureOutcome(0, false)).toBe("pending");
    expect(writtenProcedureOutcome(0, true)).toBe("adopted");
    expect(writtenProcedureOutcome(1, false)).toBe("failed");
    expect(writtenProcedureOutcome(1, true)).toBe("failed");
  });
});

describe("minutes (§38 GemO)", async () => {
  const { minutesDueDate, minutesTransitionRefusal, missingSignatures } = await import("../../src/rules/minutes");

  it("§38 (2): go to the committee within one month", () => {
    expect(minutesDueDate("2026-03-12")).toBe("2026-04-12");
    expect(minutesDueDate("2026-01-31")).toBe("2026-02-28");
    expect(minutesDueDate("2026-12-15")).toBe("2027-01-15");
  });

  it("§38 (2): need the chair, two members and the minute-taker", () => {
    expect(missingSignatures([])).toHaveLength(3);
    expect(missingSignatures([{ role: "chair" }, { role: "member" }, { role: "minute_taker" }])).toEqual([
      "1 Mitglied, die an der Sitzung teilgenommen haben",
    ]);
    expect(missingSignatures([{ role: "chair" }, { role: "member" }, { role: "member" }, { role: "minute_taker" }])).toEqual([]);
  });

  it("§38: move draft → circulated → final → published only", () => {
    expect(minutesTransitionRefusal("draft", "circulated")).toBeUndefined();
    expect(minutesTransitionRefusal("draft", "final")).toMatch(/nächste Schritt „im Umlauf“/);
    expect(minutesTransitionRefusal("published", "draft")).toMatch(/nächste Schritt keiner/);
  });
});
