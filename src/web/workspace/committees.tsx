/**
 * Committees in the secretariat's workspace: the list, a committee's composition on a date (as a table), and the
 * form that gives a person a seat, with role, voting right, term, delegating organisation, period and the member a
 * deputy stands in for.
 */
import { Hono } from "hono";
import { z } from "zod";
import { COMMITTEE_KIND, MEMBERSHIP_ROLE, label } from "../../documents/labels";
import type { AppEnv } from "../../http/context";
import { berlinDateOf, isCalendarDate } from "../../rules/calendar";
import { MEMBERSHIP_ROLES, SEAT_ROLES } from "../../rules/membership";
import { ZCalendarDate, ZId } from "../../schemas/common";
import type { TComposition } from "../../schemas/memberships";
import { displayName } from "../../schemas/people";
import { listCommittees } from "../../services/people/committees";
import { committeeComposition, createMembership } from "../../services/people/memberships";
import { listPeople } from "../../services/people/people";
import { listTerms } from "../../services/people/terms";
import { managedCommittee } from "../../services/workspace";
import { ChoiceField, DateField, ErrorSummary, InputField, Notice, SubmitButton, Table } from "../components/ui";
import { germanDate } from "../../rules/calendar";
import { form, type FormViewProps } from "../kit/form";
import { page } from "../kit/page";
import { m } from "../messages";
import type { Scope } from "../kit/urls";
import { WorkspaceLayout } from "./layout";

const t = m.workspace.seats;
type Committee = Awaited<ReturnType<typeof managedCommittee>>;

function CommitteesPage({ scope, committees }: { scope: Scope; committees: Committee[] }) {
  return (
    <WorkspaceLayout title={m.workspace.areas.committees} scope={scope} area="committees">
      <h1 class="kern-heading-large">{m.workspace.areas.committees}</h1>
      <ul class="due-list">
        {committees.map((committee) => (
          <li>
            <a href={`/verwaltung/gremien/${committee.id}`}>{committee.name}</a>
            {` (${label(COMMITTEE_KIND, committee.kind)}, ${t.noticePeriod(committee.noticePeriodDays)})`}
          </li>
        ))}
      </ul>
    </WorkspaceLayout>
  );
}

function CompositionPage(props: { scope: Scope; committee: Committee; composition: TComposition; notice?: string | undefined }) {
  const { committee, composition } = props;
  return (
    <WorkspaceLayout title={committee.name} scope={props.scope} area="committees" trail={[{ text: committee.name }]}>
      <h1 class="kern-heading-large">{committee.name}</h1>
      <Notice text={props.notice} />
      <p>
        <a class="kern-btn kern-btn--primary" href={`/verwaltung/gremien/${committee.id}/sitze/neu`}>
          <span class="kern-label">{t.newSeat}</span>
        </a>
      </p>
      <form method="get" action={`/verwaltung/gremien/${committee.id}`} class="filters">
        <DateField id="stichtag" label={t.onDate} value={composition.at} />
        <SubmitButton label={t.show} />
      </form>
      <h2 class="kern-heading-medium">{t.composition(germanDate(composition.at))}</h2>
      <p>{t.seatsAndVotes(composition.seats, composition.votingMembers)}</p>
      {composition.items.length === 0 ? (
        <p>{m.committee.noMembers}</p>
      ) : (
        <Table
          label={t.composition(germanDate(composition.at))}
          heads={[m.committee.person, m.committee.role, m.committee.voting, m.committee.sentBy, t.fields.startDate!, t.fields.endDate!]}
          rows={composition.items.map((seat) => [
            <>
              {seat.person.name}
              {seat.deputyFor ? <span class="hint-line">{m.committee.deputyFor(seat.deputyFor.person.name)}</span> : null}
            </>,
            label(MEMBERSHIP_ROLE, seat.role),
            seat.votingRight ? m.committee.votingYes : m.committee.votingNo,
            seat.onBehalfOf ?? "",
            germanDate(seat.startDate),
            seat.endDate ? germanDate(seat.endDate) : "",
          ])}
        />
      )}
    </WorkspaceLayout>
  );
}

interface SeatFormData {
  committee: Committee;
  people: { id: string; name: string }[];
  terms: { id: string; name: string }[];
  seats: TComposition["items"];
}

