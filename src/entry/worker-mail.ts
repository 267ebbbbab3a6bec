/**
 * Mail on Workers: SMTP over `cloudflare:sockets` with worker-mailer, one connection per mail. (Production Workers may
 * not connect to port 25; a submission port, 587 or 465, is what a municipal mail server offers its applications.)
 */
import { MailDeliveryError, isPermanentReply, smtpSettings, type MailTransport } from "../mail/message";

const toBase64 = (bytes: Uint8Array) => {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

export function workerMailTransport(url: string): MailTransport {
  const settings = smtpSettings(url);
  return {
    async send(message) {
      try {
        // Loaded when the first mail goes: it imports `cloudflare:sockets`, which only workerd has (the tests of the
        // Worker's entry load it on Node).
        const { WorkerMailer } = await import("worker-mailer");
        await WorkerMailer.send(
          {
            host: settings.host,
            port: settings.port,
            secure: settings.secure,
            startTls: !settings.secure,
            ...(settings.user ? { credentials: { username: settings.user, password: settings.password ?? "" } } : {}),
            authType: ["plain", "login"],
            socketTimeoutMs: 30_000,
            responseTimeoutMs: 60_000,
          },
          {
            from: message.from.name ? message.from : message.from.email,
            to: message.to,
            subject: message.subject,
            text: message.text,
            html: message.html,
            headers: message.headers,
            attachments: message.attachments.map((a) => ({ filename: a.filename, mimeType: a.contentType, content: toBase64(a.content) })),
          },
        );
      } catch (error) {
        // worker-mailer reports the server's reply in the message ("Invalid RCPT TO: <…> 550 …").
        const text = error instanceof Error ? error.message : String(error);
        throw new MailDeliveryError(text, isPermanentReply(text));
      }
    },
  };
}
