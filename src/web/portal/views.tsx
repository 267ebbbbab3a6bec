/** Start, integration plan, search, the legal pages, the choice of body and the error pages. */
import type { TMeeting } from "../../schemas/meetings";
import { label } from "../../documents/labels";
import type { TMeasure } from "../../schemas/plans";
import type { TResolution } from "../../schemas/outcomes";
import { Layout } from "../components/layout";
import { Badge, CommitteeFilter, DateField, ErrorSummary, Facts, ScopeField, SelectField, SubmitButton, trusted } from "../components/ui";
import { dateOf } from "../../rules/calendar";
import { m } from "../messages";
import { paths, type Scope, scoped } from "../kit/urls";
import { MeetingRow } from "./meetings";

type StatusCounts = Record<string, number>;
export interface PlanSummary {
  id: string;
  title: string;
  actionFields: { number: number; title: string; counts: StatusCounts; total: number }[];
}

/** Progress of an action field: the share of measures implemented or ongoing, shown as a bar and in words. */
function FieldProgress({ field }: { field: PlanSummary["actionFields"][number] }) {
  const done = (field.counts.implemented ?? 0) + (field.counts.ongoing ?? 0);
  const percent = field.total ? Math.round((done / field.total) * 100) : 0;
  const words = `${done} von ${field.total} umgesetzt oder laufend (${percent} %)`;
  return (
    <div class="field-progress">
      <p class="field-progress__label">
        {`${m.plan.actionField} ${field.number}: ${field.title}`} – {words}
      </p>
      <progress class="field-progress__bar" max={field.total || 1} value={done} aria-label={`${field.title}: ${words}`}>
        {`${percent} %`}
      </progress>
    </div>
  );
}

function SearchBox({ scope, query = "", label }: { scope: Scope; query?: string; label: string }) {
  return (
    <form class="search-box" method="get" action="/suche">
      <ScopeField scope={scope} />
      <div class="kern-form-input">
        <label class="kern-label" for="q">
          {label}
        </label>
        <div class="kern-hint" id="q-hint">
          {m.search.hint}
        </div>
        <input class="kern-form-input__input" type="search" id="q" name="q" value={query} aria-describedby="q-hint" />
      </div>
      <SubmitButton label={m.search.submit} primary />
    </form>
  );
}

export interface StartPageProps {
  scope: Scope;
  upcoming: TMeeting[];
  resolutions: TResolution[];
  plans: PlanSummary[];
}

export function StartPage({ scope, upcoming, resolutions, plans }: StartPageProps) {
  const name = scope.body?.name ?? m.site.name;
  return (
    <Layout title={m.site.home} scope={scope}>
      <h1 class="kern-heading-large">{`${m.site.name}: ${name}`}</h1>
      <p>{m.start.intro}</p>
      <ul class="inline-links">
        <li>
          <a href={scoped("/leichte-sprache", scope)}>{m.start.easyLanguage}</a>
        </li>
        <li>
          <a href={scoped("/gebaerdensprache", scope)}>{m.start.signLanguage}</a>
        </li>
      </ul>
      <SearchBox scope={scope} label={m.start.searchLabel} />
      <h2 class="kern-heading-medium">{m.meeting.upcoming}</h2>
      {upcoming.length > 0 ? (
        <ul class="meeting-list">
          {upcoming.map((meeting) => (
            <MeetingRow meeting={meeting} scope={scope} />
          ))}
        </ul>
      ) : (
        <p>{m.meeting.noUpcoming}</p>
      )}
      <p>
        <a href={scoped("/sitzungen", scope)}>{m.meeting.calendar}</a>
      </p>
      <h2 class="kern-heading-medium">{m.resolution.latest}</h2>
      <ul class="resolution-list">
        {resolutions.map((r) => (
          <li>
            <a href={scoped(paths.resolution(r.id), scope)}>{r.number}</a>
            {`: ${r.text.split("\n")[0]!.slice(0, 140)}`}
          </li>
        ))}
      </ul>
      {plans.map((plan) => (
        <section aria-labelledby={`plan-${plan.id}`}>
          <h2 class="kern-heading-medium" id={`plan-${plan.id}`}>
            <a href={scoped(paths.plan(plan.id), scope)}>{plan.title}</a>
          </h2>
          {plan.actionFields.map((field) => (
            <FieldProgress field={field} />
          ))}
        </section>
      ))}
    </Layout>
  );
}

