/** Small shared pieces of the pages: pagination, status badges, error summary, definition rows. */
import type { Child } from "hono/jsx";
import { m } from "../messages";

export function Pagination({
  previous,
  next,
  previousLabel,
  nextLabel,
}: {
  previous?: string;
  next?: string;
  previousLabel?: string;
  nextLabel?: string;
}) {
  if (!previous && !next) return null;
  return (
    <nav class="pagination" aria-label={m.pagination.label}>
      {previous ? (
        <a class="pagination__link" href={previous} rel="prev">
          ← {previousLabel ?? m.pagination.previous}
        </a>
      ) : null}
      {next ? (
        <a class="pagination__link" href={next} rel="next">
          {nextLabel ?? m.pagination.next} →
        </a>
      ) : null}
    </nav>
  );
}

export function Badge({ children, tone = "info" }: { children: Child; tone?: "info" | "success" | "warning" | "danger" }) {
  return <span class={`kern-badge kern-badge--${tone}`}>{children}</span>;
}

/** GOV.UK's error summary: a titled box at the top of the form that links to each field with a problem. */
export function ErrorSummary({ errors }: { errors: { field: string; message: string }[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="kern-alert kern-alert--danger error-summary" role="alert" tabindex={-1}>
      <div class="kern-alert__header">
        <h2 class="kern-title">{m.errors.problem}</h2>
      </div>
      <div class="kern-alert__body">
        <ul>
          {errors.map((error) => (
            <li>
              <a href={`#${error.field}`}>{error.message}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export function Facts({ rows }: { rows: [string, Child][] }) {
  return (
    <dl class="kern-description-list">
      {rows.map(([term, value]) => (
        <div class="kern-description-list-item">
          <dt class="kern-description-list-item__key">{term}</dt>
          <dd class="kern-description-list-item__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** HTML the server rendered from Markdown (markdown-it with raw HTML off), inserted as it is. */
export { raw as trusted } from "hono/html";
