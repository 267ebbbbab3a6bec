/** Bearer tokens: a random secret shown once, stored only as its SHA-256 hash. */
import { hexDigest } from "../digest";

const PREFIX = "grm_";

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** A new secret with 256 bits of randomness. */
export function generateTokenSecret(): string {
  return PREFIX + base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The stored form of a secret. A fast hash is right here: the secret is random, not a password. */
export async function hashTokenSecret(secret: string): Promise<string> {
  return hexDigest("SHA-256", secret);
}

/** Compares two secrets without leaking where they differ, by comparing their hashes. */
export async function secretsEqual(a: string, b: string): Promise<boolean> {
  const [ha, hb] = await Promise.all([hashTokenSecret(a), hashTokenSecret(b)]);
  let diff = 0;
  for (let i = 0; i < ha.length; i++) diff |= ha.charCodeAt(i) ^ hb.charCodeAt(i);
  return diff === 0;
}
