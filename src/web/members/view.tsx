/** The members' area: "Mein Bereich" with the member's meetings, seats and calendar subscription. */
import type { MemberArea } from "../../services/members";
import { Layout } from "../components/layout";
import { Badge, Facts, Notice, SubmitButton } from "../components/ui";
import { dateOf, timeOf } from "../../rules/calendar";
import { m } from "../messages";
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
