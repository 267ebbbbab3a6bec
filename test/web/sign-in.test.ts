import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { describe, expect, it } from "vitest";
import { ONE_MEMBER, scenario } from "../helpers/scenario";
import { ADMIN_TOKEN, createTestApp, json } from "../helpers/test-app";

const ORIGIN = "http://localhost";
const PASSWORD = "Hafenkräne im Abendlicht 7";

/** A browser-like form client: posts as a same-origin form and keeps the session cookie. */
async function signInScenario() {
  const t = await scenario({ seats: ONE_MEMBER });
  let cookie = "";
  const page = async (method: "GET" | "POST", path: string, form?: Record<string, string>, headers: Record<string, string> = {}) => {
    const response = await t.app.request(path, {
      method,
      headers: {
        ...(form ? { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN } : {}),
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    const set = response.headers.get("set-cookie");
    if (set) cookie = set.startsWith("__Host-gremium_session=;") || /Max-Age=0/.test(set) ? "" : set.split(";")[0]!;
    return response;
  };
  const account = await t
    .as("secretariat")
    .post("/api/v1/accounts", { email: "Athina@Example.org", personId: t.people.member.id }, { status: 201 });
  const linkPath = new URL(account.setPasswordUrl).pathname;
  return { t, page, account, linkPath, cookie: () => cookie, setCookie: (value: string) => (cookie = value) };
}

describe("sign-in for people", () => {
  it("sets the password once through a link of 7 days, refusing weak passwords beside the field", async () => {
    const { t, page, account, linkPath } = await signInScenario();
    expect(account).toMatchObject({ email: "athina@example.org", role: "member", hasPassword: false, locked: false });
    expect(account.setPasswordUrl).toMatch(/^http:\/\/localhost\/passwort-setzen\/\S{40,}$/);
    expect((await page("GET", linkPath)).status).toBe(200);
    const weak = await page("POST", linkPath, { password: "passwort1234", repeat: "passwort1234" });
    expect(weak.status).toBe(400);
    expect(await weak.text()).toMatch(/<p class="kern-error" id="password-error">Das Passwort ist zu bekannt/);
    const short = await page("POST", linkPath, { password: "kurz", repeat: "kurz" });
    expect(await short.text()).toContain("mindestens 12 Zeichen");
    const mismatch = await page("POST", linkPath, { password: PASSWORD, repeat: `${PASSWORD}!` });
    expect(await mismatch.text()).toContain("Die beiden Passwörter stimmen nicht überein.");
    const set = await page("POST", linkPath, { password: PASSWORD, repeat: PASSWORD });
    expect(set.status).toBe(303);
    expect(set.headers.get("location")).toBe("/anmelden?gesetzt");
    expect((await page("POST", linkPath, { password: PASSWORD, repeat: PASSWORD })).status).toBe(410); // once only
    expect((await t.as("secretariat").get(`/api/v1/accounts/${account.id}`)).hasPassword).toBe(true);

    // A forgotten password: a new link, and the older ones stop working.
    const firstLink = await t.as("secretariat").post(`/api/v1/accounts/${account.id}/password-link`, undefined, { status: 201 });
    const secondLink = await t.as("secretariat").post(`/api/v1/accounts/${account.id}/password-link`, undefined, { status: 201 });
    expect((await page("GET", new URL(firstLink.setPasswordUrl).pathname)).status).toBe(410);
    expect((await page("GET", new URL(secondLink.setPasswordUrl).pathname)).status).toBe(200);
    expect((await page("GET", "/passwort-vergessen")).status).toBe(200);

    const second = await t
      .as("admin")
      .post("/api/v1/accounts", { email: "sekretariat@example.org", role: "secretariat", bodyId: t.body.id }, { status: 201 });
    t.clock.now = new Date(t.clock.now.getTime() + 7 * 86_400_000 + 60_000);
    expect((await page("GET", new URL(second.setPasswordUrl).pathname)).status).toBe(410); // expired
  });

  it("signs in with a __Host- cookie, shows the account and its sessions, and ends the session at sign-out", async () => {
    const { page, linkPath, cookie } = await signInScenario();
    await page("POST", linkPath, { password: PASSWORD, repeat: PASSWORD });
    const signedIn = await page("POST", "/anmelden", { email: "athina@example.org", password: PASSWORD });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get("location")).toBe("/konto");
    const setCookie = signedIn.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^__Host-gremium_session=[^;]{40,}; Max-Age=2592000; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    const konto = await page("GET", "/konto");
    expect(konto.status).toBe(200);
    expect(konto.headers.get("cache-control")).toBe("private, no-cache");
    const html = await konto.text();
    expect(html).toContain("athina@example.org");
    expect(html).toContain("Diese Sitzung");
    expect(cookie()).not.toBe("");
    const out = await page("POST", "/abmelden", {});
    expect(out.headers.get("location")).toBe("/anmelden?abgemeldet");
    expect(out.headers.get("set-cookie")).toMatch(/__Host-gremium_session=; Max-Age=0/);
    expect((await page("GET", "/konto")).headers.get("location")).toBe("/anmelden");
  });

  it("says the same for an unknown address and a wrong password, and locks the address out after 5 failures for 15 minutes", async () => {
    const { t, page, linkPath } = await signInScenario();
    await page("POST", linkPath, { password: PASSWORD, repeat: PASSWORD });
    const unknown = await page("POST", "/anmelden", { email: "niemand@example.org", password: PASSWORD });
    const wrong = await page("POST", "/anmelden", { email: "athina@example.org", password: "falsch falsch falsch" });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    const message = (html: string) => /<p class="kern-error" id="email-error">([^<]*)<\/p>/.exec(html)?.[1];
    expect(message(await unknown.text())).toBe("E-Mail-Adresse oder Passwort falsch.");
    expect(message(await wrong.text())).toBe("E-Mail-Adresse oder Passwort falsch.");
    for (let i = 0; i < 4; i++) await page("POST", "/anmelden", { email: "athina@example.org", password: "falsch falsch falsch" });
    const refused = await page("POST", "/anmelden", { email: "athina@example.org", password: PASSWORD });
    expect(refused.status).toBe(401); // the right password, but locked out
    t.clock.now = new Date(t.clock.now.getTime() + 14 * 60_000);
    expect((await page("POST", "/anmelden", { email: "athina@example.org", password: PASSWORD })).status).toBe(401);
    t.clock.now = new Date(t.clock.now.getTime() + 2 * 60_000);
    expect((await page("POST", "/anmelden", { email: "athina@example.org", password: PASSWORD })).status).toBe(303);
    const log = await t.as("admin").get("/api/v1/audit-log?entityType=Account&limit=50");
    const actions = log.items.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a === "sign_in_failed")).toHaveLength(5);
    expect(actions).toEqual(expect.arrayContaining(["lock_out", "sign_in", "password_set", "create"]));
  });

  it("changes the password on the account page: the current one first, then ends the other sessions", async () => {
    const { page, linkPath, cookie, setCookie } = await signInScenario();
    await page("POST", linkPath, { password: PASSWORD, repeat: PASSWORD });
    await page("POST", "/anmelden", { email: "athina@example.org", password: PASSWORD });
    const first = cookie();
    setCookie("");
    await page("POST", "/anmelden", { email: "athina@example.org", password: PASSWORD });
    const second = cookie();
    const next = "Ein Boot auf dem Neckar 1";
    const wrong = await page("POST", "/konto/passwort", { current: "nicht das richtige", password: next, repeat: next });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Das aktuelle Passwort ist nicht Ihr aktuelles Passwort.");
    const weak = await page("POST", "/konto/passwort", { current: PASSWORD, password: "athina@example.org", repeat: "athina@example.org" });
    expect(await weak.text()).toContain("Das neue Passwort darf nicht die E-Mail-Adresse enthalten.");
    const changed = await page("POST", "/konto/passwort", { current: PASSWORD, password: next, repeat: next });
    expect(changed.headers.get("location")).toBe("/konto?geaendert");
    const renewed = cookie();
    expect(renewed).not.toBe(second); // this session stays, with a new secret
    expect((await page("GET", "/konto")).status).toBe(200);
    for (const old of [first, second]) {
      setCookie(old);
      expect((await page("GET", "/konto")).headers.get("location")).toBe("/anmelden"); // the other one ended, the old secret too
    }
    setCookie("");
    expect((await page("POST", "/anmelden", { email: "athina@example.org", password: PASSWORD })).status).toBe(401);
    expect((await page("POST", "/anmelden", { email: "athina@example.org", password: next })).status).toBe(303);
  });

  it("signs in with a second factor: a code from the app, or a recovery code that works once", async () => {
    const { t, page, linkPath } = await signInScenario();
    await page("POST", linkPath, { password: PASSWORD, repeat: PASSWORD });
    await page("POST", "/anmelden", { email: "athina@example.org", password: PASSWORD });
    const unconfirmed = await page("POST", "/konto/zwei-faktor/start", { password: "nicht das Passwort" });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain("Das Passwort ist nicht Ihr aktuelles Passwort.");
    expect((await page("POST", "/konto/zwei-faktor/start", { password: PASSWORD })).headers.get("location")).toBe("/konto/zwei-faktor");
    const setup = await (await page("GET", "/konto/zwei-faktor")).text();
    expect(setup).toMatch(/<svg role="img" aria-label="QR-Code[^"]*" class="qr-code"/);
    const key = decodeBase32IgnorePadding(/<code class="manual-key">([^<]+)<\/code>/.exec(setup)![1]!.replace(/\s/g, ""));
    // A code of the scenario's clock; a code works once, so the clock moves on by a step before the next one.
    const code = () => generateHOTP(key, BigInt(Math.floor(t.clock.now.getTime() / 30_000)), 6);
    const nextStep = () => (t.clock.now = new Date(t.clock.now.getTime() + 30_000));
    const wrong = await page("POST", "/konto/zwei-faktor", { code: code() === "000000" ? "111111" : "000000" });
    expect(wrong.status).toBe(400);
    const enabled = await page("POST", "/konto/zwei-faktor", { code: code() });
    expect(enabled.status).toBe(200);
    expect(enabled.headers.get("cache-control")).toBe("no-store");
    const recovery = [...(await enabled.text()).matchAll(/<code>([A-Z2-7]{5}-[A-Z2-7]{5})<\/code>/g)].map((m) => m[1]!);
    expect(recovery).toHaveLength(10);

    await page("POST", "/abmelden", {});
    const first = await page("POST", "/anmelden", { email: "athina@example.org", password: PASSWORD });
    expect(first.headers.get("location")).toBe("/anmelden/code");
    expect((await page("GET", "/konto")).headers.get("location")).toBe("/anmelden"); // the password alone opens nothing
    expect((await page("POST", "/anmelden/code", { code: "123 456" })).status).toBe(401);
    expect((await page("POST", "/anmelden/code", { code: recovery[0]!.toLowerCase() })).headers.get("location")).toBe("/konto");
    expect((await page("GET", "/konto")).status).toBe(200);

    await page("POST", "/abmelden", {});
    await page("POST", "/anmelden", { email: "athina@example.org", password: PASSWORD });
    expect((await page("POST", "/anmelden/code", { code: recovery[0]! })).status).toBe(401); // used up
    nextStep();
    expect((await page("POST", "/anmelden/code", { code: code() })).headers.get("location")).toBe("/konto");
    const log = await t.as("admin").get("/api/v1/audit-log?entityType=Account&limit=50");
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(["two_factor_on", "second_factor_failed"]));
  });

  it("asks for the password again to change the e-mail address and to switch two-factor sign-in off", async () => {
    const { t, page, linkPath } = await signInScenario();
    await page("POST", linkPath, { password: PASSWORD, repeat: PASSWORD });
    await page("POST", "/anmelden", { email: "athina@example.org", password: PASSWORD });
    const wrong = await page("POST", "/konto/email", { email: "neu@example.org", password: "nicht das richtige" });
    expect(wrong.status).toBe(400);
    const wrongPage = await wrong.text();
    expect(wrongPage).toContain('id="email-password-error">Das Passwort ist nicht Ihr aktuelles Passwort.');
    expect(wrongPage).toContain('value="neu@example.org"'); // the input is kept
    const invalid = await page("POST", "/konto/email", { email: "kein-at", password: PASSWORD });
    expect(await invalid.text()).toContain("Geben Sie eine E-Mail-Adresse in der Form name@beispiel.de ein.");
    await t.as("admin").post("/api/v1/accounts", { email: "vergeben@example.org", role: "secretariat", bodyId: t.body.id });
    const taken = await page("POST", "/konto/email", { email: "vergeben@example.org", password: PASSWORD });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain("Die E-Mail-Adresse kann für Ihr Konto nicht verwendet werden");
    const changed = await page("POST", "/konto/email", { email: "Neu@Example.org", password: PASSWORD });
    expect(changed.headers.get("location")).toBe("/konto?email");
    expect(await (await page("GET", "/konto?email")).text()).toContain("neu@example.org");

    await page("POST", "/konto/zwei-faktor/start", { password: PASSWORD });
    const setup = await (await page("GET", "/konto/zwei-faktor")).text();
    const key = decodeBase32IgnorePadding(/<code class="manual-key">([^<]+)<\/code>/.exec(setup)![1]!.replace(/\s/g, ""));
    await page("POST", "/konto/zwei-faktor", { code: generateHOTP(key, BigInt(Math.floor(t.clock.now.getTime() / 30_000)), 6) });
    const refused = await page("POST", "/konto/zwei-faktor/aus", { password: "nicht das richtige" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('id="two-factor-password-error">Das Passwort ist nicht Ihr aktuelles Passwort.');
    expect((await page("POST", "/konto/zwei-faktor/aus", { password: PASSWORD })).headers.get("location")).toBe("/konto?zwei-faktor-aus");
    await page("POST", "/abmelden", {});
    expect((await page("POST", "/anmelden", { email: "neu@example.org", password: PASSWORD })).headers.get("location")).toBe("/konto");
    const log = await t.as("admin").get("/api/v1/audit-log?entityType=Account&limit=50");
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(["email_changed", "two_factor_off"]));
  });

  it("withholds the admin role on the pages from an admin without two-factor sign-in when REQUIRE_ADMIN_2FA is set", async () => {
    const t = createTestApp({ requireAdmin2fa: true });
    const body = await json(await t.request("POST", "/api/v1/bodies", { token: ADMIN_TOKEN, body: { name: "Stadt" } }));
    const created = await json(
      await t.request("POST", "/api/v1/accounts", {
        token: ADMIN_TOKEN,
        body: { email: "admin@example.org", role: "admin", bodyId: body.id },
      }),
    );
    const form = (fields: Record<string, string>, cookie = "") => ({
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, ...(cookie ? { cookie } : {}) },
      body: new URLSearchParams(fields).toString(),
    });
    await t.app.request(new URL(created.setPasswordUrl).pathname, form({ password: PASSWORD, repeat: PASSWORD }));
    const signedIn = await t.app.request("/anmelden", form({ email: "admin@example.org", password: PASSWORD }));
    const cookie = signedIn.headers.get("set-cookie")!.split(";")[0]!;
    const konto = await (await t.app.request("/konto", { headers: { cookie } })).text();
    expect(konto).toContain("Für die Administration ist die Zwei-Faktor-Anmeldung vorgeschrieben.");
  });

  it("refuses a cross-site form post with 403", async () => {
    const { page } = await signInScenario();
    const crossSite = await page(
      "POST",
      "/anmelden",
      { email: "athina@example.org", password: PASSWORD },
      { origin: "https://evil.example" },
    );
    expect(crossSite.status).toBe(403);
    expect(await crossSite.text()).toContain("Dieses Formular wurde nicht von dieser Seite abgeschickt.");
    expect(crossSite.headers.get("set-cookie")).toBeNull();
    // A browser's own same-origin post needs no Origin when it says Sec-Fetch-Site: same-origin.
    const sameSite = await page(
      "POST",
      "/anmelden",
      { email: "athina@example.org", password: PASSWORD },
      { origin: "", "sec-fetch-site": "same-origin" },
    );
    expect(sameSite.status).toBe(401);
  });

  it("ends an idle session after 8 hours and shuts out a locked account", async () => {
    const { t, page, linkPath, account } = await signInScenario();
    await page("POST", linkPath, { password: PASSWORD, repeat: PASSWORD });
    await page("POST", "/anmelden", { email: "athina@example.org", password: PASSWORD });
    t.clock.now = new Date(t.clock.now.getTime() + 7 * 3_600_000);
    expect((await page("GET", "/konto")).status).toBe(200); // used within 8 hours: it slides on
    t.clock.now = new Date(t.clock.now.getTime() + 8 * 3_600_000 + 60_000);
    expect((await page("GET", "/konto")).headers.get("location")).toBe("/anmelden");

    await page("POST", "/anmelden", { email: "athina@example.org", password: PASSWORD });
    expect((await page("GET", "/konto")).status).toBe(200);
    await t.as("secretariat").post(`/api/v1/accounts/${account.id}/lock`, undefined, { status: 200 });
    expect((await page("GET", "/konto")).headers.get("location")).toBe("/anmelden"); // its sessions ended
    expect((await page("POST", "/anmelden", { email: "athina@example.org", password: PASSWORD })).status).toBe(401);
    await t.as("secretariat").post(`/api/v1/accounts/${account.id}/unlock`, undefined, { status: 200 });
    expect((await page("POST", "/anmelden", { email: "athina@example.org", password: PASSWORD })).status).toBe(303);
  });

  it("lets the secretariat create member accounts of its body only; admin and secretariat accounts are for admins", async () => {
    const t = await scenario({ seats: ONE_MEMBER });
    await t.as("secretariat").post("/api/v1/accounts", { email: "x@example.org", role: "admin", bodyId: t.body.id }, { status: 403 });
    await t.as("member").post("/api/v1/accounts", { email: "y@example.org", personId: t.people.member.id }, { status: 403 });
    await t.as("secretariat").post("/api/v1/accounts", { email: "z@example.org", role: "member" }, { status: 422 });
    await t.as("secretariat").post("/api/v1/accounts", { email: "kein-at" }, { status: 400 });
    await t.as("secretariat").post("/api/v1/accounts", { email: "a@example.org", personId: t.people.member.id }, { status: 201 });
    await t.as("secretariat").post("/api/v1/accounts", { email: "b@example.org", personId: t.people.member.id }, { status: 409 });
    await t.as("secretariat").post("/api/v1/accounts", { email: "A@example.org", personId: t.people.outsider.id }, { status: 409 });
  });
});
