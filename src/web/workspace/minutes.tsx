/**
 * The minutes in the secretariat's workspace: the computed header, an editor per item, the revisions with a diff,
 * circulation, the committee's decision on each objection, signatures given on paper, and the steps to final and
 * published. Final minutes say so and offer no edit control.
 */
import { Hono } from "hono";
import { z } from "zod";
import { fieldProblem } from "../../errors";
import { mailContext, type AppEnv } from "../../http/context";
import { berlinDateOf, berlinWallClockToInstant, dateOf, timeOf } from "../../rules/calendar";
import { MINUTES_STATES, minutesStateName, type MinutesState, type SignatureRole } from "../../rules/minutes";
import { ZCalendarDate } from "../../schemas/common";
import { loadMeetingRecord } from "../../services/meetings/meeting-record";
import { decideObjection, signMinutes, signersOf } from "../../services/minutes/minutes-approval";
import { minutesOfRecord, isSealed, minutesHistory, saveItemNotes, transitionMinutes } from "../../services/minutes/minutes";
import type { ServiceContext } from "../../services/context";
import { assertManages } from "../../services/access";
import {
  Badge,
  CheckboxField,
  ChoiceField,
  DateField,
  ErrorSummary,
  InputField,
  Notice,
  SubmitButton,
  TextareaField,
} from "../components/ui";
import { form, type FormViewProps } from "../kit/form";
import { page } from "../kit/page";
import type { Scope } from "../kit/urls";
import { m } from "../messages";
import { SIGNER } from "../../documents/labels";
import { MinutesHeader, MinutesItems } from "../portal/minutes";
import { WorkspaceLayout } from "./layout";
import { ZTime, meetingName, meetingPath, when } from "./meeting-shared";

const n = m.workspace.minutesDesk;
const minutesPath = (meetingId: string) => `${meetingPath(meetingId)}/niederschrift`;

async function loadDesk(c: { req: { param: (name: string) => string | undefined } }, _scope: unknown, ctx: ServiceContext) {
  const meetingId = c.req.param("id") ?? "";
  const record = await loadMeetingRecord(ctx, meetingId);
  assertManages(ctx, record.meeting.committee.bodyId);
  const minutes = await minutesOfRecord(ctx, record);
  const now = { date: berlinDateOf(ctx.now), time: timeOf(ctx.now).slice(0, 5) };
  return { meeting: record.meeting, minutes, signers: signersOf(record), sealed: isSealed(record.minutes), now };
}
type Desk = Awaited<ReturnType<typeof loadDesk>>;

const NEXT: Record<MinutesState, MinutesState | null> = { draft: "circulated", circulated: "final", final: "published", published: null };

function DeskLayout(props: { scope: Scope; meeting: Desk["meeting"]; title: string; trail?: string; children: unknown }) {
  const { meeting } = props;
  return (
    <WorkspaceLayout
      title={`${props.title}: ${meetingName(meeting)}`}
      scope={props.scope}
      area="meetings"
      trail={[
        { text: meeting.title, href: meetingPath(meeting.id) },
        ...(props.trail ? [{ text: n.title, href: minutesPath(meeting.id) }, { text: props.trail }] : [{ text: n.title }]),
      ]}
    >
      <p class="kern-subline">{`${meetingName(meeting)}, ${when(meeting)}`}</p>
      {props.children as never}
    </WorkspaceLayout>
  );
}

/** Which of the desk's forms a post came from, so that its input and errors show in that form and no other. */
type Posted = { form?: string };

