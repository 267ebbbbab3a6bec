/**
 * The register of resolutions in the secretariat's workspace: each resolution's follow-up, its successor, the
 * announcement of a non-public one at a later public meeting (§35 (1) GemO), the measures of the plan it concerns
 * (with the status or progress it gives them), and for a recommendation what the receiving body made of it.
 */
import { Hono } from "hono";
import { z } from "zod";
import { FOLLOW_UP_HANDLING, MEASURE_STATUS, RELATION, label } from "../../documents/labels";
import type { AppEnv } from "../../http/context";
import { dateOf } from "../../rules/calendar";
import { LINK_RELATIONS, MEASURE_STATUSES } from "../../rules/plan";
import { ZId } from "../../schemas/common";
import { announceResolution, listResolutions, updateResolution } from "../../services/meetings/resolutions";
import { recordFollowUp } from "../../services/plan/plan-follow-up";
import { linkResolutionToMeasure } from "../../services/plan/trace";
import { managedResolution } from "../../services/workspace";
import { Badge, ChoiceField, ErrorSummary, Facts, InputField, Notice, SubmitButton, trusted } from "../components/ui";
import { form, type FormViewProps } from "../kit/form";
import { page } from "../kit/page";
import { paths, type Scope } from "../kit/urls";
import { m } from "../messages";
import { WorkspaceLayout } from "./layout";

const r = m.workspace.register;
type Managed = Awaited<ReturnType<typeof managedResolution>>;
const resolutionPath = (id: string) => `/verwaltung/beschluesse/${id}`;
const FOLLOW_UPS = ["open", "in_progress", "done", "superseded"] as const;

function RegisterPage(props: { scope: Scope; resolutions: Awaited<ReturnType<typeof listResolutions>>["items"]; status?: string }) {
  return (
    <WorkspaceLayout title={m.workspace.areas.resolutions} scope={props.scope} area="resolutions">
      <h1 class="kern-heading-large">{m.workspace.areas.resolutions}</h1>
      <form method="get" action="/verwaltung/beschluesse" class="form filter-form">
        <ChoiceField
          id="stand"
          label={r.followUp}
          emptyLabel={r.all}
          options={FOLLOW_UPS.map((value) => ({ value, label: r.followUps[value]! }))}
          value={props.status}
        />
        <SubmitButton label={r.filter} />
      </form>
      {props.resolutions.length === 0 ? <p>{r.none}</p> : null}
      <ul class="resolution-list">
        {props.resolutions.map((resolution) => (
          <li class="meeting-row">
            <p>
              <a
                href={resolutionPath(resolution.id)}
              >{`${resolution.kind === "recommendation" ? r.recommendation : r.resolution} ${resolution.number}`}</a>{" "}
              <Badge tone={resolution.followUp === "done" ? "success" : resolution.followUp === "superseded" ? "warning" : "info"}>
                {r.followUps[resolution.followUp]!}
              </Badge>{" "}
              {resolution.isPublic ? null : (
                <Badge tone={resolution.announcedAt ? "success" : "warning"}>{resolution.announcedAt ? r.announced : r.toAnnounce}</Badge>
              )}
            </p>
            <p>{resolution.text.length > 200 ? `${resolution.text.slice(0, 200)} …` : resolution.text}</p>
          </li>
        ))}
      </ul>
    </WorkspaceLayout>
  );
}

/** Which of the page's forms a post came from: its values and errors show there only. */
type Which = "folge" | "bekanntgabe" | "massnahme" | "weiterbehandlung";

