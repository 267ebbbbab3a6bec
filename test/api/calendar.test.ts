import ical from "node-ical";
import { describe, expect, it } from "vitest";
import { ONE_MEMBER, scenario } from "../helpers/scenario";
import { json } from "../helpers/test-app";

type Event = {
  type: string;
  uid: string;
  sequence: string;
  status: string;
  summary: string;
  description: string;
  location: string;
  url: { val: string };
  start: Date;
};

async function feed(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/calendar");
  const text = await response.text();
  const parsed = await ical.async.parseICS(text);
  return { text, events: Object.values(parsed).filter((entry) => entry?.type === "VEVENT") as unknown as Event[] };
}

async function calendarSetup() {
  const t = await scenario({ seats: ONE_MEMBER });
  const meeting = await t.createMeeting({ locationRoom: "Raum 2.01", locationAddress: "Marktplatz 1, 73525 Remsfeld" });
  await t.request("POST", `/api/v1/meetings/${meeting.id}/agenda-items`, {
    token: t.tokens.secretariat,
    body: { kind: "resolution", title: "Vertrag mit Träger Müller", isPublic: false },
  });
  return { ...t, meeting };
}

describe("calendar feeds", () => {
  it("parse in an independent parser, with stable UIDs, location, URL and public items only", async () => {
    const t = await calendarSetup();
    for (const path of [`/api/v1/committees/${t.committee.id}/calendar.ics`, `/api/v1/bodies/${t.body.id}/calendar.ics`]) {
      const { text, events } = await feed(await t.request("GET", path));
      expect(events).toHaveLength(1);
      const [event] = events;
      expect(event!.uid).toBe(`${t.meeting.id}@gremium`);
      expect(event!.start.toISOString()).toBe("2026-12-10T17:00:00.000Z");
      expect(event!.location).toBe("Rathaus, Großer Sitzungssaal, Raum 2.01, Marktplatz 1, 73525 Remsfeld");
      expect(event!.url.val).toContain(`/sitzungen/${t.meeting.id}`);
      expect(event!.status).toBe("TENTATIVE");
      expect(event!.description).toContain("Ö 1 Eröffnung");
      expect(text).not.toMatch(/Müller|N 1|nichtöffentlich\)/);
    }
  });

  it("keeps the UID, raises SEQUENCE on changes, and marks cancelled meetings", async () => {
    const t = await calendarSetup();
    const path = `/api/v1/committees/${t.committee.id}/calendar.ics`;
    const before = (await feed(await t.request("GET", path))).events[0]!;
    await t.request("PATCH", `/api/v1/meetings/${t.meeting.id}`, {
      token: t.tokens.secretariat,
      body: { startsAt: "2026-12-11T18:00:00+01:00" },
      headers: { "if-match": '"1"' },
    });
    const moved = (await feed(await t.request("GET", path))).events[0]!;
    expect(moved.uid).toBe(before.uid);
    expect(Number(moved.sequence)).toBeGreaterThan(Number(before.sequence));
    await t.request("POST", `/api/v1/meetings/${t.meeting.id}/transitions`, {
      token: t.tokens.secretariat,
      body: { to: "cancelled", reason: "Erkrankung der Vorsitzenden" },
      headers: { "if-match": '"2"' },
    });
    const cancelled = (await feed(await t.request("GET", path))).events[0]!;
    expect(cancelled).toMatchObject({ uid: before.uid, status: "CANCELLED" });
    expect(Number(cancelled.sequence)).toBeGreaterThan(Number(moved.sequence));
    expect(cancelled.description).toContain("Erkrankung der Vorsitzenden");
  });

  it("gives a member a personal feed with the non-public item titles of their committees", async () => {
    const t = await calendarSetup();
    const minted = await t.request("POST", "/api/v1/calendar-feeds", { token: t.tokens.member });
    expect(minted.status).toBe(201);
    const { url } = await json(minted);
    expect(url).toMatch(/\/api\/v1\/calendar-feeds\/grm_[A-Za-z0-9_-]{43}\.ics$/);
    const personal = await feed(await t.request("GET", new URL(url).pathname));
    expect(personal.events[0]!.description).toContain("N 1 Vertrag mit Träger Müller");

    const outsiderUrl = (await json(await t.request("POST", "/api/v1/calendar-feeds", { token: t.tokens.outsider }))).url;
    const outsider = await feed(await t.request("GET", new URL(outsiderUrl).pathname));
    expect(outsider.text).not.toContain("Müller");

    expect((await t.request("DELETE", "/api/v1/calendar-feeds", { token: t.tokens.member })).status).toBe(204);
    expect((await t.request("GET", new URL(url).pathname)).status).toBe(404);
    expect((await t.request("GET", "/api/v1/calendar-feeds/grm_guessedguessedguessedguessedguessedguessed1.ics")).status).toBe(404);
    expect((await t.request("POST", "/api/v1/calendar-feeds")).status).toBe(401);
  });
});

describe("announcements", () => {
  it("list upcoming invited meetings with time, place and the public agenda only", async () => {
    const t = await calendarSetup();
    const planned = await t.createMeeting({ startsAt: "2027-01-14T18:00:00+01:00" });
    await t.request("POST", `/api/v1/meetings/${t.meeting.id}/invitation`, { token: t.tokens.secretariat, body: {} });
    const response = await json(await t.request("GET", `/api/v1/bodies/${t.body.id}/announcements`));
    expect(response.items.map((a: { meeting: { id: string } }) => a.meeting.id)).toEqual([t.meeting.id]);
    expect(response.items[0].meeting).toMatchObject({
      startsAtBerlin: "2026-12-10T18:00:00+01:00",
      location: { name: "Rathaus, Großer Sitzungssaal" },
    });
    expect(response.items[0].agenda.map((i: { number: string }) => i.number)).toEqual(["Ö 1", "Ö 2", "Ö 3", "Ö 4"]);
    expect(JSON.stringify(response)).not.toContain("Müller");
    expect(planned.state).toBe("planned");
  });
});
