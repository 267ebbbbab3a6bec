/** The integration report of a year on the portal: the same data and charts as its PDF. */
import { coversSeveralPlans, fieldHeading, figureChange, figureChart, statusChart } from "../../documents/integration-report";
import { progressBar } from "../../documents/charts";
import { FORUM_IDEA_STATUS, MEASURE_STATUS } from "../../documents/labels";
import { renderMarkdown } from "../../documents/markdown";
import { germanDate } from "../../rules/calendar";
import type { IntegrationReportData, ReportFigureView } from "../../services/plan/integration-report";
import { ChartFigure, ChartSvg } from "../components/chart";
import { Layout } from "../components/layout";
import { Badge, Notice, Table, trusted } from "../components/ui";
import { m } from "../messages";
import { paths, scoped, type Scope } from "../kit/urls";

const r = () => m.report;

function Prose({ markdown }: { markdown: string | null }) {
  const html = markdown ? renderMarkdown(markdown) : null;
  return html ? <div class="prose">{trusted(html)}</div> : null;
}

function FigureBlock({ figure, id }: { figure: ReportFigureView; id: string }) {
  return (
    <section class="report-figure" aria-labelledby={`${id}-name`}>
      <h4 class="kern-heading-small" id={`${id}-name`}>
        {figure.name}
        {figure.published ? "" : ` (${r().internal})`}
      </h4>
      <p>{figureChange(figure)}</p>
      {figure.source ? <p>{`${r().source}: ${figure.source}`}</p> : null}
      <ChartFigure chart={{ ...figureChart(figure), title: r().course }} id={id} name={`${r().course}: ${figure.name}`} />
    </section>
  );
}

type Field = IntegrationReportData["actionFields"][number];

function ActionField({ field, id, heading, scope, year }: { field: Field; id: string; heading: string; scope: Scope; year: number }) {
  return (
    <section aria-labelledby={id}>
      <h2 class="kern-heading-medium" id={id}>
        {heading}
      </h2>
      <p>
        <a href={scoped(paths.plan(field.planId), scope)}>{field.planTitle}</a>
      </p>
      <Prose markdown={field.markdown} />
      <h3 class="kern-heading-small">{r().byStatus}</h3>
      <ChartFigure chart={statusChart(field, heading)} id={`${id}-stand`} />
      <h3 class="kern-heading-small">{r().measures}</h3>
      <Table
        label={`${r().measures}: ${heading}`}
        heads={[r().code, r().measure, r().status, r().progress]}
        rows={field.measures.map((measure) => [
          measure.code,
          <a href={scoped(paths.measure(measure.id), scope)}>{measure.title}</a>,
          <Badge>{MEASURE_STATUS[measure.status]}</Badge>,
          <span class="progress-cell">
            <ChartSvg chart={progressBar(measure.title, measure.progress)} label={`${r().progress}: ${measure.progress} %`} />
          </span>,
        ])}
      />
      {field.indicators.length > 0 ? (
        <>
          <h3 class="kern-heading-small">{r().indicators}</h3>
          {field.indicators.map((indicator) => (
            <FigureBlock figure={indicator} id={`ind-${indicator.key}`} />
          ))}
        </>
      ) : null}
      <h3 class="kern-heading-small">{`${r().resolutions} ${year}`}</h3>
      {field.resolutions.length > 0 ? (
        <ul class="resolution-list">
          {field.resolutions.map((resolution) => (
            <li>
              <a href={scoped(paths.resolution(resolution.id), scope)}>{resolution.number}</a>
              {` vom ${germanDate(resolution.date)}, ${resolution.committee} (${r().measure} ${resolution.measures.join(", ")}): `}
              {resolution.text}
            </li>
          ))}
        </ul>
      ) : (
        <p>{r().noResolutions}</p>
      )}
    </section>
  );
}

