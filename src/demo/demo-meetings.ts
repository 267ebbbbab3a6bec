/**
 * A realistic year behind and ahead of the demo integration committee: meetings in every state (one
 * cancelled), agendas with public and non-public items, papers with attachments and a route through
 * the committees, one invitation sent late with its reason, an amendment and a demanded item.
 */
import { hexDigest } from "../digest";
import type { Statement } from "../db/database";
import { insertRow } from "../db/sql";
import { STANDARD_FRAME, type AgendaItemKind } from "../rules/agenda";
import { addDays, berlinDateOf, berlinWallClockToInstant } from "../rules/calendar";
import { checkNoticePeriod, numberYearOf } from "../rules/meeting";
import type { Bytes } from "../storage";
import { demoOutcomes, type DemoHeldMeeting, type DemoSeatInfo } from "./demo-outcomes";
import { demoTownHall } from "./demo-data";
import { demoPlan, type DemoPlanIds } from "./demo-plan";

interface DemoPaper {
  key: string;
  title: string;
  type: "proposal" | "information" | "motion";
  isPublic: boolean;
  proposedResolution?: string;
  factsAndReasons: string;
  financialEffects?: string;
  attachment?: string;
}

export const demoPapers: DemoPaper[] = [
  {
    key: "kita",
    title: "Sprachförderung in Kindertageseinrichtungen – Fortschreibung",
    type: "proposal",
    isPublic: true,
    proposedResolution:
      "Der Integrationsausschuss empfiehlt dem Gemeinderat, das Programm **Sprachförderung in Kitas** bis 2028 fortzuführen.",
    factsAndReasons:
      "Seit 2023 nehmen 14 Einrichtungen teil. Die Evaluation zeigt:\n\n- 82 % der Kinder erreichen den Sprachstand für die " +
      "Einschulung,\n- die Elternbeteiligung ist gestiegen.",
    financialEffects: "Jährlich 145.000 €, davon 60 % Landesmittel.",
    attachment: "Evaluationsbericht Sprachförderung.pdf",
  },
  {
    key: "richtlinie",
    title: "Förderrichtlinie für Migrantenorganisationen",
    type: "proposal",
    isPublic: true,
    proposedResolution: "Der Integrationsausschuss stimmt der Förderrichtlinie in der Fassung der Anlage zu.",
    factsAndReasons: "Die Richtlinie regelt Zuschüsse für Projekte von Migrantenorganisationen (Maßnahme 5.2 des Integrationsplans).",
    financialEffects: "Budget 40.000 € im Haushalt 2026.",
    attachment: "Entwurf Förderrichtlinie.pdf",
  },
  {
    key: "bericht",
    title: "Integrationsbericht 2025 – aktuelle Zahlen",
    type: "information",
    isPublic: true,
    factsAndReasons: "Der Bericht stellt Bevölkerungsentwicklung, Bildungsbeteiligung und Arbeitsmarktintegration dar.",
    attachment: "Integrationsbericht 2025.pdf",
  },
  {
    key: "dolmetscher",
    title: "Antrag: Dolmetscherpool für Elterngespräche",
    type: "motion",
    isPublic: true,
    proposedResolution: "Die Verwaltung wird beauftragt, einen Pool ehrenamtlicher Sprachmittlerinnen und Sprachmittler aufzubauen.",
    factsAndReasons: "Schulen und Kitas berichten von Verständigungsproblemen in Elterngesprächen.",
  },
  {
    key: "vergabe",
    title: "Vergabe Integrationsmanagement – Auswahl des Trägers",
    type: "proposal",
    isPublic: false,
    proposedResolution: "Der Auftrag wird an den wirtschaftlichsten Bieter vergeben.",
    factsAndReasons: "Drei Angebote liegen vor; die Bewertungsmatrix ist als Anlage beigefügt.",
    financialEffects: "Auftragswert rund 310.000 € über drei Jahre.",
    attachment: "Bewertungsmatrix.pdf",
  },
];