function SeatFormPage({ scope, data, values, errors }: FormViewProps<SeatFormData>) {
  const { committee } = data;
  const f = t.fields;
  return (
    <WorkspaceLayout
      title={`${t.newSeat}: ${committee.name}`}
      scope={scope}
      area="committees"
      trail={[{ text: committee.name, href: `/verwaltung/gremien/${committee.id}` }, { text: t.newSeat }]}
    >
      <h1 class="kern-heading-large">{`${t.newSeat}: ${committee.name}`}</h1>
      <ErrorSummary errors={errors} />
      <form method="post" action={`/verwaltung/gremien/${committee.id}/sitze/neu`} class="form" novalidate>
        <ChoiceField
          id="personId"
          label={f.personId!}
          emptyLabel={t.noneChosen}
          options={data.people.map((p) => ({ value: p.id, label: p.name }))}
          value={values.personId}
          error={errors.personId}
        />
        <ChoiceField
          id="role"
          label={f.role!}
          options={MEMBERSHIP_ROLES.map((role) => ({ value: role, label: MEMBERSHIP_ROLE[role]! }))}
          value={values.role ?? "member"}
          error={errors.role}
        />
        <ChoiceField
          id="deputyForId"
          label={f.deputyForId!}
          hint={t.deputyHint}
          emptyLabel={t.noDeputyFor}
          options={data.seats
            .filter((seat) => SEAT_ROLES.includes(seat.role))
            .map((seat) => ({ value: seat.id, label: `${seat.person.name} (${MEMBERSHIP_ROLE[seat.role]})` }))}
          value={values.deputyForId}
          error={errors.deputyForId}
        />
        <ChoiceField
          id="votingRight"
          label={f.votingRight!}
          emptyLabel={t.votingByRole}
          options={[
            { value: "ja", label: m.committee.votingYes },
            { value: "nein", label: m.committee.votingNo },
          ]}
          value={values.votingRight}
          error={errors.votingRight}
        />
        <ChoiceField
          id="termId"
          label={f.termId!}
          emptyLabel={t.noTerm}
          options={data.terms.map((term) => ({ value: term.id, label: term.name }))}
          value={values.termId}
          error={errors.termId}
        />
        <InputField id="seatCategory" label={f.seatCategory!} type="text" value={values.seatCategory} error={errors.seatCategory} />
        <InputField id="onBehalfOf" label={f.onBehalfOf!} type="text" value={values.onBehalfOf} error={errors.onBehalfOf} />
        <DateField id="startDate" label={f.startDate!} value={values.startDate} error={errors.startDate} />
        <DateField id="endDate" label={f.endDate!} value={values.endDate} error={errors.endDate} />
        <SubmitButton label={t.newSeat} primary />
      </form>
    </WorkspaceLayout>
  );
}

const newSeat = form({
  access: "secretariat",
  schema: z.object({
    personId: ZId,
    role: z.enum(MEMBERSHIP_ROLES),
    deputyForId: ZId.optional(),
    votingRight: z.enum(["ja", "nein"]).optional(),
    termId: ZId.optional(),
    seatCategory: z.string().max(100).optional(),
    onBehalfOf: z.string().max(200).optional(),
    startDate: ZCalendarDate,
    endDate: ZCalendarDate.optional(),
  }),
  labels: t.fields,
  load: async (c, scope, ctx): Promise<SeatFormData> => {
    const committee = await managedCommittee(ctx, c.req.param("id") ?? "");
    const [people, terms, composition] = await Promise.all([
      listPeople(ctx, { bodyId: scope.body.id, limit: 500 }),
      listTerms(ctx, { committeeId: committee.id, limit: 100 }),
      committeeComposition(ctx, committee.id),
    ]);
    return {
      committee,
      people: people.items.map((p) => ({ id: p.id, name: displayName(p) })).sort((a, b) => a.name.localeCompare(b.name, "de")),
      terms: terms.items.map((term) => ({ id: term.id, name: term.name })),
      seats: composition.items,
    };
  },
  initial: () => ({ role: "member", startDate: berlinDateOf(new Date()) }),
  view: (props) => <SeatFormPage {...props} />,
  submit: ({ votingRight, ...input }, ctx, _scope, data) =>
    createMembership(ctx, {
      ...input,
      committeeId: data.committee.id,
      ...(votingRight ? { votingRight: votingRight === "ja" } : {}),
    }),
  done: (membership) => `/verwaltung/gremien/${membership.committeeId}?sitz`,
});

export const committeePages = new Hono<AppEnv>()
  .get(
    "/verwaltung/gremien",
    page({
      access: "secretariat",
      load: async (_c, scope, ctx) => (await listCommittees(ctx, { bodyId: scope.body.id, limit: 200 })).items,
      view: (committees, scope) => <CommitteesPage scope={scope} committees={committees} />,
    }),
  )
  .get(
    "/verwaltung/gremien/:id",
    page({
      access: "secretariat",
      load: async (c, _scope, ctx) => {
        const committee = await managedCommittee(ctx, c.req.param("id") ?? "");
        const at = c.req.query("stichtag");
        const composition = await committeeComposition(ctx, committee.id, at && isCalendarDate(at) ? at : undefined);
        return { committee, composition, notice: c.req.query("sitz") !== undefined ? t.seatCreated : undefined };
      },
      view: (data, scope) => <CompositionPage scope={scope} {...data} />,
    }),
  )
  .get("/verwaltung/gremien/:id/sitze/neu", newSeat.get)
  .post("/verwaltung/gremien/:id/sitze/neu", newSeat.post);
