import type * as Models from "../generated/prisma-node/models";
import type { SqlValue, Statement } from "./database";

/** The tables written through `batch`, with the row type Prisma reads back. */
export interface Tables {
  Body: Models.BodyModel;
  Committee: Models.CommitteeModel;
  Term: Models.TermModel;
  Person: Models.PersonModel;
  Membership: Models.MembershipModel;
  ApiToken: Models.ApiTokenModel;
  Meeting: Models.MeetingModel;
  AgendaItem: Models.AgendaItemModel;
  AgendaAmendment: Models.AgendaAmendmentModel;
  Invitation: Models.InvitationModel;
  Paper: Models.PaperModel;
  PaperAttachment: Models.PaperAttachmentModel;
  Consultation: Models.ConsultationModel;
  ItemRequest: Models.ItemRequestModel;
  CalendarFeedToken: Models.CalendarFeedTokenModel;
  Attendance: Models.AttendanceModel;
  Recusal: Models.RecusalModel;
  Vote: Models.VoteModel;
  Resolution: Models.ResolutionModel;
  MinutesEntry: Models.MinutesEntryModel;
  Minutes: Models.MinutesModel;
  MinutesItemNote: Models.MinutesItemNoteModel;
  MinutesRevision: Omit<Models.MinutesRevisionModel, "id">;
  MinutesObjection: Models.MinutesObjectionModel;
  MinutesSignature: Models.MinutesSignatureModel;
  WrittenProcedure: Models.WrittenProcedureModel;
  WrittenObjection: Models.WrittenObjectionModel;
  Plan: Models.PlanModel;
  PlanUpdate: Models.PlanUpdateModel;
  ActionField: Models.ActionFieldModel;
  Measure: Models.MeasureModel;
  MeasureHistory: Omit<Models.MeasureHistoryModel, "id">;
  MeasureLink: Models.MeasureLinkModel;
  RecommendationFollowUp: Models.RecommendationFollowUpModel;
  ForumIdea: Models.ForumIdeaModel;
  Figure: Models.FigureModel;
  FigureValue: Models.FigureValueModel;
  FigureValueRevision: Omit<Models.FigureValueRevisionModel, "id">;
  IntegrationReport: Models.IntegrationReportModel;
  IntegrationReportSection: Models.IntegrationReportSectionModel;
  BodyDocumentSettings: Models.BodyDocumentSettingsModel;
  BodyPage: Models.BodyPageModel;
  Account: Models.AccountModel;
  AccountToken: Models.AccountTokenModel;
  Session: Models.SessionModel;
  SignInAttempt: Omit<Models.SignInAttemptModel, "id">;
  OparlObject: Models.OparlObjectModel;
  OparlSync: Models.OparlSyncModel;
  DocumentDigest: Models.DocumentDigestModel;
  OutboxMail: Models.OutboxMailModel;
  /** The id is assigned by SQLite, in the order of the writes. */
  AuditEntry: Omit<Models.AuditEntryModel, "id">;
}
export type TableName = keyof Tables;

type Cell = string | number | boolean | Date | null;

