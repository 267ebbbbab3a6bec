import type { ZodType } from "zod";
import type { App } from "../../src/app";

interface DeclaredRoute {
  method: string;
  pattern: RegExp;
  params: number;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

const routesByApp = new WeakMap<App, DeclaredRoute[]>();

function declaredRoutes(app: App): DeclaredRoute[] {
  let routes = routesByApp.get(app);
  if (!routes) {
    routes = app.openAPIRegistry.definitions.flatMap((definition) => {
      if (definition.type !== "route") return [];
      const { method, path, responses } = definition.route;
      const source = path.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+");
      return [
        {
          method: method.toUpperCase(),
          pattern: new RegExp(`^${source}$`),
          params: (path.match(/\{/g) ?? []).length,
          responses: responses as DeclaredRoute["responses"],
        },
      ];
    });
    routesByApp.set(app, routes);
  }
  return routes;
}

/**
 * Checks a 2xx JSON answer against the schema its operation declares in the OpenAPI document: it must parse,
 * and parsing must not drop anything (zod strips undeclared fields, so a field the schema does not declare
 * makes the parsed body differ from the answer). Every API test runs through it.
 */
export async function assertDeclaredResponse(app: App, method: string, url: string, response: Response): Promise<void> {
  if (response.status < 200 || response.status >= 300) return;
  if (!(response.headers.get("content-type") ?? "").startsWith("application/json")) return;
  const path = new URL(url, "http://test").pathname;
  if (!path.startsWith("/api/")) return;
  const candidates = declaredRoutes(app)
    .filter((route) => route.method === method.toUpperCase() && route.pattern.test(path))
    .sort((a, b) => a.params - b.params);
  const route = candidates[0];
  if (!route)
    throw new Error(`${method} ${path} answered ${response.status} with JSON, but the OpenAPI document declares no such operation`);
  const schema = route.responses[String(response.status)]?.content?.["application/json"]?.schema as ZodType | undefined;
  if (!schema) throw new Error(`${method} ${path} answered ${response.status}, which its operation does not declare`);
  const body = await response.clone().json();
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new Error(
      `${method} ${path} → ${response.status}: the body does not match its declared ` +
        `schema:\n${JSON.stringify(parsed.error.issues, null, 2).slice(0, 2000)}`,
    );
  const undeclared = firstDifference(body, JSON.parse(JSON.stringify(parsed.data)), "body");
  if (undeclared) throw new Error(`${method} ${path} → ${response.status}: its declared schema does not name ${undeclared}`);
}

/** The first place where the answer and what its schema keeps of it differ, or null. */
function firstDifference(actual: unknown, kept: unknown, at: string): string | null {
  if (Array.isArray(actual) && Array.isArray(kept)) {
    for (const [index, value] of actual.entries()) {
      const difference = firstDifference(value, kept[index], `${at}[${index}]`);
      if (difference) return difference;
    }
    return null;
  }
  if (actual && typeof actual === "object" && kept && typeof kept === "object") {
    for (const [key, value] of Object.entries(actual)) {
      if (!(key in kept)) return `${at}.${key}`;
      const difference = firstDifference(value, (kept as Record<string, unknown>)[key], `${at}.${key}`);
      if (difference) return difference;
    }
    return null;
  }
  return Object.is(actual, kept) ? null : `${at} (${JSON.stringify(actual)} became ${JSON.stringify(kept)})`;
}
