/**
 * The live meeting and the minutes desk through HTTP, as a browser without JavaScript posts them: the result shown
 * before saving writes nothing; a submission is written whole or not at all; two clerks recording at once never
 * overwrite each other and keep their input; only the body's secretariat gets in, and a member only to their own
 * committee's circulated minutes.
 */
import { describe, expect, it } from "vitest";
import { runningBeiratMeeting } from "../helpers/live";
import { demoPortal, signedInClerk, signedInVisitor } from "../helpers/portal";

async function live() {
  const now = new Date();
  const { app, db } = await demoPortal(now);
  const body = await db.prisma.body.findFirstOrThrow();
  const made = await runningBeiratMeeting(db, "http://localhost", now.getTime());
  const clerk = await signedInClerk(app, db, body.id);
  const other = await signedInVisitor(app, db, { email: "gs2@remsfeld.example", role: "secretariat", bodyId: body.id });
  await other.signIn();
  const path = `/verwaltung/sitzungen/${made.meetingId}/live`;
  return { app, db, body, made, clerk, other, path };
}

/** The value of a hidden or text field in a page's HTML. */
const fieldValue = (html: string, name: string) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1] ?? "";

/** The attendance form of everyone present, as the page offers it, with changes. */
async function sheet(clerk: Awaited<ReturnType<typeof live>>["clerk"], path: string, changes: Record<string, string> = {}) {
  const html = await (await clerk.get(path)).text();
  const form: Record<string, string> = { version: fieldValue(html, "version") };
  for (const [, name, value] of html.matchAll(/<option value="([^"]*)" selected="">|name="([sgv]-[^"]+)"[^>]*?(?:value="([^"]*)")?/g)) {
    if (name) form[name] = value ?? "";
  }
  for (const [, id] of html.matchAll(/<select[^>]*id="(s-[^"]+)"/g)) form[id!] = form[id!] || "present";
  return { html, form: { ...form, ...changes } };
}

