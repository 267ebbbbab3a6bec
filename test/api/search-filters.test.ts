import { describe, expect, it } from "vitest";
import { loadDemoData } from "../../src/demo/load-demo-data";
import { berlinDateOf } from "../../src/rules/calendar";
import { createTestApp, json } from "../helpers/test-app";

type Hit = { kind: string; id: string };

describe("search filters", () => {
  it("narrow the hits to a body, a committee and Berlin dates, in the API as on the portal", async () => {
    const { db, attachments, request } = createTestApp();
    const loaded = await loadDemoData(db, attachments, new Date());
    const search = async (query: string) =>
      (await json(await request("GET", `/api/v1/search?q=Integration*&limit=100${query}`))).items as Hit[];
    const all = await search("");
    expect(new Set(all.map((h) => h.kind))).toEqual(new Set(["measure", "resolution", "paper", "item", "minutes"]));

    const committee = await db.prisma.committee.findFirstOrThrow({ where: { name: "Integrationsausschuss" } });
    const inCommittee = await search(`&committeeId=${committee.id}`);
    expect(inCommittee.length).toBeGreaterThan(0);
    expect(inCommittee.length).toBeLessThan(all.length);
    expect(inCommittee.some((h) => h.kind === "measure")).toBe(false);
    for (const hit of inCommittee.filter((h) => h.kind === "resolution")) {
      expect((await db.prisma.resolution.findUniqueOrThrow({ where: { id: hit.id } })).committeeId).toBe(committee.id);
    }
    for (const hit of inCommittee.filter((h) => h.kind === "item")) {
      const item = await db.prisma.agendaItem.findUniqueOrThrow({ where: { id: hit.id }, include: { meeting: true } });
      expect(item.meeting.committeeId).toBe(committee.id);
    }

    const items = all.filter((h) => h.kind === "item");
    const first = await db.prisma.agendaItem.findUniqueOrThrow({ where: { id: items[0]!.id }, include: { meeting: true } });
    const day = berlinDateOf(first.meeting.startsAt);
    const onThatDay = await search(`&from=${day}&to=${day}`);
    expect(onThatDay.map((h) => h.id)).toContain(first.id);
    for (const hit of onThatDay.filter((h) => h.kind === "item")) {
      const item = await db.prisma.agendaItem.findUniqueOrThrow({ where: { id: hit.id }, include: { meeting: true } });
      expect(berlinDateOf(item.meeting.startsAt)).toBe(day);
    }
    expect(onThatDay.some((h) => h.kind === "measure")).toBe(false);

    expect(await search(`&bodyId=${loaded!.bodyId}`)).toHaveLength(all.length);
    expect(await search("&bodyId=another")).toEqual([]);
    const bad = await request("GET", "/api/v1/search?q=Kita&from=01.12.2026");
    expect(bad.status).toBe(400);
    expect((await json(bad)).errors[0].field).toBe("query.from");
  });
});
