/** Meetings: the calendar by month, one meeting with its public agenda, one agenda item, and published minutes. */
import { html } from "hono/html";
import type { TAgendaItem } from "../../schemas/agenda";
import { label } from "../../documents/labels";
import { meetingPlace } from "../../rules/meeting";
import type { TMeeting } from "../../schemas/meetings";
import type { TResolution } from "../../schemas/outcomes";
import { Layout } from "../components/layout";
import { Badge, CommitteeFilter, Facts, Notice, Pagination, ScopeField, SelectField, SubmitButton, trusted } from "../components/ui";
import { dateOf, isoOf, longDateOf, monthName, timeOf } from "../../rules/calendar";
import { m } from "../messages";
import { assetUrl, paths, type Scope, scoped } from "../kit/urls";
import type { roomDisplay } from "../../services/meetings/live";

const placeOf = (meeting: TMeeting) => meetingPlace(meeting.location) ?? "";

export function MeetingState({ meeting }: { meeting: { state: string } }) {
  if (meeting.state === "cancelled") return <Badge tone="danger">{m.meeting.cancelled}</Badge>;
  return <Badge tone={meeting.state === "planned" ? "info" : "success"}>{m.meeting.states[meeting.state]}</Badge>;
}

/** One line of a meeting list: date and time, title with link, place, state. */
export function MeetingRow({ meeting, scope }: { meeting: TMeeting; scope: Scope }) {
  return (
    <li class="meeting-row">
      <p class="meeting-row__when">
        <time datetime={isoOf(meeting.startsAt)}>
          {dateOf(meeting.startsAt)}, {timeOf(meeting.startsAt)}
        </time>
      </p>
      <p class="meeting-row__title">
        <a href={scoped(paths.meeting(meeting.id), scope)}>{`${meeting.committee.name}: ${meeting.label}`}</a>{" "}
        <MeetingState meeting={meeting} />
      </p>
      {placeOf(meeting) ? <p class="meeting-row__place">{placeOf(meeting)}</p> : null}
    </li>
  );
}

/** The plan measures a resolution concerns, each with how (starts, changes, reports on …). */
export function MeasureLinks({
  scope,
  measures,
}: {
  scope: Scope;
  measures: { measureId: string; code: string; title: string; relation: string }[];
}) {
  return (
    <ul>
      {measures.map((measure) => (
        <li>
          {label(m.resolution.relations, measure.relation)}:{" "}
          <a href={scoped(paths.measure(measure.measureId), scope)}>{`${measure.code} ${measure.title}`}</a>
        </li>
      ))}
    </ul>
  );
}

/** A calendar feed, to subscribe to (webcal://, the calendar fetches changes itself) or to download once (https://). */
export function FeedLinks({ feed }: { feed: { https: string; webcal: string } }) {
  return (
    <section class="feed-links" aria-labelledby="kalender">
      <h2 class="kern-heading-small" id="kalender">
        {m.meeting.feedTitle}
      </h2>
      <p>{m.meeting.feedExplanation}</p>
      <ul>
        <li>
          <a href={feed.webcal}>{m.meeting.subscribe}</a>
        </li>
        <li>
          <a href={feed.https}>{m.meeting.download}</a>
        </li>
      </ul>
    </section>
  );
}

export interface CalendarPageProps {
  scope: Scope;
  month: string;
  meetings: TMeeting[];
  committees: { id: string; name: string }[];
  committeeId?: string;
  /** The months with meetings ("2026-03"), ascending: the selector offers these, and paging goes to the nearest. */
  months: string[];
  feed: { https: string; webcal: string };
}

export function CalendarPage(props: CalendarPageProps) {
  const { scope, month, meetings, committees, committeeId } = props;
  const link = (target: string) => scoped("/sitzungen", scope, { monat: target, gremium: committeeId });
  const previous = props.months.filter((value) => value < month).at(-1);
  const next = props.months.find((value) => value > month);
  return (
    <Layout title={`${m.meeting.calendar}: ${monthName(month)}`} scope={scope} section="meetings" breadcrumbs={[{ text: m.nav.meetings }]}>
      <h1 class="kern-heading-large">
        {m.meeting.calendar}: {monthName(month)}
      </h1>
      <form class="filter" method="get" action="/sitzungen">
        <ScopeField scope={scope} />
        <SelectField
          id="monat"
          label={m.meeting.month}
          emptyLabel={m.meeting.currentMonth}
          options={props.months.map((value) => ({ value, label: monthName(value) }))}
          selected={month}
        />
        <CommitteeFilter committees={committees} selected={committeeId} />
        <SubmitButton label={m.meeting.filter} />
      </form>
      {meetings.length > 0 ? (
        <ul class="meeting-list">
          {meetings.map((meeting) => (
            <MeetingRow meeting={meeting} scope={scope} />
          ))}
        </ul>
      ) : (
        <p>{m.meeting.noneInMonth}</p>
      )}
      <Pagination
        {...(previous ? { previous: link(previous), previousLabel: monthName(previous) } : {})}
        {...(next ? { next: link(next), nextLabel: monthName(next) } : {})}
      />
      <FeedLinks feed={props.feed} />
    </Layout>
  );
}