function DeskPage(props: FormViewProps<Desk> & Posted) {
  const { data, scope, values, errors } = props;
  const { minutes, meeting } = data;
  const state = minutes.state as MinutesState;
  const held = meeting.state === "held" || meeting.state === "closed";
  const next = NEXT[state];
  const mine = (name: string) => (props.form === name ? { values, errors } : { values: {}, errors: {} });
  const signatureForm = mine("unterschrift");
  return (
    <DeskLayout scope={scope} meeting={meeting} title={n.title}>
      <h1 class="kern-heading-large">{n.title}</h1>
      <p>
        <Badge tone={state === "published" || state === "final" ? "success" : "info"}>{`${n.state}: ${minutesStateName(state)}`}</Badge>
      </p>
      <Notice text={props.confirmation} />
      <Notice text={props.notice} tone="warning" />
      {data.sealed ? <Notice text={n.sealed} tone="warning" /> : null}
      {minutes.warnings.map((warning) => (
        <Notice text={warning} tone="warning" />
      ))}
      <ul class="inline-links">
        <li>
          <a href={`${minutesPath(meeting.id)}/verlauf`}>{n.history}</a>
        </li>
        <li>
          <a href={`/sitzungen/${meeting.id}/niederschrift.pdf`}>{n.pdf}</a>
        </li>
        <li>
          <a href={`${meetingPath(meeting.id)}/live`}>{m.workspace.meetings.live}</a>
        </li>
      </ul>
      <h2 class="kern-heading-medium">{n.header}</h2>
      <MinutesHeader header={minutes.header} />
      {data.sealed || !held || state !== "draft" ? (
        <MinutesItems items={minutes.items} scope={scope} />
      ) : (
        minutes.items.map((item) => {
          const own: { values: Record<string, string>; errors: Record<string, string> } =
            `notes-${item.itemId}` in values || `notes-${item.itemId}` in errors ? { values, errors } : { values: {}, errors: {} };
          return (
            <section class="minutes-item" aria-labelledby={`top-${item.itemId}`}>
              <h3 class="kern-heading-small" id={`top-${item.itemId}`}>
                {`${item.number} ${item.title}`}
              </h3>
              {[...item.recusals, ...item.statements, ...item.votes.map((v) => `${v.motion}: ${v.explanation}`)].map((text) => (
                <p>{text}</p>
              ))}
              {item.resolutions.map((r) => (
                <p>
                  <a href={`/verwaltung/beschluesse/${r.id}`}>{`${r.label} ${r.number}`}</a>
                </p>
              ))}
              <ErrorSummary errors={own.errors} />
              <form method="post" action={`${minutesPath(meeting.id)}/punkte/${item.itemId}`} class="form" novalidate>
                <input type="hidden" name="version" value={own.values.version ?? String(minutes.version)} />
                <TextareaField
                  id={`notes-${item.itemId}`}
                  label={n.notesOf(item.number)}
                  value={own.values[`notes-${item.itemId}`] ?? item.notes ?? ""}
                  error={own.errors[`notes-${item.itemId}`]}
                  rows={6}
                />
                <SubmitButton label={n.saveNotes(item.number)} />
              </form>
            </section>
          );
        })
      )}
      <h2 class="kern-heading-medium">{n.objections}</h2>
      {minutes.objections.length === 0 ? <p>{n.noObjections}</p> : null}
      {minutes.objections.map((objection) => (
        <section class="objection" aria-label={n.objectionBy(objection.name)}>
          <p>
            <strong>{`${objection.name}, ${dateOf(objection.filedAt)}:`}</strong> {objection.text}
          </p>
          {objection.decision ? (
            <p>{`${n.decided}: ${n.decisions[objection.decision]}${objection.decisionNote ? ` (${objection.decisionNote})` : ""}`}</p>
          ) : data.sealed ? null : (
            <form method="post" action={`${minutesPath(meeting.id)}/einwaende/${objection.id}`} class="form" novalidate>
              <ChoiceField
                id={`decision-${objection.id}`}
                label={n.decision}
                emptyLabel={n.chooseDecision}
                options={[
                  { value: "accepted", label: n.decisions.accepted! },
                  { value: "rejected", label: n.decisions.rejected! },
                ]}
                value={values[`decision-${objection.id}`]}
                error={errors[`decision-${objection.id}`]}
              />
              <InputField id={`note-${objection.id}`} label={n.decisionNote} type="text" value={values[`note-${objection.id}`]} />
              <SubmitButton label={n.decide} />
            </form>
          )}
        </section>
      ))}
      <h2 class="kern-heading-medium">{n.signatures}</h2>
      {minutes.signatures.length === 0 ? <p>{n.noSignatures}</p> : null}
      <ul>
        {minutes.signatures.map((s) => (
          <li>{`${s.name} (${SIGNER[s.role]}), ${dateOf(s.signedAt)} ${timeOf(s.signedAt)}${s.onPaper ? `, ${n.onPaper}` : ""}`}</li>
        ))}
      </ul>
      {minutes.missingSignatures.length > 0 ? <p>{`${n.missing}: ${minutes.missingSignatures.join(", ")}.`}</p> : null}
      {state === "circulated" ? (
        <>
          <h3 class="kern-heading-small">{n.paperSignature}</h3>
          <ErrorSummary errors={signatureForm.errors} />
          <form method="post" action={`${minutesPath(meeting.id)}/unterschrift`} class="form" novalidate>
            <ChoiceField
              id="signer"
              label={n.signer}
              emptyLabel={n.chooseSigner}
              options={data.signers.flatMap((s) =>
                s.roles.map((role) => ({ value: `${s.personId}:${role}`, label: `${s.name} (${SIGNER[role]})` })),
              )}
              value={signatureForm.values.signer}
              error={signatureForm.errors.signer}
            />
            <DateField id="date" label={n.signedOn} value={signatureForm.values.date ?? data.now.date} error={signatureForm.errors.date} />
            <InputField
              id="time"
              label={n.signedAt}
              type="time"
              hint={n.timeHint}
              value={signatureForm.values.time ?? data.now.time}
              error={signatureForm.errors.time}
            />
            <SubmitButton label={n.recordSignature} />
          </form>
        </>
      ) : null}
      {next && held ? (
        <section aria-labelledby="naechster-schritt">
          <h2 class="kern-heading-medium" id="naechster-schritt">
            {n.steps[next]}
          </h2>
          <p>{n.stepTexts[next]}</p>
          <ErrorSummary errors={mine("schritt").errors} />
          <form method="post" action={`${minutesPath(meeting.id)}/schritt`} class="form">
            <input type="hidden" name="version" value={String(minutes.version)} />
            <input type="hidden" name="to" value={next} />
            {next === "circulated" ? (
              <fieldset class="kern-fieldset">
                <legend class="kern-label">{n.memberSigners}</legend>
                <div class="kern-fieldset__body">
                  <p class="kern-hint">{n.memberSignersHint}</p>
                  {memberSigners(data).map((signer) => (
                    <CheckboxField
                      id={`signer-${signer.personId}`}
                      label={signer.name}
                      checked={values[`signer-${signer.personId}`] === "ja"}
                      error={errors[`signer-${signer.personId}`]}
                    />
                  ))}
                </div>
              </fieldset>
            ) : null}
            <SubmitButton label={n.steps[next]!} primary />
          </form>
        </section>
      ) : null}
    </DeskLayout>
  );
}

