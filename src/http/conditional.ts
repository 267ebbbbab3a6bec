/**
 * Sending a file (a PDF, an attachment, an OParl file) with its validators, and answering a conditional GET: a
 * strong ETag from the bytes (or the one given), Last-Modified where the time of the last change is known,
 * If-None-Match before If-Modified-Since (RFC 9110, 13.2.2), 304 without a body, and the Content-Length.
 */
import type { Context } from "hono";
import { hexDigest } from "../digest";

export interface FileAnswer {
  bytes: Uint8Array;
  contentType: string;
  filename: string;
  disposition?: "inline" | "attachment";
  /** A strong validator known without hashing (an attachment's stored digest); by default a hash of the bytes. */
  etag?: string;
  lastModified?: Date;
  /** Further headers: caching, CORS, digests. */
  headers?: Record<string, string>;
}

/** RFC 6266: an ASCII fallback and the UTF-8 name; quotes, backslashes and line breaks cannot break out. */
export function contentDisposition(disposition: "inline" | "attachment", filename: string): string {
  const name = filename.replace(/["\\\r\n]/g, "_");
  const ascii = name.replace(/[^\x20-\x7e]/g, "_");
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function sendFile(c: Context, file: FileAnswer): Promise<Response> {
  const etag = file.etag ?? `"${(await hexDigest("SHA-256", file.bytes)).slice(0, 32)}"`;
  const modified = file.lastModified ? new Date(Math.floor(file.lastModified.getTime() / 1000) * 1000) : undefined;
  const headers: Record<string, string> = {
    "cache-control": "private, no-cache",
    ...file.headers,
    etag,
    ...(modified ? { "last-modified": modified.toUTCString() } : {}),
  };
  const ifNoneMatch = c.req.header("if-none-match");
  const ifModifiedSince = c.req.header("if-modified-since");
  const notModified = ifNoneMatch
    ? ifNoneMatch.split(",").some((tag) => [etag, `W/${etag}`, "*"].includes(tag.trim()))
    : modified !== undefined &&
      ifModifiedSince !== undefined &&
      !Number.isNaN(Date.parse(ifModifiedSince)) &&
      Date.parse(ifModifiedSince) >= modified.getTime();
  if (notModified) return c.body(null, 304, headers);
  return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
    ...headers,
    "content-type": file.contentType,
    "content-length": String(file.bytes.byteLength),
    "content-disposition": contentDisposition(file.disposition ?? "inline", file.filename),
    "x-content-type-options": "nosniff",
  });
}

/** A PDF, shown in the browser. */
export const sendPdf = (c: Context, bytes: Uint8Array, filename: string) =>
  sendFile(c, { bytes, contentType: "application/pdf", filename });

const hexToBase64 = (hex: string) => btoa(String.fromCharCode(...(hex.match(/../g) ?? []).map((pair) => Number.parseInt(pair, 16))));

/** An attachment of a paper, as a download, with its stored digest as validator and as Repr-Digest (RFC 9530). */
export function sendAttachment(
  c: Context,
  attachment: { contentType: string; filename: string; sha512: string },
  bytes: Uint8Array,
): Promise<Response> {
  return sendFile(c, {
    bytes,
    contentType: attachment.contentType,
    filename: attachment.filename,
    disposition: "attachment",
    etag: `"${attachment.sha512.slice(0, 32)}"`,
    headers: { "repr-digest": `sha-512=:${hexToBase64(attachment.sha512)}:` },
  });
}
