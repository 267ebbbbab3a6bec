/** The minutes lifecycle and signatures (§38 GemO). Pure functions. */
import { addMonths } from "./calendar";

export const MINUTES_STATES = ["draft", "circulated", "final", "published"] as const;
export type MinutesState = (typeof MINUTES_STATES)[number];

const NEXT: Record<MinutesState, MinutesState | null> = { draft: "circulated", circulated: "final", final: "published", published: null };

/** The German names of the states. */
export const MINUTES_STATE_NAMES: Record<MinutesState, string> = {
  draft: "Entwurf",
  circulated: "im Umlauf",
  final: "endgültig",
  published: "veröffentlicht",
};
export const minutesStateName = (state: string) => MINUTES_STATE_NAMES[state as MinutesState] ?? state;

export function minutesTransitionRefusal(from: MinutesState, to: MinutesState): string | undefined {
  const next = NEXT[from];
  return next === to
    ? undefined
    : "eine Niederschrift geht vom Entwurf in den Umlauf, wird endgültig und dann veröffentlicht; " +
        `aus „${MINUTES_STATE_NAMES[from]}“ ist der nächste Schritt ${next ? `„${MINUTES_STATE_NAMES[next]}“` : "keiner"}`;
}

export type SignatureRole = "chair" | "member" | "minute_taker";

/** §38 (2) GemO: the chair, two members who took part, and the minute-taker sign. What is still missing? */
export function missingSignatures(signatures: { role: SignatureRole }[]): string[] {
  const count = (role: SignatureRole) => signatures.filter((s) => s.role === role).length;
  const missing: string[] = [];
  if (count("chair") < 1) missing.push("die oder der Vorsitzende");
  const members = 2 - count("member");
  if (members > 0) missing.push(`${members === 1 ? "1 Mitglied" : `${members} Mitglieder`}, die an der Sitzung teilgenommen haben`);
  if (count("minute_taker") < 1) missing.push("die Schriftführerin oder der Schriftführer");
  return missing;
}

/** §38 (2) GemO: the minutes go to the committee within one month; the last Berlin date for that. */
export function minutesDueDate(meetingDate: string): string {
  return addMonths(meetingDate, 1);
}
