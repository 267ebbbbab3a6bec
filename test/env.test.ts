import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_DATABASE_URL, ZNodeEnv, parseEnv } from "../src/env";

describe("configuration", () => {
  it("has defaults for everything but the optional settings", () => {
    expect(parseEnv(ZNodeEnv, {})).toEqual({
      PORT: 3000,
      DATABASE_URL: DEFAULT_DATABASE_URL,
      ATTACHMENTS_DIR: "./data/attachments",
      SESSION_IDLE_MINUTES: 480,
      SESSION_MAX_DAYS: 30,
      REQUIRE_ADMIN_2FA: false,
      TRUSTED_PROXIES: [],
      OPARL_DIGEST_SECONDS: 5,
      READ_THREADS: 2,
      MAIL_FROM: "Gremium <gremium@localhost>",
    });
    expect(DEFAULT_DATABASE_URL).toBe("file:./data/gremium.db");
  });

  it("treats empty values as unset", () => {
    expect(parseEnv(ZNodeEnv, { PORT: "", ADMIN_TOKEN: "", SESSION_MAX_DAYS: "" })).toEqual({
      PORT: 3000,
      DATABASE_URL: DEFAULT_DATABASE_URL,
      ATTACHMENTS_DIR: "./data/attachments",
      SESSION_IDLE_MINUTES: 480,
      SESSION_MAX_DAYS: 30,
      REQUIRE_ADMIN_2FA: false,
      TRUSTED_PROXIES: [],
      OPARL_DIGEST_SECONDS: 5,
      READ_THREADS: 2,
      MAIL_FROM: "Gremium <gremium@localhost>",
    });
    expect(() => parseEnv(ZNodeEnv, { SESSION_IDLE_MINUTES: "zwei" })).toThrow(/SESSION_IDLE_MINUTES/);
    expect(() => parseEnv(ZNodeEnv, { SMTP_URL: "http://mail.example.de" })).toThrow(/SMTP_URL/);
    expect(() => parseEnv(ZNodeEnv, { MAIL_FROM: "Gremium <gremium@example.de>\r\nBcc: x@example.org" })).toThrow(/MAIL_FROM/);
  });

  it("reads valid values", () => {
    const env = parseEnv(ZNodeEnv, {
      PORT: "8080",
      DATABASE_URL: "file:/var/lib/gremium/gremium.db",
      ADMIN_TOKEN: "a".repeat(32),
      PUBLIC_BASE_URL: "https://gremium.example.de/",
      TRUSTED_PROXIES: "127.0.0.1, 10.0.0.0/8,::1",
    });
    expect(env).toMatchObject({
      PORT: 8080,
      DATABASE_URL: "file:/var/lib/gremium/gremium.db",
      ADMIN_TOKEN: "a".repeat(32),
      PUBLIC_BASE_URL: "https://gremium.example.de",
      TRUSTED_PROXIES: ["127.0.0.1", "10.0.0.0/8", "::1"],
    });
  });

  it("names every bad value with a reason", () => {
    const bad = {
      PORT: "70000",
      DATABASE_URL: "postgres://x",
      ADMIN_TOKEN: "short",
      PUBLIC_BASE_URL: "ftp://x",
      TRUSTED_PROXIES: "proxy.local",
    };
    let error: unknown;
    try {
      parseEnv(ZNodeEnv, bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join("\n");
    expect(problems).toMatch(/^PORT: must be between 1 and 65535$/m);
    expect(problems).toMatch(/^DATABASE_URL: must be a SQLite file URL/m);
    expect(problems).toMatch(/^ADMIN_TOKEN: must be at least 32 characters/m);
    expect(problems).toMatch(/^PUBLIC_BASE_URL: must be an absolute http\(s\) URL/m);
    expect(problems).toMatch(/^TRUSTED_PROXIES\.0: must list IP addresses or CIDR ranges/m);
    expect(parseEnv.bind(null, ZNodeEnv, { PORT: "abc" })).toThrow(/PORT: must be a whole number/);
  });
});
