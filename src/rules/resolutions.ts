/** The register number of a resolution, per committee and year: "IA/2026/004". */
export const resolutionNumber = (shortName: string, year: number, serial: number) =>
  `${shortName}/${year}/${String(serial).padStart(3, "0")}`;

/**
 * What a resolution is called in documents: an advisory body recommends ("Empfehlung an den Gemeinderat"), a
 * deciding body resolves ("Beschluss").
 */
export function resolutionLabel(resolution: { kind: string; recipientBody: string | null }): string {
  if (resolution.kind !== "recommendation") return "Beschluss";
  return resolution.recipientBody ? `Empfehlung an ${resolution.recipientBody}` : "Empfehlung";
}
