import { serviceContext } from "../http/context";
import { crudRoutes } from "../http/crud";
import { createRouter } from "../http/openapi";
import { requiredVersion, withEtag } from "../http/versioning";
import { ZTerm, ZTermCreate, ZTermListQuery, ZTermUpdate, toTermView } from "../schemas/terms";
import { createTerm, deleteTerm, getTerm, listTerms, updateTerm } from "../services/people/terms";

const routes = crudRoutes({
  path: "/terms",
  names: ["Term", "Terms"],
  schema: ZTerm,
  listQuery: ZTermListQuery,
  create: ZTermCreate,
  update: ZTermUpdate,
  access: { read: "public", create: "secretariat", update: "secretariat", delete: "secretariat" },
});

export const termsRouter = createRouter()
  .openapi(routes.list, async (c) => {
    const result = await listTerms(serviceContext(c), c.req.valid("query"));
    return c.json({ items: result.items.map(toTermView), nextCursor: result.nextCursor }, 200);
  })
  .openapi(routes.get, async (c) => {
    const term = await getTerm(serviceContext(c), c.req.valid("param").id);
    return c.json(withEtag(c, toTermView(term)), 200);
  })
  .openapi(routes.create, async (c) => {
    const term = await createTerm(serviceContext(c), c.req.valid("json"));
    return c.json(withEtag(c, toTermView(term)), 201);
  })
  .openapi(routes.update, async (c) => {
    const term = await updateTerm(serviceContext(c), c.req.valid("param").id, requiredVersion(c), c.req.valid("json"));
    return c.json(withEtag(c, toTermView(term)), 200);
  })
  .openapi(routes.remove, async (c) => {
    await deleteTerm(serviceContext(c), c.req.valid("param").id, requiredVersion(c));
    return c.body(null, 204);
  });
