/**
 * Meetings in the secretariat's workspace: the list, planning one from the standard frame (a date and times in Berlin
 * time), the invitation with the notice-period check (a late one asks for its reason), cancelling with a reason, and
 * deleting one that was never invited. A meeting's own page, with its agenda builder, is in agenda.tsx.
 */
import { mailContext } from "../../http/context";
import { Hono } from "hono";
import { z } from "zod";
import { paths } from "../../addresses";
import type { AppEnv } from "../../http/context";
import { berlinDateOf, berlinWallClockToInstant, dateOf, germanDate } from "../../rules/calendar";
import { meetingStateName } from "../../rules/meeting";
import { ZCalendarDate, ZId } from "../../schemas/common";
import { listCommittees } from "../../services/people/committees";
import { sendInvitation } from "../../services/meetings/invitations";
import { createMeeting, deleteMeeting, listMeetings, transitionMeeting } from "../../services/meetings/meetings";
import { invitationPreview, managedMeeting } from "../../services/workspace";
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
import { m } from "../messages";
import { type Scope, scopedPath } from "../kit/urls";
import { WorkspaceLayout } from "./layout";
import { OutboxTable, serverConfigured } from "./outbox";

import { agendaPages } from "./agenda";
import { livePages } from "./live";
import { minutesPages } from "./minutes";
import { type Managed, type MeetingLine, ZTime, meetingName, meetingPath, t, when } from "./meeting-shared";

// --- The list and the plan form ----------------------------------------------------------------------------------

function MeetingsPage(props: { scope: Scope; upcoming: MeetingLine[]; past: MeetingLine[]; deleted: boolean }) {
  const { scope, upcoming, past } = props;
  const list = (meetings: MeetingLine[]) =>
    meetings.length === 0 ? (
      <p>{t.noMeetings}</p>
    ) : (
      <ul class="due-list">
        {meetings.map((meeting) => (
          <li>
            <a href={meetingPath(meeting.id)}>{`${meetingName(meeting)}, ${when(meeting)}`}</a>{" "}
            <Badge tone={meeting.state === "cancelled" ? "danger" : meeting.state === "planned" ? "warning" : "info"}>
              {meetingStateName(meeting.state)}
            </Badge>
          </li>
        ))}
      </ul>
    );
  return (
    <WorkspaceLayout title={m.workspace.areas.meetings} scope={scope} area="meetings">
      <h1 class="kern-heading-large">{m.workspace.areas.meetings}</h1>
      <Notice text={props.deleted ? t.deleted : undefined} />
      <p>
        <a class="kern-btn kern-btn--primary" href="/verwaltung/sitzungen/neu">
          <span class="kern-label">{t.plan}</span>
        </a>
      </p>
      <p>
        <a href="/verwaltung/umlaufverfahren">{t.procedures}</a>
      </p>
      <h2 class="kern-heading-medium">{t.upcoming}</h2>
      {list(upcoming)}
      <h2 class="kern-heading-medium">{t.past}</h2>
      {list(past)}
    </WorkspaceLayout>
  );
}

function PlanPage({ scope, data, values, errors }: FormViewProps<{ id: string; name: string }[]>) {
  const f = t.fields;
  return (
    <WorkspaceLayout title={t.plan} scope={scope} area="meetings" trail={[{ text: t.plan }]}>
      <h1 class="kern-heading-large">{t.plan}</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action="/verwaltung/sitzungen/neu" class="form" novalidate>
        <ChoiceField
          id="committeeId"
          label={f.committeeId!}
          emptyLabel={m.workspace.seats.noneChosen}
          options={data.map((c) => ({ value: c.id, label: c.name }))}
          value={values.committeeId}
          error={errors.committeeId}
        />
        <DateField id="date" label={f.date!} value={values.date} error={errors.date} />
        <InputField id="startTime" label={f.startTime!} type="time" hint={t.timeHint} value={values.startTime} error={errors.startTime} />
        <InputField id="endTime" label={f.endTime!} type="time" value={values.endTime} error={errors.endTime} />
        <InputField id="title" label={f.title!} type="text" value={values.title} error={errors.title} />
        <InputField id="locationName" label={f.locationName!} type="text" value={values.locationName} error={errors.locationName} />
        <InputField id="locationRoom" label={f.locationRoom!} type="text" value={values.locationRoom} error={errors.locationRoom} />
        <InputField
          id="locationAddress"
          label={f.locationAddress!}
          type="text"
          value={values.locationAddress}
          error={errors.locationAddress}
        />
        <CheckboxField id="standardFrame" label={f.standardFrame!} hint={t.standardFrameHint} checked={values.standardFrame === "ja"} />
        <SubmitButton label={t.plan} primary />
      </form>
    </WorkspaceLayout>
  );
}

