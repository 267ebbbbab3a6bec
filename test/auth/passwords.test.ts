import { randomBytes, scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SCRYPT, hashPassword, passwordProblem, verifyPassword } from "../../src/auth/passwords";

describe("passwords", () => {
  it("hash with scrypt and their parameters, verify in constant time, and ask for a new hash when the parameters are old", async () => {
    const hash = await hashPassword("Hafenkräne im Abendlicht 7");
    expect(hash).toMatch(/^scrypt\$16384\$8\$5\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(await verifyPassword("Hafenkräne im Abendlicht 7", hash)).toEqual({ ok: true, rehash: false });
    expect(await verifyPassword("Hafenkrane im Abendlicht 7", hash)).toEqual({ ok: false, rehash: false });
    // The same text in another Unicode form (decomposed ä) is the same password.
    expect((await verifyPassword("Hafenkra\u0308ne im Abendlicht 7", hash)).ok).toBe(true);
    const salt = randomBytes(16);
    const old = [
      "scrypt",
      4096,
      8,
      1,
      salt.toString("base64"),
      scryptSync("alt und schwach genug", salt, 32, { N: 4096, r: 8, p: 1 }).toString("base64"),
    ].join("$");
    expect(await verifyPassword("alt und schwach genug", old)).toEqual({ ok: true, rehash: true });
    expect(await verifyPassword("x", "bcrypt$whatever")).toEqual({ ok: false, rehash: false });
    expect(SCRYPT).toMatchObject({ N: 2 ** 14, r: 8, p: 5, saltLength: 16 });
  });

  it("follow NIST SP 800-63B: length, any character, no common or leaked password, not the address or the name", () => {
    const account = { email: "zhanna.kovalchuk@example.org", names: ["Жанна", "Ковальчук"] };
    expect(passwordProblem("elf Zeichen", account)).toBe("muss mindestens 12 Zeichen lang sein");
    expect(passwordProblem("Ω".repeat(257), account)).toBe("darf höchstens 256 Zeichen lang sein");
    expect(passwordProblem("ÄÖÜäöüßÄÖÜäö", account)).toBeNull(); // 12 characters, however many bytes
    expect(passwordProblem("1qaz2wsx3edc", account)).toMatch(/^ist zu bekannt/); // from the leaked list
    expect(passwordProblem("Passwort1234", account)).toMatch(/^ist zu bekannt/);
    expect(passwordProblem("aaaaaaaaaaaaaaa", account)).toMatch(/^ist zu bekannt/);
    expect(passwordProblem("12345678901234", account)).toMatch(/^ist zu bekannt/);
    expect(passwordProblem("zhanna.kovalchuk2026", account)).toBe("darf nicht die E-Mail-Adresse enthalten");
    expect(passwordProblem("Ковальчук на Рейне", account)).toBe("darf nicht Ihren Namen enthalten");
    expect(passwordProblem("Brücke über die Rems 2026", account)).toBeNull();
  });
});
