/**
 * The workspace's pages before a meeting, through HTTP as a browser posts them: committees and seats, papers with
 * attachments, meetings, the agenda builder and the invitation. Bad input is named beside its field and kept; a
 * stale version is refused without a write; nobody but the body's secretariat gets in.
 */
import { describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { addDays, berlinDateOf } from "../../src/rules/calendar";
import { createBody } from "../../src/services/people/bodies";
import { createServiceContext } from "../../src/services/context";
import { demoPortal, signedInClerk, signedInVisitor } from "../helpers/portal";

async function workspace() {
  const { app, db } = await demoPortal();
  const body = await db.prisma.body.findFirstOrThrow();
  const clerk = await signedInClerk(app, db, body.id);
  const beirat = await db.prisma.committee.findFirstOrThrow({ where: { name: "Integrationsbeirat" } });
  return { app, db, body, clerk, beirat };
}

const idFrom = (location: string | null) => location!.split("?")[0]!.split("/").pop()!;

/** Plans a meeting of the Beirat `days` ahead through the form; its id. */
async function planned(clerk: Awaited<ReturnType<typeof workspace>>["clerk"], committeeId: string, days: number) {
  const response = await clerk.post("/verwaltung/sitzungen/neu", {
    committeeId,
    date: addDays(berlinDateOf(new Date()), days),
    startTime: "18:00",
    standardFrame: "ja",
  });
  expect(response.status).toBe(303);
  return idFrom(response.headers.get("location"));
}

describe("the workspace before a meeting", () => {
  it("plans a meeting in Berlin time from the standard frame, and names bad dates and times beside their fields", async () => {
    const { clerk, db, beirat } = await workspace();
    const refused = await clerk.post("/verwaltung/sitzungen/neu", {
      committeeId: beirat.id,
      date: "2027-02-30",
      startTime: "18:00",
      locationRoom: "Saal 1",
    });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('id="date-error"');
    expect(html).toContain('value="Saal 1"');
    const late = await clerk.post("/verwaltung/sitzungen/neu", {
      committeeId: beirat.id,
      date: "2027-07-01",
      startTime: "18:00",
      endTime: "17:30",
    });
    expect(await late.text()).toMatch(/id="endTime-error">Ende \(Uhrzeit\) muss nach dem Beginn liegen/);

    const id = await planned(clerk, beirat.id, 30);
    const meeting = await db.prisma.meeting.findUniqueOrThrow({ where: { id }, include: { items: true } });
    // 18:00 in Berlin is 17:00 or 16:00 UTC, by the season.
    expect([16, 17]).toContain(meeting.startsAt.getUTCHours());
    expect(meeting.items.length).toBeGreaterThan(2);
    const page = await (await clerk.get(`/verwaltung/sitzungen/${id}?geplant`)).text();
    expect(page).toContain("Die Sitzung ist geplant.");
    expect(page).toContain("18:00 Uhr");
  });

  it("builds an agenda: items in both parts with a paper, nested, moved; a stale move is refused and nothing is written", async () => {
    const { clerk, db, beirat } = await workspace();
    const id = await planned(clerk, beirat.id, 30);
    const paper = await db.prisma.paper.findFirstOrThrow({ where: { isPublic: true, deletedAt: null } });
    expect((await clerk.post(`/verwaltung/sitzungen/${id}/punkte`, { title: "", part: "oeffentlich", kind: "resolution" })).status).toBe(
      400,
    );
    // A rule of the agenda is named beside the field the form has, in words.
    const wrongPart = await clerk.post(`/verwaltung/sitzungen/${id}/punkte`, {
      title: "Fragen",
      part: "nichtoeffentlich",
      kind: "residents_questions",
    });
    expect(wrongPart.status).toBe(400);
    expect(await wrongPart.text()).toMatch(
      /id="part-error">Teil ein Punkt der Art „Fragen der Einwohnerschaft“ gehört in den öffentlichen/,
    );
    const added = await clerk.post(`/verwaltung/sitzungen/${id}/punkte`, {
      title: "Sprachkurse",
      part: "oeffentlich",
      kind: "resolution",
      paperId: paper.id,
    });
    expect(added.status).toBe(303);
    await clerk.post(`/verwaltung/sitzungen/${id}/punkte`, { title: "Personalie", part: "nichtoeffentlich", kind: "discussion" });
    const parent = await db.prisma.agendaItem.findFirstOrThrow({ where: { meetingId: id, title: "Sprachkurse" } });
    await clerk.post(`/verwaltung/sitzungen/${id}/punkte`, {
      title: "Bericht",
      part: "oeffentlich",
      kind: "information",
      parentId: parent.id,
    });
    const child = await db.prisma.agendaItem.findFirstOrThrow({ where: { meetingId: id, title: "Bericht" } });
    expect(child.parentId).toBe(parent.id);
    expect((await db.prisma.agendaItem.findFirstOrThrow({ where: { meetingId: id, title: "Personalie" } })).isPublic).toBe(false);

    // Up one place, with the version the page showed.
    const moved = await clerk.post(`/verwaltung/sitzungen/${id}/punkte/${parent.id}`, { aktion: "hoch", version: String(parent.version) });
    expect(moved.status).toBe(303);
    const after = await db.prisma.agendaItem.findUniqueOrThrow({ where: { id: parent.id } });
    expect(after.position).toBe(parent.position - 1);
    // Every sibling keeps a place of its own: 0, 1, 2, … without a tie.
    const places = async () =>
      (await db.prisma.agendaItem.findMany({ where: { meetingId: id, isPublic: true, parentId: null }, orderBy: { position: "asc" } })).map(
        (item) => item.position,
      );
    expect(await places()).toEqual([...(await places()).keys()]);
    // A second clerk's page still shows the old version: refused, with the notice, and nothing moves.
    const stale = await clerk.post(`/verwaltung/sitzungen/${id}/punkte/${parent.id}`, {
      aktion: "runter",
      version: String(parent.version),
    });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("Jemand hat diese Angaben gespeichert");
    expect((await db.prisma.agendaItem.findUniqueOrThrow({ where: { id: parent.id } })).position).toBe(after.position);
    // Nest under the item before, then back up a level.
    const nested = await clerk.post(`/verwaltung/sitzungen/${id}/punkte/${parent.id}`, { aktion: "ein", version: String(after.version) });
    expect(nested.status).toBe(303);
    const inside = await db.prisma.agendaItem.findUniqueOrThrow({ where: { id: parent.id } });
    expect(inside.parentId).not.toBeNull();
    await clerk.post(`/verwaltung/sitzungen/${id}/punkte/${parent.id}`, { aktion: "aus", version: String(inside.version) });
    expect((await db.prisma.agendaItem.findUniqueOrThrow({ where: { id: parent.id } })).parentId).toBeNull();
    // An action the item does not offer where it stands is refused as stale too.
    const first = await db.prisma.agendaItem.findFirstOrThrow({ where: { meetingId: id, isPublic: true, parentId: null, position: 0 } });
    expect(
      (await clerk.post(`/verwaltung/sitzungen/${id}/punkte/${first.id}`, { aktion: "hoch", version: String(first.version) })).status,
    ).toBe(409);
    // Removed before the invitation, after a page that asks and names the sub-items: gone with them.
    const current = await db.prisma.agendaItem.findUniqueOrThrow({ where: { id: parent.id } });
    const ask = await clerk.get(`/verwaltung/sitzungen/${id}/punkte/${parent.id}/entfernen`);
    expect(ask.status).toBe(200);
    expect(await ask.text()).toContain("Bericht");
    expect(await db.prisma.agendaItem.count({ where: { id: parent.id } })).toBe(1);
    await clerk.post(`/verwaltung/sitzungen/${id}/punkte/${parent.id}`, { aktion: "entfernen", version: String(current.version) });
    expect(await db.prisma.agendaItem.count({ where: { id: { in: [parent.id, child.id] } } })).toBe(0);
  });

  it("refuses a late invitation without a reason beside its field, sends it with one, then shows changes as amendments", async () => {
    const { clerk, db, beirat } = await workspace();
    const id = await planned(clerk, beirat.id, 3);
    const form = await (await clerk.get(`/verwaltung/sitzungen/${id}/einladung`)).text();
    expect(form).toContain("Die Ladungsfrist ist nicht eingehalten");
    const refused = await clerk.post(`/verwaltung/sitzungen/${id}/einladung`, { lateReason: "" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(
      /id="lateReason-error">Begründung der verspäteten Einladung ist für eine verspätete Einladung erforderlich/,
    );
    expect((await db.prisma.meeting.findUniqueOrThrow({ where: { id } })).state).toBe("planned");
    const sent = await clerk.post(`/verwaltung/sitzungen/${id}/einladung`, { lateReason: "Fristablauf der Fördermittel" });
    expect(sent.status).toBe(303);
    const invitation = await db.prisma.invitation.findFirstOrThrow({ where: { meetingId: id } });
    expect(invitation.lateReason).toBe("Fristablauf der Fördermittel");
    await clerk.post(`/verwaltung/sitzungen/${id}/punkte`, { title: "Dringlicher Punkt", part: "oeffentlich", kind: "discussion" });
    const page = await (await clerk.get(`/verwaltung/sitzungen/${id}`)).text();
    expect(page).toContain("Nachträge");
    expect(page).toContain("Neu aufgenommen: Dringlicher Punkt");
    // Invited: it can be cancelled with a reason, no longer deleted.
    expect(page).not.toContain("/loeschen");
    const meeting = await db.prisma.meeting.findUniqueOrThrow({ where: { id } });
    expect((await clerk.post(`/verwaltung/sitzungen/${id}/absage`, { reason: "", version: String(meeting.version) })).status).toBe(400);
    expect(
      (await clerk.post(`/verwaltung/sitzungen/${id}/absage`, { reason: "Raum nicht verfügbar", version: String(meeting.version) })).status,
    ).toBe(303);
    expect(await db.prisma.meeting.findUniqueOrThrow({ where: { id } })).toMatchObject({
      state: "cancelled",
      cancelledReason: "Raum nicht verfügbar",
    });
  });

  it("deletes a planned meeting that was never invited, at its version", async () => {
    const { clerk, db, beirat } = await workspace();
    const id = await planned(clerk, beirat.id, 40);
    const meeting = await db.prisma.meeting.findUniqueOrThrow({ where: { id } });
    expect((await clerk.post(`/verwaltung/sitzungen/${id}/loeschen`, { version: String(meeting.version + 1) })).status).toBe(409);
    expect(await db.prisma.meeting.count({ where: { id } })).toBe(1);
    expect((await clerk.post(`/verwaltung/sitzungen/${id}/loeschen`, { version: String(meeting.version) })).status).toBe(303);
    expect(await db.prisma.meeting.count({ where: { id } })).toBe(0);
  });

  it("writes a paper with a preview that saves nothing, an attachment checked by type, and its route", async () => {
    const { clerk, db, beirat } = await workspace();
    const preview = await clerk.post("/verwaltung/vorlagen/neu", {
      title: "Vorschau",
      type: "proposal",
      proposedResolution: "**fett** <script>x</script>",
      vorschau: "ja",
    });
    expect(preview.status).toBe(200);
    const shown = await preview.text();
    expect(shown).toContain("<strong>fett</strong>");
    expect(shown).not.toContain("<script>x");
    expect(await db.prisma.paper.count({ where: { title: "Vorschau" } })).toBe(0);
    expect((await clerk.post("/verwaltung/vorlagen/neu", { title: " ", type: "proposal" })).status).toBe(400);
    const created = await clerk.post("/verwaltung/vorlagen/neu", { title: "Sprachcafés", type: "proposal", isPublic: "ja" });
    expect(created.status).toBe(303);
    const id = idFrom(created.headers.get("location"));
    const paper = await db.prisma.paper.findUniqueOrThrow({ where: { id } });
    expect(paper.isPublic).toBe(true);

    const text = new FormData();
    text.set("file", new File(["kein PDF"], "notiz.pdf", { type: "application/pdf" }));
    const refused = await clerk.post(`/verwaltung/vorlagen/${id}/anlagen`, text);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/id="file-error">Datei der Inhalt ist keine PDF-Datei/);
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const upload = new FormData();
    upload.set("file", new File([Buffer.from(await pdf.save())], "kostenplan.pdf", { type: "application/pdf" }));
    expect((await clerk.post(`/verwaltung/vorlagen/${id}/anlagen`, upload)).status).toBe(303);
    expect(await db.prisma.paperAttachment.count({ where: { paperId: id } })).toBe(1);

    expect((await clerk.post(`/verwaltung/vorlagen/${id}/beratungsfolge`, { committeeId: beirat.id, role: "preparing" })).status).toBe(303);
    expect(await db.prisma.consultation.count({ where: { paperId: id, committeeId: beirat.id } })).toBe(1);

    // Unticked, it becomes non-public; a stale save keeps the input and writes nothing.
    // As a browser posts it: every field, the empty ones empty.
    const empty = { date: "", proposedResolution: "", factsAndReasons: "", financialEffects: "" };
    const saved = await clerk.post(`/verwaltung/vorlagen/${id}`, {
      version: String(paper.version),
      title: "Sprachcafés 2027",
      type: "proposal",
      ...empty,
    });
    expect(saved.status).toBe(303);
    expect(await db.prisma.paper.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: "Sprachcafés 2027", isPublic: false });
    const stale = await clerk.post(`/verwaltung/vorlagen/${id}`, {
      version: String(paper.version),
      title: "Alter Stand",
      type: "proposal",
    });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('value="Alter Stand"');
    expect((await db.prisma.paper.findUniqueOrThrow({ where: { id } })).title).toBe("Sprachcafés 2027");
  });

  it("gives a seat with a deputy, shows the composition on a date, and names a bad seat beside its field", async () => {
    const { clerk, db, beirat } = await workspace();
    const person = await db.prisma.person.create({
      data: {
        id: crypto.randomUUID(),
        bodyId: beirat.bodyId,
        givenName: "Ana",
        familyName: "Ćosić",
        createdAt: new Date(),
        updatedAt: new Date(),
        version: 1,
      },
    });
    const member = await db.prisma.membership.findFirstOrThrow({
      where: { committeeId: beirat.id, role: "member" },
      include: { person: true },
    });
    const today = berlinDateOf(new Date());
    const refused = await clerk.post(`/verwaltung/gremien/${beirat.id}/sitze/neu`, {
      personId: person.id,
      role: "advisory_member",
      votingRight: "ja",
      startDate: today,
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('id="votingRight-error"');
    const backwards = await clerk.post(`/verwaltung/gremien/${beirat.id}/sitze/neu`, {
      personId: person.id,
      role: "member",
      startDate: today,
      endDate: addDays(today, -1),
    });
    expect(backwards.status).toBe(400);
    expect(await backwards.text()).toContain('id="endDate-error"');
    const created = await clerk.post(`/verwaltung/gremien/${beirat.id}/sitze/neu`, {
      personId: person.id,
      role: "deputy",
      deputyForId: member.id,
      onBehalfOf: "Kroatischer Kulturverein",
      startDate: today,
    });
    expect(created.status).toBe(303);
    const page = await (await clerk.get(`/verwaltung/gremien/${beirat.id}?stichtag=${today}`)).text();
    expect(page).toContain("Ana Ćosić");
    expect(page).toContain("Kroatischer Kulturverein");
    expect(page).toContain(`vertritt ${member.person.givenName} ${member.person.familyName}`);
  });

  it("sets letterhead, templates and logo of the documents; a broken template is named beside its field", async () => {
    const { clerk, db, body } = await workspace();
    const form = await (await clerk.get("/verwaltung/dokumente")).text();
    expect(form).toContain("Standardvorlage: Einladung");
    const broken = await clerk.post("/verwaltung/dokumente", {
      version: "0",
      letterhead: "Stadt Remsfeld · Geschäftsstelle",
      invitation: "{{#items}} offen",
    });
    expect(broken.status).toBe(400);
    const html = await broken.text();
    expect(html).toMatch(/id="invitation-error">Einladung /);
    expect(html).toContain("Stadt Remsfeld · Geschäftsstelle");
    expect(await db.prisma.bodyDocumentSettings.count({ where: { bodyId: body.id } })).toBe(0);
    expect((await clerk.post("/verwaltung/dokumente", { version: "0", letterhead: "Stadt Remsfeld · Geschäftsstelle" })).status).toBe(303);
    expect((await db.prisma.bodyDocumentSettings.findUniqueOrThrow({ where: { bodyId: body.id } })).letterhead).toBe(
      "Stadt Remsfeld · Geschäftsstelle",
    );
    expect(await (await clerk.get("/verwaltung/dokumente?gespeichert")).text()).toContain("Die Einstellungen sind gespeichert.");
    const stale = await clerk.post("/verwaltung/dokumente", { version: "0", footer: "Seite" });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain(">Seite</textarea>");
    const notAnImage = new FormData();
    notAnImage.set("file", new File(["GIF89a"], "logo.gif", { type: "image/gif" }));
    const refused = await clerk.post("/verwaltung/dokumente/logo", notAnImage);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/id="file-error">Bilddatei muss image\/png oder image\/jpeg sein/);
  });

  it("keeps an admin in the body of the page a form was on, when there are several bodies", async () => {
    const { app, db, body, beirat } = await workspace();
    const root = createServiceContext(db, { kind: "admin", tokenId: null, name: "test" }, new Date());
    await createBody(root, { name: "Nachbarstadt" });
    const admin = await signedInVisitor(app, db, { email: "admin@remsfeld.example", role: "admin", bodyId: body.id });
    await admin.signIn();
    const form = `/verwaltung/sitzungen/neu?k=${body.id}`;
    expect((await admin.get(form)).status).toBe(200);
    const fields = { committeeId: beirat.id, date: "2027-03-04", startTime: "18:00" };
    const response = await admin.post("/verwaltung/sitzungen/neu", fields, { referer: `http://localhost${form}` });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toContain(`k=${body.id}`);
  });

  it("lets nobody else in: the public signs in, a member and another body's secretariat get 403", async () => {
    const { app, clerk, db, beirat } = await workspace();
    const id = await planned(clerk, beirat.id, 30);
    const addresses = [
      `/verwaltung/sitzungen/${id}`,
      "/verwaltung/vorlagen/neu",
      `/verwaltung/gremien/${beirat.id}`,
      `/verwaltung/sitzungen/${id}/einladung`,
    ];
    for (const address of addresses) expect((await app.request(address)).status).toBe(303);
    const seat = await db.prisma.membership.findFirstOrThrow({ where: { committeeId: beirat.id } });
    const member = await signedInVisitor(app, db, { email: "m@remsfeld.example", role: "member", personId: seat.personId });
    await member.signIn();
    for (const address of addresses) expect((await member.get(address)).status).toBe(403);
    expect((await member.post(`/verwaltung/sitzungen/${id}/einladung`, { lateReason: "x" })).status).toBe(403);
    const admin = createServiceContext(db, { kind: "admin", tokenId: null, name: "test" }, new Date());
    const other = await createBody(admin, { name: "Nachbarstadt" });
    const stranger = await signedInVisitor(app, db, { email: "gs@nachbar.example", role: "secretariat", bodyId: other.id });
    await stranger.signIn();
    expect((await stranger.get("/verwaltung")).status).toBe(200);
    expect((await stranger.get(`/verwaltung/sitzungen/${id}`)).status).toBe(403);
    expect(
      (await stranger.post(`/verwaltung/sitzungen/${id}/punkte`, { title: "Fremd", part: "oeffentlich", kind: "discussion" })).status,
    ).toBe(403);
    expect(await db.prisma.agendaItem.count({ where: { meetingId: id, title: "Fremd" } })).toBe(0);
  });
});
