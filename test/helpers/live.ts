/** A meeting of the demo's Integrationsbeirat that is running: the data of the live-meeting tests. */
import type { Database } from "../../src/db/database";
import { loadDocumentAssets } from "../../src/entry/node-documents";
import { createServiceContext } from "../../src/services/context";
import { createAgendaItem } from "../../src/services/meetings/agenda";
import { sendInvitation } from "../../src/services/meetings/invitations";
import { createMeeting } from "../../src/services/meetings/meetings";
import { createPaper } from "../../src/services/papers/papers";
import { createMembership } from "../../src/services/people/memberships";
import { createPerson } from "../../src/services/people/people";

/**
 * The Beirat's meeting that began half an hour ago, invited ten days before: a deputy for one member, a paper with
 * its proposed resolution, and two items to decide.
 */
export async function runningBeiratMeeting(db: Database, origin: string, now = Date.now()) {
  const before = createServiceContext(db, { kind: "admin", tokenId: null, name: "test" }, new Date(now - 10 * 86_400_000));
  const beirat = await db.prisma.committee.findFirstOrThrow({ where: { shortName: "IBR" } });
  const seats = await db.prisma.membership.findMany({ where: { committeeId: beirat.id }, include: { person: true } });
  const members = seats.filter((s) => s.role === "member");
  const [excused, remote, recused, signer1, signer2] = members.slice(-5);
  const made = { meetingId: "", tieItem: "", recommendationItem: "", people: {} as Record<string, { id: string; name: string }> };
  for (const [key, s] of Object.entries({ excused, remote, recused, signer1, signer2 }))
    made.people[key] = { id: s!.personId, name: `${s!.person.givenName} ${s!.person.familyName}` };
  made.people.chair = { id: seats.find((s) => s.role === "chair")!.personId, name: "" };
  made.people.clerk = { id: seats.find((s) => s.role === "minute_taker")!.personId, name: "" };
  const deputy = await createPerson(before, { bodyId: beirat.bodyId, givenName: "Zoran", familyName: "Ilić" });
  await createMembership(before, {
    committeeId: beirat.id,
    personId: deputy.id,
    role: "deputy",
    startDate: "2024-07-01",
    deputyForId: excused!.id,
  });
  made.people.deputy = { id: deputy.id, name: "Zoran Ilić" };
  const paper = await createPaper(before, {
    bodyId: beirat.bodyId,
    title: "Sprachpaten an Grundschulen",
    type: "proposal",
    isPublic: true,
    proposedResolution: "Der Integrationsbeirat empfiehlt dem Integrationsausschuss, Sprachpaten an allen Grundschulen einzusetzen.",
  });
  const startsAt = new Date(now - 30 * 60_000);
  const { meeting } = await createMeeting(before, {
    committeeId: beirat.id,
    startsAt: startsAt.toISOString(),
    standardFrame: true,
    repeatMeeting: false,
    locationName: "Rathaus",
  });
  const tie = await createAgendaItem(before, meeting.id, { title: "Zuschuss für das Sommerfest", kind: "resolution", isPublic: true });
  made.tieItem = tie.itemId;
  const recommendation = await createAgendaItem(before, meeting.id, {
    title: "Sprachpaten an Grundschulen",
    kind: "resolution",
    isPublic: true,
    paperId: paper.id,
  });
  made.recommendationItem = recommendation.itemId;
  await sendInvitation(before, meeting.id, { channel: "email" }, { templates: loadDocumentAssets().templates, baseUrl: origin });
  made.meetingId = meeting.id;
  return made;
}