/** Encodes a value the way Prisma's SQLite adapters store it, so that Prisma reads it back unchanged. */
export function toSqlValue(value: Cell): SqlValue {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** The bound parameters of an IN list or a VALUES row: "?, ?, ?". */
export const placeholders = (values: readonly unknown[]) => values.map(() => "?").join(", ");

function columnsOf(row: object): [string[], SqlValue[]] {
  const entries = Object.entries(row).filter(([, value]) => value !== undefined) as [string, Cell][];
  return [entries.map(([column]) => column), entries.map(([, value]) => toSqlValue(value))];
}

/** A SQL condition with its parameters, for guarded writes. */
export type Condition = Statement;

/** INSERT of a whole row; with a condition, the row is inserted only if the condition holds at that moment. */
export function insertRow<T extends TableName>(table: T, row: Tables[T], condition?: Condition): Statement {
  const [columns, params] = columnsOf(row);
  const head = `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")})`;
  const values = placeholders(columns);
  return condition
    ? { sql: `${head} SELECT ${values} WHERE ${condition.sql}`, params: [...params, ...condition.params] }
    : { sql: `${head} VALUES (${values})`, params };
}

/**
 * UPDATE of one row, guarded by its version: it changes nothing when someone else wrote first.
 * The version goes up by one.
 */
export function updateVersioned<T extends TableName>(
  table: T,
  id: string,
  expectedVersion: number,
  changes: Partial<Tables[T]>,
  condition?: Condition,
): Statement {
  const [columns, params] = columnsOf(changes);
  const assignments = [...columns.map((column) => `${quote(column)} = ?`), `"version" = "version" + 1`];
  const guarded = condition ? ` AND (${condition.sql})` : "";
  return {
    sql: `UPDATE ${quote(table)} SET ${assignments.join(", ")} WHERE "id" = ? AND "version" = ?${guarded}`,
    params: [...params, id, expectedVersion, ...(condition?.params ?? [])],
  };
}

/** UPDATE without a version guard, for records that carry none. */
export function updateRow<T extends TableName>(table: T, id: string, changes: Partial<Tables[T]>): Statement {
  const [columns, params] = columnsOf(changes);
  return {
    sql: `UPDATE ${quote(table)} SET ${columns.map((column) => `${quote(column)} = ?`).join(", ")} WHERE "id" = ?`,
    params: [...params, id],
  };
}

/** A statement with a WHERE clause, or an INSERT … VALUES, made to take effect only while a condition holds. */
export function guard(statement: Statement, condition: Condition): Statement {
  const insert = /^INSERT INTO (\S+) \(([^)]*)\) VALUES \(([^)]*)\)$/.exec(statement.sql);
  if (insert) {
    return {
      sql: `INSERT INTO ${insert[1]} (${insert[2]}) SELECT ${insert[3]} WHERE ${condition.sql}`,
      params: [...statement.params, ...condition.params],
    };
  }
  if (/^(UPDATE|DELETE) .* WHERE /s.test(statement.sql)) {
    return { sql: `${statement.sql} AND (${condition.sql})`, params: [...statement.params, ...condition.params] };
  }
  throw new Error("guard takes an INSERT … VALUES, or an UPDATE or DELETE with a WHERE clause");
}

/** Holds while the statement just before changed a row (SQLite's `changes()`): "write both or neither". */
export const PREVIOUS_CHANGED: Condition = { sql: "changes() > 0", params: [] };

/**
 * Holds while a row is still at the version the caller read. Statements guarded by it, followed by
 * the versioned write of that row as the last statement of a batch, take effect together or not at all.
 */
export const atVersion = (table: TableName, id: string, version: number): Condition => ({
  sql: `EXISTS (SELECT 1 FROM ${quote(table)} WHERE "id" = ? AND "version" = ?)`,
  params: [id, version],
});

/** DELETE of one row, for records that carry no version. */
export function deleteRow(table: TableName, id: string): Statement {
  return { sql: `DELETE FROM ${quote(table)} WHERE "id" = ?`, params: [id] };
}

/** DELETE of one row, guarded by its version. */
export function deleteVersioned(table: TableName, id: string, expectedVersion: number): Statement {
  return { sql: `DELETE FROM ${quote(table)} WHERE "id" = ? AND "version" = ?`, params: [id, expectedVersion] };
}

/**
 * A statement that fails, and so rolls back its whole batch, unless the condition holds. For batches that
 * write several rows, each checked at the version read: all of them or none (a ConstraintError "check").
 */
export function assertion(condition: Condition): Statement {
  return { sql: `INSERT INTO "_batch_guard" ("ok") SELECT 0 WHERE NOT (${condition.sql})`, params: condition.params };
}
