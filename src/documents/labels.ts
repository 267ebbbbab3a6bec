/**
 * The German names of the stored codes: the one catalogue that pages, documents, OParl, feeds and mails print.
 * Words for states live here and nowhere else, so that a measure does not "ruhen" on a page and "pausieren" in
 * its PDF.
 */
import type { AgendaItemKind } from "../rules/agenda";
import type { AttendanceStatus } from "../rules/attendance";
import type { CommitteeKind, MembershipRole } from "../rules/membership";
import type { CONSULTATION_ROLES, ConsultationState, PaperType } from "../rules/papers";
import type { FORUM_IDEA_STATUSES, LinkRelation, MeasureStatus } from "../rules/plan";

export { MEETING_STATE_NAMES as MEETING_STATE } from "../rules/meeting";
export { MINUTES_STATE_NAMES as MINUTES_STATE } from "../rules/minutes";

export const AGENDA_ITEM_KIND: Record<AgendaItemKind, string> = {
  information: "Information",
  discussion: "Beratung",
  resolution: "Beschlussfassung",
  election: "Wahl",
  minutes_approval: "Niederschrift der vorigen Sitzung",
  announcement_of_resolutions: "Bekanntgabe nichtöffentlicher Beschlüsse",
  residents_questions: "Fragen der Einwohnerschaft",
  miscellaneous: "Verschiedenes",
};
export const COMMITTEE_KIND: Record<CommitteeKind, string> = {
  advisory_council: "Beirat",
  advisory_committee: "beratender Ausschuss",
  decision_committee: "beschließender Ausschuss",
  working_group: "Arbeitsgruppe",
};
export const MEMBERSHIP_ROLE: Record<MembershipRole, string> = {
  chair: "Vorsitz",
  deputy_chair: "Stellvertretender Vorsitz",
  member: "Mitglied",
  deputy: "Stellvertretung",
  advisory_member: "Beratendes Mitglied",
  minute_taker: "Schriftführung",
};
export const MEASURE_STATUS: Record<MeasureStatus, string> = {
  planned: "geplant",
  in_progress: "in Umsetzung",
  implemented: "umgesetzt",
  ongoing: "Daueraufgabe",
  paused: "ruht",
  dropped: "aufgegeben",
};
export const FORUM_IDEA_STATUS: Record<(typeof FORUM_IDEA_STATUSES)[number], string> = {
  new: "neu",
  under_review: "in Prüfung",
  adopted: "übernommen",
  rejected: "nicht übernommen",
  implemented: "umgesetzt",
};
/** What a resolution does to a measure, as the verb of "Beschluss IA/2026/003 ändert 1.2 Sprachkurse". */
export const RELATION: Record<LinkRelation, string> = {
  initiates: "startet",
  changes: "ändert",
  reports_progress: "berichtet über",
  completes: "schließt ab",
  drops: "gibt auf",
};
/** The same as a whole phrase about "the measure", separable verbs split as German wants them. */
export const RELATION_TO_MEASURE: Record<LinkRelation, string> = {
  initiates: "startet die Maßnahme",
  changes: "ändert die Maßnahme",
  reports_progress: "berichtet über die Maßnahme",
  completes: "schließt die Maßnahme ab",
  drops: "gibt die Maßnahme auf",
};
export const OUTCOME: Record<string, string> = {
  adopted: "angenommen",
  rejected: "abgelehnt",
  elected: "gewählt",
  runoff: "Stichwahl",
  lot: "Losentscheid",
};
export const SIGNER: Record<string, string> = { chair: "Vorsitz", member: "Mitglied", minute_taker: "Schriftführung" };
export const PAPER_TYPE: Record<PaperType, string> = { proposal: "Beschlussvorlage", information: "Informationsvorlage", motion: "Antrag" };
export const CONSULTATION_ROLE: Record<(typeof CONSULTATION_ROLES)[number], string> = {
  preparing: "Vorberatung",
  deciding: "Entscheidung",
};
export const CONSULTATION_STATE: Record<ConsultationState, string> = {
  pending: "noch offen",
  scheduled: "auf der Tagesordnung",
  advised: "beraten",
  decided: "entschieden",
  deferred: "vertagt",
};
/** A member's attendance at a meeting. */
export const ATTENDANCE: Record<AttendanceStatus, string> = {
  present: "anwesend",
  remote: "zugeschaltet",
  excused: "entschuldigt",
  absent: "abwesend",
};
/** A member's vote in a roll call. */
export const BALLOT: Record<string, string> = { yes: "ja", no: "nein", abstain: "Enthaltung" };
/** How the receiving body handled a recommendation of an advisory body. */
export const FOLLOW_UP_HANDLING: Record<string, string> = {
  adopted: "übernommen",
  changed: "mit Änderungen übernommen",
  rejected: "nicht übernommen",
  pending: "noch nicht behandelt",
};
/** A stored code's German name; the code itself only if the catalogue lacks it (a row written by a newer version). */
export const label = <K extends string>(catalogue: Record<K, string>, code: string) => catalogue[code as K] ?? code;

/** How the minutes name an absence: excused or not, and the reason where the reader may know it. */
export function absenceLabel(status: "excused" | "absent" | "unknown", reason: string | null): string {
  if (status === "excused") return reason ? `entschuldigt (${reason})` : "entschuldigt";
  return status === "absent" ? "nicht entschuldigt" : "keine Angabe";
}

/** The minutes' sentence on a recusal (§18 GemO), with the remark recorded with it where the reader may know it. */
export function recusalText(name: string, note: string | null): string {
  return `${name} erklärt sich für befangen (§ 18 GemO) und verlässt den Sitzungsraum.${note ? ` ${note}` : ""}`;
}
