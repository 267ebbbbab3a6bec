import type { z } from "@hono/zod-openapi";
import type { Access } from "../auth/principal";
import { ZIdParam, ZIfMatchHeader, defineRoute, jsonBody, jsonResponse, recordResponse } from "./openapi";
import { ZPageQuery, page } from "./pagination";

interface CrudOptions<Q extends z.ZodObject, C extends z.ZodType, U extends z.ZodType> {
  /** The collection path, such as "/people". */
  path: string;
  /** Singular and plural names for summaries and schema names: ["Person", "People"]. */
  names: [string, string];
  schema: z.ZodType;
  listQuery: Q;
  create: C;
  update: U;
  access: { read: Access; create: Access; update: Access; delete: Access };
  /** What DELETE does, for its summary. */
  deleteSummary?: string;
}

/** The five standard operations of a versioned collection, with their roles and error responses. */
export function crudRoutes<Q extends z.ZodObject, C extends z.ZodType, U extends z.ZodType>(options: CrudOptions<Q, C, U>) {
  const { path, names, schema, access } = options;
  const [one, many] = names;
  const tags = [many];
  const item = `${path}/{id}`;
  return {
    list: defineRoute(access.read, {
      method: "get",
      path,
      tags,
      summary: `List ${many.toLowerCase()}`,
      request: { query: ZPageQuery.extend(options.listQuery.shape) as z.ZodObject<typeof ZPageQuery.shape & Q["shape"]> },
      responses: { 200: jsonResponse(page(schema, `${one}Page`), `A page of ${many.toLowerCase()}`) },
    }),
    get: defineRoute(access.read, {
      method: "get",
      path: item,
      tags,
      summary: `Get one ${one.toLowerCase()}`,
      request: { params: ZIdParam },
      responses: { 200: recordResponse(schema, one) },
    }),
    create: defineRoute(access.create, {
      method: "post",
      path,
      tags,
      summary: `Create a ${one.toLowerCase()}`,
      request: { body: jsonBody(options.create) },
      responses: { 201: recordResponse(schema, "Created") },
    }),
    update: defineRoute(access.update, {
      method: "patch",
      path: item,
      tags,
      summary: `Change a ${one.toLowerCase()} (If-Match required)`,
      request: { params: ZIdParam, headers: ZIfMatchHeader, body: jsonBody(options.update) },
      responses: { 200: recordResponse(schema, "Changed") },
    }),
    remove: defineRoute(access.delete, {
      method: "delete",
      path: item,
      tags,
      summary: options.deleteSummary ?? `Delete a ${one.toLowerCase()} (soft delete; If-Match required)`,
      request: { params: ZIdParam, headers: ZIfMatchHeader },
      responses: { 204: { description: "Done" } },
    }),
  };
}
