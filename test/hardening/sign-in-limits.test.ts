/**
 * Findings 3 and 4 of the security test, and the TOTP replay: attempts are counted before they are checked, so
 * that a burst cannot outrun the limit; the client address comes from the socket unless a trusted proxy speaks
 * for it; a code from the app works once; a recovery code gives one session, also when sent three times at once.
 */
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { describe, expect, it } from "vitest";
import { HashingSlots } from "../../src/auth/passwords";
import { nodeClientAddress } from "../../src/entry/node-client-address";
import { clientBehindProxies, limitKeyOf, plainAddress } from "../../src/http/client-address";
import { onLoopback, postForm } from "../helpers/portal";
import { ONE_MEMBER, scenario, type ScenarioOptions } from "../helpers/scenario";

const ORIGIN = "http://localhost";
const PASSWORD = "Hafenkräne im Abendlicht 7";
const EMAIL = "athina@example.org";

/** A member with an account and a password, and a form client that keeps no cookie unless told to. */
async function withAccount(options: ScenarioOptions<keyof typeof ONE_MEMBER> = {}) {
  const t = await scenario({ seats: ONE_MEMBER, ...options });
  const post = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
    t.app.request(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN, ...headers },
      body: new URLSearchParams(form).toString(),
    });
  const account = await t.as("secretariat").post("/api/v1/accounts", { email: EMAIL, personId: t.people.member.id });
  await post(new URL(account.setPasswordUrl).pathname, { password: PASSWORD, repeat: PASSWORD });
  const audit = async (action: string) =>
    (await t.as("admin").get("/api/v1/audit-log?entityType=Account&limit=200")).items.filter((e: { action: string }) => e.action === action)
      .length as number;
  const attempts = () => t.db.prisma.signInAttempt.findMany({ orderBy: { id: "asc" } });
  return { t, post, account, audit, attempts };
}

const cookieOf = (response: Response) => response.headers.get("set-cookie")?.split(";")[0] ?? "";

describe("the sign-in limit under concurrency", () => {
  it("verifies at most 5 of 20 concurrent wrong passwords, then refuses the right one", async () => {
    const { post, audit, attempts } = await withAccount();
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post("/anmelden", { email: EMAIL, password: `falsch ${i} falsch` })),
    );
    expect(burst.map((r) => r.status)).toEqual(Array(20).fill(401));
    expect(await audit("sign_in_failed")).toBe(5); // written only after a password was checked
    expect(await audit("lock_out")).toBe(1);
    expect((await attempts()).filter((a) => a.email === EMAIL)).toHaveLength(5);
    expect((await post("/anmelden", { email: EMAIL, password: PASSWORD })).status).toBe(401);
  });

  it("counts a right password as a success, so that signing in often never locks anyone out", async () => {
    const { post, attempts } = await withAccount();
    for (let i = 0; i < 7; i++) expect((await post("/anmelden", { email: EMAIL, password: PASSWORD })).status).toBe(303);
    expect((await attempts()).every((a) => a.succeeded)).toBe(true);
    // Nor do changes that ask for the right password again and are refused for another reason, or change nothing.
    const cookie = cookieOf(await post("/anmelden", { email: EMAIL, password: PASSWORD }));
    for (let i = 0; i < 6; i++) {
      const weak = await post("/konto/passwort", { current: PASSWORD, password: "kurz", repeat: "kurz" }, { cookie });
      expect(weak.status).toBe(400);
      expect((await post("/konto/email", { email: EMAIL, password: PASSWORD }, { cookie })).status).toBe(303);
    }
    expect((await attempts()).every((a) => a.succeeded)).toBe(true);
  });

  it("refuses sign-ins beyond the hashing capacity with 503 and Retry-After, and counts them neither way", async () => {
    const slots = new HashingSlots(1, 1);
    let release!: () => void;
    const held = slots.run(() => new Promise<void>((resolve) => (release = resolve)));
    const waiting = slots.run(async () => "waited");
    await expect(slots.run(async () => "refused")).rejects.toMatchObject({ code: "unavailable", extra: { retryAfter: 5 } });
    release();
    await held;
    expect(await waiting).toBe("waited");
    expect(await slots.run(async () => "free again")).toBe("free again");

    // Through the page: a burst larger than the app's slots and queue gets 503 for the rest, with Retry-After.
    const { post, attempts } = await withAccount();
    const emails = Array.from({ length: 12 }, (_, i) => `niemand${i}@example.org`);
    const answers = await Promise.all(emails.map((email) => post("/anmelden", { email, password: PASSWORD })));
    const busy = answers.filter((r) => r.status === 503);
    const checked = answers.filter((r) => r.status === 401).length;
    expect(busy.length).toBeGreaterThan(0);
    expect(checked + busy.length).toBe(12);
    expect(busy[0]!.headers.get("retry-after")).toBe("5");
    expect(await busy[0]!.text()).toContain("Gerade melden sich zu viele Personen gleichzeitig an.");
    // Only the checked ones count: a refusal for lack of capacity is taken back.
    expect((await attempts()).filter((a) => a.email.startsWith("niemand"))).toHaveLength(checked);
  });
});

