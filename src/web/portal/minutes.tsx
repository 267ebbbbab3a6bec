/** Minutes: one meeting's minutes (full or public part), and the list of published minutes. */
import type { TMeeting } from "../../schemas/meetings";
import { Layout } from "../components/layout";
import { CommitteeFilter, Facts, Notice, Pagination, ScopeField, SubmitButton, YearFilter, trusted } from "../components/ui";
import { minutesStateName } from "../../rules/minutes";
import { dateOf, isoOf, timeOf } from "../../rules/calendar";
import { m } from "../messages";
import { paths, type Scope, scoped } from "../kit/urls";

export interface MinutesView {
  meetingId: string;
  variant: "full" | "public";
  state: string;
  header: {
    committee: string;
    title: string;
    startsAt: string;
    endsAt: string | null;
    interruptions: { from: string; to: string; reason: string | null }[];
    place: string | null;
    chair: string | null;
    membersPresent: number;
    present: string[];
    absent: { name: string; label: string }[];
    deputies: { name: string; standsInFor: string }[];
    remote: string[];
    lateArrivals: { name: string; item: string | null }[];
    earlyDepartures: { name: string; item: string | null }[];
  };
  items: {
    itemId: string;
    number: string;
    title: string;
    notesHtml: string | null;
    resolutions: { id: string; number: string; label: string; textHtml: string }[];
    votes: { motion: string; explanation: string; ballots: string | null }[];
    recusals: string[];
    statements: string[];
  }[];
  signatures: { role: string; name: string; signedAt: string }[];
}

function NameList({ title, names }: { title: string; names: string[] }) {
  if (names.length === 0) return null;
  return (
    <>
      <h2 class="kern-heading-small">{title}</h2>
      <ul>
        {names.map((name) => (
          <li>{name}</li>
        ))}
      </ul>
    </>
  );
}

/** The header of the minutes as §38 (1) GemO wants it: times, place, chair, who was there, absent, stood in, remote. */
export function MinutesHeader({ header: h }: { header: MinutesView["header"] }) {
  return (
    <>
      <Facts
        rows={[
          [m.meeting.committee, h.committee],
          [m.minutes.began, <time datetime={isoOf(h.startsAt)}>{`${dateOf(h.startsAt)}, ${timeOf(h.startsAt)}`}</time>],
          [m.minutes.ended, h.endsAt ? <time datetime={isoOf(h.endsAt)}>{timeOf(h.endsAt)}</time> : m.common.none],
          ...(h.interruptions.length > 0
            ? [
                [
                  m.minutes.interruptions,
                  h.interruptions.map((p) => `${timeOf(p.from)}–${timeOf(p.to)}${p.reason ? ` (${p.reason})` : ""}`).join(", "),
                ] as [string, string],
              ]
            : []),
          [m.meeting.place, h.place ?? m.common.none],
          [m.minutes.chair, h.chair ?? m.common.none],
          [m.minutes.present, String(h.membersPresent)],
        ]}
      />
      <NameList title={m.minutes.presentNames} names={h.present} />
      <NameList title={m.minutes.absent} names={h.absent.map((a) => `${a.name}: ${a.label}`)} />
      <NameList title={m.minutes.deputies} names={h.deputies.map((d) => `${d.name} (${m.committee.deputyFor(d.standsInFor)})`)} />
      <NameList title={m.minutes.remote} names={h.remote} />
      <NameList
        title={m.minutes.lateArrivals}
        names={h.lateArrivals.map((a) => (a.item ? `${a.name}: ${m.minutes.presentFrom(a.item)}` : a.name))}
      />
      <NameList
        title={m.minutes.earlyDepartures}
        names={h.earlyDepartures.map((a) => (a.item ? `${a.name}: ${m.minutes.absentFrom(a.item)}` : a.name))}
      />
    </>
  );
}

