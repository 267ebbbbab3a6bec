/**
 * A meeting in the secretariat's workspace and its agenda builder: add an item in either part with a paper, nest it,
 * move it with buttons that work by keyboard and without JavaScript, remove it after a page that asks. Every move
 * carries the item's version: two people editing one agenda never silently overwrite each other.
 */
import { Hono } from "hono";
import { z } from "zod";
import { paths } from "../../addresses";
import { AGENDA_ITEM_KIND } from "../../documents/labels";
import { Problem } from "../../errors";
import type { AppEnv } from "../../http/context";
import { AGENDA_ITEM_KINDS } from "../../rules/agenda";
import { dateOf, timeOf } from "../../rules/calendar";
import { meetingStateName, placeOfRow } from "../../rules/meeting";
import { paperNumber } from "../../rules/papers";
import { ZId } from "../../schemas/common";
import type { TAgendaItem } from "../../schemas/agenda";
import { createAgendaItem, moveAgendaItem, removeAgendaItem } from "../../services/meetings/agenda";
import type { ServiceContext } from "../../services/context";
import { listPapers } from "../../services/papers/papers";
import { managedMeeting } from "../../services/workspace";
import { Badge, ChoiceField, ErrorSummary, Facts, InputField, Notice, SubmitButton } from "../components/ui";
import { form } from "../kit/form";
import { page } from "../kit/page";
import { m } from "../messages";
import type { Scope } from "../kit/urls";
import { WorkspaceLayout } from "./layout";
import { type FormState, type Managed, type Meeting, editable, meetingName, meetingPath, t, when } from "./meeting-shared";

/** The items that share an item's parent (and, at the top, its part), in order. */
const siblingsOf = (items: TAgendaItem[], item: TAgendaItem) =>
  items.filter((i) => i.parentId === item.parentId && (item.parentId !== null || i.isPublic === item.isPublic));

const MOVES = ["hoch", "runter", "ein", "aus", "entfernen"] as const;
type Move = (typeof MOVES)[number];

/** The moves an item offers where it stands: up and down among its siblings, under the one before it, or up a level. */
function movesOf(items: TAgendaItem[], item: TAgendaItem): Move[] {
  if (item.withdrawn) return [];
  const siblings = siblingsOf(items, item);
  const index = siblings.findIndex((s) => s.id === item.id);
  return MOVES.filter(
    (move) =>
      (move === "hoch" && index > 0) ||
      (move === "runter" && index < siblings.length - 1) ||
      (move === "ein" && index > 0 && !siblings[index - 1]!.withdrawn) ||
      (move === "aus" && item.parentId !== null) ||
      move === "entfernen",
  );
}