interface DemoMeeting {
  offsetDays: number;
  state: "planned" | "invited" | "held" | "closed" | "cancelled";
  outcomes?: Pick<DemoHeldMeeting, "minutes" | "tie" | "recusal" | "announces">;
  topics: { title: string; kind: AgendaItemKind; paper?: string; isPublic?: boolean }[];
  cancelledReason?: string;
  /** Days before the meeting the invitation went out; below 7 needs a reason. */
  invitedDaysBefore?: number;
  lateReason?: string;
  /** An item added after the invitation (Nachtrag). */
  amendment?: string;
}

const demoMeetings: DemoMeeting[] = [
  {
    offsetDays: -330,
    state: "closed",
    outcomes: { minutes: "published" },
    topics: [{ title: "Integrationsbericht 2025", kind: "information", paper: "bericht" }],
  },
  {
    offsetDays: -260,
    state: "closed",
    outcomes: { minutes: "published", recusal: true },
    topics: [{ title: "Sprachförderung in Kitas", kind: "resolution", paper: "kita" }],
  },
  {
    offsetDays: -190,
    state: "closed",
    outcomes: { minutes: "final", recusal: true },
    topics: [
      { title: "Förderrichtlinie Migrantenorganisationen", kind: "resolution", paper: "richtlinie" },
      { title: "Vergabe Integrationsmanagement", kind: "resolution", paper: "vergabe", isPublic: false },
    ],
  },
  {
    offsetDays: -150,
    state: "cancelled",
    cancelledReason: "Zu viele Absagen; die Beschlussfähigkeit war nicht gesichert.",
    topics: [{ title: "Interkulturelle Woche", kind: "discussion" }],
  },
  {
    offsetDays: -120,
    state: "held",
    outcomes: { minutes: "draft", announces: true },
    invitedDaysBefore: 5,
    lateReason: "Kurzfristige Stellungnahme zur Haushaltsplanung erforderlich.",
    topics: [{ title: "Stellungnahme zum Haushalt 2027: Integrationsmittel", kind: "resolution" }],
  },
  {
    offsetDays: -40,
    state: "held",
    outcomes: { minutes: "circulated", tie: true },
    topics: [{ title: "Antrag: Dolmetscherpool für Elterngespräche", kind: "resolution", paper: "dolmetscher" }],
  },
  {
    offsetDays: 12,
    state: "invited",
    amendment: "Nachtrag: Ergebnisse der Elternbefragung Sprachkurse",
    topics: [
      { title: "Bericht aus dem Integrationsforum", kind: "information" },
      { title: "Personalangelegenheit Integrationsbeauftragte", kind: "discussion", isPublic: false },
    ],
  },
  { offsetDays: 60, state: "planned", topics: [{ title: "Fortschreibung Integrationsplan: Handlungsfeld 4", kind: "discussion" }] },
  { offsetDays: 110, state: "planned", topics: [{ title: "Wahl der stellvertretenden Vorsitzenden", kind: "election" }] },
  { offsetDays: 180, state: "planned", topics: [{ title: "Sachstandsbericht Integrationsplan", kind: "information" }] },
  { offsetDays: 250, state: "planned", topics: [] },
  { offsetDays: 320, state: "planned", topics: [] },
];

/**
 * The Integrationsbeirat's year: it advises, so its meetings carry no votes here (its recommendation went by written
 * procedure, and the Ausschuss answered it). One meeting was cancelled; the next, with a non-public item, is invited.
 */
const beiratMeetings: DemoMeeting[] = [
  {
    offsetDays: -75,
    state: "cancelled",
    cancelledReason: "Die Referentin des Landesintegrationsbeirats musste kurzfristig absagen.",
    topics: [{ title: "Bericht aus dem Landesintegrationsbeirat", kind: "information" }],
  },
  {
    offsetDays: 9,
    state: "invited",
    topics: [
      { title: "Stellungnahme zum Antrag Dolmetscherpool", kind: "discussion", paper: "dolmetscher" },
      { title: "Vorschläge für den Integrationspreis 2027", kind: "discussion", isPublic: false },
    ],
  },
  { offsetDays: 75, state: "planned", topics: [{ title: "Vorbereitung der Interkulturellen Woche", kind: "discussion" }] },
  { offsetDays: 160, state: "planned", topics: [] },
];

