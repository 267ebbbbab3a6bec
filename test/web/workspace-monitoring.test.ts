import { describe, expect, it } from "vitest";
import { berlinDateOf } from "../../src/rules/calendar";
import { demoPortal, signedInClerk } from "../helpers/portal";

async function workspace() {
  const { app, db } = await demoPortal();
  const body = await db.prisma.body.findFirstOrThrow();
  const clerk = await signedInClerk(app, db, body.id);
  return { app, db, body, clerk, year: Number(berlinDateOf(new Date()).slice(0, 4)) - 1 };
}

const csvFile = (text: string) => {
  const form = new FormData();
  form.set("file", new File([text], "werte.csv", { type: "text/csv" }));
  return form;
};

describe("the monitoring in the secretariat's workspace", () => {
  it("lists the figures, imports values all or nothing naming every bad line, and publishes a checked figure", async () => {
    const { app, db, clerk } = await workspace();
    const page = await (await clerk.get("/verwaltung/plan/kennzahlen")).text();
    expect(page).toContain("Einbürgerungen");
    expect(page).toMatch(/Veröffentlichen: Einbürgerungen/);

    const refused = await clerk.post(
      "/verwaltung/plan/kennzahlen/import",
      csvFile("period;figure;value\n2026;einbuergerungen;280\n2026;gibt-es-nicht;1\n2026-Q9;schutzsuchende;3\n"),
    );
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("Zeile 3: figure: nennt keine Kennzahl dieser Körperschaft");
    expect(html).toContain("Zeile 4: period: muss ein Jahr (2025)");
    expect(await db.prisma.figureValue.count({ where: { period: "2026" } })).toBe(0);

    const done = await clerk.post("/verwaltung/plan/kennzahlen/import", csvFile("period;figure;value\n2026;einbuergerungen;280,5\n"));
    expect(done.status).toBe(200);
    expect(await done.text()).toMatch(/Neue Werte<\/dt>\s*<dd[^>]*>1</);

    // Publishing takes the version read; a stale one is refused and says so.
    const figure = await db.prisma.figure.findFirstOrThrow({ where: { key: "einbuergerungen" } });
    expect((await app.request(`/api/v1/figures/${figure.id}`)).status).toBe(404);
    const stale = await clerk.post(`/verwaltung/plan/kennzahlen/${figure.id}/veroeffentlichen`, { version: "9" });
    expect(stale.status).toBe(409);
    const published = await clerk.post(`/verwaltung/plan/kennzahlen/${figure.id}/veroeffentlichen`, { version: String(figure.version) });
    expect(published.status).toBe(303);
    expect((await app.request(`/api/v1/figures/${figure.id}`)).status).toBe(200);

    // The export holds what the staff read, for Excel.
    const exported = await clerk.get("/verwaltung/plan/kennzahlen/werte.csv?format=excel");
    expect(exported.headers.get("content-type")).toContain("text/csv");
    const csv = await exported.text();
    expect(csv).toMatch(/^\uFEFF?period;figure;value;source;note/);
    expect(csv).toContain("2026;einbuergerungen;280,5");
    expect(csv).toContain("anerkennungen"); // still internal, but the staff's own
  });

  it("writes the report's sections in one form at a version, keeps the input of a stale save, and leaves out empty fields", async () => {
    const { app, clerk, year } = await workspace();
    const form = await (await clerk.get(`/verwaltung/plan/integrationsbericht/${year}`)).text();
    expect(form).toContain('name="version" value="1"');
    const version = /name="version" value="(\d+)"/.exec(form)![1]!;
    const fields = [...form.matchAll(/name="(feld-[^"]+)"/g)].map((m) => m[1]!);
    expect(fields.length).toBe(10); // five action fields of each plan
    const input: Record<string, string> = {
      version,
      title: `Integrationsbericht ${year}`,
      published: "ja",
      introduction: "Neue Einleitung mit **Markdown**.",
      outlook: "Ausblick.",
      [fields[0]!]: "Nur das erste Handlungsfeld.",
    };
    const saved = await clerk.post(`/verwaltung/plan/integrationsbericht/${year}`, input);
    expect(saved.status).toBe(303);
    const page = await (await app.request(`/integrationsbericht/${year}`)).text();
    expect(page).toContain("Neue Einleitung mit <strong>Markdown</strong>.");
    expect(page).toContain("Nur das erste Handlungsfeld.");
    expect(page.match(/class="kern-heading-medium" id="hf-/g)).toHaveLength(1);

    // The same form again at the old version: refused, the input kept, the new version taken.
    const stale = await clerk.post(`/verwaltung/plan/integrationsbericht/${year}`, { ...input, introduction: "Meine Fassung." });
    expect(stale.status).toBe(409);
    const kept = await stale.text();
    expect(kept).toContain("Meine Fassung.");
    expect(kept).toContain(`name="version" value="${Number(version) + 1}"`);

    // A new year starts as a draft the public does not see.
    const next = year + 1;
    const draft = await clerk.post(`/verwaltung/plan/integrationsbericht/${next}`, {
      version: "0",
      title: `Bericht ${next}`,
      outlook: "Bald.",
    });
    expect(draft.status).toBe(303);
    expect((await app.request(`/integrationsbericht/${next}`)).status).toBe(404);
    expect((await clerk.get(`/integrationsbericht/${next}`)).status).toBe(200);
    const pdf = await clerk.get(`/integrationsbericht/${next}/bericht.pdf`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect((await app.request(`/integrationsbericht/${next}/bericht.pdf`)).status).toBe(404);
    expect((await clerk.get("/verwaltung/plan/integrationsbericht/abc")).status).toBe(404);
  });
});
