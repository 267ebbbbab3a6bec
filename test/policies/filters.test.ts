import { describe, expect, it } from "vitest";
import type { Principal } from "../../src/auth/principal";
import { loadDemoData } from "../../src/demo/load-demo-data";
import * as paperPolicy from "../../src/policies/papers";
import * as resolutionPolicy from "../../src/policies/resolutions";
import { createServiceContext } from "../../src/services/context";
import { createTestApp } from "../helpers/test-app";

/**
 * The list filter of each policy and its check for one record agree: on the demo municipality, every
 * reader lists exactly the records the check lets them read.
 */
describe("policy filters agree with the checks", () => {
  it("for papers and resolutions, for every kind of reader", async () => {
    const now = new Date("2026-11-21T10:00:00Z");
    const { db, attachments } = createTestApp({ now: () => now });
    const { bodyId } = (await loadDemoData(db, attachments, now))!;
    const committees = await db.prisma.committee.findMany();
    const ia = committees.find((c) => c.shortName === "IA")!;
    const today = "2026-11-21";
    const seats = await db.prisma.membership.findMany({
      where: { startDate: { lte: today }, OR: [{ endDate: null }, { endDate: { gte: today } }] },
    });
    const seatedIn = (personId: string) => new Set(seats.filter((s) => s.personId === personId).map((s) => s.committeeId));
    const iaMember = seats.find((s) => s.committeeId === ia.id && s.role === "member")!.personId;
    const beiratOnly = seats.find((s) => s.committeeId !== ia.id && !seatedIn(s.personId).has(ia.id))!.personId;

    const readers: Principal[] = [
      { kind: "anonymous" },
      { kind: "admin", tokenId: null, name: "admin" },
      { kind: "secretariat", tokenId: "t", name: "GS", bodyId },
      { kind: "secretariat", tokenId: "t", name: "GS elsewhere", bodyId: "another-body" },
      { kind: "member", tokenId: "t", name: "IA", bodyId, personId: iaMember },
      { kind: "member", tokenId: "t", name: "IBR", bodyId, personId: beiratOnly },
    ];
    const papers = await db.prisma.paper.findMany({ include: { consultations: true } });
    const resolutions = await db.prisma.resolution.findMany();
    expect(papers.some((p) => !p.isPublic)).toBe(true);
    expect(resolutions.some((r) => !r.isPublic)).toBe(true);
    const byId = new Map(committees.map((c) => [c.id, c]));

    const seen = new Set<string>();
    for (const actor of readers) {
      const ctx = createServiceContext(db, actor, now);
      const readership = await ctx.readership();
      const listedPapers = await db.prisma.paper.findMany({ where: paperPolicy.where(actor, readership), select: { id: true } });
      const readablePapers = papers.filter((p) => paperPolicy.canRead(actor, readership, p));
      expect(listedPapers.map((p) => p.id).sort()).toEqual(readablePapers.map((p) => p.id).sort());

      const listedResolutions = await db.prisma.resolution.findMany({ where: resolutionPolicy.where(readership), select: { id: true } });
      const readableResolutions = resolutions.filter((r) => resolutionPolicy.canRead(actor, readership, r, byId.get(r.committeeId)!));
      expect(listedResolutions.map((r) => r.id).sort()).toEqual(readableResolutions.map((r) => r.id).sort());
      seen.add(`${readablePapers.length}/${readableResolutions.length}`);
    }
    // The readers do not all see the same: the table exercises both sides of every filter.
    expect(seen.size).toBeGreaterThan(1);
  });
});
