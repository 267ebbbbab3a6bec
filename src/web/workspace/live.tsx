/**
 * The live meeting in the secretariat's workspace (Sitzungsdienst): the attendance sheet in one form, one page per
 * agenda item with everything said about it in one form (presence, vote, wording, statement, notes), the result
 * computed by the services before saving ("Ergebnis prüfen"), and the sitting closed. Every form carries what it was
 * read with: two clerks recording at once are refused, never overwritten, and keep their input. A little script
 * (static/live.js) saves the notes as the clerk types and shows the result as the counts change; without it, the
 * buttons do the same.
 */
import { Hono } from "hono";
import type { Child } from "hono/jsx";
import { z } from "zod";
import { Problem, fieldProblem } from "../../errors";
import { mailContext, serviceContext, type AppEnv } from "../../http/context";
import { ATTENDANCE_STATUSES } from "../../rules/attendance";
import { ATTENDANCE } from "../../documents/labels";
import { minutesStateName } from "../../rules/minutes";
import { ZId } from "../../schemas/common";
import type { TVoteCreate } from "../../schemas/outcomes";
import { attendanceSheet, recordAttendanceSheet } from "../../services/meetings/attendance";
import {
  type ItemRecording,
  PRESENCE_CHANGES,
  type PresenceChange,
  callItem,
  liveItem,
  liveMeeting,
  previewItem,
  recordItem,
  saveNote,
} from "../../services/meetings/live";
import { transitionMeeting } from "../../services/meetings/meetings";
import { Badge, ChoiceField, ErrorSummary, Facts, InputField, Notice, SubmitButton, TextareaField } from "../components/ui";
import { form, type FormViewProps } from "../kit/form";
import { enter } from "../kit/page";
import { assetUrl, type Scope } from "../kit/urls";
import { m } from "../messages";
import { WorkspaceLayout } from "./layout";
import { meetingName, meetingPath, when } from "./meeting-shared";

const l = m.workspace.live;
const livePath = (meetingId: string, itemId?: string) => `${meetingPath(meetingId)}/live${itemId ? `/${itemId}` : ""}`;
type Overview = Awaited<ReturnType<typeof liveMeeting>> & { sheet: Awaited<ReturnType<typeof attendanceSheet>> };
type Item = Awaited<ReturnType<typeof liveItem>>;

