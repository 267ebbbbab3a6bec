/**
 * A real SMTP server in the test process (smtp-server), which keeps what arrives, parsed by mailparser. It can refuse
 * recipients with a permanent 550, and be started late, on a port chosen before, to play a server that was down.
 */
import { createServer, type Server } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface TestSmtp {
  url: string;
  port: number;
  received: ParsedMail[];
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A free port on loopback, to start a server on later. */
async function freePort(): Promise<number> {
  const probe: Server = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export async function testSmtp(options: { refuse?: (address: string) => boolean; startNow?: boolean } = {}): Promise<TestSmtp> {
  const port = await freePort();
  const received: ParsedMail[] = [];
  let server: SMTPServer | undefined;
  const smtp: TestSmtp = {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    async start() {
      server = new SMTPServer({
        // worker-mailer gives up on a server that offers AUTH without credentials; plain SMTP on loopback.
        disabledCommands: ["STARTTLS", "AUTH"],
        logger: false,
        onRcptTo(address, _session, callback) {
          if (options.refuse?.(address.address)) {
            const error = new Error("Mailbox unavailable") as Error & { responseCode: number };
            error.responseCode = 550;
            return callback(error);
          }
          callback();
        },
        onData(stream, _session, callback) {
          simpleParser(stream)
            .then((mail) => {
              received.push(mail);
              callback();
            })
            .catch(callback);
        },
      });
      await new Promise<void>((resolve) => server!.listen(port, "127.0.0.1", resolve));
    },
    async stop() {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
  };
  if (options.startNow ?? true) await smtp.start();
  return smtp;
}