const planMeeting = form({
  access: "secretariat",
  schema: z
    .object({
      committeeId: ZId,
      date: ZCalendarDate,
      startTime: ZTime,
      endTime: ZTime.optional(),
      title: z.string().trim().max(200).optional(),
      locationName: z.string().trim().max(200).optional(),
      locationRoom: z.string().trim().max(100).optional(),
      locationAddress: z.string().trim().max(300).optional(),
      standardFrame: z.literal("ja").optional(),
    })
    .refine((v) => !v.endTime || v.endTime > v.startTime, { message: "muss nach dem Beginn liegen", path: ["endTime"] }),
  labels: Object.fromEntries(Object.entries(t.fields).filter(([field]) => field !== "reason")),
  load: async (_c, scope, ctx) =>
    (await listCommittees(ctx, { bodyId: scope.body.id, limit: 200 })).items.map((c) => ({ id: c.id, name: c.name })),
  initial: () => ({ startTime: "18:00", standardFrame: "ja" }),
  view: (props) => <PlanPage {...props} />,
  submit: async ({ date, startTime, endTime, standardFrame, ...input }, ctx) => {
    const { meeting } = await createMeeting(ctx, {
      ...input,
      startsAt: berlinWallClockToInstant(date, startTime).toISOString(),
      ...(endTime ? { endsAt: berlinWallClockToInstant(date, endTime).toISOString() } : {}),
      standardFrame: standardFrame === "ja",
      repeatMeeting: false,
    });
    return meeting;
  },
  done: (meeting) => `${meetingPath(meeting.id)}?geplant`,
});

// --- Invitation, cancellation, deletion ----------------------------------------------------------------------------

type Preview = Awaited<ReturnType<typeof invitationPreview>> & { configured: boolean; amended: boolean };

function InvitationPage({ scope, data, values, errors }: FormViewProps<Preview>) {
  const { meeting, notice, recipients, mailRecipients, mails } = data;
  const byPost = mailRecipients.filter((r) => r.byPost);
  const o = m.workspace.outbox;
  const invited = data.invitations.at(-1);
  return (
    <WorkspaceLayout
      title={`${t.inviteTitle}: ${meetingName(meeting)}`}
      scope={scope}
      area="meetings"
      trail={[{ text: meeting.title, href: meetingPath(meeting.id) }, { text: t.invite }]}
    >
      <p class="kern-subline">{`${meetingName(meeting)}, ${when(meeting)}`}</p>
      <h1 class="kern-heading-large">{t.inviteTitle}</h1>
      <p>{t.deadline(germanDate(notice.deadline), notice.noticeDays)}</p>
      {meeting.state !== "planned" ? null : notice.late ? (
        <Notice text={t.late(notice.daysShort)} tone="warning" />
      ) : (
        <Notice text={t.inTime} />
      )}
      <p>
        <a href={paths.invitationPdf(meeting.id)}>{t.previewPdf}</a>
      </p>
      <h2 class="kern-heading-medium">{t.recipients}</h2>
      {recipients.length === 0 ? (
        <p>{t.noRecipients}</p>
      ) : (
        <ul>
          {recipients.map((seat) => (
            <li>{`${seat.person.name} (${m.committee.roles[seat.role] ?? seat.role})`}</li>
          ))}
        </ul>
      )}
      {byPost.length > 0 ? (
        <>
          <h2 class="kern-heading-medium">{o.byPost}</h2>
          <ul>
            {byPost.map((r) => (
              <li>{`${r.name}: ${o.byPostReason[r.byPost!]}`}</li>
            ))}
          </ul>
        </>
      ) : null}
      {meeting.state !== "planned" ? (
        <Notice text={invited ? t.sentAt(dateOf(invited.sentAt)) : meetingStateName(meeting.state)} tone="warning" />
      ) : (
        <InvitationForm meetingId={meeting.id} late={notice.late} values={values} errors={errors} />
      )}
      {data.newAmendments > 0 ? (
        <form method="post" action={`${meetingPath(meeting.id)}/nachtrag`} class="form">
          <p>{o.amendmentText}</p>
          <SubmitButton label={o.amendment} primary />
        </form>
      ) : null}
      <h2 class="kern-heading-medium">{o.forMeeting}</h2>
      <Notice text={data.amended ? o.amendmentSent : undefined} />
      <OutboxTable mails={mails} serverConfigured={data.configured} back={scopedPath(`${meetingPath(meeting.id)}/einladung`, scope)} />
    </WorkspaceLayout>
  );
}

function InvitationForm(props: { meetingId: string; late: boolean; values: Record<string, string>; errors: Record<string, string> }) {
  const { values, errors } = props;
  return (
    <>
      <ErrorSummary errors={errors} />
      <form method="post" action={`${meetingPath(props.meetingId)}/einladung`} class="form" novalidate>
        {props.late || errors.lateReason ? (
          <TextareaField id="lateReason" label={t.lateReason} value={values.lateReason} error={errors.lateReason} rows={3} />
        ) : null}
        <SubmitButton label={t.send} primary />
      </form>
    </>
  );
}

