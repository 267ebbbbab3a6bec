import { describe, expect, it } from "vitest";
import { loadDemoData } from "../../src/demo/load-demo-data";
import { ADMIN_TOKEN, createTestApp, json } from "../helpers/test-app";

type Seat = { role: string; seatCategory: string | null; votingRight: boolean; person: { name: string }; deputyFor: { person: { name: string } } | null };

describe("demo data", () => {
  it("brings up a municipality with the two committees of the domain notes", async () => {
    const { db, request } = createTestApp();
    const loaded = await loadDemoData(db, new Date("2026-11-21T10:00:00Z"));
    expect(loaded).toMatchObject({ committees: 2 });

    const committees = (await json(await request("GET", "/api/v1/committees"))).items;
    const byShortName = Object.fromEntries(committees.map((c: { shortName: string; id: string }) => [c.shortName, c.id]));
    const composition = async (id: string) => (await json(await request("GET", `/api/v1/committees/${id}/members?at=2026-11-21`))).items as Seat[];

    const beirat = await composition(byShortName.IBR);
    const voting = beirat.filter((s) => s.votingRight);
    expect(voting).toHaveLength(33);
    expect(beirat[0]).toMatchObject({ role: "chair" });
    const count = (seats: Seat[], category: string) => seats.filter((s) => s.seatCategory === category).length;
    expect([count(voting, "Gemeinderat"), count(voting, "ausländische Einwohner"), count(voting, "Spätaussiedler")]).toEqual([10, 17, 5]);

    const ausschuss = await composition(byShortName.IA);
    const members = ausschuss.filter((s) => s.votingRight);
    expect([count(members, "Gemeinderat"), count(members, "sachkundige Einwohner")]).toEqual([10, 9]);
    const deputies = ausschuss.filter((s) => s.role === "deputy");
    expect(deputies).toHaveLength(19);
    expect(deputies.every((d) => d.deputyFor !== null)).toBe(true);

    const names = [...beirat, ...ausschuss].map((s) => s.person.name);
    for (const name of ["Şükrü Yıldırım", "Łucja Wąsik", "Ștefan Mureșan", "Αθηνά Παπαδοπούλου", "Жанна Ковальчук"]) expect(names).toContain(name);
  });

  it("loads only into an empty database", async () => {
    const { db, request } = createTestApp();
    expect((await request("POST", "/api/v1/demo-data", { token: ADMIN_TOKEN })).status).toBe(201);
    expect((await request("POST", "/api/v1/demo-data", { token: ADMIN_TOKEN })).status).toBe(409);
    expect(await loadDemoData(db, new Date())).toBeUndefined();
    expect(await db.prisma.body.count()).toBe(1);
  });
});
