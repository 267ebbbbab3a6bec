/**
 * The secretariat's workspace under /verwaltung, for the secretariat of the visitor's body (and admins): the overview
 * of what is due, and people. Every page declares its access; the services check each record again.
 */
import { Hono } from "hono";
import { mailContext, publicBaseUrl, type AppEnv } from "../../http/context";
import { z } from "zod";
import { type TPerson, ZPersonCreate, personFields, toPersonView } from "../../schemas/people";
import { createPerson, getPerson, listPeople, updatePerson } from "../../services/people/people";
import { createAccount } from "../../services/accounts/accounts";
import { ZEmailAddress } from "../../schemas/accounts";
import { workspaceOverview } from "../../services/workspace";
import { sameOrigin } from "../kit/forms";
import { form } from "../kit/form";
import { page } from "../kit/page";
import { m } from "../messages";
import { pageHeaders } from "../kit/render";
import { committeePages } from "./committees";
import { documentPages } from "./documents";
import { meetingPages } from "./meetings";
import { outboxPages } from "./outbox";
import { resolutionPages } from "./resolutions";
import { planPages } from "./plan";
import { procedurePages } from "./procedures";
import { OverviewPage } from "./overview";
import { paperPages } from "./papers";
import { AccountCreatedPage, AccountFormPage, PeoplePage, PersonFormPage } from "./people";

/** A checkbox posts "ja" when ticked and nothing when not. */
const ZTicked = z.literal("ja").optional();

const newPerson = form({
  access: "secretariat",
  schema: ZPersonCreate.omit({ bodyId: true }).extend({ mailOptOut: ZTicked }),
  labels: m.workspace.fields,
  load: async () => null,
  view: (props) => <PersonFormPage {...props} />,
  submit: (input, ctx, scope) => createPerson(ctx, { ...input, mailOptOut: input.mailOptOut === "ja", bodyId: scope.body.id }),
  done: () => "/verwaltung/personen?angelegt",
});

const personValues = (person: TPerson): Record<string, string> => ({
  version: String(person.version),
  ...Object.fromEntries(Object.keys(m.workspace.fields).map((field) => [field, String(person[field as keyof TPerson] ?? "")])),
  mailOptOut: person.mailOptOut ? "ja" : "",
});

const editPerson = form({
  access: "secretariat",
  schema: z.object({ ...personFields, mailOptOut: ZTicked, version: z.coerce.number().int().min(1) }),
  labels: m.workspace.fields,
  empty: "null",
  load: async (c, _scope, ctx) => toPersonView(await getPerson(ctx, c.req.param("id") ?? ""), ctx.actor),
  initial: personValues,
  view: (props) => <PersonFormPage {...props} person={props.data} />,
  submit: ({ version, ...input }, ctx, _scope, person) =>
    updatePerson(ctx, person.id, version, { ...input, mailOptOut: input.mailOptOut === "ja" }),
  done: () => "/verwaltung/personen?gespeichert",
});

const newAccount = form({
  access: "secretariat",
  schema: z.object({ email: ZEmailAddress }),
  labels: { email: m.workspace.fields.email! },
  subjects: { personId: m.workspace.thePerson },
  load: async (c, _scope, ctx) => toPersonView(await getPerson(ctx, c.req.param("id") ?? ""), ctx.actor),
  initial: (person) => ({ email: person.email ?? "" }),
  view: (props) => <AccountFormPage {...props} />,
  submit: async ({ email }, ctx, _scope, person, c) => ({
    person,
    ...(await createAccount(ctx, { email, role: "member", personId: person.id }, mailContext(c))),
  }),
  done: ({ person, setPasswordPath }, scope, c) => (
    <AccountCreatedPage
      scope={scope}
      name={[person.givenName, person.familyName].join(" ")}
      link={`${publicBaseUrl(c)}${setPasswordPath}`}
    />
  ),
});

export const workspacePages = new Hono<AppEnv>()
  .use("/verwaltung", pageHeaders)
  .use("/verwaltung/*", pageHeaders)
  .post("/verwaltung/*", sameOrigin)
  .get(
    "/verwaltung",
    page({
      access: "secretariat",
      load: async (_c, scope, ctx) => workspaceOverview(ctx, scope.body.id),
      view: (overview, scope) => <OverviewPage scope={scope} overview={overview} />,
    }),
  )
  .get(
    "/verwaltung/personen",
    page({
      access: "secretariat",
      load: async (c, scope, ctx) => ({
        people: (await listPeople(ctx, { bodyId: scope.body.id, limit: 500 })).items.map((person) => toPersonView(person, ctx.actor)),
        notice:
          c.req.query("angelegt") !== undefined
            ? m.workspace.personCreated
            : c.req.query("gespeichert") !== undefined
              ? m.workspace.personSaved
              : undefined,
      }),
      view: ({ people, notice }, scope) => <PeoplePage scope={scope} people={people} notice={notice} />,
    }),
  )
  .get("/verwaltung/personen/neu", newPerson.get)
  .post("/verwaltung/personen/neu", newPerson.post)
  .get("/verwaltung/personen/:id/konto", newAccount.get)
  .post("/verwaltung/personen/:id/konto", newAccount.post)
  .get("/verwaltung/personen/:id", editPerson.get)
  .post("/verwaltung/personen/:id", editPerson.post)
  .route("/", committeePages)
  .route("/", paperPages)
  .route("/", meetingPages)
  .route("/", resolutionPages)
  .route("/", planPages)
  .route("/", procedurePages)
  .route("/", outboxPages)
  .route("/", documentPages);
