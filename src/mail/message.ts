/**
 * A mail as the transports send it, the transport port that both runtimes implement (nodemailer on Node, SMTP over
 * `cloudflare:sockets` on Workers), and the settings read from SMTP_URL.
 */

export interface MailAddress {
  name: string;
  email: string;
}

export interface MailMessage {
  from: MailAddress;
  to: MailAddress;
  subject: string;
  text: string;
  html: string;
  /** Message-ID, Date, Auto-Submitted and, where the recipient may opt out, List-Unsubscribe. */
  headers: Record<string, string>;
  attachments: { filename: string; contentType: string; content: Uint8Array }[];
}

/** Sends one mail; throws a MailDeliveryError when the server refuses it or cannot be reached. */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

/** A failed delivery: permanent (the server refused with 5xx, the address is invalid) or worth trying again. */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = "MailDeliveryError";
  }
}

/** Whether an SMTP reply, as a transport reports it, is a permanent refusal (RFC 5321, 4.2.1: 5yz). */
export function isPermanentReply(reply: string | number | undefined): boolean {
  if (typeof reply === "number") return reply >= 500 && reply < 600;
  return reply !== undefined && /(^|\s)5[0-5]\d([\s-]|$)/.test(reply);
}

/** The SMTP server of SMTP_URL: smtp:// (STARTTLS whenever the server offers it) or smtps:// (TLS from the start). */
export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
}

export function smtpSettings(url: string): SmtpSettings {
  const parsed = new URL(url);
  const secure = parsed.protocol === "smtps:";
  if (!secure && parsed.protocol !== "smtp:") throw new Error("SMTP_URL must begin with smtp:// or smtps://");
  if (!parsed.hostname) throw new Error("SMTP_URL must name a host");
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ""),
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    ...(parsed.username ? { user: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) } : {}),
  };
}

/**
 * A value for a mail header: one line, without control characters, so that text the secretariat typed (a subject, a
 * name) can never add a header or end the header block.
 */
export function headerValue(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are what must go
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ").trim();
}

/** "Geschäftsstelle <gremium@example.de>" or "gremium@example.de" (MAIL_FROM) as a name and an address. */
export function parseMailFrom(value: string): MailAddress {
  const match = /^\s*(.*?)\s*<([^<>]+)>\s*$/.exec(value);
  return match ? { name: headerValue(match[1] ?? ""), email: match[2]!.trim() } : { name: "", email: value.trim() };
}
