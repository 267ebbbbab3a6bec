/** German names of the stored codes, as documents, OParl and feeds print them. */
export const MEMBERSHIP_ROLE: Record<string, string> = {
  chair: "Vorsitz",
  deputy_chair: "stellv. Vorsitz",
  member: "Mitglied",
  deputy: "Stellvertretung",
  advisory_member: "beratendes Mitglied",
  minute_taker: "Schriftführung",
};
export const MEASURE_STATUS: Record<string, string> = {
  planned: "geplant",
  in_progress: "in Umsetzung",
  implemented: "umgesetzt",
  ongoing: "Daueraufgabe",
  paused: "pausiert",
  dropped: "aufgegeben",
};
export const RELATION: Record<string, string> = {
  initiates: "startet",
  changes: "ändert",
  reports_progress: "berichtet",
  completes: "schließt ab",
  drops: "gibt auf",
};
export const OUTCOME: Record<string, string> = {
  adopted: "angenommen",
  rejected: "abgelehnt",
  elected: "gewählt",
  runoff: "Stichwahl",
  lot: "Losentscheid",
};
export const SIGNER: Record<string, string> = { chair: "Vorsitz", member: "Mitglied", minute_taker: "Schriftführung" };
export const PAPER_TYPE: Record<string, string> = { proposal: "Beschlussvorlage", information: "Informationsvorlage", motion: "Antrag" };

/** How the minutes name an absence: excused or not, and the reason where the reader may know it. */
export function absenceLabel(status: "excused" | "absent" | "unknown", reason: string | null): string {
  if (status === "excused") return reason ? `entschuldigt (${reason})` : "entschuldigt";
  return status === "absent" ? "nicht entschuldigt" : "keine Angabe";
}

/** The minutes' sentence on a recusal (§18 GemO), with the remark recorded with it where the reader may know it. */
export function recusalText(name: string, note: string | null): string {
  return `${name} erklärt sich für befangen (§ 18 GemO) und verlässt den Sitzungsraum.${note ? ` ${note}` : ""}`;
}