/** The items of the minutes: notes, recusals, statements, votes and resolutions. */
export function MinutesItems({ items, scope }: { items: MinutesView["items"]; scope: Scope }) {
  return (
    <>
      {items.map((item) => (
        <section class="minutes-item" aria-labelledby={`top-${item.itemId}`}>
          <h2 class="kern-heading-medium" id={`top-${item.itemId}`}>
            {`${item.number} ${item.title}`}
          </h2>
          {item.notesHtml ? <div class="prose">{trusted(item.notesHtml)}</div> : null}
          {[...item.recusals, ...item.statements].map((text) => (
            <p>{text}</p>
          ))}
          {item.votes.map((vote) => (
            <p>
              {vote.motion}: {vote.explanation}
              {vote.ballots ? ` (${vote.ballots})` : ""}
            </p>
          ))}
          {item.resolutions.map((r) => (
            <div class="prose">
              <p>
                <strong>{r.label}</strong> <a href={scoped(paths.resolution(r.id), scope)}>{r.number}</a>
              </p>
              {trusted(r.textHtml)}
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

export function MinutesPage({ scope, minutes, meeting }: { scope: Scope; minutes: MinutesView; meeting: TMeeting }) {
  const h = minutes.header;
  const title = `${m.minutes.title}: ${h.title}${minutes.variant === "public" ? ` (${m.minutes.publicPart})` : ""}`;
  return (
    <Layout
      title={title}
      scope={scope}
      section="meetings"
      breadcrumbs={[
        { text: m.nav.meetings, href: "/sitzungen" },
        { text: meeting.label, href: paths.meeting(meeting.id) },
        { text: m.minutes.title },
      ]}
    >
      <h1 class="kern-heading-large">{title}</h1>
      {minutes.state === "published" ? null : <Notice tone="warning" text={m.minutes.notPublished(minutesStateName(minutes.state))} />}
      <MinutesHeader header={h} />
      <MinutesItems items={minutes.items} scope={scope} />
      <h2 class="kern-heading-medium">{m.minutes.signatures}</h2>
      <ul>
        {minutes.signatures.map((s) => (
          <li>{`${s.name}, ${dateOf(s.signedAt)}`}</li>
        ))}
      </ul>
      <p>
        <a href={paths.minutesPdf(meeting.id)}>{m.meeting.minutesPdf}</a>
      </p>
    </Layout>
  );
}

export interface MinutesListPageProps {
  scope: Scope;
  meetings: TMeeting[];
  committees: { id: string; name: string }[];
  years: number[];
  filter: { year?: number | undefined; committeeId?: string | undefined };
  next?: string | undefined;
}

/** The published minutes, newest first, by committee and year. */
export function MinutesListPage({ scope, meetings, committees, years, filter, next }: MinutesListPageProps) {
  return (
    <Layout title={m.minutes.list} scope={scope} section="minutes" breadcrumbs={[{ text: m.nav.minutes }]}>
      <h1 class="kern-heading-large">{m.minutes.list}</h1>
      <p>{m.minutes.listIntro}</p>
      <form class="filter" method="get" action="/niederschriften">
        <ScopeField scope={scope} />
        <CommitteeFilter committees={committees} selected={filter.committeeId} />
        <YearFilter years={years} selected={filter.year} />
        <SubmitButton label={m.meeting.filter} />
      </form>
      {meetings.length > 0 ? (
        <ul class="resolution-list">
          {meetings.map((meeting) => (
            <li>
              <a href={scoped(paths.minutes(meeting.id), scope)}>
                {`${m.minutes.title}: ${meeting.committee.name}, ${meeting.label}, ${dateOf(meeting.startsAt)}`}
              </a>{" "}
              (<a href={paths.minutesPdf(meeting.id)}>PDF</a>)
            </li>
          ))}
        </ul>
      ) : (
        <p>{m.minutes.none}</p>
      )}
      <Pagination next={next} />
    </Layout>
  );
}
