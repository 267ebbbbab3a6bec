import { createServiceContext } from "../services/context";
import type { Principal } from "../auth/principal";
import type { Database, Statement } from "../db/database";
import { insertRow } from "../db/sql";
import { defaultVotingRight } from "../rules/membership";
import { auditStatement, newRecordColumns } from "../services/records";
import type { AttachmentStore } from "../storage";
import { demoBody, demoCommittees, demoPeople, demoSeats } from "./demo-data";
import { demoYear } from "./demo-meetings";
import { demoFigures } from "./demo-figures";

const SEEDER: Principal = { kind: "admin", tokenId: null, name: "demo data" };

/**
 * Loads the demo municipality into an empty database, as one atomic batch. Answers what it loaded,
 * or `undefined` when the database holds a body already.
 */
export async function loadDemoData(db: Database, store: AttachmentStore, now: Date, actor: Principal = SEEDER) {
  if ((await db.prisma.body.count()) > 0) return undefined;
  const ctx = createServiceContext(db, actor, now);
  const stamp = () => ({ ...newRecordColumns(now), deletedAt: null });
  const statements: Statement[] = [];

  const body = { ...stamp(), ...demoBody, publishAttendance: false };
  statements.push(insertRow("Body", body));

  const committeeIds = {} as Record<keyof typeof demoCommittees, string>;
  const termIds = {} as Record<keyof typeof demoCommittees, string>;
  for (const [key, { term, ...committee }] of Object.entries(demoCommittees) as [
    keyof typeof demoCommittees,
    (typeof demoCommittees)["beirat"],
  ][]) {
    const committeeRow = { ...stamp(), bodyId: body.id, noticePeriodDays: 7, ...committee };
    const termRow = { ...stamp(), bodyId: body.id, committeeId: committeeRow.id, ...term };
    committeeIds[key] = committeeRow.id;
    termIds[key] = termRow.id;
    statements.push(insertRow("Committee", committeeRow), insertRow("Term", termRow));
  }

  const personIds = new Map<string, string>();
  for (const { key, ...person } of demoPeople) {
    const row = {
      ...stamp(),
      bodyId: body.id,
      formOfAddress: person.formOfAddress,
      title: person.title ?? null,
      givenName: person.givenName,
      familyName: person.familyName,
      organisation: person.organisation ?? null,
      email: `${key}@remsfeld.example`,
      phone: null,
      mailOptOut: false,
    };
    personIds.set(key, row.id);
    statements.push(insertRow("Person", row));
  }

  const seatIds = new Map<string, string>();
  for (const seat of demoSeats) {
    const { id, ...rest } = newRecordColumns(now);
    seatIds.set(`${seat.committee}:${seat.person}`, id);
    statements.push(
      insertRow("Membership", {
        id,
        ...rest,
        committeeId: committeeIds[seat.committee],
        personId: personIds.get(seat.person)!,
        termId: termIds[seat.committee],
        role: seat.role,
        votingRight: defaultVotingRight(seat.role),
        seatCategory: seat.seatCategory,
        onBehalfOf: seat.onBehalfOf ?? null,
        startDate: demoCommittees[seat.committee].term.startDate,
        endDate: null,
        deputyForId: seat.deputyFor ? seatIds.get(`${seat.committee}:${seat.deputyFor}`)! : null,
      }),
    );
  }

  const personById = new Map(demoPeople.map((person) => [personIds.get(person.key)!, person]));
  /** The seats of a committee as the demo year needs them: who, in which role, standing in for whom. */
  const seatsOf = (committee: keyof typeof demoCommittees) =>
    demoSeats
      .filter((seat) => seat.committee === committee)
      .map((seat) => {
        const person = personById.get(personIds.get(seat.person)!)!;
        return {
          personId: personIds.get(seat.person)!,
          name: [person.title, person.givenName, person.familyName].filter(Boolean).join(" "),
          role: seat.role,
          membershipId: seatIds.get(`${committee}:${seat.person}`)!,
          deputyForMembershipId: seat.deputyFor ? seatIds.get(`${committee}:${seat.deputyFor}`)! : null,
        };
      });
  const year = await demoYear({
    now,
    bodyId: body.id,
    committeeId: committeeIds.ausschuss,
    committeeName: demoCommittees.ausschuss.name,
    committeeShortName: demoCommittees.ausschuss.shortName,
    preparingCommitteeId: committeeIds.beirat,
    actorName: "Stabsstelle Integration",
    preparingCommitteeName: demoCommittees.beirat.name,
    seats: seatsOf("ausschuss"),
    preparingSeats: seatsOf("beirat"),
  });
  statements.push(...year.statements);
  const figures = demoFigures({ now, bodyId: body.id, actorName: "Stabsstelle Integration", plan: year.plan });
  statements.push(...figures.statements);
  // Files first: a failed write leaves unreferenced files, never records pointing at nothing.
  for (const file of year.files) await store.put(file.key, file.bytes, file.contentType);

  const summary = {
    bodyId: body.id,
    committees: Object.keys(committeeIds).length,
    people: personIds.size,
    memberships: seatIds.size,
    meetings: year.meetings,
    papers: year.papers,
    measures: year.measures + figures.measures,
    integrationReport: figures.reportYear,
  };
  statements.push(auditStatement(ctx, "seed", "Body", body.id, null, summary));
  await db.batch(statements);
  return summary;
}
