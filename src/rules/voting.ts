/**
 * Quorum, majority and elections under §37 GemO Baden-Württemberg. Pure functions; every result carries
 * the computation, so that a refusal can show it.
 */

export interface QuorumInput {
  /** All voting seats of the committee on the day (its full strength, chair included if entitled to vote). */
  votingMembers: number;
  /** Voting members present for the item (in the room or remote, §37a), deputies standing in included, recused ones not. */
  presentNotRecused: number;
  /** Voting members recused for the item (§18). */
  recused: number;
  /** The meeting is the second one after a failed quorum (§37 (3)). */
  repeatMeeting: boolean;
}

export interface QuorumResult extends QuorumInput {
  quorate: boolean;
  required: number;
  rule: "half" | "quarter" | "three";
  explanation: string;
}

/**
 * §37 (2) GemO: quorate with at least half of all members present and entitled to vote. With more than
 * half recused, a quarter suffices. §37 (3): a second meeting after a failed quorum needs three.
 */
export function quorum(input: QuorumInput): QuorumResult {
  const { votingMembers, presentNotRecused, recused, repeatMeeting } = input;
  let rule: QuorumResult["rule"];
  let required: number;
  if (repeatMeeting) {
    rule = "three";
    required = Math.min(3, votingMembers);
  } else if (recused * 2 > votingMembers) {
    rule = "quarter";
    required = Math.ceil(votingMembers / 4);
  } else {
    rule = "half";
    required = Math.ceil(votingMembers / 2);
  }
  const quorate = presentNotRecused >= required && presentNotRecused > 0;
  const basis =
    rule === "three"
      ? "§ 37 Abs. 3 GemO: zweite Sitzung, mindestens drei stimmberechtigte Mitglieder"
      : rule === "quarter"
        ? `§ 37 Abs. 2 Satz 2 GemO: mehr als die Hälfte befangen (${recused} von ${votingMembers}), ein Viertel genügt`
        : "§ 37 Abs. 2 Satz 1 GemO: mindestens die Hälfte aller Mitglieder";
  const explanation =
    `${presentNotRecused} von ${votingMembers} stimmberechtigten Mitgliedern anwesend und nicht befangen, ` +
    `erforderlich ${required} (${basis}): ${quorate ? "beschlussfähig" : "nicht beschlussfähig"}.`;
  return { ...input, quorate, required, rule, explanation };
}

export interface VoteCounts {
  yes: number;
  no: number;
  abstain: number;
}

export interface VoteResult extends VoteCounts {
  adopted: boolean;
  explanation: string;
}

/** §37 (6) GemO: decided by the majority of votes cast; abstentions do not count; a tie rejects. */
export function decideVote(counts: VoteCounts): VoteResult {
  const adopted = counts.yes > counts.no;
  const explanation =
    counts.yes === counts.no
      ? `Stimmengleichheit (${counts.yes}:${counts.no}): abgelehnt (§ 37 Abs. 6 GemO).`
      : `${counts.yes} Ja, ${counts.no} Nein, ${counts.abstain} Enthaltungen: ${adopted ? "angenommen" : "abgelehnt"}.`;
  return { ...counts, adopted, explanation };
}

/** Why the counts cannot be right, or undefined: no more votes than eligible members present. */
export function countsRefusal(counts: VoteCounts, eligiblePresent: number): string | undefined {
  const cast = counts.yes + counts.no + counts.abstain;
  if (cast > eligiblePresent)
    return `${cast} Stimmen, aber nur ${eligiblePresent} stimmberechtigte Mitglieder anwesend und nicht befangen.`;
  return undefined;
}

export type ElectionOutcome =
  | { outcome: "elected"; winner: string; explanation: string }
  | { outcome: "runoff"; candidates: [string, string]; explanation: string }
  | { outcome: "lot"; candidates: string[]; explanation: string };

/**
 * §37 (7) GemO: elected is who gets more than half of the votes of the members present and entitled to
 * vote. Otherwise a run-off between the two with the most votes follows, in which the most votes win;
 * a tie there, or a tie for a place in the run-off, is decided by lot.
 */
export function decideElection(
  votes: Record<string, number>,
  eligiblePresent: number,
  round: "first" | "runoff" = "first",
): ElectionOutcome {
  const ranked = Object.entries(votes).sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0) throw new Error("an election needs at least one candidate");
  const [top, second] = ranked;
  if (round === "runoff") {
    if (second && top![1] === second[1]) {
      const tied = ranked.filter(([, n]) => n === top![1]).map(([name]) => name);
      return {
        outcome: "lot",
        candidates: tied,
        explanation: `Stimmengleichheit in der Stichwahl (${top![1]}:${second[1]}): das Los entscheidet (§ 37 Abs. 7 GemO).`,
      };
    }
    return { outcome: "elected", winner: top![0], explanation: `${top![0]} erhält in der Stichwahl die meisten Stimmen (${top![1]}).` };
  }
  if (top![1] * 2 > eligiblePresent) {
    return {
      outcome: "elected",
      winner: top![0],
      explanation: `${top![0]} erhält ${top![1]} von ${eligiblePresent} möglichen Stimmen, mehr als die Hälfte.`,
    };
  }
  if (!second) {
    return {
      outcome: "lot",
      candidates: [top![0]],
      explanation: `${top![0]} erreicht nicht mehr als die Hälfte; eine Stichwahl braucht zwei Bewerber.`,
    };
  }
  const secondPlace = ranked.filter(([, n]) => n === second[1]);
  if (secondPlace.length > 1 && top![1] !== second[1]) {
    return {
      outcome: "lot",
      candidates: secondPlace.map(([name]) => name),
      explanation: `Gleichstand um den zweiten Platz (${second[1]} Stimmen): das Los bestimmt, wer in die Stichwahl kommt.`,
    };
  }
  if (top![1] === second[1] && ranked.filter(([, n]) => n === top![1]).length > 2) {
    return {
      outcome: "lot",
      candidates: ranked.filter(([, n]) => n === top![1]).map(([name]) => name),
      explanation: "Mehr als zwei Bewerber gleichauf: das Los bestimmt die Stichwahl.",
    };
  }
  return {
    outcome: "runoff",
    candidates: [top![0], second[0]],
    explanation:
      `Niemand erhält mehr als die Hälfte von ${eligiblePresent} Stimmen: Stichwahl zwischen ${top![0]} ` +
      `und ${second[0]} (§ 37 Abs. 7 GemO).`,
  };
}

/** §37 (1) GemO: a motion in written procedure passes only when no member objects in time. */
export function writtenProcedureOutcome(objections: number, deadlinePassed: boolean): "pending" | "adopted" | "failed" {
  if (objections > 0) return "failed";
  return deadlinePassed ? "adopted" : "pending";
}
