/** Who is present and entitled to vote on an agenda item: attendance, deputies and recusal (§18 GemO). Pure. */

export const ATTENDANCE_STATUSES = ["present", "remote", "excused", "absent"] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export interface VotingSeat {
  membershipId: string;
  personId: string;
}

export interface AttendanceRecord {
  personId: string;
  status: AttendanceStatus;
  /** For a deputy: the membership of the member whose place they take. */
  standsInFor: string | null;
  /** Index in agenda order from which the person is there (late arrival); null: from the start. */
  fromItem: number | null;
  /** Index in agenda order before which the person left; null: to the end. */
  untilItem: number | null;
}

export interface ItemPresence {
  votingMembers: number;
  presentNotRecused: number;
  recused: number;
  /** Who votes for each occupied seat on this item: the member, or the deputy in their place. */
  voters: { membershipId: string; personId: string; recused: boolean }[];
}

/** Whether a record places its person in the room (or connected, §37a) during the item. */
export function isThereFor(record: AttendanceRecord, itemIndex: number): boolean {
  return (
    (record.status === "present" || record.status === "remote") &&
    (record.fromItem === null || record.fromItem <= itemIndex) &&
    (record.untilItem === null || itemIndex < record.untilItem)
  );
}

/**
 * The voting strength on one item. A seat counts when its holder is there, or else a deputy standing in
 * for it is there; a recused voter is left out of quorum and count (§18, §37 (2) GemO).
 */
export function presenceAtItem(
  seats: VotingSeat[],
  records: AttendanceRecord[],
  itemIndex: number,
  recusedPersonIds: ReadonlySet<string>,
): ItemPresence {
  const voters: ItemPresence["voters"] = [];
  let recused = 0;
  for (const seat of seats) {
    const holder = records.find((r) => r.personId === seat.personId && r.standsInFor === null);
    const deputy = records.find((r) => r.standsInFor === seat.membershipId && isThereFor(r, itemIndex));
    const voter = holder && isThereFor(holder, itemIndex) ? seat.personId : deputy?.personId;
    const isRecused = recusedPersonIds.has(voter ?? seat.personId);
    if (isRecused) recused++;
    if (voter) voters.push({ membershipId: seat.membershipId, personId: voter, recused: isRecused });
  }
  return { votingMembers: seats.length, presentNotRecused: voters.filter((v) => !v.recused).length, recused, voters };
}
