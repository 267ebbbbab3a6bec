/**
 * Mail on Node: nodemailer's SMTP transport from SMTP_URL, and the sender's loop in the process, which sends what is
 * due every so many seconds and at once after a write that queued mail.
 */
import nodemailer from "nodemailer";
import { MailDeliveryError, isPermanentReply, smtpSettings, type MailTransport } from "../mail/message";

export function nodeMailTransport(url: string): MailTransport {
  const settings = smtpSettings(url);
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? "" } } : {}),
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(message) {
      try {
        await transport.sendMail({
          from: { name: message.from.name, address: message.from.email },
          to: { name: message.to.name, address: message.to.email },
          subject: message.subject,
          text: message.text,
          html: message.html,
          // nodemailer writes Message-ID and Date itself, from these.
          headers: Object.fromEntries(Object.entries(message.headers).filter(([name]) => name !== "Message-ID" && name !== "Date")),
          messageId: message.headers["Message-ID"],
          date: message.headers.Date,
          attachments: message.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: Buffer.from(a.content),
          })),
        });
      } catch (error) {
        const failure = error as Error & { responseCode?: number; code?: string };
        throw new MailDeliveryError(failure.message, isPermanentReply(failure.responseCode) || failure.code === "EENVELOPE");
      }
    },
  };
}
