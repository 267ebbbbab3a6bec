import { serviceContext } from "../http/context";
import { crudRoutes } from "../http/crud";
import { ZIdParam, createRouter, defineRoute, jsonResponse } from "../http/openapi";
import { requiredVersion, withEtag } from "../http/versioning";
import { ZCommittee, ZCommitteeCreate, ZCommitteeListQuery, ZCommitteeUpdate, toCommitteeView } from "../schemas/committees";
import { ZComposition, ZCompositionQuery } from "../schemas/memberships";
import { createCommittee, deleteCommittee, getCommittee, listCommittees, updateCommittee } from "../services/people/committees";
import { committeeComposition } from "../services/people/memberships";

const routes = crudRoutes({
  path: "/committees",
  names: ["Committee", "Committees"],
  schema: ZCommittee,
  listQuery: ZCommitteeListQuery,
  create: ZCommitteeCreate,
  update: ZCommitteeUpdate,
  access: { read: "public", create: "secretariat", update: "secretariat", delete: "secretariat" },
  deleteSummary: "Delete a committee (soft; only without current or future members)",
});

const members = defineRoute("public", {
  method: "get",
  path: "/committees/{id}/members",
  tags: ["Committees"],
  summary: "The composition of a committee on a date",
  request: { params: ZIdParam, query: ZCompositionQuery },
  responses: { 200: jsonResponse(ZComposition, "Members, deputies and their seats on the date") },
});

export const committeesRouter = createRouter()
  .openapi(routes.list, async (c) => {
    const result = await listCommittees(serviceContext(c), c.req.valid("query"));
    return c.json({ items: result.items.map(toCommitteeView), nextCursor: result.nextCursor }, 200);
  })
  .openapi(routes.get, async (c) => {
    const committee = await getCommittee(serviceContext(c), c.req.valid("param").id);
    return c.json(withEtag(c, toCommitteeView(committee)), 200);
  })
  .openapi(routes.create, async (c) => {
    const committee = await createCommittee(serviceContext(c), c.req.valid("json"));
    return c.json(withEtag(c, toCommitteeView(committee)), 201);
  })
  .openapi(routes.update, async (c) => {
    const committee = await updateCommittee(serviceContext(c), c.req.valid("param").id, requiredVersion(c), c.req.valid("json"));
    return c.json(withEtag(c, toCommitteeView(committee)), 200);
  })
  .openapi(routes.remove, async (c) => {
    await deleteCommittee(serviceContext(c), c.req.valid("param").id, requiredVersion(c));
    return c.body(null, 204);
  })
  .openapi(members, async (c) => {
    const composition = await committeeComposition(serviceContext(c), c.req.valid("param").id, c.req.valid("query").at);
    return c.json(composition, 200);
  });