const confirmations = {
  gespeichert: n.saved,
  circulated: n.done.circulated,
  final: n.done.final,
  published: n.done.published,
  entschieden: n.decidedNotice,
  unterschrieben: n.signedNotice,
};

const meetingOf = (c: { req: { param: (name: string) => string | undefined } }) => c.req.param("id") ?? "";
const back = (data: Desk, key: string) => `${minutesPath(data.meeting.id)}?${key}`;

const desk = page({
  access: "secretariat",
  load: async (c, scope, ctx) => ({
    data: await loadDesk(c, scope, ctx),
    confirmation: Object.entries(confirmations).find(([key]) => c.req.query(key) !== undefined)?.[1],
  }),
  view: ({ data, confirmation }, scope) => <DeskPage scope={scope} data={data} values={{}} errors={{}} confirmation={confirmation} />,
});

const notesForm = form({
  access: "secretariat",
  schema: z.object({ version: z.coerce.number().int().min(0) }).catchall(z.string().max(100_000)),
  labels: (data: Desk) => Object.fromEntries(data.minutes.items.map((item) => [`notes-${item.itemId}`, n.notesOf(item.number)])),
  load: loadDesk,
  initial: (data) => ({ version: String(data.minutes.version) }),
  view: (props) => <DeskPage {...props} form="punkte" />,
  submit: async (input, ctx, _scope, data, c) => {
    const itemId = c.req.param("item") ?? "";
    await saveItemNotes(ctx, data.meeting.id, itemId, input.version, String(input[`notes-${itemId}`] ?? ""));
    return data;
  },
  done: (data) => back(data, "gespeichert"),
});

/** Who may sign as a member: those who took part, the chair and the minute-taker apart (they sign as such). */
const memberSigners = (data: Desk) =>
  data.signers.filter((s) => s.roles.includes("member") && !s.roles.includes("chair") && !s.roles.includes("minute_taker"));

const stepForm = form({
  access: "secretariat",
  schema: z.object({ version: z.coerce.number().int().min(0), to: z.enum(MINUTES_STATES) }).catchall(z.literal("ja")),
  labels: (data: Desk) => ({
    to: n.state,
    ...Object.fromEntries(memberSigners(data).map((s) => [`signer-${s.personId}`, s.name])),
  }),
  load: loadDesk,
  initial: (data) => ({ version: String(data.minutes.version) }),
  view: (props) => <DeskPage {...props} form="schritt" />,
  submit: async ({ version, to, ...ticked }, ctx, _scope, data, c) => {
    const signers = memberSigners(data).flatMap((s) => (ticked[`signer-${s.personId}`] === "ja" ? [s.personId] : []));
    if (signers.length > 2)
      throw fieldProblem(`signer-${signers[2]}`, "ist eines zu viel: zwei Mitglieder unterschreiben (§ 38 Abs. 2 GemO)");
    await transitionMinutes(ctx, data.meeting.id, version, to, mailContext(c), signers.length > 0 ? signers : undefined);
    return { data, to };
  },
  done: ({ data, to }) => back(data, to),
});

