/**
 * Password hashing with scrypt from node:crypto, which runs natively on Node and on Workers with nodejs_compat.
 * Parameters N=2^14, r=8, p=5 (OWASP's equivalent of N=2^17, p=1, within the Worker's 32 MiB default `maxmem`),
 * a 16-byte salt and a 32-byte key, stored as `scrypt$N$r$p$salt$key` (base64), so that the parameters can be
 * raised later and old hashes upgraded at sign-in. Keys are compared in constant time.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from "node:crypto";
import leaked from "../generated/common-passwords.json";
import { Problem } from "../errors";

export const SCRYPT = { N: 2 ** 14, r: 8, p: 5, keyLength: 32, saltLength: 16 } as const;

function scrypt(password: string, salt: Buffer, params: { N: number; r: number; p: number }, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize("NFC"), salt, keyLength, { ...params, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltLength);
  const key = await scrypt(password, salt, SCRYPT, SCRYPT.keyLength);
  return ["scrypt", SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString("base64"), key.toString("base64")].join("$");
}

/** How many seconds a client refused for lack of hashing capacity should wait (Retry-After). */
export const HASHING_RETRY_SECONDS = 5;

/**
 * Bounds the password checks one process (or Worker isolate) runs at once, so that a flood of sign-ins cannot
 * starve everything else: on Node, scrypt runs on libuv's four threads, which reading static files needs too; on
 * Workers it does not leave the request's thread. A few checks run, a few wait their turn, and the rest are
 * refused at once as unavailable, to try again after `HASHING_RETRY_SECONDS`.
 */
export class HashingSlots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency = 1,
    readonly queue = 4,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) this.running++;
    else if (this.waiting.length < this.queue) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else
      throw new Problem("unavailable", "Gerade melden sich zu viele Personen gleichzeitig an. Bitte versuchen Sie es gleich noch einmal.", {
        retryAfter: HASHING_RETRY_SECONDS,
      });
    try {
      return await work();
    } finally {
      // A waiting check takes over the slot; otherwise it is free.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/**
 * Whether the password matches the stored hash, and whether the hash should be replaced because its parameters
 * are below today's. A malformed hash never matches.
 */
export async function verifyPassword(password: string, stored: string): Promise<{ ok: boolean; rehash: boolean }> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (scheme !== "scrypt" || !salt || !key || !Object.values(params).every((v) => Number.isSafeInteger(v) && v > 0)) {
    return { ok: false, rehash: false };
  }
  const expected = Buffer.from(key, "base64");
  const actual = await scrypt(password, Buffer.from(salt, "base64"), params, expected.length);
  const ok = actual.length === expected.length && timingSafeEqual(actual, expected);
  const rehash = params.N < SCRYPT.N || params.r < SCRYPT.r || params.p < SCRYPT.p;
  return { ok, rehash: ok && rehash };
}

/**
 * Common and leaked passwords of 12 characters and more, lower case: those of @zxcvbn-ts/language-common's ranked
 * list (extracted after install by scripts/build-password-list.ts), and German ones its list lacks.
 */
const COMMON = new Set([
  ...leaked,
  "123456789012",
  "1234567890123",
  "12345678901234",
  "123456123456",
  "111111111111",
  "000000000000",
  "password1234",
  "passwort1234",
  "passwort12345",
  "password12345",
  "qwertzuiop12",
  "qwertyuiop12",
  "qwertzuiopü",
  "qwertyuiopasdf",
  "asdfghjklöä",
  "hallo1234567",
  "hallohallo12",
  "iloveyou1234",
  "ichliebedich",
  "ichliebedich1",
  "schalke04schalke",
  "fussball1234",
  "sommer2024!!",
  "sommer2025!!",
  "sommer2026!!",
  "winter2025!!",
  "winter2026!!",
  "willkommen123",
  "willkommen1234",
  "passwortpasswort",
  "passwordpassword",
  "administrator",
  "administrator1",
  "gremium12345",
  "integration1",
  "abcdefghijkl",
  "abcd1234abcd",
  "letmein12345",
  "changeme1234",
  "geheim123456",
  "geheimgeheim",
]);

/**
 * Why a new password is refused (NIST SP 800-63B), in German, or null when it is fine: at least 12 and at most 256
 * characters, any character allowed; not a common or leaked password, not the address or name of the account, not
 * one character repeated. No composition rules, no rotation.
 */
export function passwordProblem(password: string, account: { email: string; names?: string[] }): string | null {
  const length = [...password.normalize("NFC")].length;
  if (length < 12) return "muss mindestens 12 Zeichen lang sein";
  if (length > 256) return "darf höchstens 256 Zeichen lang sein";
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/u.test(password) || /^(0123456789|1234567890|9876543210)+\d*$/.test(password)) {
    return "ist zu bekannt; wählen Sie ein anderes, zum Beispiel einen Satz aus mehreren Wörtern";
  }
  const local = account.email.toLowerCase().split("@")[0] ?? "";
  if (lower === account.email.toLowerCase() || (local.length >= 4 && lower.includes(local))) {
    return "darf nicht die E-Mail-Adresse enthalten";
  }
  for (const name of account.names ?? []) {
    if (name.length >= 4 && lower.includes(name.toLowerCase())) return "darf nicht Ihren Namen enthalten";
  }
  return null;
}