/** A table of people, one row each, inside a form: a labelled region that scrolls sideways on a small screen. */
function PersonTable(props: { label: string; columns: string[]; children: Child }) {
  return (
    <section class="kern-table-responsive" tabindex={0} aria-label={props.label}>
      <table class="kern-table live-table">
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            {props.columns.map((column) => (
              <th class="kern-table__header" scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="kern-table__body">{props.children}</tbody>
      </table>
    </section>
  );
}

function QuorumLine({
  quorum,
}: {
  quorum: { quorate: boolean; presentNotRecused: number; votingMembers: number; required: number } | null;
}) {
  if (!quorum) return <Badge tone="warning">{l.noAttendance}</Badge>;
  return (
    <Badge tone={quorum.quorate ? "success" : "danger"}>
      {`${quorum.quorate ? l.quorate : l.notQuorate} (${l.count(quorum.presentNotRecused, quorum.votingMembers, quorum.required)})`}
    </Badge>
  );
}

function LiveLayout(props: { title: string; scope: Scope; meeting: Overview["record"]["meeting"]; trail?: string; children: unknown }) {
  const { meeting } = props;
  return (
    <WorkspaceLayout
      title={props.title}
      scope={props.scope}
      area="meetings"
      trail={[
        { text: meeting.title, href: meetingPath(meeting.id) },
        ...(props.trail ? [{ text: l.title, href: livePath(meeting.id) }, { text: props.trail }] : [{ text: l.title }]),
      ]}
    >
      <script src={assetUrl("live.js")} defer />
      <p class="kern-subline">{`${meetingName(meeting)}, ${when(meeting)}`}</p>
      {props.children as never}
    </WorkspaceLayout>
  );
}

// --- The overview: attendance and the agenda -----------------------------------------------------------------------

const STATUS_OPTIONS = ATTENDANCE_STATUSES.map((status) => ({ value: status, label: ATTENDANCE[status] }));

function AttendanceForm({ data, values, errors, notice, stored }: FormViewProps<Overview>) {
  const { sheet } = data;
  return (
    <section aria-labelledby="anwesenheit">
      <h2 class="kern-heading-medium" id="anwesenheit">
        {l.attendance}
      </h2>
      <p>{l.attendanceIntro}</p>
      <Notice text={notice} tone="warning" />
      {stored && Object.keys(stored).length > 0 ? <p>{l.storedMeanwhile}</p> : null}
      <ErrorSummary errors={errors} />
      <form method="post" action={livePath(data.record.meeting.id)} class="form" novalidate>
        <input type="hidden" name="version" value={values.version ?? ""} />
        <PersonTable label={l.attendance} columns={[l.person, l.status, l.reason, l.standsInFor]}>
          {sheet.attendance.map((person) => {
            const members = sheet.attendance.filter((a) => a.standIns.some((s) => s.personId === person.personId));
            return (
              <tr class="kern-table__row">
                <th class="kern-table__cell" scope="row">
                  {person.name}
                  <br />
                  <span class="kern-body--small">{(m.committee.roles as Record<string, string>)[person.role ?? ""] ?? person.role}</span>
                </th>
                <td class="kern-table__cell">
                  <ChoiceField
                    labelHidden
                    id={`s-${person.personId}`}
                    label={l.statusOf(person.name)}
                    options={STATUS_OPTIONS}
                    value={values[`s-${person.personId}`]}
                    error={errors[`s-${person.personId}`]}
                  />
                </td>
                <td class="kern-table__cell">
                  <InputField
                    id={`g-${person.personId}`}
                    label={l.reasonOf(person.name)}
                    type="text"
                    value={values[`g-${person.personId}`]}
                    error={errors[`g-${person.personId}`]}
                    labelHidden
                  />
                </td>
                <td class="kern-table__cell">
                  {members.length > 0 ? (
                    <ChoiceField
                      labelHidden
                      id={`v-${person.personId}`}
                      label={l.standsInForOf(person.name)}
                      options={[{ value: "", label: l.nobody }, ...members.map((a) => ({ value: a.membershipId, label: a.name }))]}
                      value={values[`v-${person.personId}`]}
                      error={errors[`v-${person.personId}`]}
                    />
                  ) : (
                    m.common.none
                  )}
                </td>
              </tr>
            );
          })}
        </PersonTable>
        <SubmitButton label={l.saveAttendance} primary />
      </form>
    </section>
  );
}

function OverviewPage(props: FormViewProps<Overview>) {
  const { data, scope } = props;
  const { meeting } = data.record;
  const minutes = data.record.minutes;
  return (
    <LiveLayout title={`${l.title}: ${meetingName(meeting)}`} scope={scope} meeting={meeting}>
      <h1 class="kern-heading-large">{l.title}</h1>
      <Notice text={props.confirmation} />
      <Facts
        rows={[
          [m.meeting.state, meeting.state === "held" ? l.held : l.running],
          [l.minutes, minutes ? minutesStateName(minutes.state) : l.noMinutes],
        ]}
      />
      <ul class="inline-links">
        <li>
          <a href={`/sitzungen/${meeting.id}/anzeige`}>{l.display}</a>
        </li>
        <li>
          <a href={`${meetingPath(meeting.id)}/niederschrift`}>{l.toMinutes}</a>
        </li>
      </ul>
      <h2 class="kern-heading-medium">{l.agenda}</h2>
      <ul class="live-agenda">
        {data.items.map((item) => (
          <li>
            <a href={livePath(meeting.id, item.id)} {...(item.id === data.liveItemId ? { "aria-current": "step" } : {})}>
              {`${item.number} ${item.title}`}
            </a>{" "}
            {item.isPublic ? null : <Badge tone="warning">{m.meeting.nonPublic}</Badge>}{" "}
            {item.votes ? <QuorumLine quorum={item.quorum} /> : null}
            {item.result ? <span class="live-result">{` ${item.result}`}</span> : null}
          </li>
        ))}
      </ul>
      {meeting.state === "invited" ? <AttendanceForm {...props} /> : <p>{l.closedText}</p>}
      {meeting.state === "invited" ? (
        <section aria-labelledby="schliessen">
          <h2 class="kern-heading-medium" id="schliessen">
            {l.close}
          </h2>
          <p>{l.closeText}</p>
          <form method="post" action={`${livePath(meeting.id)}/schliessen`} class="form">
            <input type="hidden" name="version" value={String(meeting.version)} />
            <SubmitButton label={l.close} />
          </form>
        </section>
      ) : null}
    </LiveLayout>
  );
}

const loadOverview = async (
  c: { req: { param: (name: string) => string | undefined } },
  _scope: unknown,
  ctx: Parameters<typeof liveMeeting>[0],
) => {
  const id = c.req.param("id") ?? "";
  const [overview, sheet] = await Promise.all([liveMeeting(ctx, id), attendanceSheet(ctx, id)]);
  return { ...overview, sheet };
};

/** The sheet's values: what is recorded, else the default (members present, deputies absent). */
function sheetValues(data: Overview): Record<string, string> {
  const values: Record<string, string> = { version: data.record.attendanceStamp };
  for (const person of data.sheet.attendance) {
    values[`s-${person.personId}`] = person.status ?? (person.role === "deputy" ? "absent" : "present");
    values[`g-${person.personId}`] = person.excuseReason ?? "";
    values[`v-${person.personId}`] = person.standsInForMembershipId ?? "";
  }
  return values;
}

const attendance = form({
  access: "secretariat",
  schema: z.object({ version: z.string() }).catchall(z.string().max(500)),
  labels: (data: Overview) =>
    Object.fromEntries(
      data.sheet.attendance.flatMap((p) => [
        [`s-${p.personId}`, l.statusOf(p.name)],
        [`g-${p.personId}`, l.reasonOf(p.name)],
        [`v-${p.personId}`, l.standsInForOf(p.name)],
      ]),
    ),
  load: loadOverview,
  initial: sheetValues,
  view: (props) => <OverviewPage {...props} />,
  confirmations: { gespeichert: l.attendanceSaved, geschlossen: l.closed },
  submit: async (input, ctx, _scope, data) => {
    const entries = data.sheet.attendance.map((person) => {
      const status = input[`s-${person.personId}`] as string | undefined;
      if (!status || !(ATTENDANCE_STATUSES as readonly string[]).includes(status))
        throw fieldProblem(`s-${person.personId}`, "ist keine der angebotenen Angaben");
      const reason = (input[`g-${person.personId}`] as string | undefined)?.trim();
      if (status === "excused" && !reason) throw fieldProblem(`g-${person.personId}`, "ist bei Entschuldigung erforderlich");
      const standsIn = input[`v-${person.personId}`] as string | undefined;
      return {
        personId: person.personId,
        status: status as (typeof ATTENDANCE_STATUSES)[number],
        ...(status === "excused" ? { excuseReason: reason } : {}),
        ...(standsIn ? { standsInForMembershipId: standsIn } : {}),
        arrivedBeforeItemId: person.arrivedBeforeItemId,
        leftBeforeItemId: person.leftBeforeItemId,
      };
    });
    return recordAttendanceSheet(ctx, data.record.meeting.id, { entries }, input.version).catch((error: unknown) => {
      // The service names the entry by its place in the sheet; the form names it by person.
      if (error instanceof Problem && error.extra.errors)
        error.extra.errors = error.extra.errors.map((e) => {
          const [, index, field] = /^entries\.(\d+)\.(\w+)$/.exec(e.field) ?? [];
          const person = index === undefined ? undefined : entries[Number(index)];
          if (!person) return e;
          const prefix = field === "standsInForMembershipId" ? "v" : field === "excuseReason" ? "g" : "s";
          return { ...e, field: `${prefix}-${person.personId}` };
        });
      throw error;
    });
  },
  done: (sheet) => `${livePath(sheet.meetingId)}?gespeichert`,
});

const closeSitting = form({
  access: "secretariat",
  schema: z.object({ version: z.coerce.number().int().min(1) }),
  labels: {},
  load: loadOverview,
  initial: sheetValues,
  view: (props) => <OverviewPage {...props} />,
  submit: ({ version }, ctx, _scope, data, c) =>
    transitionMeeting(ctx, data.record.meeting.id, version, { to: "held" }, mailContext(c), true),
  done: (meeting) => `${livePath(meeting.id)}?geschlossen`,
});

// --- One item ------------------------------------------------------------------------------------------------------

const VOTE_KINDS = ["open", "roll_call", "election"] as const;
const BALLOTS = { ja: "yes", nein: "no", enthaltung: "abstain" } as const;

/** The fields of an item's form: fixed ones, and one control per person (presence) and per voter (roll call). */
const itemLabels = (data: Item): Record<string, string> => ({
  ...l.itemFields,
  noteVersion: l.itemFields.notes!,
  ...Object.fromEntries(data.people.map((p) => [`p-${p.personId}`, l.presenceOf(p.name)])),
  ...Object.fromEntries(data.eligible.map((p) => [`r-${p.personId}`, l.ballotOf(p.name)])),
});

const ZCount = z.coerce.number().int().min(0).max(1000).optional();
const ZItemForm = z
  .object({
    version: z.string(),
    kind: z.enum(VOTE_KINDS).default("open"),
    yes: ZCount,
    no: ZCount,
    abstain: ZCount,
    candidates: z.string().max(5000).optional(),
    round: z.enum(["first", "runoff"]).default("first"),
    motion: z.string().trim().max(5000).optional(),
    wording: z.string().trim().max(50_000).optional(),
    recipient: z.string().trim().max(200).optional(),
    statementPerson: ZId.optional(),
    statementKind: z.enum(["statement", "vote"]).default("statement"),
    statementText: z.string().trim().max(5000).optional(),
    notes: z.string().max(100_000).optional(),
    noteVersion: z.coerce.number().int().min(0).default(0),
  })
  .catchall(z.string().max(50));
type ItemForm = z.infer<typeof ZItemForm>;

/** "Name: 5" per line: the votes of an election. */
function electionVotes(text: string) {
  const votes: Record<string, number> = {};
  for (const [index, line] of text.split("\n").entries()) {
    if (!line.trim()) continue;
    const match = /^(.+?)\s*[:=]\s*(\d{1,4})\s*$/.exec(line.trim());
    if (!match) throw fieldProblem("candidates", `Zeile ${index + 1}: bitte „Name: Stimmen“ schreiben`);
    votes[match[1]!] = Number(match[2]);
  }
  return votes;
}

/** The form's input as the service records it. */
function recordingOf(input: ItemForm, data: Item): ItemRecording {
  const presence: Record<string, PresenceChange> = {};
  for (const person of data.people) {
    const value = input[`p-${person.personId}`];
    if (!value) continue;
    if (!(PRESENCE_CHANGES as readonly string[]).includes(value))
      throw fieldProblem(`p-${person.personId}`, "ist keine der angebotenen Angaben");
    presence[person.personId] = value as PresenceChange;
  }
  const rollCall = data.eligible.flatMap((p) => {
    const value = input[`r-${p.personId}`] as keyof typeof BALLOTS | undefined;
    return value && value in BALLOTS ? [{ personId: p.personId, vote: BALLOTS[value] }] : [];
  });
  const counted = input.yes !== undefined || input.no !== undefined || input.abstain !== undefined;
  const election = input.kind === "election" && input.candidates?.trim() ? electionVotes(input.candidates) : null;
  const voted = (input.kind === "open" && counted) || (input.kind === "roll_call" && rollCall.length > 0) || election !== null;
  const vote: TVoteCreate | undefined = voted
    ? {
        motion: input.motion || data.item.title,
        kind: input.kind,
        ...(input.kind === "open" ? { counts: { yes: input.yes ?? 0, no: input.no ?? 0, abstain: input.abstain ?? 0 } } : {}),
        ...(input.kind === "roll_call" ? { rollCall } : {}),
        ...(election ? { election: { round: input.round, votes: election } } : {}),
        ...(input.wording
          ? {
              resolution: {
                text: input.wording,
                kind: data.advisory ? "recommendation" : "resolution",
                ...(data.advisory && input.recipient ? { recipientBody: input.recipient } : {}),
              },
            }
          : {}),
      }
    : undefined;
  if (input.statementText && !input.statementPerson) throw fieldProblem("statementPerson", "fehlt");
  return {
    stamp: input.version,
    presence,
    vote,
    statement:
      input.statementText && input.statementPerson
        ? { personId: input.statementPerson, kind: input.statementKind, text: input.statementText }
        : undefined,
    notes: input.notes !== undefined ? { text: input.notes, version: input.noteVersion } : undefined,
  };
}

/** The service speaks of the vote's parts; the form names its own fields. */
function inFormTerms(error: unknown): never {
  if (error instanceof Problem && error.extra.errors)
    error.extra.errors = error.extra.errors.map((e) => ({
      ...e,
      field: e.field.startsWith("rollCall") ? "rollCall" : e.field.startsWith("election") ? "candidates" : e.field,
    }));
  throw error;
}

const PRESENCE_OPTIONS = (person: Item["people"][number]) => [
  { value: "", label: person.recused ? l.presence.recusedAlready : person.there ? l.presence.there : l.presence.away },
  ...(person.there ? [] : [{ value: "arrives", label: l.presence.arrives }]),
  ...(person.there ? [{ value: "leaves", label: l.presence.leaves }] : []),
  ...(person.recused ? [] : [{ value: "recused", label: l.presence.recused }]),
];

type Previewed = Awaited<ReturnType<typeof previewItem>> | undefined;

/** The result the services compute for the input, before saving; focused when it comes back from "Ergebnis prüfen". */
function Result({ previewed, unvoted }: { previewed: Previewed; unvoted: number }) {
  return (
    <div id="ergebnis" class="live-preview" aria-live="polite" {...(previewed ? { tabindex: -1, autofocus: true } : {})}>
      {previewed?.decision ? (
        <Notice
          text={`${l.resultWouldBe}: ${previewed.decision.explanation}`}
          tone={previewed.decision.outcome === "rejected" ? "warning" : "success"}
        />
      ) : previewed ? (
        <p>{`${l.quorumWouldBe}: ${previewed.quorum.explanation}`}</p>
      ) : null}
      {previewed?.decision && unvoted > 0 ? <Notice text={l.unvoted(unvoted)} tone="warning" /> : null}
    </div>
  );
}

function ItemPage(props: FormViewProps<Item>) {
  const { data, values, errors, scope } = props;
  const { item, record } = data;
  const meeting = record.meeting;
  const f = l.itemFields;
  const title = `${item.number} ${item.title}`;
  const open = meeting.state === "invited";
  const present = data.people.filter((p) => p.there).length;
  const recusedCount = data.people.filter((p) => p.recused).length;
  // The presence list opens by itself when the clerk changed it or it holds an error.
  const changed = data.people.some((p) => values[`p-${p.personId}`] || errors[`p-${p.personId}`]);
  return (
    <LiveLayout title={`${title}: ${l.title}`} scope={scope} meeting={meeting} trail={`${item.number}`}>
      <nav class="live-steps" aria-label={l.steps}>
        <ul class="inline-links">
          <li>
            {data.previous ? (
              <a href={livePath(meeting.id, data.previous.id)}>{`← ${data.previous.number} ${data.previous.title}`}</a>
            ) : null}
          </li>
          <li>
            <a href={livePath(meeting.id)}>{l.overview}</a>
          </li>
          <li>{data.next ? <a href={livePath(meeting.id, data.next.id)}>{`${data.next.number} ${data.next.title} →`}</a> : null}</li>
        </ul>
      </nav>
      <h1 class="kern-heading-large">{title}</h1>
      {item.isPublic ? null : <Badge tone="warning">{m.meeting.nonPublic}</Badge>}
      <Notice text={props.confirmation} />
      <Notice text={props.notice} tone="warning" />
      <p class="live-quorum" aria-live="polite">
        <QuorumLine quorum={data.recorded ? data.quorum : null} /> {data.recorded ? data.quorum.explanation : l.noAttendanceText}
      </p>
      {open ? (
        <form method="post" action={`${livePath(meeting.id, item.id)}/aufrufen`} class="inline-form">
          <SubmitButton label={meeting.liveItemId === item.id ? l.calledAgain : l.call} />
        </form>
      ) : null}
      {data.votes.length + data.resolutions.length + data.statements.length > 0 ? (
        <section aria-labelledby="erfasst">
          <h2 class="kern-heading-medium" id="erfasst">
            {l.recorded}
          </h2>
          <ul>
            {data.votes.map((vote) => (
              <li>{`${vote.motion}: ${vote.explanation}`}</li>
            ))}
            {data.resolutions.map((r) => (
              <li>
                <a
                  href={`/verwaltung/beschluesse/${r.id}`}
                >{`${r.kind === "recommendation" ? l.recommendation : l.resolution} ${r.number}`}</a>
              </li>
            ))}
            {data.statements.map((text) => (
              <li>{text}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {!open ? (
        <p>{l.closedText}</p>
      ) : (
        <>
          <ErrorSummary errors={errors} />
          <form method="post" action={livePath(meeting.id, item.id)} class="form live-form" novalidate data-live-preview="">
            <input type="hidden" name="version" value={values.version ?? ""} />
            <input type="hidden" name="noteVersion" value={values.noteVersion ?? "0"} />
            <details class="kern-accordion live-presence" {...(changed ? { open: true } : {})}>
              <summary class="kern-accordion__header">{l.presenceSummary(present, recusedCount)}</summary>
              <div class="kern-accordion__body">
                <PersonTable label={l.presenceLegend} columns={[l.person, l.atThisItem]}>
                  {data.people.map((person) => (
                    <tr class="kern-table__row">
                      <th class="kern-table__cell" scope="row">
                        {person.name}
                        {person.standsInFor ? (
                          <span class="kern-body--small">{` (${m.committee.deputyFor(person.standsInFor)})`}</span>
                        ) : null}
                      </th>
                      <td class="kern-table__cell">
                        <ChoiceField
                          labelHidden
                          id={`p-${person.personId}`}
                          label={l.presenceOf(person.name)}
                          options={PRESENCE_OPTIONS(person)}
                          value={values[`p-${person.personId}`]}
                          error={errors[`p-${person.personId}`]}
                        />
                      </td>
                    </tr>
                  ))}
                </PersonTable>
              </div>
            </details>
            {data.decides ? (
              <fieldset class="kern-fieldset" id="vote">
                <legend class="kern-label">{l.voteLegend}</legend>
                <div class="kern-fieldset__body">
                  <InputField id="motion" label={f.motion!} type="text" value={values.motion} error={errors.motion} />
                  <ChoiceField
                    id="kind"
                    label={f.kind!}
                    options={VOTE_KINDS.map((kind) => ({ value: kind, label: l.voteKinds[kind]! }))}
                    value={values.kind ?? "open"}
                    error={errors.kind}
                  />
                  <fieldset class="kern-fieldset live-counts" id="counts" data-kind="open">
                    <legend class="kern-label">{l.counts}</legend>
                    <div class="kern-fieldset__body kern-fieldset__body--horizontal">
                      {errors.counts ? <p class="kern-error">{errors.counts}</p> : null}
                      <InputField id="yes" label={f.yes!} type="number" value={values.yes} error={errors.yes} />
                      <InputField id="no" label={f.no!} type="number" value={values.no} error={errors.no} />
                      <InputField id="abstain" label={f.abstain!} type="number" value={values.abstain} error={errors.abstain} />
                    </div>
                  </fieldset>
                  <fieldset class="kern-fieldset" id="rollCall" data-kind="roll_call">
                    <legend class="kern-label">{l.rollCall}</legend>
                    <div class="kern-fieldset__body">
                      {errors.rollCall ? <p class="kern-error">{errors.rollCall}</p> : null}
                      <PersonTable label={l.rollCall} columns={[l.person, l.ballot]}>
                        {data.eligible.map((voter) => (
                          <tr class="kern-table__row">
                            <th class="kern-table__cell" scope="row">
                              {voter.name}
                            </th>
                            <td class="kern-table__cell">
                              {/* Options that begin with their own word: "j", "n" or "e" picks one by keyboard. */}
                              <ChoiceField
                                labelHidden
                                id={`r-${voter.personId}`}
                                label={l.ballotOf(voter.name)}
                                options={[
                                  { value: "", label: l.noBallot },
                                  { value: "ja", label: l.ballots.ja },
                                  { value: "nein", label: l.ballots.nein },
                                  { value: "enthaltung", label: l.ballots.enthaltung },
                                ]}
                                value={values[`r-${voter.personId}`]}
                              />
                            </td>
                          </tr>
                        ))}
                      </PersonTable>
                    </div>
                  </fieldset>
                  <fieldset class="kern-fieldset" id="election" data-kind="election">
                    <legend class="kern-label">{l.election}</legend>
                    <div class="kern-fieldset__body">
                      <TextareaField
                        id="candidates"
                        label={f.candidates!}
                        hint={l.candidatesHint}
                        value={values.candidates}
                        error={errors.candidates}
                        rows={3}
                      />
                      <ChoiceField
                        id="round"
                        label={f.round!}
                        options={[
                          { value: "first", label: l.rounds.first },
                          { value: "runoff", label: l.rounds.runoff },
                        ]}
                        value={values.round ?? "first"}
                      />
                    </div>
                  </fieldset>
                  <Result
                    previewed={props.previewed as Previewed}
                    unvoted={values.kind === "roll_call" ? data.eligible.filter((v) => !values[`r-${v.personId}`]).length : 0}
                  />
                  <TextareaField
                    id="wording"
                    label={f.wording!}
                    {...(data.proposedResolution ? { hint: l.wordingHint } : {})}
                    value={values.wording}
                    error={errors.wording}
                    rows={5}
                  />
                  {data.advisory ? (
                    <ChoiceField
                      id="recipient"
                      label={f.recipient!}
                      emptyLabel={l.noRecipient}
                      options={data.recipients.map((name) => ({ value: name, label: name }))}
                      value={values.recipient}
                      error={errors.recipient}
                    />
                  ) : null}
                </div>
              </fieldset>
            ) : null}
            <fieldset class="kern-fieldset">
              <legend class="kern-label">{l.statementLegend}</legend>
              <div class="kern-fieldset__body">
                <ChoiceField
                  id="statementPerson"
                  label={f.statementPerson!}
                  emptyLabel={l.nobody}
                  options={data.people.map((p) => ({ value: p.personId, label: p.name }))}
                  value={values.statementPerson}
                  error={errors.statementPerson}
                />
                <ChoiceField
                  id="statementKind"
                  label={f.statementKind!}
                  options={[
                    { value: "statement", label: l.statementKinds.statement },
                    { value: "vote", label: l.statementKinds.vote },
                  ]}
                  value={values.statementKind ?? "statement"}
                />
                <TextareaField
                  id="statementText"
                  label={f.statementText!}
                  value={values.statementText}
                  error={errors.statementText}
                  rows={3}
                />
              </div>
            </fieldset>
            <TextareaField id="notes" label={f.notes!} hint={l.notesHint} value={values.notes} error={errors.notes} rows={8} />
            <p id="notes-status" class="kern-body--small" aria-live="polite" />
            <div class="button-row">
              <button type="submit" name="vorschau" value="ja" class="kern-btn kern-btn--secondary">
                <span class="kern-label">{l.check}</span>
              </button>
              <button type="submit" class="kern-btn kern-btn--primary">
                <span class="kern-label">{l.save}</span>
              </button>
              {data.next ? (
                <button type="submit" name="weiter" value="ja" class="kern-btn kern-btn--secondary">
                  <span class="kern-label">{l.saveAndNext(data.next.number)}</span>
                </button>
              ) : null}
            </div>
          </form>
        </>
      )}
    </LiveLayout>
  );
}

const loadItem = (c: { req: { param: (name: string) => string | undefined } }, _scope: unknown, ctx: Parameters<typeof liveItem>[0]) =>
  liveItem(ctx, c.req.param("id") ?? "", c.req.param("item") ?? "");

const itemForm = form({
  access: "secretariat",
  schema: ZItemForm,
  labels: itemLabels,
  load: loadItem,
  initial: (data) => ({
    version: data.stamp,
    noteVersion: String(data.note.version),
    notes: data.note.text,
    motion: data.item.title,
    wording: data.resolutions.length === 0 ? (data.proposedResolution ?? "") : "",
    kind: "open",
  }),
  view: (props) => <ItemPage {...props} />,
  versions: ["version", "noteVersion"],
  confirmations: { gespeichert: l.itemSaved, aufgerufen: l.called },
  preview: (input, ctx, _scope, data) =>
    previewItem(ctx, data.record.meeting.id, data.item.id, recordingOf(input, data)).catch(inFormTerms),
  submit: async (input, ctx, _scope, data, c) => {
    await recordItem(ctx, data.record.meeting.id, data.item.id, recordingOf(input, data)).catch(inFormTerms);
    const next = typeof (await c.req.parseBody()).weiter === "string" ? data.next : null;
    return { meetingId: data.record.meeting.id, itemId: next?.id ?? data.item.id };
  },
  done: ({ meetingId, itemId }) => `${livePath(meetingId, itemId)}?gespeichert`,
});

export const livePages = new Hono<AppEnv>()
  .get("/verwaltung/sitzungen/:id/live", attendance.get)
  .post("/verwaltung/sitzungen/:id/live", attendance.post)
  .post("/verwaltung/sitzungen/:id/live/schliessen", closeSitting.post)
  .get("/verwaltung/sitzungen/:id/live/:item", itemForm.get)
  .post("/verwaltung/sitzungen/:id/live/:item", itemForm.post)
  .post("/verwaltung/sitzungen/:id/live/:item/aufrufen", async (c) => {
    const entered = await enter(c, "secretariat");
    if ("response" in entered) return entered.response;
    const [meetingId, itemId] = [c.req.param("id"), c.req.param("item")];
    await callItem(serviceContext(c), meetingId, itemId);
    return c.redirect(`${livePath(meetingId, itemId)}?aufgerufen`, 303);
  })
  // The script's autosave of the notes: 200 with the note's new version, 409 when someone else saved it meanwhile.
  .post("/verwaltung/sitzungen/:id/live/:item/notizen", async (c) => {
    const entered = await enter(c, "secretariat");
    if ("response" in entered) return entered.response;
    const body = await c.req.parseBody();
    const notes = typeof body.notes === "string" ? body.notes : "";
    const version = Number(body.noteVersion);
    if (notes.length > 100_000 || !Number.isInteger(version) || version < 0) return c.json({ message: l.notesRefused }, 400);
    try {
      const saved = await saveNote(serviceContext(c), c.req.param("id"), c.req.param("item"), notes, version);
      return c.json({ version: saved.version, message: l.notesSaved });
    } catch (error) {
      if (error instanceof Problem && (error.code === "precondition_failed" || error.code === "conflict"))
        return c.json({ message: l.notesStale }, 409);
      throw error;
    }
  });