describe("the live meeting without JavaScript", () => {
  it("records attendance in one step, and refuses a second clerk's stale sheet with their input kept", async () => {
    const { clerk, other, path, made, db } = await live();
    const a = await sheet(clerk, path, { [`s-${made.people.remote!.id}`]: "remote" });
    const b = await sheet(other, path, {
      [`s-${made.people.excused!.id}`]: "excused",
      [`g-${made.people.excused!.id}`]: "Krankheit",
    });
    expect(a.form.version).toBe("0:0");
    const saved = await clerk.post(path, a.form);
    expect(saved.status).toBe(303);
    const stale = await other.post(path, b.form);
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain("Jemand hat diese Angaben gespeichert");
    // Their input is still in the form, now at the new version.
    expect(html).toContain('value="Krankheit"');
    expect(fieldValue(html, "version")).not.toBe("0:0");
    const records = await db.prisma.attendance.findMany({ where: { meetingId: made.meetingId } });
    expect(records.find((r) => r.personId === made.people.remote!.id)?.status).toBe("remote");
    expect(records.some((r) => r.excuseReason === "Krankheit")).toBe(false);
  });

  it("names an excuse without reason beside the person's field and writes nothing", async () => {
    const { clerk, path, made, db } = await live();
    const { form } = await sheet(clerk, path, { [`s-${made.people.excused!.id}`]: "excused" });
    const refused = await clerk.post(path, form);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(new RegExp(`id="g-${made.people.excused!.id}-error">[^<]*ist bei Entschuldigung erforderlich`));
    expect(await db.prisma.attendance.count({ where: { meetingId: made.meetingId } })).toBe(0);
  });

  it("shows the result before saving and writes nothing; then saves the item whole, or nothing of it", async () => {
    const { clerk, path, made, db } = await live();
    expect((await clerk.post(path, (await sheet(clerk, path)).form)).status).toBe(303);
    const itemPath = `${path}/${made.tieItem}`;
    const page = await (await clerk.get(itemPath)).text();
    const base = { version: fieldValue(page, "version"), noteVersion: "0", kind: "open", motion: "Zuschuss" };
    const preview = await clerk.post(itemPath, { ...base, yes: "10", no: "10", abstain: "3", vorschau: "ja" });
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain("Stimmengleichheit (10:10): abgelehnt");
    expect(await db.prisma.vote.count({ where: { itemId: made.tieItem } })).toBe(0);

    // A recusal and more votes than members present and not recused: refused as a whole, the recusal included.
    const refused = await clerk.post(itemPath, { ...base, [`p-${made.people.recused!.id}`]: "recused", yes: "30", no: "3", abstain: "0" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(
      "Die Stimmen ergeben 33 Stimmen, mehr als die 32 anwesenden, stimmberechtigten und nicht befangenen Mitglieder",
    );
    expect(await db.prisma.recusal.count({ where: { itemId: made.tieItem } })).toBe(0);

    const saved = await clerk.post(itemPath, {
      ...base,
      [`p-${made.people.recused!.id}`]: "recused",
      yes: "10",
      no: "10",
      abstain: "12",
      notes: "Aussprache.",
    });
    expect(saved.status).toBe(303);
    expect(await db.prisma.recusal.count({ where: { itemId: made.tieItem } })).toBe(1);
    const vote = await db.prisma.vote.findFirstOrThrow({ where: { itemId: made.tieItem } });
    expect(vote.outcome).toBe("rejected");
    expect(await db.prisma.minutesItemNote.findFirst({ where: { itemId: made.tieItem } })).toMatchObject({ notes: "Aussprache." });
  });

  it("saves an item's notes again and again with the button, and keeps a stale writer's notes to save deliberately", async () => {
    const { clerk, other, path, made, db } = await live();
    const itemPath = `${path}/${made.recommendationItem}`;
    const save = async (visitor: typeof clerk, notes: string, page?: string) => {
      const html = page ?? (await (await visitor.get(itemPath)).text());
      return visitor.post(itemPath, { version: fieldValue(html, "version"), noteVersion: fieldValue(html, "noteVersion"), notes });
    };
    for (const notes of ["Erste Fassung", "Zweite Fassung", "Dritte Fassung"]) expect((await save(clerk, notes)).status).toBe(303);
    // The other clerk read the page before the third save: refused, their text kept, and saved on the second try.
    const before = await (await other.get(itemPath)).text();
    expect((await save(clerk, "Vierte Fassung")).status).toBe(303);
    const stale = await save(other, "Fassung der Kollegin", before);
    expect(stale.status).toBe(409);
    const kept = await stale.text();
    expect(kept).toContain("Fassung der Kollegin");
    expect((await save(other, "Fassung der Kollegin", kept)).status).toBe(303);
    expect((await db.prisma.minutesItemNote.findFirstOrThrow({ where: { itemId: made.recommendationItem } })).notes).toBe(
      "Fassung der Kollegin",
    );
  });

  it("refuses a second clerk's vote on an item recorded meanwhile: one vote, and their counts kept", async () => {
    const { clerk, other, path, made, db } = await live();
    expect((await clerk.post(path, (await sheet(clerk, path)).form)).status).toBe(303);
    const itemPath = `${path}/${made.recommendationItem}`;
    const pageA = await (await clerk.get(itemPath)).text();
    const pageB = await (await other.get(itemPath)).text();
    const form = (html: string, yes: string) => ({
      version: fieldValue(html, "version"),
      noteVersion: "0",
      kind: "open",
      yes,
      no: "0",
      abstain: "0",
    });
    const [a, b] = await Promise.all([clerk.post(itemPath, form(pageA, "20")), other.post(itemPath, form(pageB, "21"))]);
    expect([a.status, b.status].sort()).toEqual([303, 409]);
    const loser = a.status === 409 ? a : b;
    expect(await loser.text()).toContain(`value="${a.status === 409 ? "20" : "21"}"`);
    expect(await db.prisma.vote.count({ where: { itemId: made.recommendationItem } })).toBe(1);
  });

  it("saves notes as the clerk types, and tells the second writer of the same version that it is stale", async () => {
    const { clerk, other, path, made, db } = await live();
    const notes = `${path}/${made.tieItem}/notizen`;
    const first = await clerk.post(notes, { notes: "Erste Fassung", noteVersion: "0" });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ version: 1 });
    const second = await other.post(notes, { notes: "Andere Fassung", noteVersion: "0" });
    expect(second.status).toBe(409);
    expect((await db.prisma.minutesItemNote.findFirstOrThrow({ where: { itemId: made.tieItem } })).notes).toBe("Erste Fassung");
  });

  it("lets only the body's secretariat in, and a member only to their own committee's circulated minutes", async () => {
    const { app, db, path, made } = await live();
    const member = await signedInVisitor(app, db, { email: "m@live.example", role: "member", personId: made.people.signer1!.id });
    await member.signIn();
    for (const address of [
      path,
      `${path}/${made.tieItem}`,
      `/verwaltung/sitzungen/${made.meetingId}/niederschrift`,
      "/verwaltung/beschluesse",
    ])
      expect((await member.get(address)).status, address).toBe(403);
    expect((await member.post(`${path}/${made.tieItem}/notizen`, { notes: "x", noteVersion: "0" })).status).toBe(403);
    // No minutes in circulation yet: the member's minutes page does not exist for them.
    expect((await member.get(`/mitglieder/niederschriften/${made.meetingId}`)).status).toBe(404);
    const ausschuss = await db.prisma.committee.findFirstOrThrow({ where: { shortName: { not: "IBR" }, kind: "advisory_committee" } });
    const outsiderSeat = await db.prisma.membership.findFirstOrThrow({
      where: { committeeId: ausschuss.id, person: { memberships: { none: { committee: { shortName: "IBR" } } } } },
    });
    const outsider = await signedInVisitor(app, db, { email: "o@live.example", role: "member", personId: outsiderSeat.personId });
    await outsider.signIn();
    expect((await outsider.get(`/mitglieder/niederschriften/${made.meetingId}`)).status).toBe(404);
    // The room's display names no non-public item to the public: here the meeting has not called one yet.
    expect(await (await app.request(`/sitzungen/${made.meetingId}/anzeige`)).text()).toContain("noch keinen Punkt aufgerufen");
  });
});

