import { serviceContext } from "../http/context";
import { crudRoutes } from "../http/crud";
import { createRouter } from "../http/openapi";
import { requiredVersion, withEtag } from "../http/versioning";
import { ZMembership, ZMembershipCreate, ZMembershipListQuery, ZMembershipUpdate, toMembershipView } from "../schemas/memberships";
import { createMembership, endMembership, getMembership, listMemberships, updateMembership } from "../services/people/memberships";

const routes = crudRoutes({
  path: "/memberships",
  names: ["Membership", "Memberships"],
  schema: ZMembership,
  listQuery: ZMembershipListQuery,
  create: ZMembershipCreate,
  update: ZMembershipUpdate,
  access: { read: "public", create: "secretariat", update: "secretariat", delete: "secretariat" },
  deleteSummary: "End a membership today (it is never deleted; PATCH endDate to end it on another date)",
});

export const membershipsRouter = createRouter()
  .openapi(routes.list, async (c) => {
    const result = await listMemberships(serviceContext(c), c.req.valid("query"));
    return c.json({ items: result.items.map(toMembershipView), nextCursor: result.nextCursor }, 200);
  })
  .openapi(routes.get, async (c) => {
    const membership = await getMembership(serviceContext(c), c.req.valid("param").id);
    return c.json(withEtag(c, toMembershipView(membership)), 200);
  })
  .openapi(routes.create, async (c) => {
    const membership = await createMembership(serviceContext(c), c.req.valid("json"));
    return c.json(withEtag(c, toMembershipView(membership)), 201);
  })
  .openapi(routes.update, async (c) => {
    const membership = await updateMembership(serviceContext(c), c.req.valid("param").id, requiredVersion(c), c.req.valid("json"));
    return c.json(withEtag(c, toMembershipView(membership)), 200);
  })
  .openapi(routes.remove, async (c) => {
    await endMembership(serviceContext(c), c.req.valid("param").id, requiredVersion(c));
    return c.body(null, 204);
  });
