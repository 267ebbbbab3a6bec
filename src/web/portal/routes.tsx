/**
 * The public portal (Bürgerinfo): German HTML pages at readable addresses, rendered on the server with hono/jsx.
 * Each page calls the same services as the JSON API, through the same access policies, as the request's actor.
 */
import { Hono } from "hono";
import { renderMarkdown } from "../../documents/markdown";
import { Problem } from "../../errors";
import { documentDeps, publicBaseUrl, serviceContext, type AppEnv } from "../../http/context";
import { addMonths, berlinDateOf, isCalendarDate } from "../../rules/calendar";
import { resolutionLabel } from "../../rules/resolutions";
import { toMeetingView } from "../../schemas/meetings";
import { toMeasureView } from "../../schemas/plans";
import { toPaperView } from "../../schemas/papers";
import { meetingAgenda } from "../../services/meetings/agenda";
import { meetingCalendar } from "../../services/meetings/calendar";
import { getCommittee, listCommittees } from "../../services/people/committees";
import { committeeComposition, listMemberships } from "../../services/people/memberships";
import { getMeeting, listMeetings } from "../../services/meetings/meetings";
import { getMinutes, listPublishedMinutes } from "../../services/minutes/minutes";
import { getAttachment, getPaper, listPapers } from "../../services/papers/papers";
import { integrationReportPdf, invitationPdf, minutesPdf, paperPdf, resolutionExtractPdf } from "../../services/documents/documents";
import { integrationReport, reportYears } from "../../services/plan/integration-report";
import { IntegrationReportPage, IntegrationReportsPage } from "./integration-report";
import { sendAttachment, sendPdf } from "../../http/conditional";
import { meetingMonths, paperYears, publishedMinutesYears, resolutionYears } from "../../services/periods";
import { CONSULTATION_STATES, PAPER_TYPES } from "../../rules/papers";
import { getPerson } from "../../services/people/people";
import { getMeasure, listMeasures, listPlans } from "../../services/plan/plans";
import { getResolution, listResolutions } from "../../services/meetings/resolutions";
import { search, SEARCH_KINDS, type SearchKind } from "../../services/search/search";
import { measureTrace, planOverview, resolutionMeasures } from "../../services/plan/trace";
import { votesOfItem } from "../../services/meetings/votes";
import { getBodyPage } from "../../services/people/body-pages";
import { listTerms } from "../../services/people/terms";
import { paperRoute, resolutionLinks } from "../../services/record-links";
import type { PageKey } from "../../documents/page-texts";
import { m } from "../messages";
import { CalendarPage, ItemPage, MeetingPage, RoomDisplayPage } from "./meetings";
import { roomDisplay } from "../../services/meetings/live";
import { MeasurePage, PlanPage, PlansPage, SearchPage, StartPage, TextPage } from "./views";
import { PaperPage, PapersPage } from "./papers";
import { MinutesListPage, MinutesPage } from "./minutes";
import { CommitteePage, CommitteesPage, PersonPage } from "./committees";
import { ResolutionPage, ResolutionsPage } from "./resolutions";
import { type Ctx, pageHeaders, param, scopeOf } from "../kit/render";
import { page } from "../kit/page";
import type { ServiceContext } from "../../services/context";
import { paths } from "../kit/urls";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const portal = new Hono<AppEnv>()
  .use("*", pageHeaders)
  .get(
    "/",
    page({
      access: "public",
      load: async (_c, scope, ctx) => {
        const upcoming = (await listMeetings(ctx, { bodyId: scope.body.id, from: ctx.now.toISOString(), limit: 20 })).items
          .filter((meeting) => meeting.state !== "cancelled")
          .slice(0, 5);
        const resolutions = (await listResolutions(ctx, { bodyId: scope.body.id, limit: 5 })).items;
        const plans = await Promise.all((await listPlans(ctx, scope.body.id)).map((plan) => planOverview(ctx, plan.id, 6)));
        return {
          upcoming: upcoming.map(toMeetingView),
          resolutions,
          plans: plans.map((p) => ({ id: p.planId, title: p.title, actionFields: p.actionFields })),
        };
      },
      view: (props, scope) => <StartPage scope={scope} {...props} />,
    }),
  )
  .get(
    "/sitzungen",
    page({
      access: "public",
      load: async (c, scope, ctx) => {
        const requested = c.req.query("monat") ?? "";
        const month = MONTH.test(requested) ? requested : berlinDateOf(ctx.now).slice(0, 7);
        const { committees, committeeId } = await committeeChoice(c, ctx, scope.body.id);
        const next = addMonths(`${month}-01`, 1).slice(0, 7);
        const meetings = await listMeetings(ctx, {
          bodyId: scope.body.id,
          ...(committeeId ? { committeeId } : {}),
          from: `${month}-01`,
          to: `${next}-01`,
          limit: 200,
        });
        return {
          month,
          meetings: meetings.items.map(toMeetingView).filter((meeting) => !committeeId || meeting.committeeId === committeeId),
          committees,
          ...(committeeId ? { committeeId } : {}),
          months: await meetingMonths(ctx, scope.body.id, committeeId),
          feed: feedLinks(
            publicBaseUrl(c),
            committeeId ? `/api/v1/committees/${committeeId}/calendar.ics` : `/api/v1/bodies/${scope.body.id}/calendar.ics`,
          ),
        };
      },
      view: (props, scope) => <CalendarPage scope={scope} {...props} />,
    }),
  )
  .get(
    "/sitzungen/:id",
    page({
      access: "public",
      load: async (c, scope, ctx) => {
        const meeting = await inBody(await getMeeting(ctx, param(c, "id")), scope);
        const { agenda, hasNonPublicPart, resolutions } = await meetingAgenda(ctx, meeting, { resolutions: true });
        return { meeting: toMeetingView(meeting), items: agenda.items, resolutions, announcements: agenda.announcements, hasNonPublicPart };
      },
      view: (props, scope) => <MeetingPage scope={scope} {...props} />,
    }),
  )
  .get(
    "/sitzungen/:id/top/:itemId",
    page({
      access: "public",
      load: async (c, scope, ctx) => {
        const meeting = await inBody(await getMeeting(ctx, param(c, "id")), scope);
        const { agenda, resolutions } = await meetingAgenda(ctx, meeting, { resolutions: true });
        const item = agenda.items.find((i) => i.id === param(c, "itemId"));
        if (!item) throw new Problem("not_found", "Diesen Tagesordnungspunkt gibt es nicht.");
        const ref = resolutions.find((r) => r.itemId === item.id);
        const resolution = ref ? await getResolution(ctx, ref.id) : null;
        const measures = resolution ? (await resolutionMeasures(ctx, resolution.id)).measures : [];
        return { meeting: toMeetingView(meeting), item, votes: await votesOfItem(ctx, item.id), resolution, measures };
      },
      view: (props, scope) => <ItemPage scope={scope} {...props} />,
    }),
  )
  .get(
    "/sitzungen/:id/niederschrift",
    page({
      access: "public",
      load: async (c, scope, ctx) => {
        const meeting = await inBody(await getMeeting(ctx, param(c, "id")), scope);
        const minutes = await getMinutes(ctx, meeting.id);
        return { meeting: toMeetingView(meeting), minutes };
      },
      view: (props, scope) => <MinutesPage scope={scope} {...props} />,
    }),
  )
  .get(
    "/sitzungen/:id/anzeige",
    page({
      access: "public",
      fresh: true,
      load: async (c, scope, ctx) => roomDisplay(ctx, (await inBody(await getMeeting(ctx, param(c, "id")), scope)).id),
      view: (display, scope) => <RoomDisplayPage scope={scope} display={display} />,
    }),
  )
  .get("/sitzungen/:id/termin.ics", async (c) => {
    const body = await meetingCalendar(serviceContext(c), param(c, "id"), publicBaseUrl(c));
    return c.body(body, 200, {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'attachment; filename="sitzung.ics"',
    });
  })
  // The documents the pages link, under the pages' addresses: read as the signed-in visitor, through the services.
  .get("/sitzungen/:id/einladung.pdf", async (c) =>
    sendPdf(c, await invitationPdf(serviceContext(c), documentDeps(c), param(c, "id")), "einladung.pdf"),
  )
  .get("/sitzungen/:id/niederschrift.pdf", async (c) => {
    const part = c.req.query("teil") === "nichtoeffentlich" ? "non-public" : "public";
    return sendPdf(c, await minutesPdf(serviceContext(c), documentDeps(c), param(c, "id"), part), "niederschrift.pdf");
  })
  .get("/vorlagen/:id/vorlage.pdf", async (c) =>
    sendPdf(c, await paperPdf(serviceContext(c), documentDeps(c), param(c, "id")), "vorlage.pdf"),
  )
  .get("/beschluesse/:id/auszug.pdf", async (c) =>
    sendPdf(c, await resolutionExtractPdf(serviceContext(c), documentDeps(c), param(c, "id")), "beschlussauszug.pdf"),
  )
  .get("/vorlagen/:id/anlagen/:file", async (c) => {
    const { attachment, bytes } = await getAttachment(serviceContext(c), c.get("deps").attachments, param(c, "file"));
    if (attachment.paperId !== param(c, "id")) throw new Problem("not_found", "Diese Anlage gehört nicht zu dieser Vorlage.");
    return sendAttachment(c, attachment, bytes);
  })
  .get(
    "/gremien",
    page({
      access: "public",
      load: async (_c, scope, ctx) => {
        const committees = (await listCommittees(ctx, { bodyId: scope.body.id, limit: 200 })).items;
        return { committees };
      },
      view: (props, scope) => <CommitteesPage scope={scope} {...props} />,
    }),
  )
  .get(
    "/gremien/:id",
    page({
      access: "public",
      load: async (c, scope, ctx) => {
        const committee = await getCommittee(ctx, param(c, "id"));
        if (committee.bodyId !== scope.body.id) throw new Problem("not_found", "Dieses Gremium gibt es hier nicht.");
        const requested = c.req.query("stand");
        const composition = await committeeComposition(ctx, committee.id, requested && isCalendarDate(requested) ? requested : undefined);
        const terms = (await listTerms(ctx, { bodyId: scope.body.id, limit: 200 })).items;
        const year = Number(berlinDateOf(ctx.now).slice(0, 4));
        const meetings = (await listMeetings(ctx, { committeeId: committee.id, from: `${year}-01-01`, to: `${year + 1}-12-31`, limit: 50 }))
          .items;
        return {
          committee,
          composition,
          terms: new Map(terms.map((t) => [t.id, t.name])),
          meetings: meetings.map(toMeetingView),
          feed: feedLinks(publicBaseUrl(c), `/api/v1/committees/${committee.id}/calendar.ics`),
        };
      },
      view: (props, scope) => <CommitteePage scope={scope} {...props} />,
    }),
  )
  .get(
    "/personen/:id",
    page({
      access: "public",
      load: async (c, scope, ctx) => {
        const person = await getPerson(ctx, param(c, "id"));
        if (person.bodyId !== scope.body.id) throw new Problem("not_found", "Diese Person gibt es hier nicht.");
        const memberships = (await listMemberships(ctx, { personId: person.id, limit: 200 })).items;
        const committees = new Map(
          (await listCommittees(ctx, { bodyId: scope.body.id, limit: 200 })).items.map((committee) => [committee.id, committee.name]),
        );
        const seats = memberships.map((seat) => ({ ...seat, committeeName: committees.get(seat.committeeId) ?? "" }));
        // Contact data is never shown: only the name and the seats.
        return { person: { givenName: person.givenName, familyName: person.familyName }, seats };
      },
      view: (props, scope) => <PersonPage scope={scope} {...props} />,
    }),
  )
  .get(
    "/vorlagen/:id",
    page({
      access: "public",
      load: async (c, scope, ctx) => {
        const paper = toPaperView(await getPaper(ctx, param(c, "id")));
        if (paper.bodyId !== scope.body.id) throw new Problem("not_found", "Diese Vorlage gibt es hier nicht.");
        const route = await paperRoute(ctx, paper);
        const meetings = new Map<string, ReturnType<typeof toMeetingView>>();
        for (const step of paper.consultations) {
          const meetingId = step.meetingId ?? route.find((r) => r.consultationId === step.id)?.item?.meetingId;
          if (meetingId) meetings.set(step.id, toMeetingView(await getMeeting(ctx, meetingId)));
        }
        return { paper, meetings, route };
      },
      view: (props, scope) => <PaperPage scope={scope} {...props} />,
    }),
  )
  .get(
    "/vorlagen",
    page({
      access: "public",
      load: async (c, scope, ctx) => {
        const { committees, committeeId } = await committeeChoice(c, ctx, scope.body.id);
        const filter = {
          year: yearOf(c.req.query("jahr")),
          committeeId,
          type: PAPER_TYPES.find((type) => type === c.req.query("art")),
          state: CONSULTATION_STATES.find((state) => state === c.req.query("stand")),
          q: (c.req.query("titel") ?? "").trim().slice(0, 200),
        };
        const cursor = c.req.query("seite");
        const result = await listPapers(ctx, {
          bodyId: scope.body.id,
          ...definedOnly({ ...filter, q: filter.q || undefined, cursor }),
          limit: 50,
        });
        const query = listQuery(scope, {
          jahr: filter.year,
          gremium: filter.committeeId,
          art: filter.type,
          stand: filter.state,
          titel: filter.q,
        });
        return {
          papers: result.items.map(toPaperView),
          committees,
          years: await paperYears(ctx, scope.body.id),
          filter,
          next: result.nextCursor ? `/vorlagen?${query}seite=${encodeURIComponent(result.nextCursor)}` : undefined,
        };
      },
      view: (props, scope) => <PapersPage scope={scope} {...props} />,
    }),
  )
  .get(
    "/niederschriften",
    page({
      access: "public",
      load: async (c, scope, ctx) => {
        const { committees, committeeId } = await committeeChoice(c, ctx, scope.body.id);
        const filter = {
          year: yearOf(c.req.query("jahr")),
          committeeId,
        };
        const cursor = c.req.query("seite");
        const result = await listPublishedMinutes(ctx, { bodyId: scope.body.id, ...definedOnly({ ...filter, cursor }), limit: 50 });
        const query = listQuery(scope, { jahr: filter.year, gremium: filter.committeeId });
        return {
          meetings: result.items.map(toMeetingView),
          committees,
          years: await publishedMinutesYears(ctx, scope.body.id, filter.committeeId),
          filter,
          next: result.nextCursor ? `/niederschriften?${query}seite=${encodeURIComponent(result.nextCursor)}` : undefined,
        };
      },
      view: (props, scope) => <MinutesListPage scope={scope} {...props} />,
    }),
  )
  .get("/massnahmen", (c) => c.redirect(`/integrationsplan${new URL(c.req.url).search}`, 301))
  .get(
    "/beschluesse",
    page({
      access: "public",
      load: async (c, scope, ctx) => {
        const { committees, committeeId } = await committeeChoice(c, ctx, scope.body.id);
        const year = yearOf(c.req.query("jahr"));
        const cursor = c.req.query("seite");
        const result = await listResolutions(ctx, {
          bodyId: scope.body.id,
          ...(committeeId ? { committeeId } : {}),
          ...(year ? { year } : {}),
          ...(cursor ? { cursor } : {}),
          limit: 50,
        });
        const years = await resolutionYears(ctx, scope.body.id, committeeId);
        const query = new URLSearchParams({
          ...(scope.several ? { k: scope.body.id } : {}),
          ...(committeeId ? { gremium: committeeId } : {}),
          ...(year ? { jahr: String(year) } : {}),
        });
        return {
          resolutions: result.items,
          committees,
          ...(committeeId ? { committeeId } : {}),
          ...(year ? { year } : {}),
          years,
          ...(result.nextCursor ? { next: `/beschluesse?${query}&seite=${encodeURIComponent(result.nextCursor)}` } : {}),
        };
      },
      view: (props, scope) => <ResolutionsPage scope={scope} {...props} />,
    }),
  )
  .get(
    "/beschluesse/:id",
    page({
      access: "public",
      load: async (c, scope, ctx) => {
        const resolution = await getResolution(ctx, param(c, "id"));
        const committee = await getCommittee(ctx, resolution.committeeId);
        if (committee.bodyId !== scope.body.id) throw new Problem("not_found", "Diesen Beschluss gibt es hier nicht.");
        const meeting = resolution.meetingId ? toMeetingView(await getMeeting(ctx, resolution.meetingId)) : null;
        const { measures } = await resolutionMeasures(ctx, resolution.id);
        return { resolution, label: resolutionLabel(resolution), meeting, measures, links: await resolutionLinks(ctx, resolution) };
      },
      view: (props, scope) => <ResolutionPage scope={scope} {...props} />,
    }),
  )
  .get(
    "/integrationsplan",
    page({
      access: "public",
      load: async (_c, scope, ctx) => {
        const plans = await listPlans(ctx, scope.body.id);
        return { plans };
      },
      view: (props, scope) => <PlansPage scope={scope} {...props} />,
    }),
  )
  .get(
    "/integrationsplan/:id",
    page({
      access: "public",
      load: async (c, scope, ctx) => {
        const overview = await planOverview(ctx, param(c, "id"), 6);
        const plan = (await listPlans(ctx, scope.body.id)).find((p) => p.id === overview.planId);
        if (!plan) throw new Problem("not_found", "Diesen Plan gibt es hier nicht.");
        const measures = (await listMeasures(ctx, plan.id)).map(toMeasureView);
        return { plan: { id: overview.planId, title: overview.title, actionFields: overview.actionFields }, measures };
      },
      view: (props, scope) => <PlanPage scope={scope} {...props} />,
    }),
  )
  .get(
    "/massnahmen/:id",
    page({
      access: "public",
      load: async (c, scope, ctx) => {
        const measure = await getMeasure(ctx, param(c, "id"));
        if (!(await listPlans(ctx, scope.body.id)).some((plan) => plan.id === measure.planId)) {
          throw new Problem("not_found", "Diese Maßnahme gibt es hier nicht.");
        }
        const { planTitle, trace } = await measureTrace(ctx, measure.id);
        return { measure: toMeasureView(measure), planTitle, trace };
      },
      view: (props, scope) => <MeasurePage scope={scope} {...props} />,
    }),
  )
  .get(
    "/integrationsbericht",
    page({
      access: "public",
      load: async (_c, scope, ctx) => ({ years: await reportYears(ctx, scope.body.id) }),
      view: (props, scope) => <IntegrationReportsPage scope={scope} {...props} />,
    }),
  )
  .get(
    "/integrationsbericht/:year",
    page({
      access: "public",
      load: async (c, scope, ctx) => {
        const year = yearOf(param(c, "year"));
        if (!year) throw new Problem("not_found", "Diesen Integrationsbericht gibt es nicht.");
        return { report: await integrationReport(ctx, scope.body.id, year), years: await reportYears(ctx, scope.body.id) };
      },
      view: (props, scope) => <IntegrationReportPage scope={scope} {...props} />,
    }),
  )
  .get("/integrationsbericht/:year/bericht.pdf", async (c) => {
    const year = yearOf(param(c, "year"));
    const { body } = await scopeOf(c);
    if (!year || !body) throw new Problem("not_found", "Diesen Integrationsbericht gibt es nicht.");
    return sendPdf(c, await integrationReportPdf(serviceContext(c), documentDeps(c), body.id, year), `integrationsbericht-${year}.pdf`);
  })
  .get(
    "/suche",
    page({
      access: "public",
      load: async (c, scope, ctx) => {
        const { committees, committeeId } = await committeeChoice(c, ctx, scope.body.id);
        const query = (c.req.query("q") ?? "").trim().slice(0, 200);
        const kind = SEARCH_KINDS.find((k) => k === c.req.query("art"));
        const [from, to] = [c.req.query("von") || undefined, c.req.query("bis") || undefined];
        const errors: Record<string, string> = {};
        if (from && !isCalendarDate(from)) errors.von = m.search.badDate;
        if (to && !isCalendarDate(to)) errors.bis = m.search.badDate;
        if (from && to && !errors.von && !errors.bis && to < from) errors.bis = m.search.toBeforeFrom;
        const props = { query, kind, committeeId, from, to, committees, errors };
        if (Object.keys(errors).length > 0 || !query) return { ...props, hits: null };
        const filter = { bodyId: scope.body.id, committeeId, from, to };
        const hits = await search(ctx, query, kind ? [kind] : SEARCH_KINDS, 50, filter);
        const shown = hits.flatMap((hit) => {
          const href = portalAddress(hit.kind, hit.id, hit.url);
          return href ? [{ kind: hit.kind, title: hit.title, context: hit.context, href, snippet: hit.snippet, match: hit.match }] : [];
        });
        return { ...props, hits: shown };
      },
      view: (props, scope) => <SearchPage scope={scope} {...props} />,
      // A refused filter is a bad request, shown with its message beside the field.
      status: (props) => (Object.keys(props.errors).length > 0 ? 400 : 200),
    }),
  );