describe("the second factor under concurrency", () => {
  async function withTwoFactor() {
    const setup = await withAccount();
    const { t, post } = setup;
    const session = cookieOf(await post("/anmelden", { email: EMAIL, password: PASSWORD }));
    await post("/konto/zwei-faktor/start", { password: PASSWORD }, { cookie: session });
    const page = await (await t.app.request("/konto/zwei-faktor", { headers: { cookie: session } })).text();
    const key = decodeBase32IgnorePadding(/<code class="manual-key">([^<]+)<\/code>/.exec(page)![1]!.replace(/\s/g, ""));
    const code = () => generateHOTP(key, BigInt(Math.floor(t.clock.now.getTime() / 30_000)), 6);
    const enabled = await (await post("/konto/zwei-faktor", { code: code() }, { cookie: session })).text();
    const recovery = [...enabled.matchAll(/<code>([A-Z2-7]{5}-[A-Z2-7]{5})<\/code>/g)].map((m) => m[1]!);
    t.clock.now = new Date(t.clock.now.getTime() + 30_000);
    /** A new sign-in with the password: a session that waits for its code. */
    const pending = async () => cookieOf(await post("/anmelden", { email: EMAIL, password: PASSWORD }));
    return { ...setup, code, recovery, pending };
  }

  it("accepts a code from the app once: the same code again is refused", async () => {
    const { post, code, pending } = await withTwoFactor();
    const first = await post("/anmelden/code", { code: code() }, { cookie: await pending() });
    expect(first.headers.get("location")).toBe("/konto");
    const again = await post("/anmelden/code", { code: code() }, { cookie: await pending() });
    expect(again.status).toBe(401);
  });

  it("checks at most 5 of 9 concurrent wrong codes", async () => {
    const { post, code, pending, attempts } = await withTwoFactor();
    const cookie = await pending();
    const wrong = code() === "000000" ? "111111" : "000000";
    const before = (await attempts()).length;
    const answers = await Promise.all(Array.from({ length: 9 }, () => post("/anmelden/code", { code: wrong }, { cookie })));
    expect(answers.map((r) => r.status)).toEqual(Array(9).fill(401));
    const failures = (await attempts()).slice(before).filter((a) => !a.succeeded);
    expect(failures).toHaveLength(5);
    expect((await post("/anmelden/code", { code: code() }, { cookie })).status).toBe(401); // locked out now
  });

  it("gives one session for a recovery code sent three times at once", async () => {
    const { t, post, recovery, pending } = await withTwoFactor();
    const cookies = await Promise.all([pending(), pending(), pending()]);
    const answers = await Promise.all(cookies.map((cookie) => post("/anmelden/code", { code: recovery[0]! }, { cookie })));
    expect(answers.filter((r) => r.status === 303)).toHaveLength(1);
    expect(answers.filter((r) => r.status === 401)).toHaveLength(2);
    const open = await t.db.prisma.session.count({ where: { secondFactorPending: false } });
    expect(open).toBe(1 + 1); // the session that set up two-factor sign-in, and the one the code opened
  });

  it("gives the session a new secret once the second factor completes", async () => {
    const { t, post, code, pending } = await withTwoFactor();
    const before = await pending();
    const done = await post("/anmelden/code", { code: code() }, { cookie: before });
    const after = cookieOf(done);
    expect(after).not.toBe("");
    expect(after).not.toBe(before);
    expect((await t.app.request("/konto", { headers: { cookie: before } })).status).toBe(303);
    expect((await t.app.request("/konto", { headers: { cookie: after } })).status).toBe(200);
  });
});