function ResolutionPage(props: FormViewProps<Managed> & { which?: Which }) {
  const { data, scope } = props;
  const { resolution, committee } = data;
  const own = (which: Which) => (props.which === which ? { values: props.values, errors: props.errors } : { values: {}, errors: {} });
  const title = `${resolution.kind === "recommendation" ? r.recommendation : r.resolution} ${resolution.number}`;
  const folge = own("folge");
  const link = own("massnahme");
  const announce = own("bekanntgabe");
  const follow = own("weiterbehandlung");
  return (
    <WorkspaceLayout title={title} scope={scope} area="resolutions" trail={[{ text: title }]}>
      <p class="kern-subline">{committee.name}</p>
      <h1 class="kern-heading-large">{title}</h1>
      <Notice text={props.confirmation} />
      <Notice text={props.notice} tone="warning" />
      <div class="prose">{trusted(resolution.textHtml)}</div>
      <Facts
        rows={[
          [r.followUp, r.followUps[resolution.followUp]!],
          [
            r.part,
            resolution.isPublic ? r.public : resolution.announcedAt ? `${r.announced} ${dateOf(resolution.announcedAt)}` : r.toAnnounce,
          ],
          ...(resolution.recipientBody ? ([[r.recipient, resolution.recipientBody]] as [string, string][]) : []),
          ...(resolution.vote ? ([[r.vote, resolution.vote.explanation]] as [string, string][]) : []),
        ]}
      />
      <p>
        <a href={paths.resolution(resolution.id)}>{r.publicPage}</a>
      </p>

      <h2 class="kern-heading-medium" id="massnahmen">
        {r.measures}
      </h2>
      {data.linked.length === 0 ? <p>{r.noMeasures}</p> : null}
      <ul>
        {data.linked.map((l) => (
          <li>
            <a href={`/verwaltung/plan/massnahmen/${l.measureId}`}>{`${l.code} ${l.title}`}</a>
            {`: ${label(RELATION, l.relation)}`}
            {l.newStatus ? `, ${r.statusNow} ${label(MEASURE_STATUS, l.newStatus)}` : ""}
            {l.newProgress !== null ? `, ${l.newProgress} %` : ""}
          </li>
        ))}
      </ul>
      {data.measures.length > 0 ? (
        <>
          <ErrorSummary errors={link.errors} />
          <form method="post" action={`${resolutionPath(resolution.id)}/massnahme`} class="form" novalidate>
            <ChoiceField
              id="measureId"
              label={r.fields.measureId!}
              emptyLabel={r.choose}
              options={data.measures.map((measure) => ({
                value: measure.id,
                label: `${measure.code} ${measure.title} (${label(MEASURE_STATUS, measure.status)})`,
              }))}
              value={link.values.measureId}
              error={link.errors.measureId}
            />
            <ChoiceField
              id="relation"
              label={r.fields.relation!}
              options={LINK_RELATIONS.map((value) => ({ value, label: RELATION[value] }))}
              value={link.values.relation}
              error={link.errors.relation}
            />
            <ChoiceField
              id="status"
              label={r.fields.status!}
              hint={r.statusHint}
              emptyLabel={r.statusFromRelation}
              options={MEASURE_STATUSES.map((value) => ({ value, label: MEASURE_STATUS[value] }))}
              value={link.values.status}
              error={link.errors.status}
            />
            <InputField id="progress" label={r.fields.progress!} type="number" value={link.values.progress} error={link.errors.progress} />
            <InputField id="note" label={r.fields.note!} type="text" value={link.values.note} error={link.errors.note} />
            <SubmitButton label={r.link} primary />
          </form>
        </>
      ) : null}

      <h2 class="kern-heading-medium">{r.followUpTitle}</h2>
      <ErrorSummary errors={folge.errors} />
      <form method="post" action={`${resolutionPath(resolution.id)}/folge`} class="form" novalidate>
        <input type="hidden" name="version" value={folge.values.version ?? String(resolution.version)} />
        <ChoiceField
          id="followUp"
          label={r.followUp}
          options={FOLLOW_UPS.map((value) => ({ value, label: r.followUps[value]! }))}
          value={folge.values.followUp ?? resolution.followUp}
          error={folge.errors.followUp}
        />
        <ChoiceField
          id="supersededById"
          label={r.fields.supersededById!}
          hint={r.successorHint}
          emptyLabel={r.noSuccessor}
          options={data.successors.map((s) => ({ value: s.id, label: `${s.number}: ${s.text.slice(0, 80)}` }))}
          value={folge.values.supersededById ?? resolution.supersededById ?? undefined}
          error={folge.errors.supersededById}
        />
        <SubmitButton label={r.saveFollowUp} />
      </form>

      {!resolution.isPublic && !resolution.announcedAt ? (
        <>
          <h2 class="kern-heading-medium">{r.announceTitle}</h2>
          <p>{r.announceText}</p>
          {data.meetings.length === 0 ? (
            <p>{r.noAnnouncementMeeting}</p>
          ) : (
            <>
              <ErrorSummary errors={announce.errors} />
              <form method="post" action={`${resolutionPath(resolution.id)}/bekanntgabe`} class="form" novalidate>
                <ChoiceField
                  id="meetingId"
                  label={r.fields.meetingId!}
                  emptyLabel={r.choose}
                  options={data.meetings.map((meeting) => ({ value: meeting.id, label: `${meeting.title}, ${dateOf(meeting.startsAt)}` }))}
                  value={announce.values.meetingId}
                  error={announce.errors.meetingId}
                />
                <SubmitButton label={r.announce} />
              </form>
            </>
          )}
        </>
      ) : null}

      {data.followUp ? (
        <>
          <h2 class="kern-heading-medium">{r.receivedTitle}</h2>
          <p>{`${r.handling}: ${label(FOLLOW_UP_HANDLING, data.followUp.handling)}`}</p>
          <ErrorSummary errors={follow.errors} />
          <form method="post" action={`${resolutionPath(resolution.id)}/weiterbehandlung`} class="form" novalidate>
            <input type="hidden" name="version" value={follow.values.version ?? String(data.followUp.version)} />
            <ChoiceField
              id="handling"
              label={r.handling}
              options={Object.entries(FOLLOW_UP_HANDLING).map(([value, text]) => ({ value, label: text }))}
              value={follow.values.handling ?? data.followUp.handling}
              error={follow.errors.handling}
            />
            <ChoiceField
              id="receivingResolutionId"
              label={r.fields.receivingResolutionId!}
              emptyLabel={r.noReceiving}
              options={data.receiving.map((s) => ({ value: s.id, label: `${s.number}: ${s.text.slice(0, 80)}` }))}
              value={follow.values.receivingResolutionId ?? data.followUp.receivingResolution?.id}
              error={follow.errors.receivingResolutionId}
            />
            <InputField
              id="followNote"
              label={r.fields.followNote!}
              type="text"
              value={follow.values.followNote ?? data.followUp.note ?? ""}
            />
            <SubmitButton label={r.saveReceived} />
          </form>
        </>
      ) : null}
    </WorkspaceLayout>
  );
}

