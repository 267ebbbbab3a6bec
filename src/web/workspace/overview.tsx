/** The secretariat's overview (Übersicht): what is due, each entry a link. */
import type { WorkspaceOverview } from "../../services/workspace";
import { WorkspaceLayout } from "./layout";
import { Badge } from "../components/ui";
import { dateOf, timeOf } from "../../rules/calendar";
import { m } from "../messages";
import { paths, type Scope, scoped } from "../kit/urls";

const day = (date: string) => dateOf(`${date}T12:00:00Z`);
const meetingLine = (meeting: { committee: { name: string }; sequenceNumber: number; startsAt: Date }) =>
  `${meeting.committee.name}: ${meeting.sequenceNumber}. Sitzung, ${dateOf(meeting.startsAt.toISOString())}`;

function Section({ id, title, empty, children }: { id: string; title: string; empty: boolean; children: unknown }) {
  return (
    <section aria-labelledby={id}>
      <h2 class="kern-heading-medium" id={id}>
        {title}
      </h2>
      {empty ? <p>{m.workspace.nothingDue}</p> : <ul class="due-list">{children as never}</ul>}
    </section>
  );
}

export function OverviewPage({ scope, overview }: { scope: Scope; overview: WorkspaceOverview }) {
  return (
    <WorkspaceLayout title={m.workspace.overview} scope={scope} area="overview">
      <h1 class="kern-heading-large">{m.workspace.overview}</h1>
      {overview.failedMails > 0 ? (
        <div class="kern-alert kern-alert--danger" role="status">
          <div class="kern-alert__body">
            <p>
              <a href={scoped("/verwaltung/postausgang", scope)}>{m.workspace.outbox.failedCount(overview.failedMails)}</a>
            </p>
          </div>
        </div>
      ) : null}
      <Section id="einladungen" title={m.workspace.invitations} empty={overview.invitations.length === 0}>
        {overview.invitations.map(({ meeting, invited, deadline, late }) => (
          <li>
            <a href={`/verwaltung/sitzungen/${meeting.id}`}>
              {meetingLine(meeting)}, {timeOf(meeting.startsAt.toISOString())}
            </a>{" "}
            {invited ? (
              <Badge tone="success">{m.workspace.invited}</Badge>
            ) : late ? (
              <Badge tone="danger">{m.workspace.inviteLate(day(deadline))}</Badge>
            ) : (
              <Badge tone="warning">{m.workspace.inviteBy(day(deadline))}</Badge>
            )}
          </li>
        ))}
      </Section>
      <Section id="niederschriften" title={m.workspace.minutes} empty={overview.minutes.length === 0}>
        {overview.minutes.map(({ meeting, dueDate, overdue }) => (
          <li>
            <a href={scoped(paths.minutes(meeting.id), scope)}>{meetingLine(meeting)}</a>{" "}
            <Badge tone={overdue ? "danger" : "warning"}>
              {overdue ? m.workspace.minutesOverdue(day(dueDate)) : m.workspace.minutesBy(day(dueDate))}
            </Badge>
          </li>
        ))}
      </Section>
      <Section id="antraege" title={m.members.itemRequests} empty={overview.demands.length === 0}>
        {overview.demands.map((request) => (
          <li>
            {`${request.committee.name}: ${request.subject} (${request.requestedBy}) `}
            <Badge tone={request.status === "overdue" ? "danger" : "warning"}>
              {m.members.requestStatus[request.status] ?? request.status}
            </Badge>
            {request.dueMeeting ? (
              <>
                {" – "}
                <a href={`/verwaltung/sitzungen/${request.dueMeeting.id}`}>
                  {m.members.dueAt(request.dueMeeting.label, dateOf(request.dueMeeting.startsAt))}
                </a>
              </>
            ) : (
              ` – ${m.workspace.noDueMeeting}`
            )}
          </li>
        ))}
      </Section>
      <Section id="einwendungen" title={m.workspace.objections} empty={overview.objections.length === 0}>
        {overview.objections.map(({ meeting, filedAt }) => (
          <li>
            <a href={scoped(paths.minutes(meeting.id), scope)}>{`${meeting.committee.name}: ${meeting.sequenceNumber}. Sitzung`}</a>
            {` – ${m.workspace.objectionFiled(dateOf(filedAt.toISOString()))}`}
          </li>
        ))}
      </Section>
      <Section id="massnahmen" title={m.workspace.staleMeasures(overview.staleMonths)} empty={overview.staleMeasures.length === 0}>
        {overview.staleMeasures.map((measure) => (
          <li>
            <a href={scoped(paths.measure(measure.id), scope)}>{`${measure.code} ${measure.title}`}</a>
            {` – ${measure.planTitle}, ${m.workspace.lastActivity(day(measure.lastActivity))}`}
          </li>
        ))}
      </Section>
    </WorkspaceLayout>
  );
}
