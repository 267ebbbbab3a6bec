import { describe, expect, it } from "vitest";
import { demoPortal, demoSecrets } from "../helpers/portal";
import { crawlOparl } from "../helpers/oparl";

describe("OParl 1.1 on the demo data", () => {
  it("passes a crawl of the whole tree: every object and page valid, linked, fetchable, listed and public only", async () => {
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