/** Agenda items with their paper and resolution: the items the reader may read, as the policies returned them. */
function AgendaList(props: {
  items: TAgendaItem[];
  meetingId: string;
  resolutionOf: Map<string, { id: string; number: string }>;
  scope: Scope;
}) {
  const { scope } = props;
  // A tagged template rather than JSX: the list is most of the page, and hono/jsx builds and walks a node per element
  // (the meeting page rendered in 1.5 times the JSON read's time). `html` escapes every value it is given.
  return html`<ol class="agenda">${props.items.map((item) => {
    const resolution = props.resolutionOf.get(item.id);
    const paperLink = item.paper
      ? html`<a href="${scoped(paths.paper(item.paper.id), scope)}">${item.paper.number}: ${item.paper.title}</a>`
      : "";
    const resolutionLink = resolution ? html`<a href="${scoped(paths.resolution(resolution.id), scope)}">${resolution.number}</a>` : "";
    const refs = [
      item.paper ? html`<li>${m.meeting.paper} ${paperLink}</li>` : "",
      resolution ? html`<li>${m.meeting.resolution} ${resolutionLink}</li>` : "",
    ];
    const number = html`<span class="agenda__number">${item.number}</span>`;
    const title = html`<a href="${scoped(paths.item(props.meetingId, item.id), scope)}">${item.title}</a>`;
    const withdrawn = item.withdrawn ? html` ${<Badge tone="warning">{m.meeting.withdrawn}</Badge>}` : "";
    const list = item.paper || resolution ? html`<ul class="agenda__refs">${refs}</ul>` : "";
    return html`<li class="agenda__item agenda__item--depth-${item.depth}">${number} ${title}${withdrawn}${list}</li>`;
  })}</ol>`;
}

export interface MeetingPageProps {
  scope: Scope;
  meeting: TMeeting;
  items: TAgendaItem[];
  resolutions: { id: string; itemId: string | null; number: string }[];
  announcements: { resolutionId: string; number: string; text: string; announced: boolean }[];
  hasNonPublicPart: boolean;
}

