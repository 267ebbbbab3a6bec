import type { PrismaClient } from "./database";

/**
 * Rows read with `Database.query` in the shapes Prisma returns. SQLite keeps DateTime columns as ISO text
 * (see `toSqlValue`) and Boolean columns as 0/1; which columns are which comes from one place, the data
 * model of the generated Prisma client (the schema), not from lists kept by hand.
 */
type Raw = Record<string, unknown>;

/** How to decode a row: the model its columns belong to, and the columns that hold a `json_object()` of another model. */
export interface Shape {
  model: string;
  nested?: Record<string, Shape>;
}

interface FieldKinds {
  dates: ReadonlySet<string>;
  booleans: ReadonlySet<string>;
}

interface RuntimeDataModel {
  models: Record<string, { fields: { name: string; kind: string; type: string }[] }>;
}

const kindsByClient = new WeakMap<object, Map<string, FieldKinds>>();

/** The DateTime and Boolean fields of every model, read once per client from the client's data model. */
function fieldKinds(prisma: PrismaClient, model: string): FieldKinds {
  let models = kindsByClient.get(prisma);
  if (!models) {
    // The generated client carries the schema's data model; both runtimes' clients have it.
    const dataModel = (prisma as unknown as { _runtimeDataModel: RuntimeDataModel })._runtimeDataModel;
    models = new Map(
      Object.entries(dataModel.models).map(([name, { fields }]) => {
        const scalars = fields.filter((f) => f.kind === "scalar");
        return [
          name,
          {
            dates: new Set(scalars.filter((f) => f.type === "DateTime").map((f) => f.name)),
            booleans: new Set(scalars.filter((f) => f.type === "Boolean").map((f) => f.name)),
          },
        ];
      }),
    );
    kindsByClient.set(prisma, models);
  }
  const kinds = models.get(model);
  if (!kinds) throw new Error(`decode: the schema has no model ${model}`);
  return kinds;
}

/** Decodes a freshly read row in place: the model's DateTime and Boolean columns, and the nested JSON objects. */
export function decodeRow<T>(prisma: PrismaClient, shape: Shape, row: Raw): T {
  const { dates, booleans } = fieldKinds(prisma, shape.model);
  for (const column of Object.keys(row)) {
    const value = row[column];
    const nested = shape.nested?.[column];
    if (nested) row[column] = value === null || value === undefined ? null : decodeRow(prisma, nested, JSON.parse(value as string));
    else if (dates.has(column)) row[column] = value === null || value === undefined ? null : new Date(value as string | number);
    else if (booleans.has(column)) row[column] = value === null || value === undefined ? null : value === 1 || value === true;
  }
  return row as T;
}

/** Decodes every row of a result. */
export function decodeRows<T>(prisma: PrismaClient, shape: Shape, rows: Raw[]): T[] {
  return rows.map((row) => decodeRow<T>(prisma, shape, row));
}
