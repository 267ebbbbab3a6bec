import { describe, expect, it } from "vitest";
import { ONE_MEMBER, scenario } from "../helpers/scenario";

describe("the texts of a body's portal pages", () => {
  it("default to Gremium's text naming the body, and the secretariat replaces and restores them, versioned and audited", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    const path = `/api/v1/bodies/${t.body.id}/pages/imprint`;
    const initial = await t.as("public").get(path);
    expect(initial).toMatchObject({ key: "imprint", isDefault: true, version: 0 });
    expect(initial.markdown).toContain(t.body.name);

    const markdown = "# Impressum\n\nStadt Musterhausen, Marktplatz 1, vertreten durch die Oberbürgermeisterin.";
    await t.as("secretariat").put(path, { markdown }, { status: 428 });
    await t.as("secretariat").put(path, { markdown }, { status: 412, headers: { "if-match": '"1"' } });
    await t.as("member").put(path, { markdown }, { status: 403, headers: { "if-match": '"0"' } });
    await t.as("secretariat").put(path, { markdown: "   " }, { status: 400, headers: { "if-match": '"0"' } });
    const own = await t.as("secretariat").put(path, { markdown }, { headers: { "if-match": '"0"' } });
    expect(own).toMatchObject({ isDefault: false, version: 1, markdown });
    const page = await t.app.request(`/impressum?k=${t.body.id}`);
    expect(await page.text()).toContain("vertreten durch die Oberbürgermeisterin");

    await t.as("secretariat").put(path, { markdown: "# Neu" }, { status: 412, headers: { "if-match": '"0"' } });
    const restored = await t.as("secretariat").put(path, { markdown: null }, { headers: { "if-match": '"1"' } });
    expect(restored).toMatchObject({ isDefault: true, version: 0 });
    const log = await t.as("admin").get("/api/v1/audit-log?entityType=BodyPage");
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(["delete", "create"]);
    await t.as("public").get(`/api/v1/bodies/${t.body.id}/pages/unknown`, { status: 400 });
  });
});
