/** Resolutions: the register of resolutions, and one resolution with its meeting, paper, follow-up and measures. */
import type { TMeeting } from "../../schemas/meetings";
import type { TResolution } from "../../schemas/outcomes";
import { Layout } from "../components/layout";
import { CommitteeFilter, Facts, Pagination, ScopeField, SubmitButton, YearFilter, trusted } from "../components/ui";
import type { LinkedResolution, ResolutionLinks } from "../../services/record-links";
import type { JSX } from "hono/jsx/jsx-runtime";
import { dateOf } from "../../rules/calendar";
import { m } from "../messages";
import { paths, type Scope, scoped } from "../kit/urls";
import { MeasureLinks } from "./meetings";

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
export function ResolutionRef({ scope, resolution }: { scope: Scope; resolution: LinkedResolution }) {
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
