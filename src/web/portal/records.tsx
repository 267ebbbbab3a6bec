/** Papers, minutes, committees and people, resolutions. */
import type { TComposition } from "../../schemas/memberships";
import { label } from "../../documents/labels";
import type { TMeeting } from "../../schemas/meetings";
import type { TResolution } from "../../schemas/outcomes";
import type { TPaper } from "../../schemas/papers";
import { Layout } from "../components/layout";
import {
  CommitteeFilter,
  Facts,
  InputField,
  Notice,
  Pagination,
  ScopeField,
  SelectField,
  SubmitButton,
  Table,
  YearFilter,
  trusted,
} from "../components/ui";
import { minutesStateName } from "../../rules/minutes";
import type { LinkedResolution, ResolutionLinks, RouteStep } from "../../services/record-links";
import type { JSX } from "hono/jsx/jsx-runtime";
import { dateOf, isoOf, timeOf } from "../../rules/calendar";
import { m } from "../messages";
import { paths, type Scope, scoped } from "../kit/urls";
import { FeedLinks, MeasureLinks, MeetingRow } from "./meetings";

export function PaperPage({
  scope,
  paper,
  meetings,
  route,
}: {
  scope: Scope;
  paper: TPaper;
  /** The meeting of each consultation, by its id: the scheduled one, or the one whose agenda dealt with the paper. */
  meetings: Map<string, TMeeting>;
  route: RouteStep[];
}) {
  const sections: [string, string | null][] = [
    [m.paper.proposedResolution, paper.proposedResolutionHtml],
    [m.paper.factsAndReasons, paper.factsAndReasonsHtml],
    [m.paper.financialEffects, paper.financialEffectsHtml],
  ];
  return (
    <Layout
      title={`${m.paper.title} ${paper.number}: ${paper.title}`}
      scope={scope}
      breadcrumbs={[{ text: `${m.paper.title} ${paper.number}` }]}
    >
      <p class="kern-subline">
        {m.paper.types[paper.type] ?? paper.type} {paper.number}
      </p>
      <h1 class="kern-heading-large">{paper.title}</h1>
      {sections.map(([heading, html]) =>
        html ? (
          <>
            <h2 class="kern-heading-medium">{heading}</h2>
            <div class="prose">{trusted(html)}</div>
          </>
        ) : null,
      )}
      <h2 class="kern-heading-medium">{m.paper.route}</h2>
      <section class="kern-table-responsive" tabindex={0} aria-label={m.paper.route}>
        <table class="kern-table">
          <thead class="kern-table__header">
            <tr class="kern-table__row">
              <th class="kern-table__header" scope="col">
                {m.meeting.committee}
              </th>
              <th class="kern-table__header" scope="col">
                {m.paper.kind}
              </th>
              <th class="kern-table__header" scope="col">
                {m.resolution.meeting}
              </th>
              <th class="kern-table__header" scope="col">
                {m.paper.outcome}
              </th>
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {paper.consultations.map((step) => {
              const meeting = meetings.get(step.id);
              const outcome = route.find((r) => r.consultationId === step.id);
              return (
                <tr class="kern-table__row">
                  <td class="kern-table__cell">
                    <a href={scoped(paths.committee(step.committeeId), scope)}>{step.committee.name}</a>
                  </td>
                  <td class="kern-table__cell">{m.paper.roles[step.role] ?? step.role}</td>
                  <td class="kern-table__cell">
                    {meeting ? (
                      <a href={scoped(paths.meeting(meeting.id), scope)}>{`${meeting.label}, ${dateOf(meeting.startsAt)}`}</a>
                    ) : (
                      m.common.none
                    )}
                  </td>
                  <td class="kern-table__cell">
                    {m.paper.states[step.state] ?? step.state}
                    {outcome?.item ? (
                      <>
                        {", "}
                        <a
                          href={scoped(paths.item(outcome.item.meetingId, outcome.item.id), scope)}
                        >{`${m.item.title} ${outcome.item.number}`}</a>
                      </>
                    ) : null}
                    {outcome?.resolutions.map((r) => (
                      <p class="route__outcome">
                        <ResolutionRef scope={scope} resolution={r} />
                        {r.handling ? ` – ${m.resolution.handlingLabel}: ${m.resolution.handling[r.handling] ?? r.handling}` : ""}
                      </p>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <h2 class="kern-heading-medium">{m.paper.attachments}</h2>
      {paper.attachments.length > 0 ? (
        <ul>
          {paper.attachments.map((a) => (
            <li>
              <a href={paths.attachment(paper.id, a.id)}>{a.filename}</a> ({a.contentType.split("/").pop()?.toUpperCase()},{" "}
              {m.common.kib(a.size)})
            </li>
          ))}
        </ul>
      ) : (
        <p>{m.paper.noAttachments}</p>
      )}
      <p>
        <a href={paths.paperPdf(paper.id)}>{m.paper.pdf}</a>
      </p>
    </Layout>
  );
}

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
    votes: { motion: string; explanation: string }[];
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
      {minutes.items.map((item) => (
        <section class="minutes-item" aria-labelledby={`top-${item.itemId}`}>
          <h2 class="kern-heading-medium" id={`top-${item.itemId}`}>
            {`${item.number} ${item.title}`}
          </h2>
          {item.notesHtml ? <div class="prose">{trusted(item.notesHtml)}</div> : null}
          {item.votes.map((vote) => (
            <p>
              {vote.motion}: {vote.explanation}
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

export function CommitteesPage({ scope, committees }: { scope: Scope; committees: { id: string; name: string; shortName: string }[] }) {
  return (
    <Layout title={m.committee.list} scope={scope} section="committees" breadcrumbs={[{ text: m.nav.committees }]}>
      <h1 class="kern-heading-large">{m.committee.list}</h1>
      <ul>
        {committees.map((c) => (
          <li>
            <a href={scoped(paths.committee(c.id), scope)}>{c.name}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export interface CommitteePageProps {
  scope: Scope;
  committee: { id: string; name: string };
  composition: TComposition;
  terms: Map<string, string>;
  meetings: TMeeting[];
  feed: { https: string; webcal: string };
}

export function CommitteePage({ scope, committee, composition, terms, meetings, feed }: CommitteePageProps) {
  return (
    <Layout
      title={committee.name}
      scope={scope}
      section="committees"
      breadcrumbs={[{ text: m.nav.committees, href: "/gremien" }, { text: committee.name }]}
    >
      <h1 class="kern-heading-large">{committee.name}</h1>
      <h2 class="kern-heading-medium">
        {m.committee.members} ({m.committee.on} {dateOf(`${composition.at}T12:00:00Z`)})
      </h2>
      <form class="filter" method="get" action={paths.committee(committee.id)}>
        <ScopeField scope={scope} />
        <div class="kern-form-input">
          <label class="kern-label" for="stand">
            {m.committee.on}
          </label>
          <input class="kern-form-input__input" type="date" id="stand" name="stand" value={composition.at} />
        </div>
        <SubmitButton label={m.meeting.filter} />
      </form>
      {composition.items.length > 0 ? (
        <Table
          label={m.committee.members}
          heads={[m.committee.person, m.committee.role, m.committee.voting, m.committee.sentBy, m.committee.term]}
          rows={composition.items.map((seat) => [
            <a href={scoped(paths.person(seat.personId), scope)}>{`${seat.person.givenName} ${seat.person.familyName}`}</a>,
            <>
              {label(m.committee.roles, seat.role)}
              {seat.deputyFor
                ? ` (${m.committee.deputyFor(`${seat.deputyFor.person.givenName} ${seat.deputyFor.person.familyName}`)})`
                : ""}
            </>,
            seat.votingRight ? m.committee.votingYes : m.committee.votingNo,
            seat.onBehalfOf ?? m.common.none,
            (seat.termId && terms.get(seat.termId)) ?? m.common.none,
          ])}
        />
      ) : (
        <p>{m.committee.noMembers}</p>
      )}
      <h2 class="kern-heading-medium">{m.committee.meetings}</h2>
      <ul class="meeting-list">
        {meetings.map((meeting) => (
          <MeetingRow meeting={meeting} scope={scope} />
        ))}
      </ul>
      <FeedLinks feed={feed} />
    </Layout>
  );
}

export interface PersonPageProps {
  scope: Scope;
  person: { givenName: string; familyName: string };
  seats: { committeeId: string; committeeName: string; role: string; votingRight: boolean; startDate: string; endDate: string | null }[];
}

export function PersonPage({ scope, person, seats }: PersonPageProps) {
  const name = `${person.givenName} ${person.familyName}`;
  return (
    <Layout title={name} scope={scope} section="committees" breadcrumbs={[{ text: m.nav.committees, href: "/gremien" }, { text: name }]}>
      <h1 class="kern-heading-large">{name}</h1>
      <h2 class="kern-heading-medium">{m.committee.seats}</h2>
      {seats.length > 0 ? (
        <ul>
          {seats.map((seat) => (
            <li>
              <a href={scoped(paths.committee(seat.committeeId), scope)}>{seat.committeeName}</a>
              {`: ${label(m.committee.roles, seat.role)}, ${seat.votingRight ? m.committee.votingYes : m.committee.votingNo}, `}
              {`${dateOf(`${seat.startDate}T12:00:00Z`)} – ${seat.endDate ? dateOf(`${seat.endDate}T12:00:00Z`) : ""}`}
            </li>
          ))}
        </ul>
      ) : (
        <p>{m.committee.noSeats}</p>
      )}
    </Layout>
  );
}

export interface ResolutionsPageProps {
  scope: Scope;
  resolutions: TResolution[];
  committees: { id: string; name: string }[];
  committeeId?: string;
  year?: number;
  years: number[];
  next?: string;
}

export function ResolutionsPage({ scope, resolutions, committees, committeeId, year, years, next }: ResolutionsPageProps) {
  return (
    <Layout title={m.resolution.register} scope={scope} section="resolutions" breadcrumbs={[{ text: m.nav.resolutions }]}>
      <h1 class="kern-heading-large">{m.resolution.register}</h1>
      <form class="filter" method="get" action="/beschluesse">
        <ScopeField scope={scope} />
        <CommitteeFilter committees={committees} selected={committeeId} />
        <YearFilter years={years} selected={year} />
        <SubmitButton label={m.meeting.filter} />
      </form>
      {resolutions.length > 0 ? (
        <ul class="resolution-list">
          {resolutions.map((r) => (
            <li>
              <a href={scoped(paths.resolution(r.id), scope)}>{r.number}</a>: {firstLine(r.text)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{m.resolution.none}</p>
      )}
      <Pagination next={next} />
    </Layout>
  );
}

const firstLine = (text: string) => {
  const line = text.split("\n").find((l) => l.trim()) ?? "";
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
};

export interface ResolutionPageProps {
  scope: Scope;
  resolution: TResolution;
  label: string;
  meeting: TMeeting | null;
  measures: { measureId: string; code: string; title: string; relation: string }[];
  links: ResolutionLinks;
}

/** "IA/2026/004 (Integrationsausschuss, 12.03.2026): angenommen", linked. */
function ResolutionRef({ scope, resolution }: { scope: Scope; resolution: LinkedResolution }) {
  return (
    <>
      <a href={scoped(paths.resolution(resolution.id), scope)}>{`${resolution.label} ${resolution.number}`}</a>
      {` (${[resolution.committee, resolution.meetingDate ? dateOf(resolution.meetingDate) : null].filter(Boolean).join(", ")})`}
      {resolution.outcome ? `: ${m.resolution.outcomes[resolution.outcome] ?? resolution.outcome}` : ""}
    </>
  );
}

export function ResolutionPage({ scope, resolution, label, meeting, measures, links }: ResolutionPageProps) {
  return (
    <Layout
      title={`${label} ${resolution.number}`}
      scope={scope}
      section="resolutions"
      breadcrumbs={[{ text: m.nav.resolutions, href: "/beschluesse" }, { text: resolution.number }]}
    >
      <p class="kern-subline">{label}</p>
      <h1 class="kern-heading-large">{resolution.number}</h1>
      <div class="prose">{trusted(resolution.textHtml)}</div>
      <Facts
        rows={[
          [
            m.resolution.meeting,
            meeting ? (
              <a
                href={scoped(paths.meeting(meeting.id), scope)}
              >{`${meeting.committee.name}: ${meeting.label}, ${dateOf(meeting.startsAt)}`}</a>
            ) : (
              m.common.none
            ),
          ],
          ...(links.item
            ? [
                [
                  m.resolution.item,
                  <a href={scoped(paths.item(links.item.meetingId, links.item.id), scope)}>{`${links.item.number} ${links.item.title}`}</a>,
                ] as [string, JSX.Element],
              ]
            : []),
          ...(links.paper
            ? [
                [
                  m.meeting.paper,
                  <a href={scoped(paths.paper(links.paper.id), scope)}>{`${links.paper.number}: ${links.paper.title}`}</a>,
                ] as [string, JSX.Element],
              ]
            : []),
          [
            m.item.vote,
            resolution.vote
              ? `${m.item.votes(resolution.vote.yes ?? 0, resolution.vote.no ?? 0, resolution.vote.abstain ?? 0)}`
              : m.common.none,
          ],
        ]}
      />
      {links.followUp ? (
        <>
          <h2 class="kern-heading-medium">{m.resolution.followUp}</h2>
          <Facts
            rows={[
              [m.resolution.recipient, resolution.recipientBody ?? m.common.none],
              [m.resolution.handlingLabel, m.resolution.handling[links.followUp.handling] ?? links.followUp.handling],
              [
                m.resolution.receiving,
                links.followUp.receiving ? <ResolutionRef scope={scope} resolution={links.followUp.receiving} /> : m.common.none,
              ],
              ...(links.followUp.note ? [[m.resolution.note, links.followUp.note] as [string, string]] : []),
            ]}
          />
        </>
      ) : null}
      {links.answers.length > 0 ? (
        <>
          <h2 class="kern-heading-medium">{m.resolution.answers}</h2>
          <ul>
            {links.answers.map((recommendation) => (
              <li>
                <ResolutionRef scope={scope} resolution={recommendation} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 class="kern-heading-medium">{m.resolution.trace}</h2>
      {measures.length > 0 ? <MeasureLinks scope={scope} measures={measures} /> : <p>{m.resolution.noTrace}</p>}
      <p>
        <a href={paths.resolutionPdf(resolution.id)}>{m.resolution.pdf}</a>
      </p>
    </Layout>
  );
}

export interface PapersPageProps {
  scope: Scope;
  papers: TPaper[];
  committees: { id: string; name: string }[];
  years: number[];
  filter: { year?: number | undefined; committeeId?: string | undefined; type?: string | undefined; state?: string | undefined; q: string };
  next?: string | undefined;
}

/** The register of papers (Vorlagen), newest first, by year, committee, kind, state of consultation and title. */
export function PapersPage({ scope, papers, committees, years, filter, next }: PapersPageProps) {
  return (
    <Layout title={m.paper.list} scope={scope} section="papers" breadcrumbs={[{ text: m.nav.papers }]}>
      <h1 class="kern-heading-large">{m.paper.list}</h1>
      <form class="filter" method="get" action="/vorlagen">
        <ScopeField scope={scope} />
        <YearFilter years={years} selected={filter.year} />
        <CommitteeFilter committees={committees} selected={filter.committeeId} />
        <SelectField
          id="art"
          label={m.paper.kind}
          emptyLabel={m.paper.allTypes}
          options={Object.entries(m.paper.types).map(([value, label]) => ({ value, label }))}
          selected={filter.type}
        />
        <SelectField
          id="stand"
          label={m.paper.state}
          emptyLabel={m.paper.allStates}
          options={Object.entries(m.paper.states).map(([value, label]) => ({ value, label }))}
          selected={filter.state}
        />
        <InputField id="titel" label={m.paper.text} type="search" value={filter.q} />
        <SubmitButton label={m.meeting.filter} />
      </form>
      {papers.length > 0 ? (
        <ul class="resolution-list">
          {papers.map((paper) => (
            <li>
              <a href={scoped(paths.paper(paper.id), scope)}>{`${paper.number}: ${paper.title}`}</a>
              <span class="search-results__context">
                {` – ${m.paper.types[paper.type] ?? paper.type}`}
                {paper.date ? `, ${dateOf(`${paper.date}T12:00:00Z`)}` : ""}
                {paper.isPublic ? "" : `, ${m.meeting.nonPublic}`}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{m.paper.none}</p>
      )}
      <Pagination next={next} />
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
