/**
 * The API reference at /docs, rendered on the server from the OpenAPI document: every operation by tag with its
 * parameters and answers, and every schema with its fields. Plain HTML in the portal's frame, so that it reads with a
 * screen reader, a keyboard and at 320 px like every other page, without script. The text of the API is English
 * (marked as such); tools read /openapi.json.
 */
import { Layout } from "../components/layout";
import type { Scope } from "../kit/urls";

interface SchemaObject {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  description?: string;
  anyOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  allOf?: SchemaObject[];
  nullable?: boolean;
}
interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  "x-required-role"?: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: SchemaObject }[];
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: SchemaObject }> }>;
}
export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const anchor = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-");

/** A schema in a few words: its reference, type, format or choices. */
function typeOf(schema: SchemaObject | undefined): string {
  if (!schema) return "";
  if (schema.$ref) return schema.$ref.split("/").pop()!;
  const variants = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (variants) return variants.map(typeOf).join(" | ");
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "any");
  if (type === "array") return `${typeOf(schema.items)}[]`;
  return schema.format ? `${type} (${schema.format})` : type;
}

function SchemaRef({ schema }: { schema: SchemaObject | undefined }) {
  if (schema?.$ref) {
    const name = schema.$ref.split("/").pop()!;
    return (
      <a href={`#schema-${anchor(name)}`}>
        <code>{name}</code>
      </a>
    );
  }
  if (schema?.type === "array" && schema.items?.$ref) {
    return (
      <>
        <SchemaRef schema={schema.items} />
        <code>[]</code>
      </>
    );
  }
  return <code>{typeOf(schema)}</code>;
}

function Table({ caption, head, rows }: { caption: string; head: string[]; rows: unknown[][] }) {
  return (
    <section class="kern-table-responsive" aria-label={caption} tabindex={0}>
      <table class="kern-table">
        <caption class="visually-hidden">{caption}</caption>
        <thead class="kern-table__header">
          <tr class="kern-table__row">
            {head.map((cell) => (
              <th class="kern-table__header" scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {rows.map((row) => (
            <tr class="kern-table__row">
              {row.map((cell) => (
                <td class="kern-table__cell">{cell as string}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function OperationEntry({ method, path, operation }: { method: string; path: string; operation: Operation }) {
  const id = anchor(`${method} ${path}`);
  const body = operation.requestBody?.content;
  return (
    <div class="api-operation">
      <h3 class="kern-heading-small" id={id}>
        <code>{`${method.toUpperCase()} ${path}`}</code>
      </h3>
      <p>{operation.summary}</p>
      {operation.description ? <p>{operation.description}</p> : null}
      <p>
        Access:{" "}
        <strong>
          {operation["x-required-role"] === "public" ? "public (no token needed)" : (operation["x-required-role"] ?? "token")}
        </strong>
      </p>
      {operation.parameters?.length ? (
        <Table
          caption={`Parameters of ${method.toUpperCase()} ${path}`}
          head={["Parameter", "In", "Required", "Type", "Description"]}
          rows={operation.parameters.map((p) => [
            <code>{p.name}</code>,
            p.in,
            p.required ? "yes" : "no",
            <code>{typeOf(p.schema)}</code>,
            p.description ?? p.schema?.description ?? "",
          ])}
        />
      ) : null}
      {body ? (
        <p>
          Request body:{" "}
          {Object.entries(body).map(([type, content]) => (
            <>
              <code>{type}</code> <SchemaRef schema={content.schema} />{" "}
            </>
          ))}
        </p>
      ) : null}
      <ul class="api-responses">
        {Object.entries(operation.responses ?? {}).map(([status, response]) => {
          const [type, content] = Object.entries(response.content ?? {})[0] ?? [];
          return (
            <li>
              <strong>{status}</strong> {response.description}
              {type ? (
                <>
                  {" "}
                  (<code>{type}</code> <SchemaRef schema={content?.schema} />)
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function ApiReferencePage({ scope, document }: { scope: Scope; document: OpenApiDocument }) {
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item[method] ? [{ method, path, operation: item[method]! }] : [])),
  );
  const tags = [...new Set(operations.map((o) => o.operation.tags?.[0] ?? "Other"))];
  const schemas = Object.entries(document.components?.schemas ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Layout title="API-Referenz" scope={scope} breadcrumbs={[{ text: "API-Referenz" }]}>
      <h1 class="kern-heading-large">API-Referenz</h1>
      <p>
        Die offene Schnittstelle von Gremium, Version {document.info.version}. Die Beschreibung ist englisch; Werkzeuge lesen sie
        maschinenlesbar unter <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).
      </p>
      <div lang="en">
        <p>{document.info.description}</p>
        <nav aria-labelledby="api-contents">
          <h2 class="kern-heading-medium" id="api-contents">
            Contents
          </h2>
          <ul class="inline-links">
            {tags.map((tag) => (
              <li>
                <a href={`#tag-${anchor(tag)}`}>{tag}</a>
              </li>
            ))}
            <li>
              <a href="#schemas">Schemas</a>
            </li>
          </ul>
        </nav>
        {tags.map((tag) => (
          <section aria-labelledby={`tag-${anchor(tag)}`}>
            <h2 class="kern-heading-medium" id={`tag-${anchor(tag)}`}>
              {tag}
            </h2>
            {operations
              .filter((o) => (o.operation.tags?.[0] ?? "Other") === tag)
              .map((o) => (
                <OperationEntry {...o} />
              ))}
          </section>
        ))}
        <section aria-labelledby="schemas">
          <h2 class="kern-heading-medium" id="schemas">
            Schemas
          </h2>
          {schemas.map(([name, schema]) => (
            <div class="api-operation">
              <h3 class="kern-heading-small" id={`schema-${anchor(name)}`}>
                <code>{name}</code>
              </h3>
              {schema.description ? <p>{schema.description}</p> : null}
              {schema.properties ? (
                <Table
                  caption={`Fields of ${name}`}
                  head={["Field", "Type", "Required", "Description"]}
                  rows={Object.entries(schema.properties).map(([field, property]) => [
                    <code>{field}</code>,
                    <SchemaRef schema={property} />,
                    schema.required?.includes(field) ? "yes" : "no",
                    property.description ?? "",
                  ])}
                />
              ) : (
                <p>
                  <SchemaRef schema={schema} />
                </p>
              )}
            </div>
          ))}
        </section>
      </div>
    </Layout>
  );
}