describe("the client address", () => {
  it("takes a forwarded address only from a trusted proxy, and only the hop it added", () => {
    const trusted = (address: string) => address === "10.0.0.5";
    expect(clientBehindProxies("203.0.113.9", "1.2.3.4", trusted)).toBe("203.0.113.9");
    expect(clientBehindProxies("10.0.0.5", "1.2.3.4, 198.51.100.7", trusted)).toBe("198.51.100.7");
    expect(clientBehindProxies("10.0.0.5", "1.2.3.4, 198.51.100.7, 10.0.0.5", trusted)).toBe("198.51.100.7");
    expect(clientBehindProxies("::ffff:10.0.0.5", "198.51.100.7", trusted)).toBe("198.51.100.7");
    expect(clientBehindProxies("10.0.0.5", undefined, trusted)).toBe("10.0.0.5");
    expect(clientBehindProxies("10.0.0.5", "198.51.100.7:51234, [2001:DB8::1]:443", trusted)).toBe("2001:db8::1");
  });

  it("counts an IPv6 client by its /64 network, and an IPv4 client by its address", () => {
    expect(limitKeyOf("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64");
    expect(limitKeyOf("2001:0db8:0001:0002:ffff::1")).toBe("2001:db8:1:2::/64");
    expect(limitKeyOf("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(limitKeyOf("198.51.100.7")).toBe("198.51.100.7");
    expect(plainAddress("::ffff:10.0.0.5")).toBe("10.0.0.5");
  });

  /** The app behind a real socket on loopback, with the Node entry's rule for the client address. */
  async function served(trustedProxies: string[]) {
    const setup = await withAccount({ clientAddress: nodeClientAddress(trustedProxies) });
    const { origin, close } = await onLoopback(setup.t.app);
    const signIn = (email: string, forwardedFor: string) =>
      postForm(
        origin,
        "/anmelden",
        { email, password: "falsch falsch falsch" },
        { "x-forwarded-for": forwardedFor, "cf-connecting-ip": forwardedFor },
      );
    return { ...setup, signIn, close };
  }

  it("ignores X-Forwarded-For and CF-Connecting-IP without TRUSTED_PROXIES: a spoofed address changes nothing", async () => {
    const { signIn, attempts, close } = await served([]);
    try {
      for (let i = 0; i < 32; i++) await signIn(`niemand${i}@example.org`, `198.51.100.${i}`);
      const rows = await attempts();
      expect(new Set(rows.map((a) => a.clientAddress))).toEqual(new Set(["127.0.0.1"]));
      expect(rows).toHaveLength(30); // the client's limit holds, whatever it claims to be
    } finally {
      await close();
    }
  });

  it("counts the address a trusted proxy forwarded", async () => {
    const { signIn, attempts, close } = await served(["127.0.0.0/8"]);
    try {
      await signIn("niemand@example.org", "6.6.6.6, 198.51.100.7");
      expect((await attempts()).map((a) => a.clientAddress)).toEqual(["198.51.100.7"]);
    } finally {
      await close();
    }
  });
});
