import { describe, expect, it } from "vitest";
import { demoPortal, demoSecrets } from "../helpers/portal";
import { crawlOparl } from "../helpers/oparl";

describe("OParl 1.1 on the demo data", () => {
  it("passes a crawl of the whole tree: every object and page valid, linked, fetchable, listed and public only", {
    timeout: 90_000,
  }, async () => {
    const { app, db } = await demoPortal();
    const { secretItems, secretPapers, secretResolutions } = await demoSecrets(db);
    const secrets = [
      ...secretItems.map((i) => i.title),
      ...secretPapers.map((p) => p.title),
      ...secretResolutions.flatMap((r) => [r.number, r.text]),
    ];
    const report = await crawlOparl((path, headers) => app.request(path, { headers }), { secrets, pageSize: 3 });
    console.log(`OParl crawl on Node: ${JSON.stringify(report.objects)}, ${report.pages} list pages, ${report.files} file downloads`);
    expect(report.errors).toEqual([]);
    for (const type of ["Body", "Organization", "Person", "Membership", "Meeting", "AgendaItem", "Paper", "Consultation", "File"]) {
      expect(report.objects[type], type).toBeGreaterThan(0);
    }
    expect(report.objects.LegislativeTerm).toBeGreaterThan(0);
    expect(report.objects.Location).toBeGreaterThan(0);
  });
});

describe("the OParl crawler", () => {
  it("finds what real endpoints get wrong: schema errors, dates, gaps in order, lost filters, unfetchable links", async () => {
    const root = "http://x/oparl/v1.1";
    const type = (name: string) => `https://schema.oparl.org/1.1/${name}`;
    const stamp = { created: "2026-01-01T10:00:00+01:00", modified: "2026-01-01T10:00:00Z" };
    const meeting = {
      id: `${root}/meeting/m`,
      type: type("Meeting"),
      organization: [`${root}/organization/nirgends`],
      agendaItem: [
        { id: `${root}/agendaItem/a`, type: type("AgendaItem"), order: 0, ...stamp },
        { id: `${root}/agendaItem/b`, type: type("AgendaItem"), order: 2, ...stamp },
      ],
      location: { description: "Rathaus" },
      created: "2026-01-01T10:00:00.123+01:00",
    };
    const body = {
      id: `${root}/body/b`,
      type: type("Body"),
      name: "Stadt",
      ...Object.fromEntries(["organization", "person", "meeting", "paper"].map((l) => [l, `${root}/body/b/${l}`])),
      legislativeTerm: [],
      ...stamp,
    };
    const list = (data: unknown[], links: Record<string, string> = {}) => ({ data, pagination: {}, links });
    const pages: Record<string, unknown> = {
      "/oparl/v1.1/system": {
        id: `${root}/system`,
        type: type("System"),
        oparlVersion: "https://schema.oparl.org/1.1/",
        body: `${root}/body`,
        ...stamp,
      },
      "/oparl/v1.1/body": list([body]),
      "/oparl/v1.1/body/b": body,
      "/oparl/v1.1/body/b/meeting": list([{ ...meeting, deleted: true }]),
      "/oparl/v1.1/body/b/organization": list([]),
      "/oparl/v1.1/body/b/person": list([{ id: 7, type: type("Person") }]),
      "/oparl/v1.1/body/b/paper": list([]),
    };
    const fake = (path: string) => {
      const page = pages[path];
      return page
        ? new Response(JSON.stringify(page), { headers: { "content-type": "application/json", "access-control-allow-origin": "*" } })
        : new Response("{}", { status: 404 });
    };
    const { errors } = await crawlOparl(fake);
    const said = (pattern: RegExp) =>
      expect(
        errors.some((e) => pattern.test(e)),
        `${pattern} in\n${errors.join("\n")}`,
      ).toBe(true);
    said(/modified "2026-01-01T10:00:00Z" is not yyyy-mm-ddThh:mm:ss±hh:mm/);
    said(/agenda item 1 has order 2/);
    said(/embedded location without an OParl type/);
    said(/deleted .* listed without modified_since/);
    said(/links \/oparl\/v1\.1\/organization\/nirgends, which cannot be fetched/);
    said(/\/id must be string/);
    said(/Person without created or modified/);

    // A second page that forgets the limit the client asked for.
    pages["/oparl/v1.1/body/b/meeting"] = list([], { next: `${root}/body/b/meeting?limit=5` });
    pages["/oparl/v1.1/body/b/meeting?limit=5"] = list([meeting], { next: `${root}/body/b/meeting?cursor=2` });
    pages["/oparl/v1.1/body/b/meeting?cursor=2"] = list([]);
    const filtered = await crawlOparl(fake);
    expect(
      filtered.errors.some((e) => /links\.next lost limit/.test(e)),
      filtered.errors.join("\n"),
    ).toBe(true);
  });
});