const objectionForm = form({
  access: "secretariat",
  schema: z.object({}).catchall(z.string().max(2000)),
  labels: (data: Desk) =>
    Object.fromEntries(
      data.minutes.objections.flatMap((o) => [
        [`decision-${o.id}`, n.decision],
        [`note-${o.id}`, n.decisionNote],
      ]),
    ),
  load: loadDesk,
  view: (props) => <DeskPage {...props} form="einwand" />,
  submit: async (input, ctx, _scope, data, c) => {
    const id = c.req.param("objection") ?? "";
    const decision = input[`decision-${id}`];
    if (decision !== "accepted" && decision !== "rejected") throw fieldProblem(`decision-${id}`, "fehlt");
    const note = input[`note-${id}`]?.trim();
    await decideObjection(ctx, id, decision, note || undefined);
    return data;
  },
  done: (data) => back(data, "entschieden"),
});

const signatureForm = form({
  access: "secretariat",
  schema: z.object({ signer: z.string().regex(/^[\w-]+:(chair|member|minute_taker)$/, "fehlt"), date: ZCalendarDate, time: ZTime }),
  labels: { signer: n.signer, date: n.signedOn, time: n.signedAt },
  // The service names who signs and when; the form has one choice for who and as what, and a date and a time.
  fieldsOf: { personId: "signer", role: "signer", signedAt: "date" },
  load: loadDesk,
  initial: () => ({}),
  view: (props) => <DeskPage {...props} form="unterschrift" />,
  submit: async ({ signer, date, time }, ctx, _scope, data) => {
    const [personId, role] = signer.split(":") as [string, SignatureRole];
    const signedAt = berlinWallClockToInstant(date, time).toISOString();
    await signMinutes(ctx, data.meeting.id, { role, personId, signedAt });
    return data;
  },
  done: (data) => back(data, "unterschrieben"),
});

function HistoryPage({ scope, data }: { scope: Scope; data: Awaited<ReturnType<typeof loadHistory>> }) {
  const { meeting, history } = data;
  // Numbered, since several saves can share a minute.
  const at = (id: number | null) => {
    const index = history.revisions.findIndex((r) => r.id === id);
    const revision = history.revisions[index];
    return revision ? n.revision(index + 1, `${dateOf(revision.at)}, ${timeOf(revision.at)}`, revision.actorName) : "";
  };
  return (
    <DeskLayout scope={scope} meeting={meeting} title={n.history} trail={n.history}>
      <h1 class="kern-heading-large">{n.history}</h1>
      {history.revisions.length === 0 ? (
        <p>{n.noRevisions}</p>
      ) : (
        <>
          <form method="get" action={`${minutesPath(meeting.id)}/verlauf`} class="form">
            <ChoiceField
              id="von"
              label={n.from}
              options={history.revisions.map((r) => ({ value: String(r.id), label: at(r.id) }))}
              value={String(history.from)}
            />
            <ChoiceField
              id="bis"
              label={n.to}
              options={history.revisions.map((r) => ({ value: String(r.id), label: at(r.id) }))}
              value={String(history.to)}
            />
            <SubmitButton label={n.compare} />
          </form>
          <h2 class="kern-heading-medium">{n.changes(at(history.from), at(history.to))}</h2>
          <p>{n.diffLegend}</p>
          <div class="diff">
            {history.diff.map((part) =>
              part.added ? (
                <ins>
                  <span class="visually-hidden">{n.added}</span>
                  {part.text}
                </ins>
              ) : part.removed ? (
                <del>
                  <span class="visually-hidden">{n.removed}</span>
                  {part.text}
                </del>
              ) : (
                <span>{part.text}</span>
              ),
            )}
          </div>
        </>
      )}
    </DeskLayout>
  );
}

async function loadHistory(
  c: { req: { param: (name: string) => string | undefined; query: (name: string) => string | undefined } },
  ctx: ServiceContext,
) {
  const meetingId = meetingOf(c);
  const record = await loadMeetingRecord(ctx, meetingId);
  const number = (value: string | undefined) => (value && /^\d{1,12}$/.test(value) ? Number(value) : undefined);
  const history = await minutesHistory(ctx, meetingId, { from: number(c.req.query("von")), to: number(c.req.query("bis")) });
  return { meeting: record.meeting, history };
}

export const minutesPages = new Hono<AppEnv>()
  .get("/verwaltung/sitzungen/:id/niederschrift", desk)
  .get(
    "/verwaltung/sitzungen/:id/niederschrift/verlauf",
    page({
      access: "secretariat",
      load: (c, _scope, ctx) => loadHistory(c, ctx),
      view: (data, scope) => <HistoryPage scope={scope} data={data} />,
    }),
  )
  .post("/verwaltung/sitzungen/:id/niederschrift/punkte/:item", notesForm.post)
  .post("/verwaltung/sitzungen/:id/niederschrift/schritt", stepForm.post)
  .post("/verwaltung/sitzungen/:id/niederschrift/einwaende/:objection", objectionForm.post)
  .post("/verwaltung/sitzungen/:id/niederschrift/unterschrift", signatureForm.post);
