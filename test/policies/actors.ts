import type { Principal } from "../../src/auth/principal";
import type { Readership } from "../../src/policies/readership";

/** Committee C1 and C2 belong to body A; committee X1 to body B. */
export const C1 = { id: "c1", bodyId: "A" };
export const C2 = { id: "c2", bodyId: "A" };
export const X1 = { id: "x1", bodyId: "B" };

export interface Reader {
  name: string;
  actor: Principal;
  readership: Readership;
}

const set = (...ids: string[]) => new Set(ids);

/** Every kind of reader the policies distinguish, each with the readership the service context resolves for it. */
export const READERS = {
  anonymous: { name: "anonymous", actor: { kind: "anonymous" }, readership: { seats: set(), committees: set() } },
  admin: { name: "admin", actor: { kind: "admin", tokenId: null, name: "admin" }, readership: { seats: set(), committees: "all" } },
  secretariatA: {
    name: "secretariat of body A",
    actor: { kind: "secretariat", tokenId: "t", name: "GS A", bodyId: "A" },
    readership: { seats: set(), committees: set("c1", "c2") },
  },
  secretariatB: {
    name: "secretariat of body B",
    actor: { kind: "secretariat", tokenId: "t", name: "GS B", bodyId: "B" },
    readership: { seats: set(), committees: set("x1") },
  },
  memberC1: {
    name: "member of C1",
    actor: { kind: "member", tokenId: "t", name: "M1", bodyId: "A", personId: "p1" },
    readership: { seats: set("c1"), committees: set("c1") },
  },
  memberC2: {
    name: "member of C2 only",
    actor: { kind: "member", tokenId: "t", name: "M2", bodyId: "A", personId: "p2" },
    readership: { seats: set("c2"), committees: set("c2") },
  },
} satisfies Record<string, Reader>;

export type ReaderKey = keyof typeof READERS;
export const READER_KEYS = Object.keys(READERS) as ReaderKey[];

/** The readers of a table row that may: every other reader may not. */
export function expectations(allowed: ReaderKey[]): [ReaderKey, boolean][] {
  return READER_KEYS.map((key) => [key, allowed.includes(key)]);
}