/** The pages whose text the body may set (BITV 2.0, L-BGG, DDG, GDPR), at their addresses. */
export const TEXT_PAGES: Record<string, PageKey> = {
  "/barrierefreiheit": "accessibility",
  "/leichte-sprache": "easyLanguage",
  "/gebaerdensprache": "signLanguage",
  "/impressum": "imprint",
  "/datenschutz": "privacy",
};

for (const [path, key] of Object.entries(TEXT_PAGES)) {
  portal.get(
    path,
    page({
      access: "public",
      load: async (_c, scope, ctx) => {
        const text = await getBodyPage(ctx, scope.body.id, key);
        return { title: m.legal[key], html: renderMarkdown(text.markdown)! };
      },
      view: (props, scope) => <TextPage scope={scope} {...props} />,
    }),
  );
}

/** A feed's address to download (https) and to subscribe to (webcal, the same address under the calendar's scheme). */
function feedLinks(baseUrl: string, path: string) {
  const https = new URL(path, baseUrl).toString();
  return { https, webcal: https.replace(/^https?:/, "webcal:") };
}

/** The body's committees, for a list's committee filter, and the one chosen with `?gremium=` (if it is one of them). */
async function committeeChoice(c: Ctx, ctx: ServiceContext, bodyId: string) {
  const committees = (await listCommittees(ctx, { bodyId, limit: 200 })).items;
  return { committees, committeeId: committees.find((committee) => committee.id === c.req.query("gremium"))?.id };
}

