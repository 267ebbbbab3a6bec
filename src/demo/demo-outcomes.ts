/**
 * What happened in the past demo meetings: attendance (a deputy standing in for an excused member, one
 * member absent), a recusal, votes (one tie), resolutions (one non-public, announced at the following
 * meeting) and minutes in every state of their lifecycle.
 */
import type { Statement } from "../db/database";
import { insertRow, updateRow } from "../db/sql";
import { decideVote, quorum } from "../rules/voting";

export interface DemoSeatInfo {
  personId: string;
  name: string;
  role: string;
  membershipId: string;
  deputyForMembershipId: string | null;
}

export interface DemoHeldMeeting {
  id: string;
  startsAt: Date;
  minutes: "draft" | "circulated" | "final" | "published";
  items: { id: string; kind: string; title: string; isPublic: boolean; paperId: string | null }[];
  /** Record the vote on the first resolution item as a tie. */
  tie?: boolean;
  /** Record a recusal on the first resolution item. */
  recusal?: boolean;
  /** Announce the earlier non-public resolutions here. */
  announces?: boolean;
}

export interface DemoResolution {
  id: string;
  itemTitle: string;
  isPublic: boolean;
  at: Date;
}

export function demoOutcomes(input: {
  committeeId: string;
  shortName: string;
  seats: DemoSeatInfo[];
  meetings: DemoHeldMeeting[];
  actorName: string;
  now: Date;
}): {
  statements: Statement[];
  resolutions: DemoResolution[];
} {
  const resolutions: DemoResolution[] = [];
  const { seats, actorName } = input;
  const statements: Statement[] = [];
  const voting = seats.filter((s) => s.role === "chair" || s.role === "deputy_chair" || s.role === "member");
  const excused = voting[4]!;
  const deputy = seats.find((s) => s.deputyForMembershipId === excused.membershipId)!;
  const absent = voting[7]!;
  const chair = seats.find((s) => s.role === "chair")!;
  const clerk = seats.find((s) => s.role === "minute_taker")!;
  const serials = new Map<number, number>();
  const pendingAnnouncements: string[] = [];

  for (const meeting of input.meetings) {
    const stamp = { version: 1, createdAt: meeting.startsAt, updatedAt: meeting.startsAt };
    const attendance = (personId: string, status: string, more: { excuseReason?: string; standsInForId?: string } = {}) =>
      insertRow("Attendance", {
        id: crypto.randomUUID(),
        ...stamp,
        meetingId: meeting.id,
        personId,
        status,
        excuseReason: more.excuseReason ?? null,
        standsInForId: more.standsInForId ?? null,
        arrivedBeforeItemId: null,
        leftBeforeItemId: null,
      });
    for (const seat of voting) {
      if (seat === excused) statements.push(attendance(seat.personId, "excused", { excuseReason: "Urlaub" }));
      else if (seat === absent) statements.push(attendance(seat.personId, "absent"));
      else statements.push(attendance(seat.personId, "present"));
    }
    statements.push(attendance(deputy.personId, "present", { standsInForId: excused.membershipId }), attendance(clerk.personId, "present"));
    const present = voting.length - 1;

    const entry = (itemId: string, kind: string, text: string, refId: string | null, personId: string | null = null) =>
      insertRow("MinutesEntry", {
        id: crypto.randomUUID(),
        meetingId: meeting.id,
        itemId,
        kind,
        personId,
        text,
        refId,
        actorName,
        createdAt: meeting.startsAt,
      });

    const resolutionItems = meeting.items.filter((item) => item.kind === "resolution");
    resolutionItems.forEach((item, index) => {
      const recused = meeting.recusal && index === 0 ? voting[2]! : null;
      if (recused) {
        statements.push(
          insertRow("Recusal", {
            id: crypto.randomUUID(),
            meetingId: meeting.id,
            itemId: item.id,
            personId: recused.personId,
            note: "Vorstand eines antragstellenden Vereins",
            createdAt: meeting.startsAt,
          }),
          entry(
            item.id,
            "recusal",
            `${recused.name} erklärt sich für befangen (§ 18 GemO) und verlässt den Sitzungsraum.`,
            null,
            recused.personId,
          ),
        );
      }
      const eligible = present - (recused ? 1 : 0);
      const counts = meeting.tie && index === 0 ? { yes: 8, no: 8, abstain: eligible - 16 } : { yes: eligible - 4, no: 2, abstain: 2 };
      const result = decideVote(counts);
      const q = quorum({ votingMembers: voting.length, presentNotRecused: eligible, recused: recused ? 1 : 0, repeatMeeting: false });
      const voteId = crypto.randomUUID();
      statements.push(
        insertRow("Vote", {
          id: voteId,
          meetingId: meeting.id,
          itemId: item.id,
          kind: "open",
          motion: `Beschlussvorschlag zu „${item.title}“`,
          ...counts,
          details: null,
          outcome: result.adopted ? "adopted" : "rejected",
          explanation: result.explanation,
          quorum: JSON.stringify(q),
          actorName,
          createdAt: meeting.startsAt,
        }),
        entry(item.id, "vote", `Abstimmung: ${result.explanation}`, voteId),
      );
      if (!result.adopted) return;
      const year = meeting.startsAt.getUTCFullYear();
      const serial = (serials.get(year) ?? 0) + 1;
      serials.set(year, serial);
      const resolutionId = crypto.randomUUID();
      const text = item.isPublic
        ? `Der Integrationsausschuss empfiehlt dem Gemeinderat, der Vorlage „${item.title}“ zuzustimmen.`
        : `Der Auftrag „${item.title}“ wird an den Träger „Brücken e. V.“ vergeben.`;
      statements.push(
        insertRow("Resolution", {
          id: resolutionId,
          ...stamp,
          committeeId: input.committeeId,
          year,
          serial,
          meetingId: meeting.id,
          itemId: item.id,
          paperId: item.paperId,
          voteId,
          text,
          kind: item.isPublic ? "recommendation" : "resolution",
          recipientBody: item.isPublic ? "Gemeinderat" : null,
          isPublic: item.isPublic,
          followUp: serial === 1 ? "done" : "in_progress",
          supersededById: null,
          announcedAt: null,
          announcedMeetingId: null,
        }),
        entry(item.id, "resolution", `Beschluss ${input.shortName}/${year}/${String(serial).padStart(3, "0")}: ${text}`, resolutionId),
      );
      if (!item.isPublic) pendingAnnouncements.push(resolutionId);
      resolutions.push({ id: resolutionId, itemTitle: item.title, isPublic: item.isPublic, at: meeting.startsAt });
    });
    if (meeting.announces) {
      for (const id of pendingAnnouncements.splice(0)) {
        statements.push(updateRow("Resolution", id, { announcedAt: meeting.startsAt, announcedMeetingId: meeting.id }));
      }
    }

    const minutesId = crypto.randomUUID();
    const state = meeting.minutes;
    const after = (days: number) => new Date(meeting.startsAt.getTime() + days * 86_400_000);
    statements.push(
      insertRow("Minutes", {
        id: minutesId,
        ...stamp,
        meetingId: meeting.id,
        state,
        circulatedAt: state === "draft" ? null : after(14),
        finalAt: state === "final" || state === "published" ? after(35) : null,
        publishedAt: state === "published" ? after(36) : null,
      }),
    );
    const notes: Record<string, string> = {};
    for (const item of meeting.items.filter((i) => i.kind === "resolution" || i.kind === "information")) {
      notes[item.id] = item.isPublic
        ? `Die Stabsstelle Integration stellt „${item.title}“ vor. In der Aussprache werden Fragen zur Umsetzung in den ` +
          `Stadtteilen beantwortet.`
        : "Die Verwaltung erläutert die Bewertung der Angebote. Die Unterlagen werden nach der Sitzung eingesammelt.";
      statements.push(
        insertRow("MinutesItemNote", { id: crypto.randomUUID(), ...stamp, minutesId, itemId: item.id, notes: notes[item.id]! }),
      );
    }
    statements.push(insertRow("MinutesRevision", { minutesId, at: after(3), actorName, snapshot: JSON.stringify(notes) }));
    if (state === "final" || state === "published") {
      const signers: [string, string][] = [
        ["chair", chair.personId],
        ["member", voting[1]!.personId],
        ["member", deputy.personId],
        ["minute_taker", clerk.personId],
      ];
      for (const [role, personId] of signers) {
        // The chair signs on paper, and the secretariat records it; the others sign themselves.
        statements.push(
          insertRow("MinutesSignature", {
            id: crypto.randomUUID(),
            minutesId,
            role,
            personId,
            signedAt: after(30),
            onPaper: role === "chair",
          }),
        );
      }
    }
    if (state === "circulated") {
      statements.push(
        insertRow("MinutesObjection", {
          id: crypto.randomUUID(),
          minutesId,
          personId: voting[3]!.personId,
          text: "Meine Frage nach den Kosten für Sprachmittlung fehlt in der Niederschrift.",
          filedAt: after(16),
          decision: null,
          decisionNote: null,
          decidedAt: null,
          version: 1,
        }),
      );
    }
  }
  return { statements, resolutions };
}
