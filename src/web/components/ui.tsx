/** Small shared pieces of the pages: pagination, status badges, error summary, definition rows. */
import type { Child } from "hono/jsx";
import { m } from "../messages";
import type { Scope } from "../kit/urls";

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

/**
 * A state in words with a shape beside it (KERN's badge: a circle with i, a tick, a triangle, a cross), so that it
 * reads at a glance without colour.
 */
export function Badge({ children, tone = "info" }: { children: Child; tone?: "info" | "success" | "warning" | "danger" }) {
  return (
    <span class={`kern-badge kern-badge--${tone}`}>
      <span class={`kern-icon kern-icon--${tone}`} aria-hidden="true" />
      <span class="kern-label kern-label--small">{children}</span>
    </span>
  );
}

/**
 * GOV.UK's error summary: a titled box at the top of the form that links to each field with a problem. Takes the
 * German message of each refused field, by the field's id.
 */
export function ErrorSummary({ errors }: { errors: Record<string, string> }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    // Focused when the page opens, so that a screen reader reads what went wrong first (GOV.UK's error summary).
    <div class="kern-alert kern-alert--danger error-summary" role="alert" tabindex={-1} autofocus>
      <div class="kern-alert__header">
        <h2 class="kern-title">{m.errors.problem}</h2>
      </div>
      <div class="kern-alert__body">
        <ul>
          {entries.map(([field, message]) => (
            // A message about the whole form (key "_…") has no field to lead to.
            <li>{field.startsWith("_") ? message : <a href={`#${field}`}>{message}</a>}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** A success or warning message at the top of a page. */
export function Notice({ text, tone = "success" }: { text: string | undefined; tone?: "success" | "warning" }) {
  if (!text) return null;
  return (
    <div class={`kern-alert kern-alert--${tone}`} role="status">
      <div class="kern-alert__body">
        <p>{text}</p>
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

/** The visitor's body in a GET form, so that the answer stays in it (several bodies only). */
export function ScopeField({ scope }: { scope: Scope }) {
  return scope.several && scope.body ? <input type="hidden" name="k" value={scope.body.id} /> : null;
}

/** A labelled select in KERN's wrapper, with an empty first option ("all"). */
export function SelectField(props: {
  id: string;
  label: string;
  emptyLabel: string;
  options: { value: string; label: string }[];
  selected?: string | undefined;
}) {
  return (
    <div class="kern-form-input">
      <label class="kern-label" for={props.id}>
        {props.label}
      </label>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" id={props.id} name={props.id}>
          <option value="">{props.emptyLabel}</option>
          {props.options.map((option) => (
            <option value={option.value} selected={option.value === props.selected}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** The committees as options of a filter. */
/** The committee filter of the calendar, the register and the search (`gremium`), with "all committees" first. */
export function CommitteeFilter({ committees, selected }: { committees: { id: string; name: string }[]; selected?: string | undefined }) {
  return (
    <SelectField
      id="gremium"
      label={m.meeting.filterCommittee}
      emptyLabel={m.meeting.allCommittees}
      options={committees.map((c) => ({ value: c.id, label: c.name }))}
      selected={selected}
    />
  );
}

/** The year selector of a list: only the years that hold records. */
export function YearFilter({ years, selected }: { years: number[]; selected?: number | undefined }) {
  return (
    <SelectField
      id="jahr"
      label={m.resolution.year}
      emptyLabel={m.resolution.allYears}
      options={years.map((year) => ({ value: String(year), label: String(year) }))}
      selected={selected ? String(selected) : undefined}
    />
  );
}

/** A labelled input with its hint and, when refused, its message beside it (GOV.UK's pattern, KERN's look). */
export function InputField(props: {
  id: string;
  /** The form field's name, when it differs from the id (two forms of a page may both have a "password"). */
  name?: string;
  label: string;
  type: string;
  value?: string | undefined;
  error?: string | undefined;
  autocomplete?: string;
  hint?: string;
  labelHidden?: boolean;
}) {
  return (
    <FieldFrame id={props.id} label={props.label} hint={props.hint} error={props.error} labelHidden={props.labelHidden}>
      <input
        class="kern-form-input__input"
        type={props.type}
        id={props.id}
        name={props.name ?? props.id}
        value={props.value ?? ""}
        {...(props.autocomplete ? { autocomplete: props.autocomplete } : {})}
        {...ariaOf(props.id, props.hint, props.error)}
      />
    </FieldFrame>
  );
}

/** A date input (type="date": the browser's own date picker), with its message beside it when refused. */
export const DateField = (props: { id: string; label: string; value?: string | undefined; error?: string | undefined }) => (
  <InputField {...props} type="date" />
);

export function SubmitButton({ label, primary = false }: { label: string; primary?: boolean }) {
  return (
    <button class={`kern-btn ${primary ? "kern-btn--primary" : "kern-btn--secondary"}`} type="submit">
      <span class="kern-label">{label}</span>
    </button>
  );
}

/** The hint and error ids a field's control names in `aria-describedby`. */
const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");

function FieldNotes({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {hint ? (
        <div class="kern-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p class="kern-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

const ariaOf = (id: string, hint?: string, error?: string) => {
  const described = describedBy(id, hint, error);
  return { ...(described ? { "aria-describedby": described } : {}), ...(error ? { "aria-invalid": "true" } : {}) };
};

/**
 * KERN's frame of a form field: its label, hint and message above the control, marked when refused. `labelHidden`:
 * a field in a table row, whose row and column headings say what it is; its label is for screen readers only.
 */
function FieldFrame(props: {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  labelHidden?: boolean | undefined;
  children: Child;
}) {
  return (
    <div class={`kern-form-input${props.error ? " kern-form-input--error" : ""}`}>
      <label class={props.labelHidden ? "visually-hidden" : "kern-label"} for={props.id}>
        {props.label}
      </label>
      <FieldNotes id={props.id} hint={props.hint} error={props.error} />
      {props.children}
    </div>
  );
}

/** A labelled multi-line text (Markdown in the papers), with its hint and its message beside it when refused. */
export function TextareaField(props: {
  id: string;
  label: string;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string;
  rows?: number;
}) {
  return (
    <FieldFrame id={props.id} label={props.label} hint={props.hint} error={props.error}>
      <textarea
        class="kern-form-input__input"
        id={props.id}
        name={props.id}
        rows={props.rows ?? 6}
        {...ariaOf(props.id, props.hint, props.error)}
      >
        {props.value ?? ""}
      </textarea>
    </FieldFrame>
  );
}

/** A labelled select of a form, with its message beside it when refused; `emptyLabel` adds a first "none" option. */
export function ChoiceField(props: {
  id: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string | undefined;
  error?: string | undefined;
  hint?: string;
  emptyLabel?: string;
  labelHidden?: boolean;
}) {
  return (
    <FieldFrame id={props.id} label={props.label} hint={props.hint} error={props.error} labelHidden={props.labelHidden}>
      <div class="kern-form-input__select-wrapper">
        <select class="kern-form-input__select" id={props.id} name={props.id} {...ariaOf(props.id, props.hint, props.error)}>
          {props.emptyLabel !== undefined ? <option value="">{props.emptyLabel}</option> : null}
          {props.options.map((option) => (
            <option value={option.value} selected={option.value === props.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </FieldFrame>
  );
}

/** A checkbox with its label; it posts "ja" when ticked. */
export function CheckboxField(props: { id: string; label: string; checked: boolean; error?: string | undefined; hint?: string }) {
  return (
    // KERN's check row is a flex row: the hint and message go beneath it, at full width.
    <div class="check-field">
      <div class={`kern-form-check${props.error ? " kern-form-check--error" : ""}`}>
        <input
          class="kern-form-check__checkbox"
          type="checkbox"
          id={props.id}
          name={props.id}
          value="ja"
          checked={props.checked}
          {...ariaOf(props.id, props.hint, props.error)}
        />
        <label class="kern-label" for={props.id}>
          {props.label}
        </label>
      </div>
      <FieldNotes id={props.id} hint={props.hint} error={props.error} />
    </div>
  );
}

/** A file input, with its hint (allowed types and size) and its message beside it when refused. */
export function FileField(props: { id: string; label: string; error?: string | undefined; hint?: string; accept?: string }) {
  return (
    <FieldFrame id={props.id} label={props.label} hint={props.hint} error={props.error}>
      <input
        class="kern-form-input__input"
        type="file"
        id={props.id}
        name={props.id}
        {...(props.accept ? { accept: props.accept } : {})}
        {...ariaOf(props.id, props.hint, props.error)}
      />
    </FieldFrame>
  );
}

/**
 * A KERN table in a region that scrolls by itself on a narrow screen (focusable, named by `label`), with column
 * headings and one row of cells per record.
 */
export function Table({
  label,
  heads,
  rows,
  class: extra,
  stacked = false,
}: {
  label: string;
  heads: string[];
  rows: Child[][];
  class?: string;
  /** On a phone, each row is a block of its cells, each under its column's name, rather than a row to scroll. */
  stacked?: boolean;
}) {
  const classes = ["kern-table", ...(stacked ? ["stacked-table"] : []), ...(extra ? [extra] : [])].join(" ");
  // A table whose cells CSS shows as blocks loses its table semantics in some browsers: the roles keep them.
  const role = (name: string) => (stacked ? { role: name } : {});
  return (
    <section class="kern-table-responsive" tabindex={0} aria-label={label}>
      <table class={classes} {...role("table")}>
        <thead class="kern-table__header" {...role("rowgroup")}>
          <tr class="kern-table__row" {...role("row")}>
            {heads.map((head) => (
              <th class="kern-table__header" scope="col" {...role("columnheader")}>
                {head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="kern-table__body" {...role("rowgroup")}>
          {rows.map((cells) => (
            <tr class="kern-table__row" {...role("row")}>
              {cells.map((cell, index) => (
                <td class="kern-table__cell" {...role("cell")} {...(stacked ? { "data-label": heads[index] } : {})}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