const load = (c: { req: { param: (name: string) => string | undefined } }, _scope: unknown, ctx: Parameters<typeof managedResolution>[0]) =>
  managedResolution(ctx, c.req.param("id") ?? "");
const confirmations = { verknuepft: r.linked, gespeichert: r.saved, bekanntgegeben: r.announcedNotice, weiterbehandelt: r.savedReceived };
const done = (key: string) => (result: { id?: string; resolutionId?: string; recommendationId?: string }) =>
  `${resolutionPath(result.id ?? result.resolutionId ?? result.recommendationId ?? "")}?${key}`;

const linkForm = form({
  access: "secretariat",
  schema: z.object({
    measureId: ZId,
    relation: z.enum(LINK_RELATIONS),
    status: z.enum(MEASURE_STATUSES).optional(),
    progress: z.coerce.number().int().min(0).max(100).optional(),
    note: z.string().trim().max(2000).optional(),
  }),
  labels: r.fields,
  load,
  view: (props) => <ResolutionPage {...props} which="massnahme" />,
  confirmations,
  submit: (input, ctx, _scope, data) => linkResolutionToMeasure(ctx, data.resolution.id, input),
  done: done("verknuepft"),
});

const followUpForm = form({
  access: "secretariat",
  schema: z
    .object({ version: z.coerce.number().int().min(1), followUp: z.enum(FOLLOW_UPS), supersededById: ZId.optional() })
    .refine((v) => v.followUp !== "superseded" || Boolean(v.supersededById), {
      message: "fehlt bei einem ersetzten Beschluss",
      path: ["supersededById"],
    }),
  labels: { followUp: r.followUp, supersededById: r.fields.supersededById! },
  load,
  initial: (data) => ({ version: String(data.resolution.version) }),
  view: (props) => <ResolutionPage {...props} which="folge" />,
  submit: ({ version, ...input }, ctx, _scope, data) => updateResolution(ctx, data.resolution.id, version, input),
  done: done("gespeichert"),
});

const announceForm = form({
  access: "secretariat",
  schema: z.object({ meetingId: ZId }),
  labels: { meetingId: r.fields.meetingId! },
  load,
  view: (props) => <ResolutionPage {...props} which="bekanntgabe" />,
  submit: ({ meetingId }, ctx, _scope, data) => announceResolution(ctx, data.resolution.id, meetingId),
  done: done("bekanntgegeben"),
});

const receivedForm = form({
  access: "secretariat",
  schema: z.object({
    version: z.coerce.number().int().min(0),
    handling: z.enum(["adopted", "changed", "rejected", "pending"]),
    receivingResolutionId: ZId.optional(),
    followNote: z.string().trim().max(2000).optional(),
  }),
  labels: { handling: r.handling, receivingResolutionId: r.fields.receivingResolutionId!, followNote: r.fields.followNote! },
  load,
  initial: (data) => ({ version: String(data.followUp?.version ?? 0) }),
  view: (props) => <ResolutionPage {...props} which="weiterbehandlung" />,
  submit: ({ version, followNote, ...input }, ctx, _scope, data) =>
    recordFollowUp(ctx, data.resolution.id, version === 0 ? null : version, { ...input, note: followNote ?? null }),
  done: done("weiterbehandelt"),
});

export const resolutionPages = new Hono<AppEnv>()
  .get(
    "/verwaltung/beschluesse",
    page({
      access: "secretariat",
      load: async (c, scope, ctx) => {
        const status = c.req.query("stand");
        const all = (await listResolutions(ctx, { bodyId: scope.body.id, limit: 200 })).items;
        return { resolutions: status ? all.filter((resolution) => resolution.followUp === status) : all, status };
      },
      view: (data, scope) => <RegisterPage scope={scope} {...data} />,
    }),
  )
  .get("/verwaltung/beschluesse/:id", linkForm.get)
  .post("/verwaltung/beschluesse/:id/massnahme", linkForm.post)
  .post("/verwaltung/beschluesse/:id/folge", followUpForm.post)
  .post("/verwaltung/beschluesse/:id/bekanntgabe", announceForm.post)
  .post("/verwaltung/beschluesse/:id/weiterbehandlung", receivedForm.post);
