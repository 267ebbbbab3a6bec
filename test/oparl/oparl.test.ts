import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { absoluteJson } from "../../src/documents/oparl";
import { advanceOparl, backfillOparlDigests, planOf } from "../../src/services/oparl/oparl-sync";
import { ANONYMOUS } from "../../src/auth/principal";
import { loadDocumentAssets } from "../../src/entry/node-documents";
import { updateBody } from "../../src/services/people/bodies";
import { createServiceContext } from "../../src/services/context";
import { demoPortal } from "../helpers/portal";
import { OPARL_DATE_TIME, oparlValidator } from "../helpers/oparl";
import { ONE_MEMBER, scenario } from "../helpers/scenario";

const ROOT = "http://localhost/oparl/v1.1";
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/** A body with a meeting whose agenda deals with a public paper (with an attachment), and an OParl reader. */
async function oparlSetup() {
  const t = await scenario({ seats: ONE_MEMBER });
  const clerk = t.as("secretariat");
  const oparl = async (path: string, status = 200) => {
    const response = await t.app.request(path.startsWith("http") ? path : `${ROOT}${path}`);
    expect(response.status, `${path}: ${await response.clone().text()}`).toBe(status);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    return response.json() as Promise<any>;
  };
  const paper = await clerk.post("/api/v1/papers", { bodyId: t.body.id, title: "Sprachcafé im Stadtteil", type: "proposal" });
  const upload = await t.app.request(`/api/v1/papers/${paper.id}/attachments?filename=Konzept.pdf`, {
    method: "POST",
    headers: { authorization: `Bearer ${t.tokens.secretariat}`, "content-type": "application/pdf" },
    body: PDF as Uint8Array<ArrayBuffer>,
  });
  expect(upload.status).toBe(201);
  const meeting = await t.createMeeting();
  await clerk.post(`/api/v1/papers/${paper.id}/consultations`, { committeeId: t.committee.id, role: "deciding" });
  const change = await clerk.post(`/api/v1/meetings/${meeting.id}/agenda-items`, {
    kind: "discussion",
    title: "Sprachcafé im Stadtteil",
    paperId: paper.id,
  });
  const item = change.items.find((i: { id: string }) => i.id === change.itemId);
  return { t, clerk, oparl, paper, meeting, item };
}

