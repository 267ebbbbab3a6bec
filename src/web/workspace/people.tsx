/** People in the secretariat's workspace: the list with contact data (shown only here), and the form for a new person. */
import type { TPerson } from "../../schemas/people";
import { WorkspaceLayout } from "./layout";
import { CheckboxField, ErrorSummary, InputField, Notice, SubmitButton, Table } from "../components/ui";
import type { FormViewProps } from "../kit/form";
import { m } from "../messages";
import type { Scope } from "../kit/urls";

const trail = (last?: string) => (last ? [{ text: last }] : []);

export function PeoplePage({ scope, people, notice }: { scope: Scope; people: TPerson[]; notice?: string | undefined }) {
  return (
    <WorkspaceLayout title={m.workspace.people} scope={scope} area="people" trail={trail()}>
      <h1 class="kern-heading-large">{m.workspace.people}</h1>
      <Notice text={notice} />
      <p>
        <a class="kern-btn kern-btn--primary" href="/verwaltung/personen/neu">
          <span class="kern-label">{m.workspace.newPerson}</span>
        </a>
      </p>
      {people.length === 0 ? (
        <p>{m.workspace.noPeople}</p>
      ) : (
        <Table
          label={m.workspace.people}
          class="people-table"
          heads={[m.committee.person, m.workspace.fields.organisation!, m.workspace.contact]}
          rows={people.map((person) => [
            <a href={`/verwaltung/personen/${person.id}`}>
              {[person.title, person.givenName, person.familyName].filter(Boolean).join(" ")}
            </a>,
            person.organisation ?? "",
            [person.email, person.phone].filter(Boolean).join(", "),
          ])}
        />
      )}
    </WorkspaceLayout>
  );
}

const FIELDS = [
  ["formOfAddress", "text", "honorific-prefix"],
  ["title", "text", "off"],
  ["givenName", "text", "given-name"],
  ["familyName", "text", "family-name"],
  ["organisation", "text", "organization"],
  ["email", "email", "email"],
  ["phone", "tel", "tel"],
] as const;

export function PersonFormPage({ scope, values, errors, notice, stored, person }: FormViewProps<unknown> & { person?: TPerson | null }) {
  const title = person ? [person.givenName, person.familyName].join(" ") : m.workspace.newPerson;
  const action = person ? `/verwaltung/personen/${person.id}` : "/verwaltung/personen/neu";
  return (
    <WorkspaceLayout title={title} scope={scope} area="people" trail={trail(title)}>
      <h1 class="kern-heading-large">{title}</h1>
      <Notice text={notice} tone="warning" />
      {stored && Object.keys(stored).length > 0 ? (
        <section aria-labelledby="gespeichert">
          <h2 class="kern-heading-small" id="gespeichert">
            {m.forms.storedMeanwhile}
          </h2>
          <ul>
            {Object.entries(stored).map(([field, value]) => (
              <li>{`${m.workspace.fields[field] ?? field}: ${value || m.common.none}`}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <ErrorSummary errors={errors} />
      <form method="post" action={action} class="form" novalidate>
        {values.version ? <input type="hidden" name="version" value={values.version} /> : null}
        {FIELDS.map(([field, type, autocomplete]) => (
          <InputField
            id={field}
            label={m.workspace.fields[field]!}
            type={type}
            value={values[field]}
            error={errors[field]}
            autocomplete={autocomplete}
          />
        ))}
        <CheckboxField
          id="mailOptOut"
          label={m.workspace.fields.mailOptOut!}
          hint={m.workspace.mailOptOutHint}
          checked={values.mailOptOut === "ja"}
          error={errors.mailOptOut}
        />
        <SubmitButton label={m.workspace.save} primary />
      </form>
      {person ? (
        <p>
          <a href={`/verwaltung/personen/${person.id}/konto`}>{m.workspace.newAccount}</a>
        </p>
      ) : null}
    </WorkspaceLayout>
  );
}

/** The form that creates a member's account for a person, and the page that shows its set-password link once. */
export function AccountFormPage({ scope, values, errors, data }: FormViewProps<TPerson>) {
  const name = [data.givenName, data.familyName].join(" ");
  return (
    <WorkspaceLayout title={m.workspace.newAccount} scope={scope} area="people" trail={trail(name)}>
      <h1 class="kern-heading-large">{`${m.workspace.newAccount}: ${name}`}</h1>
      <p>{m.workspace.newAccountIntro}</p>
      <ErrorSummary errors={errors} />
      <form method="post" action={`/verwaltung/personen/${data.id}/konto`} class="form" novalidate>
        <InputField
          id="email"
          label={m.workspace.fields.email!}
          type="email"
          value={values.email}
          error={errors.email}
          autocomplete="off"
        />
        <SubmitButton label={m.workspace.createAccount} primary />
      </form>
    </WorkspaceLayout>
  );
}

export function AccountCreatedPage({ scope, name, link }: { scope: Scope; name: string; link: string }) {
  return (
    <WorkspaceLayout title={m.workspace.newAccount} scope={scope} area="people" trail={trail(name)}>
      <h1 class="kern-heading-large">{`${m.workspace.accountCreated}: ${name}`}</h1>
      <Notice text={m.workspace.handOver} tone="warning" />
      <p>
        <code class="hand-over-link">{link}</code>
      </p>
      <p>
        <a href="/verwaltung/personen">{m.workspace.people}</a>
      </p>
    </WorkspaceLayout>
  );
}
