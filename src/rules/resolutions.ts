/** The register number of a resolution, per committee and year: "IA/2026/004". */
export const resolutionNumber = (shortName: string, year: number, serial: number) =>
  `${shortName}/${year}/${String(serial).padStart(3, "0")}`;