describe("OParl 1.1", () => {
  it("makes every URL absolute, in objects and lists, and never a user's text that looks like one", () => {
    const object = {
      id: "/oparl/v1.1/meeting/m",
      name: '/oparl/v1.1/x "web":"/y',
      organization: ["/oparl/v1.1/organization/a", "/oparl/v1.1/organization/b"],
      keyword: ["/kein/link"],
      agendaItem: [{ id: "/oparl/v1.1/agendaItem/i", name: "/z", web: "/sitzungen/m/top/i" }],
      "gremium:votes": [{ rollCall: [{ person: "/oparl/v1.1/person/p", name: "/n" }] }],
    };
    expect(JSON.parse(absoluteJson(JSON.stringify(object), "https://g.example"))).toEqual({
      ...object,
      id: "https://g.example/oparl/v1.1/meeting/m",
      organization: ["https://g.example/oparl/v1.1/organization/a", "https://g.example/oparl/v1.1/organization/b"],
      agendaItem: [{ id: "https://g.example/oparl/v1.1/agendaItem/i", name: "/z", web: "https://g.example/sitzungen/m/top/i" }],
      "gremium:votes": [{ rollCall: [{ person: "https://g.example/oparl/v1.1/person/p", name: "/n" }] }],
    });
  });

  it("serves each object at its id, with its back-reference, and embeds it without", async () => {
    const { oparl, meeting, item, paper } = await oparlSetup();
    const agendaItem = await oparl(`/agendaItem/${item.id}`);
    expect(agendaItem).toMatchObject({ id: `${ROOT}/agendaItem/${item.id}`, meeting: `${ROOT}/meeting/${meeting.id}`, public: true });
    const embedded = (await oparl(`/meeting/${meeting.id}`)).agendaItem;
    expect(embedded.map((i: { order: number }) => i.order)).toEqual(embedded.map((_: unknown, index: number) => index));
    expect(embedded.find((i: { id: string }) => i.id === agendaItem.id)).not.toHaveProperty("meeting");
    const published = await oparl(`/paper/${paper.id}`);
    expect(published.auxiliaryFile[0]).toMatchObject({ name: "Konzept.pdf", mimeType: "application/pdf", size: PDF.byteLength });
    expect(published.auxiliaryFile[0]).not.toHaveProperty("paper");
    expect((await oparl(`/file/${published.auxiliaryFile[0].id.split("/").at(-1)}`)).paper).toEqual([published.id]);
    expect(published.mainFile).toMatchObject({ mimeType: "application/pdf", fileName: "vorlage-2026-001.pdf" });
    // The text of a generated document is at the file's own address; embedded, it would weigh on every list.
    expect(published.mainFile).not.toHaveProperty("text");
    expect((await oparl(`/file/${published.mainFile.id.split("/").at(-1)}`)).text).toMatch(
      /^Beschlussvorlage[\s\S]*Sprachcafé im Stadtteil/,
    );
    const validate = oparlValidator();
    for (const object of [agendaItem, published, await oparl(`/meeting/${meeting.id}`)]) expect(validate(object)).toEqual([]);
  });

  it("serves an object that leaves the public view as deleted: listed only to modified_since, never embedded", async () => {
    const { t, clerk, oparl, meeting, item, paper } = await oparlSetup();
    const before = await oparl(`/meeting/${meeting.id}`);
    const attachment = (await oparl(`/paper/${paper.id}`)).auxiliaryFile[0];
    const since = before.modified;

    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    await clerk.post(
      `/api/v1/agenda-items/${item.id}/move`,
      { isPublic: false, position: 0 },
      { status: 200, headers: { "if-match": '"1"' } },
    );
    const gone = await oparl(`/agendaItem/${item.id}`);
    expect(Object.keys(gone).sort()).toEqual(["created", "deleted", "id", "modified", "type"]);
    expect(gone).toMatchObject({ deleted: true, type: "https://schema.oparl.org/1.1/AgendaItem" });
    expect(gone.modified > since).toBe(true);
    const after = await oparl(`/meeting/${meeting.id}`);
    expect(after.agendaItem.map((i: { id: string }) => i.id)).not.toContain(gone.id);
    expect(after.agendaItem.map((i: { order: number }) => i.order)).toEqual(after.agendaItem.map((_: unknown, index: number) => index));
    expect(after.modified > before.modified).toBe(true);
    expect(JSON.stringify(after)).not.toContain("Sprachcafé");

    const list = `/body/${t.body.id}/agendaItem`;
    expect((await oparl(list)).data.map((i: { id: string }) => i.id)).not.toContain(gone.id);
    const changed = await oparl(`${list}?modified_since=${encodeURIComponent(since)}`);
    expect(changed.data.find((i: { id: string }) => i.id === gone.id)).toMatchObject({ deleted: true });
    // The consultation no longer leads to the item.
    expect((await oparl(`/paper/${paper.id}`)).consultation[0]).not.toHaveProperty("agendaItem");

    // A paper made non-public takes its consultations and files with it; its files answer 410.
    const version = (await clerk.get(`/api/v1/papers/${paper.id}`)).version;
    await clerk.patch(`/api/v1/papers/${paper.id}`, { isPublic: false }, { headers: { "if-match": `"${version}"` } });
    expect(await oparl(`/paper/${paper.id}`)).toMatchObject({ deleted: true });
    expect(await oparl(`/file/${attachment.id.split("/").at(-1)}`)).toMatchObject({ deleted: true });
    const file = await t.app.request(attachment.accessUrl);
    expect(file.status).toBe(410);
    expect(await file.json()).toMatchObject({ type: "https://schema.oparl.org/1.1/Error", message: expect.stringMatching(/nicht mehr/) });
    expect((await oparl(`/body/${t.body.id}/paper`)).data).toEqual([]);
    expect((await oparl(`/body/${t.body.id}/consultation`)).data).toEqual([]);

    // A deleted meeting stays, as deleted.
    const planned = await t.createMeeting({ startsAt: "2027-01-14T18:00:00+01:00" });
    expect((await oparl(`/meeting/${planned.id}`)).deleted).toBeUndefined();
    await clerk.delete(`/api/v1/meetings/${planned.id}`, { headers: { "if-match": '"1"' } });
    expect(await oparl(`/meeting/${planned.id}`)).toMatchObject({ deleted: true });
  });

  it("changes modified only for what changed, and for what embeds it", async () => {
    const { t, clerk, oparl, meeting, paper } = await oparlSetup();
    const other = await t.createMeeting({ startsAt: "2027-02-11T18:00:00+01:00" });
    const [first, second, paperBefore] = [
      await oparl(`/meeting/${meeting.id}`),
      await oparl(`/meeting/${other.id}`),
      await oparl(`/paper/${paper.id}`),
    ];
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    await clerk.post(`/api/v1/meetings/${meeting.id}/agenda-items`, { kind: "information", title: "Bericht der Verwaltung" });
    const changed = await oparl(`/meeting/${meeting.id}`);
    expect(changed.modified > first.modified).toBe(true);
    expect(changed.agendaItem.map((i: { name: string }) => i.name)).toContain("Bericht der Verwaltung");
    expect(changed.created).toBe(first.created);
    expect((await oparl(`/meeting/${other.id}`)).modified).toBe(second.modified);
    expect((await oparl(`/paper/${paper.id}`)).modified).toBe(paperBefore.modified);
    // An unchanged item keeps its modified inside the changed meeting.
    const kept = changed.agendaItem.find((i: { id: string }) => i.id === first.agendaItem[0].id);
    expect(kept.modified).toBe(first.agendaItem[0].modified);
  });

  it("rebuilds for a change to a person the body's records and the meetings of their committees, not the whole view", async () => {
    const { t, clerk, oparl, meeting, paper } = await oparlSetup();
    const before = { paper: await oparl(`/paper/${paper.id}`), meeting: await oparl(`/meeting/${meeting.id}`) };
    const person = t.people.member;
    const from = (await t.db.prisma.auditEntry.aggregate({ _max: { id: true } }))._max.id!;
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    await clerk.patch(`/api/v1/people/${person.id}`, { familyName: "Παπαδοπούλου-Weber" }, { headers: { "if-match": '"1"' } });
    const to = (await t.db.prisma.auditEntry.aggregate({ _max: { id: true } }))._max.id!;
    const plan = await planOf(createServiceContext(t.db, { kind: "anonymous" }, t.clock.now), from, to);
    expect(plan).toEqual({ whole: false, bodies: new Set([t.body.id]), meetings: new Set([meeting.id]), papers: new Set() });

    const renamed = await oparl(`/person/${person.id}`);
    expect(renamed.familyName).toBe("Παπαδοπούλου-Weber");
    expect(renamed.modified > before.meeting.modified).toBe(true);
    expect((await oparl(`/paper/${paper.id}`)).modified).toBe(before.paper.modified);
    expect((await oparl(`/meeting/${meeting.id}`)).modified).toBe(before.meeting.modified);
  });

  it("brings the view forward once when readers arrive together after a write", async () => {
    const { t, clerk, oparl, meeting } = await oparlSetup();
    await oparl("/system");
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    await clerk.post(`/api/v1/meetings/${meeting.id}/agenda-items`, { kind: "information", title: "Zeitgleich gelesen" });
    const answers = await Promise.all(Array.from({ length: 6 }, () => oparl(`/meeting/${meeting.id}`)));
    expect(new Set(answers.map((a) => a.modified)).size).toBe(1);
    expect(answers.every((a) => a.agendaItem.some((i: { name: string }) => i.name === "Zeitgleich gelesen"))).toBe(true);
  });

  it("takes filters with Z, with an offset and with a + that arrived as a space, and keeps them in every link", async () => {
    const { t, oparl } = await oparlSetup();
    const list = `/body/${t.body.id}/organization`;
    const all = (await oparl(list)).data.length;
    expect(all).toBeGreaterThan(1);
    for (const since of ["2000-01-01T00:00:00Z", "2000-01-01T01:00:00%2B01:00", "2000-01-01T01:00:00+01:00", "2000-01-01T01:00:00.000Z"]) {
      expect((await oparl(`${list}?created_since=${since}`)).data.length).toBe(all);
    }
    expect((await oparl(`${list}?modified_until=2000-01-01T00:00:00Z`)).data).toEqual([]);
    const page = await oparl(`${list}?limit=1&created_since=2000-01-01T01:00:00 01:00&omit_internal=true`);
    expect(page.data).toHaveLength(1);
    for (const link of [page.links.first, page.links.next]) {
      expect(new URL(link).searchParams.get("created_since")).toBe("2000-01-01T01:00:00+01:00");
      expect(new URL(link).searchParams.get("limit")).toBe("1");
      expect(new URL(link).searchParams.get("omit_internal")).toBe("true");
    }
    const next = await oparl(page.links.next);
    expect(next.data[0].id).not.toBe(page.data[0].id);
  });

  it("answers bad requests, unknown addresses and writes with an OParl error, readable from any origin", async () => {
    const { t, oparl } = await oparlSetup();
    const list = `/body/${t.body.id}/meeting`;
    expect(await oparl(`${list}?modified_since=gestern`, 400)).toEqual({
      type: "https://schema.oparl.org/1.1/Error",
      message: expect.stringMatching(/modified_since .*„gestern“/),
    });
    expect((await oparl(`${list}?limit=0`, 400)).message).toMatch(/limit/);
    expect((await oparl(`${list}?cursor=xyz`, 400)).message).toMatch(/cursor/);
    expect((await oparl("/meeting/unbekannt", 404)).type).toBe("https://schema.oparl.org/1.1/Error");
    expect((await oparl(`/body/${t.body.id}/gremien`, 404)).message).toMatch(/gremien/);
    expect((await oparl("/body/unbekannt/meeting", 404)).message).toMatch(/Körperschaft/);
    const post = await t.app.request(`${ROOT}/system`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("access-control-allow-origin")).toBe("*");
    const preflight = await t.app.request(`${ROOT}/system`, { method: "OPTIONS" });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect((await t.app.request("/oparl")).headers.get("location")).toBe("/oparl/v1.1/system");
  });

  it("finds a change made in the same second as a filter with fractional seconds, either way", async () => {
    const { t, clerk, oparl, meeting } = await oparlSetup();
    await oparl("/system"); // the view is in step
    t.clock.now = new Date("2026-11-21T10:30:00.300Z");
    await clerk.patch(`/api/v1/meetings/${meeting.id}`, { title: "Geänderter Titel" }, { headers: { "if-match": '"1"' } });
    const list = `/body/${t.body.id}/meeting`;
    const since = (await oparl(`${list}?modified_since=2026-11-21T10:30:00.500Z`)).data.map((m: { name: string }) => m.name);
    expect(since).toContain("Geänderter Titel");
    const until = (await oparl(`${list}?modified_until=2026-11-21T11:30:00.100%2B01:00`)).data.map((m: { name: string }) => m.name);
    expect(until).toContain("Geänderter Titel");
    expect((await oparl(`${list}?modified_since=2026-11-21T10:30:01Z`)).data).toEqual([]);
  });

  it("leaves out with omit_internal exactly what OParl 1.1 lists, and keeps locations, files and consultations", async () => {
    const { t, oparl, clerk, meeting } = await oparlSetup();
    await clerk.post(`/api/v1/meetings/${meeting.id}/invitation`, {});
    const [full] = (await oparl(`/body/${t.body.id}/meeting`)).data;
    const [omitted] = (await oparl(`/body/${t.body.id}/meeting?omit_internal=true`)).data;
    expect(full.agendaItem.length).toBeGreaterThan(0);
    expect(omitted.agendaItem).toBeUndefined();
    for (const member of ["location", "invitation", "organization", "start"]) expect(omitted[member], member).toEqual(full[member]);
    const [paper] = (await oparl(`/body/${t.body.id}/paper?omit_internal=true`)).data;
    expect(paper.auxiliaryFile).toBeUndefined();
    expect(paper.mainFile.id).toMatch(/\/file\//);
    expect(paper.consultation.length).toBe(1);
    const [person] = (await oparl(`/body/${t.body.id}/person?omit_internal=true`)).data;
    expect(person.membership).toBeUndefined();
  });

  it("clamps a limit beyond the largest page, redirects a trailing slash, and answers other versions with an OParl error", async () => {
    const { t, oparl } = await oparlSetup();
    const page = await oparl(`/body/${t.body.id}/meeting?limit=100000`);
    expect(page.pagination.elementsPerPage).toBe(1000);
    expect(new URL(page.links.first).searchParams.get("limit")).toBe("1000");
    const slash = await t.app.request(`${ROOT}/body/${t.body.id}/meeting/?limit=5`);
    expect(slash.status).toBe(301);
    expect(slash.headers.get("location")).toBe(`/oparl/v1.1/body/${t.body.id}/meeting?limit=5`);
    for (const address of ["/oparl/v1.0/system", "/oparl/v2/body", "/oparl/irgendwas"]) {
      const response = await t.app.request(address);
      expect(response.status, address).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await response.json()).toMatchObject({
        type: "https://schema.oparl.org/1.1/Error",
        message: expect.stringContaining("OParl 1.1"),
      });
    }
  });

  it("lists a location's meetings where it stands alone, and embeds it without back-references", async () => {
    const { t, oparl, meeting } = await oparlSetup();
    const published = await oparl(`/meeting/${meeting.id}`);
    expect(published.location.bodies).toBeUndefined();
    expect(published.location.meetings).toBeUndefined();
    const location = await oparl(new URL(published.location.id).pathname.replace("/oparl/v1.1", ""));
    expect(location.meetings).toEqual([published.id]);
    expect(location.bodies).toEqual([`${ROOT}/body/${t.body.id}`]);
  });

  it("gives every entry of gremium:votes an id", async () => {
    const t = await scenario();
    const clerk = t.as("secretariat");
    const meeting = await t.createMeeting();
    const { itemId } = await clerk.post(`/api/v1/meetings/${meeting.id}/agenda-items`, { kind: "resolution", title: "Sprachkurse" });
    await clerk.post(`/api/v1/meetings/${meeting.id}/invitation`, {});
    t.clock.now = new Date("2026-12-10T17:00:00Z");
    await clerk.put(`/api/v1/meetings/${meeting.id}/attendance`, { default: "present" });
    await clerk.post(`/api/v1/agenda-items/${itemId}/votes`, { motion: "Zustimmung", counts: { yes: 4, no: 0, abstain: 0 } });
    const item = await (await t.app.request(`${ROOT}/agendaItem/${itemId}`)).json();
    expect(item["gremium:votes"]).toHaveLength(1);
    expect(item["gremium:votes"][0].id).toMatch(new RegExp(`^${ROOT}/agendaItem/${itemId}#vote-[\\w-]+$`));
  });

  it("names the body's AGS, contact and seat with coordinates, on Body and System, and validates without them", async () => {
    const { t, oparl } = await oparlSetup();
    const validate = oparlValidator();
    const bare = await oparl(`/body/${t.body.id}`);
    expect(bare.ags).toBeUndefined();
    expect(validate(bare)).toEqual([]);
    await t.as("admin").patch(`/api/v1/bodies/${t.body.id}`, { ags: "0813" }, { status: 400, headers: { "if-match": '"1"' } });
    await t.as("secretariat").patch(
      `/api/v1/bodies/${t.body.id}`,
      {
        ags: "08136999",
        website: "https://testhausen.example",
        contactEmail: "integration@testhausen.example",
        contactName: "Stabsstelle Integration",
        address: "Marktplatz 1, 73525 Testhausen",
        latitude: 48.7991,
        longitude: 9.7962,
      },
      { headers: { "if-match": '"1"' } },
    );
    const body = await oparl(`/body/${t.body.id}`);
    expect(validate(body)).toEqual([]);
    expect(body).toMatchObject({
      ags: "08136999",
      website: "https://testhausen.example",
      contactEmail: "integration@testhausen.example",
      contactName: "Stabsstelle Integration",
    });
    expect(body.location).toMatchObject({
      streetAddress: "Marktplatz 1",
      postalCode: "73525",
      locality: "Testhausen",
      geojson: { type: "Feature", geometry: { type: "Point", coordinates: [9.7962, 48.7991] } },
    });
    expect(body.location.bodies).toBeUndefined();
    const seat = await oparl(new URL(body.location.id).pathname.replace("/oparl/v1.1", ""));
    expect(seat.bodies).toEqual([body.id]);
    expect((await oparl(`/body/${t.body.id}/location`)).data.map((l: { id: string }) => l.id)).toContain(seat.id);
    expect(await oparl("/system")).toMatchObject({ contactEmail: "integration@testhausen.example", website: "https://testhausen.example" });
  });

  it("gives a meeting place its coordinates as GeoJSON, and a committee its constitution date as startDate", async () => {
    const { t, oparl, clerk } = await oparlSetup();
    const placed = await t.createMeeting({
      startsAt: "2027-01-14T18:00:00+01:00",
      locationName: "Bürgerhaus",
      locationLatitude: 48.8,
      locationLongitude: 9.81,
    });
    await clerk.patch(`/api/v1/committees/${t.committee.id}`, { constitutedOn: "2024-07-24" }, { headers: { "if-match": '"1"' } });
    const meeting = await oparl(`/meeting/${placed.id}`);
    expect(meeting.location.geojson).toEqual({ type: "Feature", geometry: { type: "Point", coordinates: [9.81, 48.8] }, properties: {} });
    expect((await oparl(`/organization/${t.committee.id}`)).startDate).toBe("2024-07-24");
    await clerk.post(
      "/api/v1/meetings",
      { committeeId: t.committee.id, startsAt: "2027-01-15T18:00:00+01:00", locationLatitude: 91 },
      { status: 400 },
    );
  });

  it("dates a paper by its own date, or else by its first consultation's invitation, not by when the row was made", async () => {
    const { t, oparl, clerk, paper, meeting } = await oparlSetup();
    t.clock.now = new Date("2026-11-25T09:00:00Z");
    expect((await oparl(`/paper/${paper.id}`)).date).toBe("2026-11-21"); // no invitation yet: the day it was made
    await clerk.post(`/api/v1/meetings/${meeting.id}/invitation`, {});
    expect((await oparl(`/paper/${paper.id}`)).date).toBe("2026-11-25");
    const dated = await clerk.post("/api/v1/papers", { bodyId: t.body.id, title: "Mit Datum", type: "information", date: "2026-11-02" });
    expect(dated.date).toBe("2026-11-02");
    expect((await oparl(`/paper/${dated.id}`)).date).toBe("2026-11-02");
    await clerk.post("/api/v1/papers", { bodyId: t.body.id, title: "Falsch", type: "information", date: "02.11.2026" }, { status: 400 });
  });

  it("serves files inline and as downloads, with ETag, Last-Modified and Content-Length, and honours conditional requests", async () => {
    const { t, oparl, paper } = await oparlSetup();
    const file = (await oparl(`/paper/${paper.id}`)).auxiliaryFile[0];
    const inline = await t.app.request(file.accessUrl);
    expect(inline.status).toBe(200);
    expect(new Uint8Array(await inline.arrayBuffer())).toEqual(PDF);
    expect(inline.headers.get("content-length")).toBe(String(PDF.byteLength));
    expect(inline.headers.get("content-disposition")).toBe(`inline; filename="Konzept.pdf"; filename*=UTF-8''Konzept.pdf`);
    const download = await t.app.request(file.downloadUrl);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="Konzept.pdf"/);
    const etag = inline.headers.get("etag")!;
    const lastModified = inline.headers.get("last-modified")!;
    expect((await t.app.request(file.accessUrl, { headers: { "if-none-match": etag } })).status).toBe(304);
    expect((await t.app.request(file.accessUrl, { headers: { "if-none-match": '"anders"' } })).status).toBe(200);
    expect((await t.app.request(file.accessUrl, { headers: { "if-modified-since": lastModified } })).status).toBe(304);
    const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect((await t.app.request(file.accessUrl, { headers: { "if-modified-since": earlier } })).status).toBe(200);
    expect((await t.app.request(`${ROOT}/file/unbekannt/inhalt`)).status).toBe(404);
  });

  it("knows a generated PDF's size and checksum when its content changes, and a download changes no published object", async () => {
    const { t, clerk, oparl, meeting, paper } = await oparlSetup();
    await clerk.raw("POST", `/api/v1/meetings/${meeting.id}/invitation`, {});
    const before = await oparl(`/meeting/${meeting.id}`);
    const generated = (await oparl(`/paper/${paper.id}`)).mainFile;
    const files = [generated, ...(before.invitation ? [before.invitation] : [])];
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      // Stated before anyone downloaded it.
      expect(file.size, file.id).toBeGreaterThan(0);
      expect(file.sha512Checksum, file.id).toMatch(/^[0-9a-f]{128}$/);
      const bytes = new Uint8Array(await (await t.app.request(file.accessUrl)).arrayBuffer());
      expect(bytes.byteLength).toBe(file.size);
      const digest = Buffer.from(await crypto.subtle.digest("SHA-512", bytes)).toString("hex");
      expect(digest).toBe(file.sha512Checksum);
    }
    // Downloads change nothing that is published: the objects and the lists of changes stay as they were.
    t.clock.now = new Date(t.clock.now.getTime() + 5_000);
    for (const file of files) await t.app.request(file.downloadUrl);
    for (const file of files) expect(await oparl(file.id.replace(ROOT, ""))).toMatchObject(file);
    expect(await oparl(`/meeting/${meeting.id}`)).toEqual(before);
    const since = encodeURIComponent(new Date(t.clock.now.getTime() - 1_000).toISOString());
    expect((await oparl(`/body/${t.body.id}/file?modified_since=${since}`)).data ?? []).toEqual([]);
    // A change to the content renders the document anew, and states the new digest at once.
    const { version } = await clerk.get(`/api/v1/papers/${paper.id}`);
    const title = "Sprachcafé im Stadtteil, zweite Fassung";
    await clerk.patch(`/api/v1/papers/${paper.id}`, { title }, { headers: { "if-match": `"${version}"` } });
    const changed = (await oparl(`/paper/${paper.id}`)).mainFile;
    expect(changed.sha512Checksum).not.toBe(generated.sha512Checksum);
    expect(changed.modified > generated.modified).toBe(true);
  });

  it("renders a bounded number of documents per pass and fills in the other digests in the background, once", async () => {
    const { app, db } = await demoPortal();
    const deps = { documents: loadDocumentAssets(), attachments: { get: async () => null } as never, version: "test", license: "x" };
    const ctx = () => createServiceContext(db, ANONYMOUS, new Date());
    const open = async () =>
      (await db.prisma.oparlObject.findMany({ where: { type: "File", deleted: false } })).filter(
        (row) => /^file\/(einladung|niederschrift|vorlage)-/.test(row.id) && (JSON.parse(row.data).size ?? null) === null,
      ).length;
    // The view's steps alone, three renders each; the digests are the background's work after them.
    while (!(await advanceOparl(ctx(), { ...deps, baseUrl: "http://localhost", renders: { left: 3 } })).done);
    const before = await open();
    expect(before).toBeGreaterThan(5);
    let rounds = 0;
    while ((await backfillOparlDigests(ctx(), { ...deps, baseUrl: "http://localhost" }, 4)) > 0) rounds++;
    expect(rounds).toBeGreaterThan(0);
    expect(await open()).toBe(0);
    // Once known, nothing changes them: not another round, not a download.
    const files = await db.prisma.oparlObject.findMany({ where: { type: "File" }, orderBy: { id: "asc" } });
    expect(await backfillOparlDigests(ctx(), { ...deps, baseUrl: "http://localhost" })).toBe(0);
    const generated = files.find((row) => row.id.startsWith("file/einladung-"))!;
    expect((await app.request(`${ROOT}/${generated.id}/inhalt`)).status).toBe(200);
    expect(await db.prisma.oparlObject.findMany({ where: { type: "File" }, orderBy: { id: "asc" } })).toEqual(files);
  });

  it("no longer names a withdrawn paper in the public item, unless an invitation published its title while it was public", async () => {
    const { t, clerk, oparl, meeting, item, paper } = await oparlSetup();
    const withdraw = async (paperId: string) => {
      const { version } = await clerk.get(`/api/v1/papers/${paperId}`);
      await clerk.patch(`/api/v1/papers/${paperId}`, { isPublic: false }, { headers: { "if-match": `"${version}"` } });
    };
    // Withdrawn before the invitation: the public reads neither its title nor its number anywhere.
    await withdraw(paper.id);
    const agendaItem = await oparl(`/agendaItem/${item.id}`);
    expect(agendaItem.name).toBe("(zurückgezogene Vorlage)");
    const publicAgenda = await t.as("public").get(`/api/v1/meetings/${meeting.id}`);
    expect(JSON.stringify(publicAgenda)).not.toContain("Sprachcafé");
    expect(JSON.stringify(await oparl(`/meeting/${meeting.id}`))).not.toContain("Sprachcafé");
    // The committee reads it as it is.
    const member = await t.as("member").get(`/api/v1/meetings/${meeting.id}`);
    expect(member.agenda.items.find((i: { id: string }) => i.id === item.id)).toMatchObject({ title: "Sprachcafé im Stadtteil" });

    // Published with the invitation while public: what was published stays, after the paper is withdrawn too.
    const second = await clerk.post("/api/v1/papers", { bodyId: t.body.id, title: "Nachbarschaftsfest der Kulturen", type: "proposal" });
    await clerk.post(`/api/v1/papers/${second.id}/consultations`, { committeeId: t.committee.id, role: "deciding" });
    const change = await clerk.post(`/api/v1/meetings/${meeting.id}/agenda-items`, {
      kind: "discussion",
      title: "Nachbarschaftsfest der Kulturen",
      paperId: second.id,
    });
    const invited = await clerk.raw("POST", `/api/v1/meetings/${meeting.id}/invitation`, {});
    expect(invited.status).toBe(201);
    await withdraw(second.id);
    expect((await oparl(`/agendaItem/${change.itemId}`)).name).toBe("Nachbarschaftsfest der Kulturen");
    const invitation = await oparl((await oparl(`/meeting/${meeting.id}`)).invitation.id.replace(ROOT, ""));
    expect(invitation.text).toContain("Nachbarschaftsfest der Kulturen");
    expect(invitation.text).not.toContain("Sprachcafé");
  });

  it("dates everything in the spec's form and states the licence, by default the Datenlizenz Deutschland 2.0", async () => {
    const { oparl, t } = await oparlSetup();
    const system = await oparl("/system");
    expect(system.license).toBe("https://www.govdata.de/dl-de/by-2-0");
    expect(system.oparlVersion).toBe("https://schema.oparl.org/1.1/");
    const body = await oparl(`/body/${t.body.id}`);
    expect(body.oparlSince).toMatch(OPARL_DATE_TIME);
    expect(body.created).toMatch(OPARL_DATE_TIME);
    expect((await oparl(`/body/${t.body.id}/meeting`)).data[0].start).toBe("2026-12-10T18:00:00+01:00");

    // The body's choice to publish attendance is part of the body, set by its secretariat.
    const choice = await t
      .as("secretariat")
      .patch(`/api/v1/bodies/${t.body.id}`, { publishAttendance: true }, { headers: { "if-match": '"1"' } });
    expect(choice.publishAttendance).toBe(true);

    const { db } = await demoPortal();
    const licensed = createApp({
      db,
      attachments: t.attachments,
      documents: loadDocumentAssets(),
      version: "test",
      oparlLicense: "https://creativecommons.org/publicdomain/zero/1.0/",
    });
    const answer = await (await licensed.request("/oparl/v1.1/system")).json();
    expect(answer.license).toBe("https://creativecommons.org/publicdomain/zero/1.0/");
  });

  it("publishes attendance only for a body that chose to, and never contact data", async () => {
    const { app, db } = await demoPortal();
    const held = (await db.prisma.meeting.findMany({ where: { state: { in: ["held", "closed"] } }, include: { attendances: true } })).find(
      (m) => m.attendances.length > 0,
    )!;
    const meeting = async () => (await app.request(`/oparl/v1.1/meeting/${held.id}`)).json();
    expect(await meeting()).not.toHaveProperty("gremium:attendance");
    const body = (await db.prisma.body.findFirstOrThrow()).id;
    const version = (await db.prisma.body.findFirstOrThrow()).version;
    await updateBody(createServiceContext(db, { kind: "admin", tokenId: null, name: "Test" }, new Date()), body, version, {
      publishAttendance: true,
    });
    const published = (await meeting())["gremium:attendance"];
    expect(published.length).toBe(held.attendances.length);
    expect(published[0]).toEqual({
      person: expect.stringMatching(/\/oparl\/v1\.1\/person\//),
      name: expect.any(String),
      status: expect.any(String),
    });
    const people = await (await app.request(`/oparl/v1.1/body/${body}/person?limit=1000`)).text();
    const withEmail = await db.prisma.person.findMany({ where: { email: { not: null } } });
    expect(withEmail.length).toBeGreaterThan(0);
    for (const person of withEmail) expect(people).not.toContain(person.email!);
  });
});
