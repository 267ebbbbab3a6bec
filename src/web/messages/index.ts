import { de } from "./de";

/** The messages of the front ends. Only German so far; a second language adds its file and a choice here. */
export const m = de;
export type { Messages } from "./de";
