/** Paper (Vorlage) numbers: a register per body and year, shown as "2026/012". */
export const paperNumber = (year: number, serial: number) => `${year}/${String(serial).padStart(3, "0")}`;

export const PAPER_TYPES = ["proposal", "information", "motion"] as const;
export type PaperType = (typeof PAPER_TYPES)[number];

export const CONSULTATION_ROLES = ["preparing", "deciding"] as const;
export const CONSULTATION_STATES = ["pending", "scheduled", "advised", "decided", "deferred"] as const;
export type ConsultationState = (typeof CONSULTATION_STATES)[number];
