/** The members' area: "Mein Bereich" with the member's meetings, seats and calendar subscription. */
import type { MemberArea } from "../../services/members";
import { Layout } from "../components/layout";
import { Badge, ChoiceField, ErrorSummary, Facts, Notice, SubmitButton, TextareaField } from "../components/ui";
import type { minutesForMember } from "../../services/minutes/minutes-approval";
import type { getWrittenProcedure } from "../../services/meetings/written-procedures";
import type { FormViewProps } from "../kit/form";
import { minutesStateName } from "../../rules/minutes";
import { MinutesHeader, MinutesItems } from "../portal/minutes";
import { dateOf, timeOf } from "../../rules/calendar";
import { m } from "../messages";
import { SIGNER } from "../../documents/labels";
import { MEMBERSHIP_ROLE, MINUTES_STATE, label } from "../../documents/labels";
import { FeedLinks, MeetingState } from "../portal/meetings";
import { paths, type Scope, scoped } from "../kit/urls";

type Meeting = MemberArea["upcoming"][number];

function MeetingList({ meetings, scope }: { meetings: Meeting[]; scope: Scope }) {
  if (meetings.length === 0) return <p>{m.members.noMeetings}</p>;
  return (
    <ul class="meeting-list">
      {meetings.map((meeting) => (
        <li class="meeting-row">
          <p class="meeting-row__when">
            {dateOf(meeting.startsAt.toISOString())}, {timeOf(meeting.startsAt.toISOString())}
          </p>
          <p class="meeting-row__title">
            <a href={scoped(paths.meeting(meeting.id), scope)}>{`${meeting.committee.name}: ${meeting.sequenceNumber}. Sitzung`}</a>{" "}
            <MeetingState meeting={meeting} />
          </p>
          <ul class="inline-links">
            {meeting.state !== "planned" ? (
              <li>
                <a href={paths.invitationPdf(meeting.id)}>{m.members.invitation}</a>
              </li>
            ) : null}
            {meeting.readsMinutes && meeting.minutesState ? (
              <li>
                <a href={scoped(paths.minutes(meeting.id), scope)}>{m.members.minutes(label(MINUTES_STATE, meeting.minutesState))}</a>
              </li>
            ) : null}
          </ul>
        </li>
      ))}
    </ul>
  );
}

