import { describe, expect, it } from "vitest";
import { createServiceContext } from "../../src/services/context";
import { plainSnippet } from "../../src/services/search/search";
import { recordNumberOf, searchExpressions } from "../../src/services/search/search-query";
import { createToken } from "../../src/services/accounts/tokens";
import { paperNumber } from "../../src/rules/papers";
import { resolutionNumber } from "../../src/rules/resolutions";
import { demoPortal } from "../helpers/portal";

type Hit = { kind: string; id: string; title: string; match: string; snippet: string };

/** The demo, with a search as the API answers it and the portal's hit links, anonymous or with a reader's token. */
async function searchDemo() {
  const { app, db } = await demoPortal();
  const headers = (token?: string): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});
  const api = async (q: string, token?: string): Promise<Hit[]> => {
    const response = await app.request(`/api/v1/search?limit=100&q=${encodeURIComponent(q)}`, { headers: headers(token) });
    expect(response.status, q).toBe(200);
    return (await response.json()).items;
  };
  const page = async (q: string, token?: string) => {
    const response = await app.request(`/suche?q=${encodeURIComponent(q)}`, { headers: headers(token) });
    return { status: response.status, html: await response.text() };
  };
  /** A token for a voting member of each committee who sits on no other, as the CLI mints one. */
  const members = new Map<string, { committeeId: string; token: string }>();
  const admin = createServiceContext(db, { kind: "admin", tokenId: null, name: "test" }, new Date());
  for (const committee of await db.prisma.committee.findMany()) {
    const seat = await db.prisma.membership.findFirstOrThrow({
      where: {
        committeeId: committee.id,
        role: "member",
        endDate: null,
        person: { memberships: { every: { committeeId: committee.id } } },
      },
    });
    const { secret } = await createToken(admin, { name: `member ${committee.shortName}`, role: "member", personId: seat.personId });
    members.set(committee.shortName, { committeeId: committee.id, token: secret });
  }
  return { app, db, api, page, headers, members };
}

