/**
 * The secretariat's workspace under /verwaltung, for the secretariat of the visitor's body (and admins): the overview
 * of what is due, and people. Every page declares its access; the services check each record again.
 */
import { Hono } from "hono";
import type { AppEnv } from "../../http/context";
import { ZPersonCreate } from "../../schemas/people";
import { toPersonView } from "../../schemas/people";
import { createPerson, listPeople } from "../../services/people";
import { workspaceOverview } from "../../services/workspace";
import { sameOrigin } from "../kit/forms";
import { form } from "../kit/form";
import { page } from "../kit/page";
import { m } from "../messages";
import { pageHeaders } from "../render";
import { OverviewPage } from "./overview";
import { PeoplePage, PersonFormPage } from "./people";

const newPerson = form({
  access: "secretariat",
  schema: ZPersonCreate.omit({ bodyId: true }),
  labels: m.workspace.fields,
  load: async () => null,
  view: (props) => <PersonFormPage {...props} />,
  submit: (input, ctx, scope) => createPerson(ctx, { ...input, bodyId: scope.body.id }),
  done: () => "/verwaltung/personen?angelegt",
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
        created: c.req.query("angelegt") !== undefined,
      }),
      view: ({ people, created }, scope) => (
        <PeoplePage scope={scope} people={people} notice={created ? m.workspace.personCreated : undefined} />
      ),
    }),
  )
  .get("/verwaltung/personen/neu", newPerson.get)
  .post("/verwaltung/personen/neu", newPerson.post);
