import { describe, expect, it } from "vitest";
import { decodeRow } from "../../src/db/rows";
import { ADMIN_TOKEN, createTestApp } from "../helpers/test-app";

describe("decoding SQL rows from the schema's data model", () => {
  it("turns the model's DateTime and Boolean columns, and nested objects, into Prisma's shapes", () => {
    const { db } = createTestApp();
    const row = decodeRow<Record<string, any>>(
      db.prisma,
      { model: "Meeting", nested: { committee: { model: "Committee" }, item: { model: "AgendaItem" } } },
      {
        id: "m1",
        startsAt: "2026-12-16T17:00:00.000+00:00",
        endsAt: null,
        repeatMeeting: 0,
        sequenceNumber: 1,
        committee: JSON.stringify({ id: "c1", createdAt: "2026-01-01T00:00:00.000+00:00" }),
        item: JSON.stringify({ isPublic: 1, position: 0 }),
      },
    );
    expect(row.startsAt).toEqual(new Date("2026-12-16T17:00:00Z"));
    expect(row.endsAt).toBeNull();
    expect(row.repeatMeeting).toBe(false);
    expect(row.sequenceNumber).toBe(1); // an Int stays a number, even 0 or 1
    expect(row.committee.createdAt).toEqual(new Date("2026-01-01T00:00:00Z"));
    expect(row.item).toEqual({ isPublic: true, position: 0 });
  });

  it("reads back what Prisma wrote exactly as Prisma reads it", async () => {
    const { db, request } = createTestApp();
    const body = await (await request("POST", "/api/v1/bodies", { token: ADMIN_TOKEN, body: { name: "Stadt Testhausen" } })).json();
    const viaPrisma = await db.prisma.body.findUniqueOrThrow({ where: { id: body.id } });
    const [raw] = await db.query<Record<string, unknown>>(`SELECT * FROM Body WHERE id = ?`, [body.id]);
    expect(decodeRow(db.prisma, { model: "Body" }, raw!)).toEqual(viaPrisma);
  });

  it("refuses a model the schema does not have", () => {
    const { db } = createTestApp();
    expect(() => decodeRow(db.prisma, { model: "Nope" }, {})).toThrow(/no model Nope/);
  });
});
