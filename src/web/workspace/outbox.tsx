/**
 * The workspace's outbox: every mail of the body, or of one meeting (on its invitation page), with what became of it;
 * "Erneut senden" for a mail that was sent or failed. Without a mail server the mails are shown as not sent.
 */
import { Hono } from "hono";
import { mailContext, serviceContext, type AppEnv } from "../../http/context";
import { Problem } from "../../errors";
import { statusOf } from "../../http/problem";
import { dateOf, timeOf } from "../../rules/calendar";
import { sendAmendment } from "../../services/meetings/invitations";
import { listOutbox, resendMail } from "../../services/mail/outbox";
import { Badge, Notice, Table } from "../components/ui";
import { enter, errorPage, page } from "../kit/page";
import type { Ctx } from "../kit/render";
import { scopedPath } from "../kit/urls";
import { m } from "../messages";
import { WorkspaceLayout } from "./layout";
import { meetingPath } from "./meeting-shared";

const t = m.workspace.outbox;

export type OutboxLine = Awaited<ReturnType<typeof listOutbox>>[number];

const at = (instant: Date) => `${dateOf(instant)}, ${timeOf(instant)}`;

function stateOf(mail: OutboxLine, serverConfigured: boolean) {
  if (mail.state === "sent") return <Badge tone="success">{t.sent(at(mail.sentAt!))}</Badge>;
  if (mail.state === "failed") return <Badge tone="danger">{t.failed(mail.lastError ?? "")}</Badge>;
  if (mail.state === "sending") return <Badge>{t.sending}</Badge>;
  if (!serverConfigured) return <Badge tone="warning">{t.noServer}</Badge>;
  if (mail.attempts > 0) return <Badge tone="warning">{t.retry(mail.attempts, at(mail.nextAttemptAt), mail.lastError ?? "")}</Badge>;
  return <Badge>{t.waiting}</Badge>;
}

/** "31 E-Mails: 29 an den Mailserver übergeben, 2 fehlgeschlagen." */
function summary(mails: OutboxLine[], serverConfigured: boolean) {
  const count = (states: string[]) => mails.filter((mail) => states.includes(mail.state)).length;
  const waiting = count(["pending", "sending"]);
  const parts = [
    [count(["sent"]), t.counts.sent],
    [waiting, serverConfigured ? t.counts.waiting : t.counts.unsent],
    [count(["failed"]), t.counts.failed],
  ] as const;
  return t.summary(
    mails.length,
    parts.filter(([n]) => n > 0).map(([n, text]) => text(n)),
  );
}

/** The mails as a table: recipient, kind, subject, what became of it, and a resend button where it makes sense. */
export function OutboxTable({ mails, serverConfigured, back }: { mails: OutboxLine[]; serverConfigured: boolean; back: string }) {
  if (mails.length === 0) return <p>{t.none}</p>;
  return (
    <>
      {serverConfigured ? null : <Notice text={t.noServerText} tone="warning" />}
      <p>{summary(mails, serverConfigured)}</p>
      <Table
        stacked
        label={t.title}
        heads={t.heads}
        rows={mails.map((mail) => [
          <>
            {mail.recipientName}
            <br />
            <span class="kern-text kern-text--small">{mail.recipientEmail}</span>
          </>,
          t.kinds[mail.kind] ?? mail.kind,
          mail.subject,
          stateOf(mail, serverConfigured),
          mail.state === "sent" || mail.state === "failed" ? (
            <form method="post" action={`/verwaltung/postausgang/${mail.id}/erneut`}>
              <input type="hidden" name="zurueck" value={back} />
              <button class="kern-btn kern-btn--secondary" type="submit" aria-label={t.resendOf(mail.recipientName)}>
                <span class="kern-label">{t.resend}</span>
              </button>
            </form>
          ) : (
            ""
          ),
        ])}
      />
    </>
  );
}

/** Whether this installation has a mail server: without one, the mails wait and are shown as not sent. */
export const serverConfigured = (c: Ctx) => Boolean(c.get("deps").mail?.transport);

/** A post that acts and goes back (post/redirect/get); a refusal is the error page, in German, with its status. */
async function act(c: Ctx, run: () => Promise<string>) {
  const entered = await enter(c, "secretariat");
  if ("response" in entered) return entered.response;
  try {
    return c.redirect(await run(), 303);
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    return errorPage(c, statusOf(error), entered.scope);
  }
}

/** Only a path of the workspace to go back to, never another site. */
const backTo = (value: unknown, fallback: string) =>
  typeof value === "string" && /^\/verwaltung(\/[\w\-/]*)?(\?k=[\w-]+)?$/.test(value) ? value : fallback;

export const outboxPages = new Hono<AppEnv>()
  .get(
    "/verwaltung/postausgang",
    page({
      access: "secretariat",
      load: async (c, scope, ctx) => ({
        mails: await listOutbox(ctx, scope.body.id),
        configured: serverConfigured(c),
        resent: c.req.query("erneut") !== undefined,
      }),
      view: ({ mails, configured, resent }, scope) => (
        <WorkspaceLayout title={t.title} scope={scope} area="outbox">
          <h1 class="kern-heading-large">{t.title}</h1>
          <Notice text={resent ? t.resent : undefined} />
          <p>{t.intro}</p>
          <OutboxTable mails={mails} serverConfigured={configured} back={scopedPath("/verwaltung/postausgang", scope)} />
        </WorkspaceLayout>
      ),
    }),
  )
  .post("/verwaltung/postausgang/:id/erneut", (c) =>
    act(c, async () => {
      const form = await c.req.parseBody();
      await resendMail(serviceContext(c), c.req.param("id"));
      const back = backTo(form.zurueck, "/verwaltung/postausgang");
      return `${back}${back.includes("?") ? "&" : "?"}erneut`;
    }),
  )
  .post("/verwaltung/sitzungen/:id/nachtrag", (c) =>
    act(c, async () => {
      await sendAmendment(serviceContext(c), c.req.param("id"), mailContext(c));
      return `${meetingPath(c.req.param("id"))}/einladung?nachtrag`;
    }),
  );