function AgendaTable({ meeting, items, open }: { meeting: Meeting; items: TAgendaItem[]; open: boolean }) {
  const label = (move: Move, item: TAgendaItem) =>
    ({
      hoch: [t.up, t.moveUp(item.title)],
      runter: [t.down, t.moveDown(item.title)],
      ein: [t.in, t.indent(item.title)],
      aus: [t.out, t.outdent(item.title)],
      entfernen: meeting.state === "invited" ? [t.withdrawShort, t.withdraw(item.title)] : [t.removeShort, t.remove(item.title)],
    })[move];
  return (
    <section class="kern-table-responsive" tabindex={0} aria-label={t.agenda}>
      <table class="kern-table agenda-builder">
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            <th class="kern-table__header" scope="col">
              {t.number}
            </th>
            <th class="kern-table__header" scope="col">
              {t.itemFields.title}
            </th>
            {open ? (
              <th class="kern-table__header" scope="col">
                {t.actions}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {items.map((item) => (
            <tr class="kern-table__row">
              <td class="kern-table__cell">{item.number}</td>
              <td class={`kern-table__cell agenda-builder__title agenda-builder__title--${Math.min(item.depth, 3)}`}>
                {item.title}
                {item.paper ? <span class="hint-line">{`${t.itemFields.paperId} ${item.paper.number}`}</span> : null}
                {item.isPublic ? null : <Badge tone="warning">{t.partNonPublic}</Badge>}
                {item.withdrawn ? <Badge tone="danger">{t.withdrawn}</Badge> : null}
              </td>
              {open ? (
                <td class="kern-table__cell">
                  <form method="post" action={`${meetingPath(meeting.id)}/punkte/${item.id}`} class="agenda-builder__moves">
                    <input type="hidden" name="version" value={String(item.version)} />
                    {movesOf(items, item).map((move) => {
                      const [short, full] = label(move, item);
                      // Removing asks first, on a page of its own: it takes the sub-items along.
                      if (move === "entfernen")
                        return (
                          <a
                            class="kern-btn kern-btn--tertiary kern-btn--small"
                            href={`${meetingPath(meeting.id)}/punkte/${item.id}/entfernen`}
                            aria-label={full}
                          >
                            <span class="kern-label">{short}</span>
                          </a>
                        );
                      return (
                        <button
                          class="kern-btn kern-btn--tertiary kern-btn--small"
                          type="submit"
                          name="aktion"
                          value={move}
                          aria-label={full}
                        >
                          <span class="kern-label">{short}</span>
                        </button>
                      );
                    })}
                  </form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

interface MeetingData extends Managed {
  papers: { id: string; label: string }[];
}

function AddItemForm({ data, state }: { data: MeetingData; state: FormState }) {
  const { values, errors } = state;
  const f = t.itemFields;
  const parents = data.agenda.items.filter((item) => !item.withdrawn);
  return (
    <section aria-labelledby="punkt-aufnehmen">
      <h2 class="kern-heading-medium" id="punkt-aufnehmen">
        {t.addItem}
      </h2>
      <ErrorSummary errors={errors} />
      <form method="post" action={`${meetingPath(data.meeting.id)}/punkte`} class="form" novalidate>
        <InputField id="title" label={f.title!} type="text" value={values.title} error={errors.title} />
        <ChoiceField
          id="part"
          label={f.part!}
          options={[
            { value: "oeffentlich", label: t.partPublic },
            { value: "nichtoeffentlich", label: t.partNonPublic },
          ]}
          value={values.part}
          error={errors.part}
        />
        <ChoiceField
          id="parentId"
          label={f.parentId!}
          emptyLabel={t.topLevel}
          options={parents.map((item) => ({ value: item.id, label: `${item.number} ${item.title}` }))}
          value={values.parentId}
          error={errors.parentId}
        />
        <ChoiceField
          id="paperId"
          label={f.paperId!}
          emptyLabel={t.noPaper}
          options={data.papers.map((paper) => ({ value: paper.id, label: paper.label }))}
          value={values.paperId}
          error={errors.paperId}
        />
        <ChoiceField
          id="kind"
          label={f.kind!}
          options={AGENDA_ITEM_KINDS.map((kind) => ({ value: kind, label: AGENDA_ITEM_KIND[kind] }))}
          value={values.kind ?? "resolution"}
          error={errors.kind}
        />
        <SubmitButton label={t.addItem} primary />
      </form>
    </section>
  );
}

export function MeetingPage(props: { scope: Scope; data: MeetingData; add?: FormState; notice?: string | undefined; warning?: string }) {
  const { meeting, agenda, invitations } = props.data;
  const open = editable(meeting);
  const invited = invitations.at(-1);
  return (
    <WorkspaceLayout title={meetingName(meeting)} scope={props.scope} area="meetings" trail={[{ text: meeting.title }]}>
      <p class="kern-subline">{meeting.committee.name}</p>
      <h1 class="kern-heading-large">{meeting.title}</h1>
      <Notice text={props.notice} />
      <Notice text={props.warning} tone="warning" />
      <Facts
        rows={[
          [m.meeting.time, when(meeting)],
          [m.meeting.place, placeOfRow(meeting) ?? m.common.none],
          [m.meeting.state, meetingStateName(meeting.state)],
          ...(invited ? ([[t.invite, t.sentAt(dateOf(invited.sentAt))]] as [string, string][]) : []),
        ]}
      />
      <ul class="inline-links">
        {meeting.state === "planned" ? (
          <li>
            <a href={`${meetingPath(meeting.id)}/einladung`}>{t.inviteTitle}</a>
          </li>
        ) : null}
        {open ? (
          <li>
            <a href={`${meetingPath(meeting.id)}/absage`}>{t.cancel}</a>
          </li>
        ) : null}
        {meeting.state === "planned" && invitations.length === 0 ? (
          <li>
            <a href={`${meetingPath(meeting.id)}/loeschen`}>{t.deleteMeeting}</a>
          </li>
        ) : null}
        {meeting.state === "invited" || meeting.state === "held" ? (
          <li>
            <a href={`${meetingPath(meeting.id)}/live`}>{t.live}</a>
          </li>
        ) : null}
        {meeting.state === "held" || meeting.state === "closed" || meeting.state === "invited" ? (
          <li>
            <a href={`${meetingPath(meeting.id)}/niederschrift`}>{t.minutes}</a>
          </li>
        ) : null}
        <li>
          <a href={paths.meeting(meeting.id)}>{t.publicPage}</a>
        </li>
      </ul>
      <h2 class="kern-heading-medium">{t.agenda}</h2>
      {meeting.state === "invited" ? <p>{t.amendmentNote}</p> : null}
      <AgendaTable meeting={meeting} items={agenda.items} open={open} />
      {agenda.amendments.length > 0 ? (
        <>
          <h3 class="kern-heading-small">{t.amendments}</h3>
          <ul>
            {agenda.amendments.map((amendment) => (
              <li>{`${dateOf(amendment.at)}, ${timeOf(amendment.at)}: ${amendment.summary}`}</li>
            ))}
          </ul>
        </>
      ) : null}
      {open ? <AddItemForm data={props.data} state={props.add ?? { values: { part: "oeffentlich" }, errors: {} }} /> : null}
    </WorkspaceLayout>
  );
}

export async function loadMeeting(
  c: { req: { param: (name: string) => string | undefined } },
  scope: { body: { id: string } },
  ctx: ServiceContext,
) {
  const [managed, papers] = await Promise.all([
    managedMeeting(ctx, c.req.param("id") ?? ""),
    listPapers(ctx, { bodyId: scope.body.id, limit: 200 }),
  ]);
  const labelled = papers.items.map((paper) => ({ id: paper.id, label: `${paperNumber(paper.year, paper.serial)}: ${paper.title}` }));
  return { ...managed, papers: labelled };
}

const addItem = form({
  access: "secretariat",
  schema: z.object({
    title: z.string().trim().min(1, "fehlt").max(500),
    part: z.enum(["oeffentlich", "nichtoeffentlich"]),
    parentId: ZId.optional(),
    paperId: ZId.optional(),
    kind: z.enum(AGENDA_ITEM_KINDS),
  }),
  labels: t.itemFields,
  load: loadMeeting,
  view: ({ scope, data, ...state }) => <MeetingPage scope={scope} data={data} add={state} />,
  // The service speaks of isPublic; the form's field is the part.
  fieldsOf: { isPublic: "part" },
  submit: ({ part, ...input }, ctx, _scope, data) => createAgendaItem(ctx, data.meeting.id, { ...input, isPublic: part === "oeffentlich" }),
  done: (agenda) => `${meetingPath(agenda.meetingId)}?aufgenommen`,
});

/** The move an action button asks for, as the service takes it: where the item goes, or that it goes. */
function target(items: TAgendaItem[], item: TAgendaItem, move: Move) {
  const siblings = siblingsOf(items, item);
  const index = siblings.findIndex((s) => s.id === item.id);
  switch (move) {
    case "hoch":
      return { parentId: item.parentId, position: index - 1 };
    case "runter":
      return { parentId: item.parentId, position: index + 1 };
    case "ein": {
      const parent = siblings[index - 1]!;
      return { parentId: parent.id, position: items.filter((i) => i.parentId === parent.id).length };
    }
    case "aus": {
      const parent = items.find((i) => i.id === item.parentId)!;
      return { parentId: parent.parentId, position: siblingsOf(items, parent).findIndex((s) => s.id === parent.id) + 1 };
    }
    case "entfernen":
      return "remove" as const;
  }
}

const changeItem = form({
  access: "secretariat",
  schema: z.object({ aktion: z.enum(MOVES), version: z.coerce.number().int().min(1) }),
  labels: { aktion: t.actions },
  load: loadMeeting,
  view: ({ scope, data, notice, errors }) => <MeetingPage scope={scope} data={data} warning={notice ?? Object.values(errors).join(" ")} />,
  submit: async ({ aktion, version }, ctx, _scope, data, c) => {
    const items = data.agenda.items;
    const item = items.find((i) => i.id === c.req.param("item"));
    // The item is gone, or the agenda changed so that the move no longer applies: someone else was faster.
    if (!item || item.version !== version || !movesOf(items, item).includes(aktion))
      throw new Problem("precondition_failed", "Die Tagesordnung wurde inzwischen geändert.");
    const where = target(items, item, aktion);
    if (where === "remove") await removeAgendaItem(ctx, item.id, version);
    else await moveAgendaItem(ctx, item.id, version, where);
    return data.meeting.id;
  },
  done: (meetingId) => `${meetingPath(meetingId)}?geaendert`,
});

function RemoveItemPage({ scope, data, item }: { scope: Scope; data: MeetingData; item: TAgendaItem }) {
  const { meeting, agenda } = data;
  const title = meeting.state === "invited" ? t.withdraw(item.title) : t.remove(item.title);
  const subItems = agenda.items.filter((i) => i.number.startsWith(`${item.number}.`));
  return (
    <WorkspaceLayout
      title={title}
      scope={scope}
      area="meetings"
      trail={[{ text: meeting.title, href: meetingPath(meeting.id) }, { text: title }]}
    >
      <p class="kern-subline">{`${item.number} ${item.title}`}</p>
      <h1 class="kern-heading-large">{title}</h1>
      <p>{meeting.state === "invited" ? t.withdrawIntro : t.removeIntro}</p>
      {subItems.length > 0 ? (
        <>
          <p>{t.withSubItems}</p>
          <ul>
            {subItems.map((sub) => (
              <li>{`${sub.number} ${sub.title}`}</li>
            ))}
          </ul>
        </>
      ) : null}
      <form method="post" action={`${meetingPath(meeting.id)}/punkte/${item.id}`} class="form" novalidate>
        <input type="hidden" name="version" value={String(item.version)} />
        <input type="hidden" name="aktion" value="entfernen" />
        <SubmitButton label={meeting.state === "invited" ? t.withdrawShort : t.removeShort} primary />
      </form>
      <p>
        <a href={meetingPath(meeting.id)}>{t.keepItem}</a>
      </p>
    </WorkspaceLayout>
  );
}

const NOTICES: [string, string][] = [
  ["geplant", t.planned],
  ["aufgenommen", t.itemAdded],
  ["geaendert", t.itemMoved],
  ["eingeladen", t.sent],
  ["abgesagt", t.cancelled],
];

export const agendaPages = new Hono<AppEnv>()
  .get(
    "/verwaltung/sitzungen/:id",
    page({
      access: "secretariat",
      load: async (c, scope, ctx) => ({
        data: await loadMeeting(c, scope, ctx),
        notice: NOTICES.find(([key]) => c.req.query(key) !== undefined)?.[1],
      }),
      view: ({ data, notice }, scope) => <MeetingPage scope={scope} data={data} notice={notice} />,
    }),
  )
  .post("/verwaltung/sitzungen/:id/punkte", addItem.post)
  .post("/verwaltung/sitzungen/:id/punkte/:item", changeItem.post)
  .get(
    "/verwaltung/sitzungen/:id/punkte/:item/entfernen",
    page({
      access: "secretariat",
      load: async (c, scope, ctx) => {
        const data = await loadMeeting(c, scope, ctx);
        const item = data.agenda.items.find((i) => i.id === c.req.param("item") && !i.withdrawn);
        if (!item || !editable(data.meeting)) throw new Problem("not_found", "Diesen Punkt gibt es hier nicht (mehr).");
        return { data, item };
      },
      view: ({ data, item }, scope) => <RemoveItemPage scope={scope} data={data} item={item} />,
    }),
  );