export function PlanPage({ scope, plan, measures }: { scope: Scope; plan: PlanSummary; measures: TMeasure[] }) {
  return (
    <Layout
      title={plan.title}
      scope={scope}
      section="plan"
      breadcrumbs={[{ text: m.nav.plan, href: "/integrationsplan" }, { text: plan.title }]}
    >
      <h1 class="kern-heading-large">{plan.title}</h1>
      {plan.actionFields.map((field) => {
        const inField = measures.filter((measure) => measure.actionField.number === field.number);
        return (
          <section aria-labelledby={`feld-${field.number}`}>
            <h2 class="kern-heading-medium" id={`feld-${field.number}`}>
              {`${m.plan.actionField} ${field.number}: ${field.title}`}
            </h2>
            <FieldProgress field={field} />
            <ul>
              {inField.map((measure) => (
                <li>
                  <a href={scoped(paths.measure(measure.id), scope)}>{`${measure.code} ${measure.title}`}</a>{" "}
                  <Badge>{m.plan.statuses[measure.status] ?? measure.status}</Badge>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </Layout>
  );
}

export function PlansPage({ scope, plans }: { scope: Scope; plans: { id: string; title: string }[] }) {
  return (
    <Layout title={m.plan.title} scope={scope} section="plan" breadcrumbs={[{ text: m.nav.plan }]}>
      <h1 class="kern-heading-large">{m.plan.title}</h1>
      {plans.length > 0 ? (
        <ul>
          {plans.map((plan) => (
            <li>
              <a href={scoped(paths.plan(plan.id), scope)}>{plan.title}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{m.plan.none}</p>
      )}
      <h2 class="kern-heading-medium">{m.plan.reports}</h2>
      <p>
        <a href={scoped(paths.integrationReports, scope)}>{m.plan.reportsLink}</a>
      </p>
    </Layout>
  );
}

export interface TraceEntry {
  date: string;
  relation: string;
  resolution: { id: string; number: string; text: string };
  committee: { id: string; name: string };
  meeting: { id: string; label: string } | null;
  itemNumber: string | null;
  vote: { outcome: string; yes: number | null; no: number | null; abstain: number | null } | null;
  minutesExcerpt: string | null;
  statusChange: { fromStatus: string | null; toStatus: string | null } | null;
}

export function MeasurePage({
  scope,
  measure,
  planTitle,
  trace,
}: {
  scope: Scope;
  measure: TMeasure;
  planTitle: string;
  trace: TraceEntry[];
}) {
  return (
    <Layout
      title={`${measure.code} ${measure.title}`}
      scope={scope}
      section="plan"
      breadcrumbs={[
        { text: m.nav.plan, href: "/integrationsplan" },
        { text: planTitle, href: paths.plan(measure.planId) },
        { text: measure.code },
      ]}
    >
      <p class="kern-subline">{`${m.plan.actionField} ${measure.actionField.number}: ${measure.actionField.title}`}</p>
      <h1 class="kern-heading-large">{`${measure.code} ${measure.title}`}</h1>
      {measure.description ? <p>{measure.description}</p> : null}
      <Facts
        rows={[
          [m.plan.status, m.plan.statuses[measure.status] ?? measure.status],
          [
            m.plan.progress,
            <>
              <progress max={100} value={measure.progress} aria-label={`${m.plan.progress}: ${measure.progress} %`}>
                {`${measure.progress} %`}
              </progress>{" "}
              {`${measure.progress} %`}
            </>,
          ],
          [m.plan.responsible, measure.responsible ?? m.common.none],
          [m.plan.partners, measure.partners.join(", ") || m.common.none],
        ]}
      />
      <h2 class="kern-heading-medium">{m.plan.timeline}</h2>
      {trace.length > 0 ? (
        <ol class="timeline">
          {trace.map((entry) => (
            <li class="timeline__entry">
              <p class="timeline__date">{dateOf(`${entry.date}T12:00:00Z`)}</p>
              <p>
                {[entry.committee.name, entry.meeting?.label, entry.itemNumber].filter(Boolean).join(", ")}:{" "}
                <a href={scoped(paths.resolution(entry.resolution.id), scope)}>{entry.resolution.number}</a>{" "}
                {label(m.resolution.relationsToMeasure, entry.relation)}
                {entry.statusChange?.toStatus ? ` (${m.plan.status}: ${label(m.plan.statuses, entry.statusChange.toStatus)})` : ""}
              </p>
              <p>{entry.resolution.text.split("\n")[0]}</p>
              {entry.vote && entry.vote.yes !== null ? (
                <p>{m.item.votes(entry.vote.yes, entry.vote.no ?? 0, entry.vote.abstain ?? 0)}</p>
              ) : null}
              {entry.minutesExcerpt ? <blockquote>{entry.minutesExcerpt}</blockquote> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>{m.plan.noTimeline}</p>
      )}
    </Layout>
  );
}

export interface SearchHitView {
  kind: string;
  title: string;
  context: string | null;
  href: string;
  snippet: string;
  match: "number" | "all" | "some";
}

function HitList({ hits, scope }: { hits: SearchHitView[]; scope: Scope }) {
  return (
    <ul class="search-results">
      {hits.map((hit) => (
        <li>
          <a href={scoped(hit.href, scope)}>{hit.title}</a>
          {hit.context ? <span class="search-results__context">{` – ${hit.context}`}</span> : null}
          {hit.snippet ? <p class="search-results__snippet">{trusted(markMatches(hit.snippet))}</p> : null}
        </li>
      ))}
    </ul>
  );
}

/** One group of hits under its heading; nothing when it is empty. */
function HitGroup({ id, title, hits, scope }: { id: string; title: string; hits: SearchHitView[]; scope: Scope }) {
  if (hits.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h3 class="kern-heading-small" id={id}>
        {title}
      </h3>
      <HitList hits={hits} scope={scope} />
    </section>
  );
}

export interface SearchPageProps {
  scope: Scope;
  query: string;
  kind?: string | undefined;
  committeeId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  committees: { id: string; name: string }[];
  hits: SearchHitView[] | null;
  /** German messages by field (q, von, bis). */
  errors?: Record<string, string>;
}

export function SearchPage({ scope, query, kind, committeeId, from, to, committees, hits, errors = {} }: SearchPageProps) {
  const error = errors.q;
  const byNumber = (hits ?? []).filter((hit) => hit.match === "number");
  const some = (hits ?? []).filter((hit) => hit.match === "some");
  const groups = Object.keys(m.search.kinds).flatMap((k) => {
    const inKind = (hits ?? []).filter((hit) => hit.kind === k && hit.match === "all");
    return inKind.length ? [[k, inKind] as const] : [];
  });
  return (
    <Layout
      title={query ? `${m.search.title}: ${query}` : m.search.title}
      scope={scope}
      section="search"
      breadcrumbs={[{ text: m.nav.search }]}
    >
      <h1 class="kern-heading-large">{m.search.title}</h1>
      <ErrorSummary errors={errors} />
      <form class="search-box" method="get" action="/suche">
        <ScopeField scope={scope} />
        <div class={`kern-form-input${error ? " kern-form-input--error" : ""}`}>
          <label class="kern-label" for="q">
            {m.search.label}
          </label>
          <div class="kern-hint" id="q-hint">
            {m.search.hint}
          </div>
          {error ? (
            <p class="kern-error" id="q-error" role="alert">
              {error}
            </p>
          ) : null}
          <input
            class="kern-form-input__input"
            type="search"
            id="q"
            name="q"
            value={query}
            aria-describedby={error ? "q-hint q-error" : "q-hint"}
            {...(error ? { "aria-invalid": "true" } : {})}
          />
        </div>
        <SelectField
          id="art"
          label={m.search.kind}
          emptyLabel={m.search.allKinds}
          options={Object.entries(m.search.kinds).map(([value, label]) => ({ value, label }))}
          selected={kind}
        />
        <CommitteeFilter committees={committees} selected={committeeId} />
        <DateField id="von" label={m.search.from} value={from} error={errors.von} />
        <DateField id="bis" label={m.search.to} value={to} error={errors.bis} />
        <SubmitButton label={m.search.submit} primary />
      </form>
      {hits && hits.length > 0 ? (
        <>
          <h2 class="kern-heading-medium">{m.search.results(hits.length, query)}</h2>
          <HitGroup id="nummer" title={m.search.byNumber} hits={byNumber} scope={scope} />
          {groups.map(([k, inKind]) => (
            <HitGroup id={`art-${k}`} title={m.search.kinds[k] ?? k} hits={inKind} scope={scope} />
          ))}
          <HitGroup id="einige-woerter" title={m.search.some} hits={some} scope={scope} />
        </>
      ) : null}
      {hits && hits.length === 0 ? (
        <>
          <h2 class="kern-heading-medium">{m.search.empty(query)}</h2>
          <ul>
            {m.search.tips.map((tip) => (
              <li>{tip}</li>
            ))}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}

/** The snippet marks matches «…»; they become <mark>, everything else escaped. */
function markMatches(snippet: string): string {
  const escaped = snippet.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return escaped.replace(/«([^»]*)»/g, "<mark>$1</mark>");
}

export function TextPage({ scope, title, html, section }: { scope: Scope; title: string; html: string; section?: undefined }) {
  return (
    <Layout title={title} scope={scope} section={section} breadcrumbs={[{ text: title }]}>
      <div class="prose">{trusted(html)}</div>
    </Layout>
  );
}

export function BodiesPage({ bodies }: { bodies: { id: string; name: string }[] }) {
  const scope: Scope = { body: null, several: true };
  return (
    <Layout title={m.bodies.title} scope={scope}>
      <h1 class="kern-heading-large">{m.bodies.choose}</h1>
      <ul>
        {bodies.map((body) => (
          <li>
            <a href={`/?k=${body.id}`}>{body.name}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function ErrorPage({ scope, title, text }: { scope: Scope; title: string; text: string }) {
  return (
    <Layout title={title} scope={scope}>
      <h1 class="kern-heading-large">{title}</h1>
      <p>{text}</p>
      <p>
        <a href={scoped("/", scope)}>{m.site.home}</a>
      </p>
    </Layout>
  );
}