describe("search finds what people type", () => {
  it("reads paper and resolution numbers with or without their prefix, and drops what is no search syntax", () => {
    expect(recordNumberOf("Vorlage 2025/001")).toEqual({ year: 2025, serial: 1, kind: "paper" });
    expect(recordNumberOf("2025/001")).toEqual({ year: 2025, serial: 1 });
    expect(recordNumberOf("Beschluss 12/2025")).toEqual({ year: 2025, serial: 12, kind: "resolution" });
    expect(recordNumberOf("IA/2026/003")).toEqual({ year: 2026, serial: 3, kind: "resolution", committee: "IA" });
    expect(recordNumberOf("Beschluss Nr. IA / 2026 / 3")).toEqual({ year: 2026, serial: 3, kind: "resolution", committee: "IA" });
    expect(recordNumberOf("12/13")).toBeUndefined();
    expect(recordNumberOf("Kita 2025/001")).toBeUndefined();
    expect(searchExpressions('"offen')).toEqual({ all: '"offen"*' });
    expect(searchExpressions("Kita (")).toEqual({ all: '"Kita"*' });
    expect(searchExpressions("AND OR")).toEqual({});
    expect(searchExpressions("NOT Kita OR")).toEqual({ all: '"Kita"*' });
    expect(searchExpressions("(Kita OR Schule) NOT Hort")).toEqual({ all: '("Kita"* OR "Schule"*) NOT "Hort"*' });
    expect(searchExpressions('Eltern "Sprachförderung in Kitas"')).toEqual({
      all: '"Eltern"* "Sprachförderung in Kitas"',
      some: '"Eltern"* OR "Sprachförderung in Kitas"',
    });
    // A number's mentions are in the texts (a title is a record's own number), with the committee where it was typed.
    expect(searchExpressions("Beschluss 12/2025")).toEqual({
      number: { year: 2025, serial: 12, kind: "resolution" },
      all: 'body : "2025/012"*',
    });
    expect(searchExpressions("IA/2026/003")).toEqual({
      number: { year: 2026, serial: 3, kind: "resolution", committee: "IA" },
      all: 'body : "IA/2026/003"*',
    });
    expect(plainSnippet("das Programm **«Sprachförderung» in Kitas** und [der Link](https://x.example)")).toBe(
      "das Programm «Sprachförderung» in Kitas und der Link",
    );
  });

  it("finds a paper or a resolution first by its number, with or without its prefix", async () => {
    const { db, api, page } = await searchDemo();
    const paper = await db.prisma.paper.findFirstOrThrow({ where: { isPublic: true }, orderBy: { serial: "asc" } });
    const number = paperNumber(paper.year, paper.serial);
    for (const q of [`Vorlage ${number}`, number, `Drucksache ${number}`, `${paper.serial}/${paper.year}`]) {
      const [first] = await api(q);
      expect(first, q).toMatchObject({ kind: "paper", id: paper.id, match: "number" });
    }
    const resolution = await db.prisma.resolution.findFirstOrThrow({ where: { isPublic: true } });
    const committee = await db.prisma.committee.findUniqueOrThrow({ where: { id: resolution.committeeId } });
    const full = resolutionNumber(committee.shortName, resolution.year, resolution.serial);
    expect((await api(full))[0]).toMatchObject({ kind: "resolution", id: resolution.id, match: "number" });
    const byShortNumber = await api(`Beschluss ${resolution.serial}/${resolution.year}`);
    expect(byShortNumber.filter((hit) => hit.match === "number").map((hit) => hit.id)).toContain(resolution.id);
    expect(byShortNumber.filter((hit) => hit.match === "number").every((hit) => hit.kind === "resolution")).toBe(true);
    // On the page, the record found by its number heads the results.
    const { html } = await page(`Vorlage ${number}`);
    expect(html.indexOf("Mit dieser Nummer")).toBeGreaterThan(0);
    expect(html.indexOf(`/vorlagen/${paper.id}`)).toBeGreaterThan(html.indexOf("Mit dieser Nummer"));
  });

  it("searches a phrase, ranks all words first, then records with some of them, and never fails on stray syntax", async () => {
    const { api, page } = await searchDemo();
    const phrase = await api('"Sprachförderung in Kitas"');
    expect(phrase.length).toBeGreaterThan(0);
    expect(await api('"Kitas in Sprachförderung"')).toEqual([]);
    const partial = await api("Sprachförderung Zeppelinhafen");
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.every((hit) => hit.match === "some")).toBe(true);
    expect((await page("Sprachförderung Zeppelinhafen")).html).toContain("Treffer, die nur einige der Wörter enthalten");
    const both = await api("Sprachförderung Kitas");
    expect(both[0]!.match).toBe("all");
    expect(both.findIndex((hit) => hit.match === "some")).not.toBe(0);
    for (const q of ['"Sprachförderung', "Sprachförderung (", "Sprachförderung)", "(Sprachförderung", "AND OR", "NOT", '"', "()"]) {
      const { status, html } = await page(q);
      expect(status, q).toBe(200);
      expect(html, q).not.toContain("kern-error");
    }
    expect((await api('"Sprachförderung')).map((hit) => hit.id)).toEqual((await api("Sprachförderung")).map((hit) => hit.id));
  });

  it("highlights matches with <mark> and shows no Markdown", async () => {
    const { api, page } = await searchDemo();
    const hits = await api("fortzuführen");
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((hit) => hit.snippet.includes("«fortzuführen»"))).toBe(true);
    expect(hits.every((hit) => !hit.snippet.includes("**"))).toBe(true);
    const { html } = await page("fortzuführen");
    expect(html).toContain("<mark>fortzuführen</mark>");
    expect(html).not.toContain("**");
    expect(html).not.toContain("«");
  });

  it("gives every reader exactly the hits they may open: anonymous and a member of each committee", async () => {
    const { app, db, api, headers, members } = await searchDemo();
    const secretItems = await db.prisma.agendaItem.findMany({ where: { isPublic: false }, include: { meeting: true } });
    const queries = ["Integration", "Sprachförderung", "Niederschrift", "Bericht", "2026", "Kita", "Personal*", "Zuschuss"];
    for (const item of secretItems.slice(0, 6)) queries.push(item.title.split(/\s+/).find((word) => word.length > 6) ?? item.title);
    const readers: [string, string | undefined][] = [
      ["anonymous", undefined],
      ...[...members].map(([k, v]) => [k, v.token] as [string, string]),
    ];
    for (const [reader, token] of readers) {
      const opened = new Set<string>();
      for (const q of queries) {
        const html = await (await app.request(`/suche?q=${encodeURIComponent(q)}`, { headers: headers(token) })).text();
        for (const [list] of html.matchAll(/<ul class="search-results">[\s\S]*?<\/ul>/g)) {
          for (const [, href] of list.matchAll(/href="([^"]+)"/g)) opened.add(href!.replaceAll("&amp;", "&"));
        }
      }
      expect(opened.size, reader).toBeGreaterThan(3);
      for (const href of opened) {
        expect((await app.request(href, { headers: headers(token) })).status, `${reader} ${href}`).toBe(200);
      }
    }
    // A member of a committee finds its non-public items; the public and the other committee's members do not.
    for (const item of secretItems) {
      const q = `"${item.title}"`;
      const ids = async (token?: string) => (await api(q, token)).filter((hit) => hit.kind === "item").map((hit) => hit.id);
      expect(await ids(), item.title).not.toContain(item.id);
      for (const { committeeId, token } of members.values()) {
        if (committeeId === item.meeting.committeeId) expect(await ids(token), item.title).toContain(item.id);
        else expect(await ids(token), item.title).not.toContain(item.id);
      }
    }
  });
});
