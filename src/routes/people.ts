import { serviceContext } from "../http/context";
import { crudRoutes } from "../http/crud";
import { createRouter } from "../http/openapi";
import { requiredVersion, withEtag } from "../http/versioning";
import { ZPerson, ZPersonCreate, ZPersonListQuery, ZPersonUpdate, toPersonView } from "../schemas/people";
import { createPerson, deletePerson, getPerson, listPeople, updatePerson } from "../services/people/people";

const routes = crudRoutes({
  path: "/people",
  names: ["Person", "People"],
  schema: ZPerson,
  listQuery: ZPersonListQuery,
  create: ZPersonCreate,
  update: ZPersonUpdate,
  access: { read: "public", create: "secretariat", update: "secretariat", delete: "secretariat" },
  deleteSummary: "Delete a person (soft; only without current or future memberships)",
});

export const peopleRouter = createRouter()
  .openapi(routes.list, async (c) => {
    const result = await listPeople(serviceContext(c), c.req.valid("query"));
    return c.json({ items: result.items.map((p) => toPersonView(p, c.get("principal"))), nextCursor: result.nextCursor }, 200);
  })
  .openapi(routes.get, async (c) => {
    const person = await getPerson(serviceContext(c), c.req.valid("param").id);
    return c.json(withEtag(c, toPersonView(person, c.get("principal"))), 200);
  })
  .openapi(routes.create, async (c) => {
    const person = await createPerson(serviceContext(c), c.req.valid("json"));
    return c.json(withEtag(c, toPersonView(person, c.get("principal"))), 201);
  })
  .openapi(routes.update, async (c) => {
    const person = await updatePerson(serviceContext(c), c.req.valid("param").id, requiredVersion(c), c.req.valid("json"));
    return c.json(withEtag(c, toPersonView(person, c.get("principal"))), 200);
  })
  .openapi(routes.remove, async (c) => {
    await deletePerson(serviceContext(c), c.req.valid("param").id, requiredVersion(c));
    return c.body(null, 204);
  });
