/** People in the secretariat's workspace: the list with contact data (shown only here), and the form for a new person. */
import type { TPerson } from "../../schemas/people";
import { Layout } from "../components/layout";
import { ErrorSummary, InputField, Notice, SubmitButton } from "../components/ui";
import type { FormViewProps } from "../kit/form";
import { m } from "../messages";
import { paths, type Scope, scoped } from "../urls";

const crumbs = (last?: string) => [
  { text: m.workspace.title, href: "/verwaltung" },
  ...(last ? [{ text: m.workspace.people, href: "/verwaltung/personen" }, { text: last }] : [{ text: m.workspace.people }]),
];

export function PeoplePage({ scope, people, notice }: { scope: Scope; people: TPerson[]; notice?: string | undefined }) {
  return (
    <Layout title={m.workspace.people} scope={scope} section="workspace" breadcrumbs={crumbs()}>
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
        <section class="kern-table-responsive" tabindex={0} aria-label={m.workspace.people}>
          <table class="kern-table">
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="col">
                  {m.committee.person}
                </th>
                <th class="kern-table__header" scope="col">
                  {m.workspace.fields.organisation}
                </th>
                <th class="kern-table__header" scope="col">
                  {m.workspace.contact}
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {people.map((person) => (
                <tr class="kern-table__row">
                  <td class="kern-table__cell">
                    <a href={scoped(paths.person(person.id), scope)}>
                      {[person.title, person.givenName, person.familyName].filter(Boolean).join(" ")}
                    </a>
                  </td>
                  <td class="kern-table__cell">{person.organisation ?? ""}</td>
                  <td class="kern-table__cell">{[person.email, person.phone].filter(Boolean).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </Layout>
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

export function PersonFormPage({ scope, values, errors }: FormViewProps<unknown>) {
  return (
    <Layout title={m.workspace.newPerson} scope={scope} section="workspace" breadcrumbs={crumbs(m.workspace.newPerson)}>
      <h1 class="kern-heading-large">{m.workspace.newPerson}</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action="/verwaltung/personen/neu" class="form" novalidate>
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
        <SubmitButton label={m.workspace.save} primary />
      </form>
    </Layout>
  );
}