/** Committees meet on Thursday evenings. */
function thursdayOnOrAfter(date: string): string {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addDays(date, (4 - weekday + 7) % 7);
}

/** A small valid one-page PDF with a line of text, for demo attachments. */
export function demoPdf(title: string): Bytes {
  const text = title.replace(/[^\x20-\x7e]/g, "?").replace(/[()\\]/g, "");
  const stream = `BT /F1 14 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body) as Bytes;
}

export interface DemoYearInput {
  now: Date;
  bodyId: string;
  committeeId: string;
  committeeName: string;
  committeeShortName: string;
  /** The committee that prepares papers (the advisory council), with its name and seats. */
  preparingCommitteeId: string;
  preparingCommitteeName: string;
  seats: DemoSeatInfo[];
  preparingSeats: DemoSeatInfo[];
  actorName: string;
}

export interface DemoFile {
  key: string;
  bytes: Bytes;
  contentType: string;
}

/** The rows of the demo year, and the attachment files to store before they are written. */
export async function demoYear(
  input: DemoYearInput,
): Promise<{ statements: Statement[]; files: DemoFile[]; meetings: number; papers: number; measures: number; plan: DemoPlanIds }> {
  const { now } = input;
  const today = berlinDateOf(now);
  const stamp = { version: 1, createdAt: now, updatedAt: now };
  const statements: Statement[] = [];
  const files: DemoFile[] = [];

  const paperIds = new Map<string, string>();
  const serials = new Map<number, number>();
  for (const paper of demoPapers) {
    const id = crypto.randomUUID();
    const year = Number(today.slice(0, 4)) - (paper.key === "bericht" || paper.key === "kita" ? 1 : 0);
    const serial = (serials.get(year) ?? 0) + 1;
    serials.set(year, serial);
    paperIds.set(paper.key, id);
    statements.push(
      insertRow("Paper", {
        id,
        ...stamp,
        bodyId: input.bodyId,
        year,
        serial,
        title: paper.title,
        type: paper.type,
        // The demo's papers take their date from their first consultation, as most do.
        date: null,
        isPublic: paper.isPublic,
        proposedResolution: paper.proposedResolution ?? null,
        factsAndReasons: paper.factsAndReasons,
        financialEffects: paper.financialEffects ?? null,
        deletedAt: null,
      }),
    );
    for (const [position, committeeId] of [input.preparingCommitteeId, input.committeeId].entries()) {
      statements.push(
        insertRow("Consultation", {
          id: crypto.randomUUID(),
          ...stamp,
          paperId: id,
          committeeId,
          meetingId: null,
          position,
          role: position === 0 ? "preparing" : "deciding",
          state: paper.key === "vergabe" || paper.key === "dolmetscher" ? "scheduled" : "decided",
        }),
      );
    }
    if (paper.attachment) {
      const attachmentId = crypto.randomUUID();
      const bytes = demoPdf(paper.title);
      const storageKey = `papers/${id}/${attachmentId}`;
      files.push({ key: storageKey, bytes, contentType: "application/pdf" });
      statements.push(
        insertRow("PaperAttachment", {
          id: attachmentId,
          paperId: id,
          filename: paper.attachment,
          contentType: "application/pdf",
          size: bytes.byteLength,
          sha512: await hexDigest("SHA-512", bytes),
          storageKey,
          createdAt: now,
        }),
      );
    }
  }

  const held: DemoHeldMeeting[] = [];
  /** Writes the meetings of one committee from their plans; the held ones go to `held` for their outcomes. */
  const writeMeetings = (plans: DemoMeeting[], committee: { id: string; name: string }, seats: DemoSeatInfo[]) => {
    const recipients = seats.map(({ deputyForMembershipId: _d, ...recipient }) => recipient);
    // Numbered in date order within each Berlin year, as the service numbers them.
    const yearCounts = new Map<number, number>();
    plans.forEach((plan, index) => {
      const meetingId = crypto.randomUUID();
      const startsAt = berlinWallClockToInstant(thursdayOnOrAfter(addDays(today, plan.offsetDays)), "18:00");
      const numberYear = numberYearOf(startsAt);
      const sequenceNumber = (yearCounts.get(numberYear) ?? 0) + 1;
      yearCounts.set(numberYear, sequenceNumber);
      statements.push(
        insertRow("Meeting", {
          id: meetingId,
          ...stamp,
          committeeId: committee.id,
          title: `${sequenceNumber}. Sitzung ${committee.name}`,
          sequenceNumber,
          numberYear,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 150 * 60_000),
          locationName: "Rathaus Remsfeld, Großer Sitzungssaal",
          locationAddress: demoTownHall.address,
          locationRoom: "1.12",
          locationLatitude: demoTownHall.latitude,
          locationLongitude: demoTownHall.longitude,
          state: plan.state,
          emergencyReason: null,
          cancelledReason: plan.cancelledReason ?? null,
          sequence: plan.state === "planned" ? 0 : 1,
          repeatMeeting: false,
          liveItemId: null,
          // A meeting that took place records its course: it began a few minutes late, and the first one had a break.
          ...(plan.outcomes
            ? {
                startedAt: new Date(startsAt.getTime() + 4 * 60_000),
                endedAt: new Date(startsAt.getTime() + 142 * 60_000),
                interruptions:
                  index === 0
                    ? JSON.stringify([
                        {
                          from: new Date(startsAt.getTime() + 75 * 60_000).toISOString(),
                          to: new Date(startsAt.getTime() + 90 * 60_000).toISOString(),
                          reason: "Pause",
                        },
                      ])
                    : null,
              }
            : { startedAt: null, endedAt: null, interruptions: null }),
        }),
      );
      const items: { title: string; kind: AgendaItemKind; isPublic: boolean; paper?: string }[] = [
        ...STANDARD_FRAME.slice(0, 3),
        ...plan.topics.map((topic) => ({ ...topic, isPublic: topic.isPublic ?? true })),
        ...STANDARD_FRAME.slice(3),
      ];
      const positions = { public: 0, nonPublic: 0 };
      const written: DemoHeldMeeting["items"] = [];
      for (const item of items) {
        const paperId = item.paper ? paperIds.get(item.paper)! : null;
        const itemId = crypto.randomUUID();
        written.push({ id: itemId, kind: item.kind, title: item.title, isPublic: item.isPublic, paperId });
        statements.push(
          insertRow("AgendaItem", {
            id: itemId,
            ...stamp,
            meetingId,
            parentId: null,
            isPublic: item.isPublic,
            position: item.isPublic ? positions.public++ : positions.nonPublic++,
            kind: item.kind,
            title: item.title,
            paperId,
            presenter: paperId ? "Stabsstelle Integration" : null,
            durationMinutes: paperId ? 20 : null,
            description: null,
            withdrawnAt: null,
          }),
        );
      }
      if (plan.state !== "planned") {
        // Two weeks ahead as a rule, but never later than today: an invitation cannot have gone out in the future.
        const sentAt = new Date(Math.min(startsAt.getTime() - (plan.invitedDaysBefore ?? 14) * 86_400_000, now.getTime()));
        const notice = checkNoticePeriod(startsAt, sentAt, 7);
        statements.push(
          insertRow("Invitation", {
            id: crypto.randomUUID(),
            meetingId,
            sentAt,
            channel: "email",
            recipients: JSON.stringify(recipients),
            deadline: notice.deadline,
            gapDays: notice.daysBeforeMeeting,
            noticeDays: notice.noticeDays,
            lateReason: notice.late ? (plan.lateReason ?? null) : null,
            actorName: input.actorName,
            publicPapers: JSON.stringify(
              items
                .filter((item) => item.isPublic && item.paper && demoPapers.find((p) => p.key === item.paper)?.isPublic)
                .map((item) => paperIds.get(item.paper!)),
            ),
          }),
        );
      }
      if (plan.outcomes)
        held.push({ id: meetingId, startsAt, items: written.sort((a, b) => Number(b.isPublic) - Number(a.isPublic)), ...plan.outcomes });
      if (plan.state === "invited" && plan.amendment) {
        const amendmentItem = crypto.randomUUID();
        statements.push(
          insertRow("AgendaItem", {
            id: amendmentItem,
            ...stamp,
            meetingId,
            parentId: null,
            isPublic: true,
            position: positions.public++,
            kind: "information",
            title: plan.amendment,
            paperId: null,
            presenter: "Integrationsbeauftragte",
            durationMinutes: 15,
            description: null,
            withdrawnAt: null,
          }),
          insertRow("AgendaAmendment", {
            id: crypto.randomUUID(),
            meetingId,
            itemId: amendmentItem,
            at: now,
            actorName: input.actorName,
            action: "added",
            summary: `Neu aufgenommen: ${plan.amendment}`,
            isPublic: true,
          }),
        );
      }
    });
  };
  writeMeetings(demoMeetings, { id: input.committeeId, name: input.committeeName }, input.seats);
  writeMeetings(beiratMeetings, { id: input.preparingCommitteeId, name: input.preparingCommitteeName }, input.preparingSeats);

  const outcomes = demoOutcomes({
    committeeId: input.committeeId,
    shortName: input.committeeShortName,
    seats: input.seats,
    meetings: held,
    actorName: input.actorName,
    now,
  });
  statements.push(...outcomes.statements);

  // The advisory council recommended the Kita programme in writing (§37 (1) GemO); the committee followed it.
  const kita = outcomes.resolutions.find((r) => r.itemTitle === "Sprachförderung in Kitas");
  let recommendation: { id: string; receivingResolutionId: string } | null = null;
  if (kita) {
    const at = new Date(kita.at.getTime() - 15 * 86_400_000);
    const id = crypto.randomUUID();
    const text = "Der Integrationsbeirat empfiehlt dem Integrationsausschuss, die Sprachförderung in Kitas fortzuführen.";
    statements.push(
      insertRow("Resolution", {
        id,
        version: 1,
        createdAt: at,
        updatedAt: at,
        committeeId: input.preparingCommitteeId,
        year: at.getUTCFullYear(),
        serial: 1,
        meetingId: null,
        itemId: null,
        paperId: paperIds.get("kita")!,
        voteId: null,
        text,
        kind: "recommendation",
        recipientBody: input.committeeName,
        isPublic: true,
        followUp: "done",
        supersededById: null,
        announcedAt: null,
        announcedMeetingId: null,
      }),
      insertRow("WrittenProcedure", {
        id: crypto.randomUUID(),
        version: 1,
        createdAt: new Date(at.getTime() - 10 * 86_400_000),
        updatedAt: at,
        committeeId: input.preparingCommitteeId,
        motion: "Empfehlung zur Sprachförderung in Kitas",
        text,
        deadline: at,
        resolutionId: id,
        actorName: input.actorName,
      }),
    );
    recommendation = { id, receivingResolutionId: kita.id };
  }
  const plan = demoPlan({ now, bodyId: input.bodyId, actorName: input.actorName, resolutions: outcomes.resolutions, recommendation });
  statements.push(...plan.statements);
  statements.push(
    insertRow("ItemRequest", {
      id: crypto.randomUUID(),
      ...stamp,
      committeeId: input.committeeId,
      subject: "Mehrsprachige Informationen zur Kommunalwahl",
      requestedBy: "Fraktion Bündnis Vielfalt",
      basis: "group",
      supporters: 3,
      receivedOn: addDays(today, -3),
      agendaItemId: null,
      refusedReason: null,
    }),
  );
  return {
    statements,
    files,
    meetings: demoMeetings.length + beiratMeetings.length,
    papers: demoPapers.length,
    measures: plan.measures,
    plan: plan.ids,
  };
}