export function MemberAreaPage({
  scope,
  area,
  notice,
  feed,
}: {
  scope: Scope;
  area: MemberArea;
  notice?: string | undefined;
  /** A feed just created: its addresses, shown once. */
  feed?: { https: string; webcal: string } | undefined;
}) {
  return (
    <Layout title={m.members.title} scope={scope} section="members" breadcrumbs={[{ text: m.members.title }]}>
      <h1 class="kern-heading-large">{m.members.title}</h1>
      <Notice text={notice} />
      <p>{m.members.intro}</p>
      {area.circulating.length > 0 ? (
        <>
          <h2 class="kern-heading-medium">{m.members.circulating}</h2>
          <ul>
            {area.circulating.map((meeting) => (
              <li>
                <a href={scoped(`/mitglieder/niederschriften/${meeting.id}`, scope)}>
                  {`${meeting.committee.name}: ${meeting.sequenceNumber}. Sitzung, ${dateOf(meeting.startsAt.toISOString())}`}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {area.procedures.length > 0 ? (
        <>
          <h2 class="kern-heading-medium">{m.members.procedures}</h2>
          <ul>
            {area.procedures.map((procedure) => (
              <li>
                <a href={scoped(`/mitglieder/umlaufverfahren/${procedure.id}`, scope)}>{`${procedure.committee}: ${procedure.motion}`}</a>
                {` (${m.members.until} ${dateOf(procedure.deadline.toISOString())}, ${timeOf(procedure.deadline.toISOString())})`}
                {procedure.objected ? <Badge tone="warning">{m.members.objected}</Badge> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 class="kern-heading-medium">{m.members.upcoming}</h2>
      <MeetingList meetings={area.upcoming} scope={scope} />
      <h2 class="kern-heading-medium">{m.members.recent}</h2>
      <MeetingList meetings={area.recent} scope={scope} />
      <h2 class="kern-heading-medium">{m.members.seats}</h2>
      {area.seats.length === 0 ? <p>{m.members.noSeats}</p> : null}
      {area.seats.map((seat) => (
        <section aria-labelledby={`sitz-${seat.id}`}>
          <h3 class="kern-heading-small" id={`sitz-${seat.id}`}>
            <a href={scoped(paths.committee(seat.committee.id), scope)}>{seat.committee.name}</a>
          </h3>
          <Facts
            rows={[
              [m.members.role, label(MEMBERSHIP_ROLE, seat.role)],
              [
                m.members.voting,
                <Badge tone={seat.votingRight ? "success" : "info"}>
                  {seat.votingRight ? m.committee.votingYes : m.committee.votingNo}
                </Badge>,
              ],
              ...(seat.term ? [[m.committee.term, seat.term] as [string, string]] : []),
              [m.members.since, dateOf(`${seat.startDate}T12:00:00Z`)],
              ...(seat.endDate ? [[m.members.until, dateOf(`${seat.endDate}T12:00:00Z`)] as [string, string]] : []),
              ...(seat.standsInFor ? [[m.members.standsInFor, seat.standsInFor] as [string, string]] : []),
              ...(seat.deputies.length ? [[m.members.deputies, seat.deputies.join(", ")] as [string, string]] : []),
            ]}
          />
        </section>
      ))}
      <h2 class="kern-heading-medium">{m.members.itemRequests}</h2>
      {area.itemRequests.length === 0 ? (
        <p>{m.members.noItemRequests}</p>
      ) : (
        <ul>
          {area.itemRequests.map((request) => (
            <li>
              {`${request.committee}: ${request.subject} (${request.requestedBy}) `}
              <Badge tone={request.status === "overdue" ? "danger" : request.status === "scheduled" ? "success" : "info"}>
                {m.members.requestStatus[request.status] ?? request.status}
              </Badge>
              {request.dueMeeting ? ` – ${m.members.dueAt(request.dueMeeting.label, dateOf(request.dueMeeting.startsAt))}` : ""}
            </li>
          ))}
        </ul>
      )}
      <h2 class="kern-heading-medium" id="kalender-persoenlich">
        {m.members.calendar}
      </h2>
      <p>{m.members.calendarIntro}</p>
      {feed ? <FeedLinks feed={feed} /> : null}
      <form method="post" action="/mitglieder/kalender" class="form">
        <SubmitButton label={m.members.createFeed} primary />
      </form>
      <form method="post" action="/mitglieder/kalender/widerrufen" class="form">
        <SubmitButton label={m.members.revokeFeed} />
      </form>
    </Layout>
  );
}

type MemberMinutes = Awaited<ReturnType<typeof minutesForMember>>;

/**
 * Circulated minutes in the members' area: the full text as the committee reads it, the signatures so far, one button
 * to sign (as what the member may sign), and the objection form.
 */
export function MemberMinutesPage(props: {
  scope: Scope;
  data: MemberMinutes;
  values: Record<string, string>;
  errors: Record<string, string>;
  notice?: string | undefined;
}) {
  const { scope, data, values, errors } = props;
  const { minutes, meeting } = data;
  const t = m.members.minutesPage;
  // The title names the committee as a rule ("3. Sitzung Integrationsbeirat").
  const named = meeting.title.includes(meeting.committee.name) ? meeting.title : `${meeting.committee.name}, ${meeting.title}`;
  const title = `${m.minutes.title}: ${named}`;
  return (
    <Layout
      title={title}
      scope={scope}
      section="members"
      breadcrumbs={[{ text: m.members.title, href: "/mitglieder" }, { text: m.minutes.title }]}
    >
      <h1 class="kern-heading-large">{title}</h1>
      <Notice text={props.notice} />
      <p>
        <Badge tone="info">{`${m.workspace.minutesDesk.state}: ${minutesStateName(minutes.state)}`}</Badge>
      </p>
      <MinutesHeader header={minutes.header} />
      <MinutesItems items={minutes.items} scope={scope} />
      <h2 class="kern-heading-medium">{m.minutes.signatures}</h2>
      <ul>
        {minutes.signatures.map((s) => (
          <li>{`${s.name} (${SIGNER[s.role]}), ${dateOf(s.signedAt)}`}</li>
        ))}
      </ul>
      {data.signed.length > 0 ? <p>{t.signedAlready}</p> : null}
      {data.signRoles.length > 0 ? (
        <form method="post" action={`/mitglieder/niederschriften/${meeting.id}/unterschreiben`} class="form">
          <p>{t.signText}</p>
          {data.signRoles.length > 1 ? (
            <ChoiceField
              id="role"
              label={t.signAs}
              options={data.signRoles.map((role) => ({ value: role, label: SIGNER[role]! }))}
              value={values.role}
            />
          ) : (
            <input type="hidden" name="role" value={data.signRoles[0]} />
          )}
          <SubmitButton label={t.sign} primary />
        </form>
      ) : null}
      <h2 class="kern-heading-medium">{t.objections}</h2>
      {minutes.objections.length === 0 ? <p>{t.noObjections}</p> : null}
      <ul>
        {minutes.objections.map((o) => (
          <li>{`${o.name}: ${o.text}${o.decision ? ` (${m.workspace.minutesDesk.decisions[o.decision]})` : ""}`}</li>
        ))}
      </ul>
      {data.mayObject ? (
        <>
          <ErrorSummary errors={errors} />
          <form method="post" action={`/mitglieder/niederschriften/${meeting.id}/einwand`} class="form" novalidate>
            <TextareaField id="text" label={t.objection} hint={t.objectionHint} value={values.text} error={errors.text} rows={4} />
            <SubmitButton label={t.file} />
          </form>
        </>
      ) : null}
    </Layout>
  );
}

/** A written procedure (§37 (1) GemO) in the members' area: the motion, the deadline, and the form to object. */
export function ProcedurePage(props: FormViewProps<Awaited<ReturnType<typeof getWrittenProcedure>>>) {
  const { scope, data, values, errors } = props;
  const t = m.members.procedure;
  return (
    <Layout
      title={`${m.members.procedures}: ${data.motion}`}
      scope={scope}
      section="members"
      breadcrumbs={[{ text: m.members.title, href: "/mitglieder" }, { text: m.members.procedures }]}
    >
      <h1 class="kern-heading-large">{data.motion}</h1>
      <Notice text={props.confirmation} />
      <p>{t.intro}</p>
      <div class="prose">
        <p>{data.text}</p>
      </div>
      <Facts
        rows={[
          [t.deadline, `${dateOf(data.deadline)}, ${timeOf(data.deadline)}`],
          [t.objections, String(data.objections.length)],
        ]}
      />
      {data.outcome === "pending" ? (
        <>
          <ErrorSummary errors={errors} />
          <form method="post" action={`/mitglieder/umlaufverfahren/${data.id}`} class="form" novalidate>
            <TextareaField id="note" label={t.note} value={values.note} error={errors.note} rows={3} />
            <SubmitButton label={t.object} primary />
          </form>
        </>
      ) : null}
    </Layout>
  );
}