const invite = form({
  access: "secretariat",
  schema: z.object({ lateReason: z.string().trim().max(2000).optional() }),
  labels: { lateReason: t.lateReason },
  subjects: { agenda: t.agenda },
  load: async (c, _scope, ctx) => ({
    ...(await invitationPreview(ctx, c.req.param("id") ?? "")),
    configured: serverConfigured(c),
    amended: c.req.query("nachtrag") !== undefined,
  }),
  view: (props) => <InvitationPage {...props} />,
  submit: (input, ctx, _scope, data, c) => sendInvitation(ctx, data.meeting.id, { channel: "email", ...input }, mailContext(c)),
  done: (invitation) => `${meetingPath(invitation.meetingId)}?eingeladen`,
});

function ConfirmPage(props: FormViewProps<Managed> & { kind: "cancel" | "delete" }) {
  const { meeting } = props.data;
  const cancel = props.kind === "cancel";
  const title = cancel ? t.cancel : t.deleteMeeting;
  return (
    <WorkspaceLayout
      title={`${title}: ${meetingName(meeting)}`}
      scope={props.scope}
      area="meetings"
      trail={[{ text: meeting.title, href: meetingPath(meeting.id) }, { text: title }]}
    >
      <p class="kern-subline">{`${meetingName(meeting)}, ${when(meeting)}`}</p>
      <h1 class="kern-heading-large">{title}</h1>
      <p>{cancel ? t.cancelIntro : t.deleteIntro}</p>
      <ErrorSummary errors={props.errors} />
      <Notice text={props.notice} tone="warning" />
      <form method="post" action={`${meetingPath(meeting.id)}/${cancel ? "absage" : "loeschen"}`} class="form" novalidate>
        <input type="hidden" name="version" value={props.values.version ?? String(meeting.version)} />
        {cancel ? (
          <TextareaField id="reason" label={t.fields.reason!} value={props.values.reason} error={props.errors.reason} rows={3} />
        ) : null}
        <SubmitButton label={title} primary />
      </form>
    </WorkspaceLayout>
  );
}

const cancelMeeting = form({
  access: "secretariat",
  schema: z.object({ reason: z.string().trim().min(1).max(2000), version: z.coerce.number().int().min(1) }),
  labels: { reason: t.fields.reason! },
  load: (c, _scope, ctx) => managedMeeting(ctx, c.req.param("id") ?? ""),
  initial: (data) => ({ version: String(data.meeting.version) }),
  view: (props) => <ConfirmPage {...props} kind="cancel" />,
  submit: ({ reason, version }, ctx, _scope, data, c) =>
    transitionMeeting(ctx, data.meeting.id, version, { to: "cancelled", reason }, mailContext(c)),
  done: (meeting) => `${meetingPath(meeting.id)}?abgesagt`,
});

const removeMeeting = form({
  access: "secretariat",
  schema: z.object({ version: z.coerce.number().int().min(1) }),
  labels: {},
  load: (c, _scope, ctx) => managedMeeting(ctx, c.req.param("id") ?? ""),
  initial: (data) => ({ version: String(data.meeting.version) }),
  view: (props) => <ConfirmPage {...props} kind="delete" />,
  submit: ({ version }, ctx, _scope, data) => deleteMeeting(ctx, data.meeting.id, version),
  done: () => "/verwaltung/sitzungen?geloescht",
});

export const meetingPages = new Hono<AppEnv>()
  .get(
    "/verwaltung/sitzungen",
    page({
      access: "secretariat",
      load: async (c, scope, ctx) => {
        const today = berlinDateOf(ctx.now);
        const [upcoming, past] = await Promise.all([
          listMeetings(ctx, { bodyId: scope.body.id, from: `${today}T00:00:00Z`, limit: 100 }),
          listMeetings(ctx, { bodyId: scope.body.id, to: `${today}T00:00:00Z`, limit: 500 }),
        ]);
        return { upcoming: upcoming.items, past: past.items.reverse().slice(0, 50), deleted: c.req.query("geloescht") !== undefined };
      },
      view: (data, scope) => <MeetingsPage scope={scope} {...data} />,
    }),
  )
  .get("/verwaltung/sitzungen/neu", planMeeting.get)
  .post("/verwaltung/sitzungen/neu", planMeeting.post)
  .get("/verwaltung/sitzungen/:id/einladung", invite.get)
  .post("/verwaltung/sitzungen/:id/einladung", invite.post)
  .get("/verwaltung/sitzungen/:id/absage", cancelMeeting.get)
  .post("/verwaltung/sitzungen/:id/absage", cancelMeeting.post)
  .get("/verwaltung/sitzungen/:id/loeschen", removeMeeting.get)
  .post("/verwaltung/sitzungen/:id/loeschen", removeMeeting.post)
  .route("/", agendaPages)
  .route("/", livePages)
  .route("/", minutesPages);
