/** Papers: one paper with its consultations and attachments, and the register of papers. */
import type { TMeeting } from "../../schemas/meetings";
import type { TPaper } from "../../schemas/papers";
import { Layout } from "../components/layout";
import { CommitteeFilter, InputField, Pagination, ScopeField, SelectField, SubmitButton, YearFilter, trusted } from "../components/ui";
import type { RouteStep } from "../../services/record-links";
import { dateOf } from "../../rules/calendar";
import { m } from "../messages";
import { paths, type Scope, scoped } from "../kit/urls";
import { ResolutionRef } from "./resolutions";

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
