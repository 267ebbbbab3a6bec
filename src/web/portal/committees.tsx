/** Committees and people: the list of committees, one committee with its members and meetings, one person's seats. */
import type { TComposition } from "../../schemas/memberships";
import { label } from "../../documents/labels";
import type { TMeeting } from "../../schemas/meetings";
import { Layout } from "../components/layout";
import { ScopeField, SubmitButton, Table } from "../components/ui";
import { dateOf } from "../../rules/calendar";
import { m } from "../messages";
import { paths, type Scope, scoped } from "../kit/urls";
import { FeedLinks, MeetingRow } from "./meetings";

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