describe("the plan in the workspace without JavaScript", () => {
  it("renames an action field and edits a measure with their versions: a stale save is refused, the input kept", async () => {
    const { app, db } = await demoPortal();
    const body = await db.prisma.body.findFirstOrThrow();
    const clerk = await signedInClerk(app, db, body.id);
    const plan = await db.prisma.plan.findFirstOrThrow({ include: { actionFields: true } });
    const field = plan.actionFields[0]!;
    const rename = (title: string) =>
      clerk.post(`/verwaltung/plan/${plan.id}/handlungsfelder/${field.id}`, { version: "1", [`field-${field.id}`]: title });
    expect((await rename("Sprache und Bildung")).status).toBe(303);
    const stale = await rename("Bildung und Sprache");
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('value="Bildung und Sprache"');
    expect((await db.prisma.actionField.findUniqueOrThrow({ where: { id: field.id } })).title).toBe("Sprache und Bildung");

    const measure = await db.prisma.measure.findFirstOrThrow({ where: { planId: plan.id } });
    const edit = (progress: string) =>
      clerk.post(`/verwaltung/plan/massnahmen/${measure.id}`, {
        version: String(measure.version),
        title: measure.title,
        status: "in_progress",
        progress,
        reason: "Zwischenbericht",
      });
    expect((await edit("40")).status).toBe(303);
    const refused = await edit("140");
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/id="progress-error">Fortschritt in Prozent/);
    const staleEdit = await edit("50");
    expect(staleEdit.status).toBe(409);
    expect(await staleEdit.text()).toContain('value="50"');
    expect((await db.prisma.measure.findUniqueOrThrow({ where: { id: measure.id } })).progress).toBe(40);
  });
});