export function MeetingPage({ scope, meeting, items, resolutions, announcements, hasNonPublicPart }: MeetingPageProps) {
  const resolutionOf = new Map(resolutions.flatMap((r) => (r.itemId ? [[r.itemId, r] as const] : [])));
  const announced = announcements.filter((a) => a.announced);
  const nonPublic = items.filter((item) => !item.isPublic);
  const title = `${meeting.committee.name}: ${meeting.label}`;
  return (
    <Layout
      title={title}
      scope={scope}
      section="meetings"
      breadcrumbs={[{ text: m.nav.meetings, href: "/sitzungen" }, { text: meeting.label }]}
    >
      <h1 class="kern-heading-large">{title}</h1>
      <Facts
        rows={[
          [m.meeting.committee, <a href={scoped(paths.committee(meeting.committeeId), scope)}>{meeting.committee.name}</a>],
          [
            m.meeting.time,
            <time datetime={isoOf(meeting.startsAt)}>
              {longDateOf(meeting.startsAt)}, {timeOf(meeting.startsAt)}
            </time>,
          ],
          [m.meeting.place, placeOf(meeting) || m.common.none],
          [m.meeting.state, <MeetingState meeting={meeting} />],
        ]}
      />
      {meeting.state === "cancelled" ? (
        <Notice
          tone="warning"
          text={meeting.cancelledReason ? m.meeting.cancelledBecause(meeting.cancelledReason) : m.meeting.cancelledNote}
        />
      ) : null}
      <h2 class="kern-heading-medium">{m.meeting.agenda}</h2>
      {items.length > 0 ? (
        <>
          <h3 class="kern-heading-small">{m.meeting.publicPart}</h3>
          <AgendaList items={items.filter((item) => item.isPublic)} meetingId={meeting.id} resolutionOf={resolutionOf} scope={scope} />
        </>
      ) : (
        <p>{m.meeting.noAgenda}</p>
      )}
      {nonPublic.length > 0 ? (
        <>
          <h3 class="kern-heading-small">
            {m.meeting.nonPublicPart} <Badge tone="info">{m.meeting.nonPublic}</Badge>
          </h3>
          <p>{m.meeting.nonPublicShown}</p>
          <AgendaList items={nonPublic} meetingId={meeting.id} resolutionOf={resolutionOf} scope={scope} />
        </>
      ) : hasNonPublicPart ? (
        <>
          <h3 class="kern-heading-small">{m.meeting.nonPublicPart}</h3>
          <p>{m.meeting.nonPublicNote}</p>
        </>
      ) : null}
      {announced.length > 0 ? (
        <>
          <h2 class="kern-heading-medium">{m.meeting.announced}</h2>
          <ul>
            {announced.map((a) => (
              <li>
                <a href={scoped(paths.resolution(a.resolutionId), scope)}>{a.number}</a>: {a.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 class="kern-heading-medium">{m.meeting.documents}</h2>
      <ul>
        {meeting.state !== "planned" ? (
          <li>
            <a href={paths.invitationPdf(meeting.id)}>{m.meeting.invitationPdf}</a>
          </li>
        ) : null}
        {meeting.hasPublishedMinutes ? (
          <>
            <li>
              <a href={scoped(paths.minutes(meeting.id), scope)}>{m.meeting.minutesHtml}</a>
            </li>
            <li>
              <a href={paths.minutesPdf(meeting.id)}>{m.meeting.minutesPdf}</a>
            </li>
          </>
        ) : (
          <li>{m.meeting.minutesNotYet}</li>
        )}
        {meeting.state === "cancelled" ? null : (
          <li>
            <a href={paths.meetingIcs(meeting.id)}>{m.meeting.ical}</a>
          </li>
        )}
      </ul>
    </Layout>
  );
}

export interface ItemPageProps {
  scope: Scope;
  meeting: TMeeting;
  item: TAgendaItem;
  votes: { id: string; motion: string; yes: number | null; no: number | null; abstain: number | null; explanation: string }[];
  resolution: TResolution | null;
  measures: { measureId: string; code: string; title: string; relation: string }[];
}

export function ItemPage({ scope, meeting, item, votes, resolution, measures }: ItemPageProps) {
  return (
    <Layout
      title={`${item.number} ${item.title}`}
      scope={scope}
      section="meetings"
      breadcrumbs={[
        { text: m.nav.meetings, href: "/sitzungen" },
        { text: meeting.label, href: paths.meeting(meeting.id) },
        { text: item.number },
      ]}
    >
      <p class="kern-subline">
        {m.item.title} {item.number}, {meeting.committee.name}, {dateOf(meeting.startsAt)}
      </p>
      <h1 class="kern-heading-large">{item.title}</h1>
      {item.isPublic ? null : (
        <p>
          <Badge tone="info">{m.meeting.nonPublic}</Badge> {m.meeting.nonPublicShown}
        </p>
      )}
      {item.descriptionHtml ? <div class="prose">{trusted(item.descriptionHtml)}</div> : null}
      {item.paper ? (
        <p>
          {m.meeting.paper}: <a href={scoped(paths.paper(item.paper.id), scope)}>{`${item.paper.number}: ${item.paper.title}`}</a>
        </p>
      ) : null}
      <h2 class="kern-heading-medium">{m.item.vote}</h2>
      {votes.length > 0 ? (
        votes.map((vote) => (
          <div class="vote">
            <p>
              <strong>{m.item.motion}:</strong> {vote.motion}
            </p>
            {vote.yes !== null ? <p>{m.item.votes(vote.yes, vote.no ?? 0, vote.abstain ?? 0)}</p> : null}
            <p>{vote.explanation}</p>
          </div>
        ))
      ) : (
        <p>{m.item.noVote}</p>
      )}
      {resolution ? (
        <>
          <h2 class="kern-heading-medium">
            {m.item.wording} <a href={scoped(paths.resolution(resolution.id), scope)}>{resolution.number}</a>
          </h2>
          <div class="prose">{trusted(resolution.textHtml)}</div>
        </>
      ) : null}
      {measures.length > 0 ? (
        <>
          <h2 class="kern-heading-medium">{m.item.measures}</h2>
          <MeasureLinks scope={scope} measures={measures} />
        </>
      ) : null}
    </Layout>
  );
}

/**
 * The room's display (`/sitzungen/{id}/anzeige`), for a screen or projector in the meeting room: the current item
 * and the last result in large type. It refreshes itself every 5 seconds (static/live.js); without script, a link.
 */
export function RoomDisplayPage({ scope, display }: { scope: Scope; display: Awaited<ReturnType<typeof roomDisplay>> }) {
  const d = m.display;
  const { meeting } = display;
  return (
    <Layout
      title={`${d.title}: ${meeting.title}`}
      scope={scope}
      section="meetings"
      breadcrumbs={[
        { text: m.nav.meetings, href: "/sitzungen" },
        { text: meeting.title, href: paths.meeting(meeting.id) },
        { text: d.title },
      ]}
    >
      <script src={assetUrl("live.js")} defer />
      <div class="room-display" data-poll="5" aria-live="polite">
        <p class="kern-subline">{`${meeting.committee.name}, ${dateOf(meeting.startsAt)}`}</p>
        <h1 class="kern-heading-large">
          {display.item ? `${display.item.number} ${display.item.title}` : display.nonPublic ? d.nonPublic : d.notYet}
        </h1>
        {display.quorum ? <p class="room-display__quorum">{display.quorum.quorate ? d.quorate : d.notQuorate}</p> : null}
        {display.result ? (
          <p class="room-display__result">
            <strong>{d.result}</strong> {display.result}
          </p>
        ) : null}
      </div>
      <p>
        <a href={scoped(`/sitzungen/${meeting.id}/anzeige`, scope)}>{d.refresh}</a>
      </p>
    </Layout>
  );
}
