import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { ANONYMOUS } from "../../src/auth/principal";
import { loadDemoData } from "../../src/demo/load-demo-data";
import { createNodeDatabase } from "../../src/entry/node-database";
import { loadDocumentAssets } from "../../src/entry/node-documents";
import { createFileAttachmentStore } from "../../src/entry/node-storage";
import { createServiceContext } from "../../src/services/context";
import { advanceOparl, oparlBackgroundWork, syncOparl } from "../../src/services/oparl/oparl-sync";
import { migratedDatabaseFile } from "../helpers/test-app";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = "/oparl/v1.1";

/** The demo municipality behind an app whose OParl view is built in the background, as on Node and on Workers. */
async function backgroundBuilt() {
  const db = createNodeDatabase(`file:${migratedDatabaseFile()}`);
  const attachments = createFileAttachmentStore(mkdtempSync(path.join(tmpdir(), "gremium-oparl-build-")));
  await loadDemoData(db, attachments, new Date());
  const deps = { documents: loadDocumentAssets(), attachments, version: "test", baseUrl: "http://localhost", license: "x" };
  let wakes = 0;
  const app = createApp({ ...deps, db, wakeOparl: () => void wakes++ });
  const ctx = () => createServiceContext(db, ANONYMOUS, new Date());
  /** An audit entry as a service writes it beside a change. */
  const audited = (entityType: string, entityId: string) =>
    db.prisma.auditEntry.create({
      data: { at: new Date(), actorName: "test", action: "update", entityType, entityId, after: JSON.stringify({ id: entityId }) },
    });
  return { app, db, deps, ctx, audited, wakes: () => wakes };
}

describe("the OParl view, built in chunks outside the request", () => {
  it("answers 503 with Retry-After until its first build ends, then from the view; a request never builds", async () => {
    const { app, db, deps, ctx, wakes } = await backgroundBuilt();
    const first = await app.request(`${ROOT}/system`);
    expect(first.status).toBe(503);
    expect(Number(first.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await first.json()).type).toBe("https://schema.oparl.org/1.1/Error");
    expect(wakes()).toBe(1);
    // The request wrote nothing: no build began.
    expect(await db.prisma.oparlSync.findFirst()).toBeNull();

    // The background steps, each bounded: the bodies, the meetings, the papers, the end.
    const phases: (string | null)[] = [];
    for (let step = 0; step < 20; step++) {
      const progress = await advanceOparl(ctx(), deps);
      phases.push((await db.prisma.oparlSync.findFirstOrThrow()).buildPhase);
      if (progress.done) break;
    }
    expect(phases.filter((phase, i) => phase !== phases[i - 1])).toEqual(["bodies", "meetings", "papers", null]);
    const ready = await app.request(`${ROOT}/system`);
    expect(ready.status).toBe(200);
    expect(ready.headers.get("gremium-oparl-view")).toBeNull();
  });

  it("follows a write in the background and says it is behind until then", async () => {
    const { app, db, deps, ctx, audited, wakes } = await backgroundBuilt();
    await syncOparl(ctx(), deps);
    const published = await db.prisma.oparlObject.findFirstOrThrow({ where: { type: "Meeting", deleted: false } });
    const meeting = { id: published.id.replace("meeting/", "") };
    const before = await (await app.request(`${ROOT}/meeting/${meeting.id}`)).json();
    await db.batch([{ sql: `UPDATE "Meeting" SET "title" = ? WHERE "id" = ?`, params: ["Umbenannt", meeting.id] }]);
    await audited("Meeting", meeting.id);
    const behind = await app.request(`${ROOT}/meeting/${meeting.id}`);
    expect(behind.headers.get("gremium-oparl-view")).toMatch(/^behind; synced=\d{4}-/);
    expect(await behind.json()).toEqual(before);
    expect(wakes()).toBeGreaterThan(0);
    // Rounds until no work is left (the digests of generated files come last).
    for (let round = 0; await oparlBackgroundWork(ctx, deps, 10_000); round++) expect(round).toBeLessThan(50);
    const caughtUp = await app.request(`${ROOT}/meeting/${meeting.id}`);
    expect(caughtUp.headers.get("gremium-oparl-view")).toBeNull();
    expect((await caughtUp.json()).name).toBe("Umbenannt");
  });

  it("follows a write at once while a build runs, and the build still ends complete", async () => {
    const { app, db, deps, ctx, audited } = await backgroundBuilt();
    await syncOparl(ctx(), deps);
    const body = await db.prisma.body.findFirstOrThrow();
    await audited("Body", body.id);
    await advanceOparl(ctx(), deps); // the body's change: a build begins
    await advanceOparl(ctx(), deps); // its first chunk: the bodies
    expect((await db.prisma.oparlSync.findFirstOrThrow()).buildPhase).toBe("meetings");
    const published = await db.prisma.oparlObject.findFirstOrThrow({ where: { type: "Meeting", deleted: false }, orderBy: { id: "desc" } });
    const id = published.id.replace("meeting/", "");
    await db.batch([{ sql: `UPDATE "Meeting" SET "title" = ? WHERE "id" = ?`, params: ["Während des Aufbaus", id] }]);
    await audited("Meeting", id);
    await advanceOparl(ctx(), deps);
    expect((await db.prisma.oparlSync.findFirstOrThrow()).buildPhase).toBe("meetings");
    expect((await (await app.request(`${ROOT}/meeting/${id}`)).json()).name).toBe("Während des Aufbaus");
    await syncOparl(ctx(), deps);
    expect((await db.prisma.oparlObject.findUniqueOrThrow({ where: { id: published.id } })).deleted).toBe(false);
    expect(await db.prisma.oparlObject.count({ where: { deleted: false, type: "Meeting" } })).toBeGreaterThan(3);
  });

  it("publishes as deleted what a build no longer finds, and lets two steps at once apply only one", async () => {
    const { db, deps, ctx, audited } = await backgroundBuilt();
    await syncOparl(ctx(), deps);
    const stale = { id: "meeting/gone", bodyId: "b", type: "Meeting", aggregate: "meeting:gone", data: "{}", deleted: false };
    await db.prisma.oparlObject.create({ data: { ...stale, createdAt: new Date(0), modifiedAt: new Date(0) } });
    // A change to a body touches every document: the view is rebuilt.
    const body = await db.prisma.body.findFirstOrThrow();
    await audited("Body", body.id);
    const buildsBefore = (await db.prisma.oparlSync.findFirstOrThrow()).build;
    const [a, b] = await Promise.all([advanceOparl(ctx(), deps), advanceOparl(ctx(), deps)]);
    expect([a.done, b.done]).toEqual([false, false]);
    expect((await db.prisma.oparlSync.findFirstOrThrow()).build).toBe(buildsBefore + 1);
    await syncOparl(ctx(), deps);
    const gone = await db.prisma.oparlObject.findUniqueOrThrow({ where: { id: "meeting/gone" } });
    expect(gone.deleted).toBe(true);
    expect(gone.modifiedAt.getTime()).toBeGreaterThan(0);
    const live = await db.prisma.oparlObject.count({ where: { deleted: false, build: { lt: buildsBefore + 1 } } });
    expect(live).toBe(0);
  });
});