export function IntegrationReportPage({ scope, report, years }: { scope: Scope; report: IntegrationReportData; years: number[] }) {
  const several = coversSeveralPlans(report);
  const sections = [
    ...(report.introduction ? [{ href: "#einleitung", text: r().introduction }] : []),
    ...(report.keyFigures.length ? [{ href: "#zahlen", text: r().keyFigures }] : []),
    ...report.actionFields.map((f, index) => ({ href: `#hf-${index + 1}`, text: fieldHeading(f, several) })),
    ...(report.forums.length ? [{ href: "#foren", text: r().forums }] : []),
    ...(report.outlook ? [{ href: "#ausblick", text: r().outlook }] : []),
  ];
  let category: string | null = null;
  return (
    <Layout
      title={report.title}
      scope={scope}
      section="plan"
      breadcrumbs={[{ text: m.nav.plan, href: scoped("/integrationsplan", scope) }, { text: report.title }]}
    >
      <h1 class="kern-heading-large">{report.title}</h1>
      <p>{`${report.body.name} · ${r().forYear} ${report.year}`}</p>
      {report.published ? null : <Notice tone="warning" text={r().draft} />}
      <p>
        <a href={scoped(paths.integrationReportPdf(report.year), scope)}>{`${r().pdf} (PDF)`}</a>
      </p>
      {years.length > 1 ? (
        <nav aria-label={r().otherYears}>
          <p>
            {`${r().otherYears}: `}
            {years.map((year, index) => (
              <>
                {index > 0 ? ", " : ""}
                {year === report.year ? (
                  <span aria-current="page">{String(year)}</span>
                ) : (
                  <a href={scoped(paths.integrationReport(year), scope)}>{String(year)}</a>
                )}
              </>
            ))}
          </p>
        </nav>
      ) : null}
      <nav class="report-toc" aria-labelledby="bericht-inhalt">
        <h2 class="kern-heading-medium" id="bericht-inhalt">
          {r().contents}
        </h2>
        <ol>
          {sections.map((section) => (
            <li>
              <a href={section.href}>{section.text}</a>
            </li>
          ))}
        </ol>
      </nav>
      {report.introduction ? (
        <section aria-labelledby="einleitung">
          <h2 class="kern-heading-medium" id="einleitung">
            {r().introduction}
          </h2>
          <Prose markdown={report.introduction} />
        </section>
      ) : null}
      {report.keyFigures.length > 0 ? (
        <section aria-labelledby="zahlen">
          <h2 class="kern-heading-medium" id="zahlen">
            {r().keyFigures}
          </h2>
          <p>{r().keyFiguresLead(report.year)}</p>
          {report.keyFigures.map((figure) => {
            const heading = figure.category && figure.category !== category ? figure.category : null;
            category = figure.category;
            return (
              <>
                {heading ? <h3 class="kern-heading-small">{heading}</h3> : null}
                <FigureBlock figure={figure} id={`kz-${figure.key}`} />
              </>
            );
          })}
        </section>
      ) : null}
      {report.actionFields.map((field, index) => (
        <ActionField field={field} id={`hf-${index + 1}`} heading={fieldHeading(field, several)} scope={scope} year={report.year} />
      ))}
      {report.forums.length > 0 ? (
        <section aria-labelledby="foren">
          <h2 class="kern-heading-medium" id="foren">
            {r().forums}
          </h2>
          {report.forums.map((forum) => (
            <>
              <h3 class="kern-heading-small">{`${forum.forum} am ${germanDate(forum.date)}`}</h3>
              <ul>
                {forum.ideas.map((idea) => (
                  <li>
                    {idea.text} <Badge>{FORUM_IDEA_STATUS[idea.status as keyof typeof FORUM_IDEA_STATUS] ?? idea.status}</Badge>
                    {idea.measure ? (
                      <>
                        {` ${r().becameMeasure} `}
                        <a href={scoped(paths.measure(idea.measure.id), scope)}>{`${idea.measure.code} ${idea.measure.title}`}</a>
                      </>
                    ) : null}
                    {idea.paper ? (
                      <>
                        {` ${r().becamePaper} `}
                        <a href={scoped(paths.paper(idea.paper.id), scope)}>{`${idea.paper.number} ${idea.paper.title}`}</a>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ))}
        </section>
      ) : null}
      {report.outlook ? (
        <section aria-labelledby="ausblick">
          <h2 class="kern-heading-medium" id="ausblick">
            {r().outlook}
          </h2>
          <Prose markdown={report.outlook} />
        </section>
      ) : null}
    </Layout>
  );
}

export function IntegrationReportsPage({ scope, years }: { scope: Scope; years: number[] }) {
  return (
    <Layout
      title={m.plan.reports}
      scope={scope}
      section="plan"
      breadcrumbs={[{ text: m.nav.plan, href: scoped("/integrationsplan", scope) }, { text: m.plan.reports }]}
    >
      <h1 class="kern-heading-large">{m.plan.reports}</h1>
      {years.length > 0 ? (
        <ul>
          {years.map((year) => (
            <li>
              <a href={scoped(paths.integrationReport(year), scope)}>{`${r().title} ${year}`}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{r().none}</p>
      )}
    </Layout>
  );
}
