import { serviceContext } from "../http/context";
import { crudRoutes } from "../http/crud";
import { createRouter } from "../http/openapi";
import { requiredVersion, withEtag } from "../http/versioning";
import { ZBody, ZBodyCreate, ZBodyListQuery, ZBodyUpdate, toBodyView } from "../schemas/bodies";
import { createBody, deleteBody, getBody, listBodies, updateBody } from "../services/people/bodies";

const routes = crudRoutes({
  path: "/bodies",
  names: ["Body", "Bodies"],
  schema: ZBody,
  listQuery: ZBodyListQuery,
  create: ZBodyCreate,
  update: ZBodyUpdate,
  // The secretariat may change its own body; the service checks the scope.
  access: { read: "public", create: "admin", update: "secretariat", delete: "admin" },
  deleteSummary: "Delete a body (soft; only once it has no committees or people)",
});

export const bodiesRouter = createRouter()
  .openapi(routes.list, async (c) => {
    const result = await listBodies(serviceContext(c), c.req.valid("query"));
    return c.json({ items: result.items.map(toBodyView), nextCursor: result.nextCursor }, 200);
  })
  .openapi(routes.get, async (c) => {
    const body = await getBody(serviceContext(c), c.req.valid("param").id);
    return c.json(withEtag(c, toBodyView(body)), 200);
  })
  .openapi(routes.create, async (c) => {
    const body = await createBody(serviceContext(c), c.req.valid("json"));
    return c.json(withEtag(c, toBodyView(body)), 201);
  })
  .openapi(routes.update, async (c) => {
    const body = await updateBody(serviceContext(c), c.req.valid("param").id, requiredVersion(c), c.req.valid("json"));
    return c.json(withEtag(c, toBodyView(body)), 200);
  })
  .openapi(routes.remove, async (c) => {
    await deleteBody(serviceContext(c), c.req.valid("param").id, requiredVersion(c));
    return c.body(null, 204);
  });