/** A year from a list's `?jahr=`, or none. */
function yearOf(value: string | undefined): number | undefined {
  const year = Number(value);
  return Number.isInteger(year) && year > 1900 && year < 3000 ? year : undefined;
}

/** The properties of an object that are set. */
function definedOnly<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as never;
}

/** A list's filters as the start of a query string for its next page ("k=…&jahr=2026&"). */
function listQuery(scope: { several: boolean; body: { id: string } }, filters: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  if (scope.several) query.set("k", scope.body.id);
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== "") query.set(key, String(value));
  const text = query.toString();
  return text ? `${text}&` : "";
}

/** A meeting of the visitor's body; another body's meeting is not found here. */
async function inBody<T extends { committee: { bodyId: string } }>(meeting: T, scope: { body: { id: string } }): Promise<T> {
  if (meeting.committee.bodyId !== scope.body.id) throw new Problem("not_found", "Diese Sitzung gibt es hier nicht.");
  return meeting;
}

/** Where a search hit lives on the portal. */
function portalAddress(kind: SearchKind, id: string, apiUrl: string): string | undefined {
  const meetingId = /^\/api\/v1\/meetings\/([^/]+)\//.exec(apiUrl)?.[1];
  switch (kind) {
    case "measure":
      return paths.measure(id);
    case "resolution":
      return paths.resolution(id);
    case "paper":
      return paths.paper(id);
    case "item":
      return meetingId ? paths.item(meetingId, id) : undefined;
    case "minutes":
      return meetingId ? paths.minutes(meetingId) : undefined;
  }
}
