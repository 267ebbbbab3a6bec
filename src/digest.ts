/** Hashes as lowercase hex, with Web Crypto (the same on Node and Workers): checksums, ETags, derived ids. */
export async function hexDigest(algorithm: "SHA-256" | "SHA-512", data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest(algorithm, bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}
