/**
 * One way to write a form: `form({ access, schema, labels, load, view, submit, done })` gives the GET and the POST
 * handler of a page with a form.
 * - The access is checked as for every page (see `enter`); a post from another site never gets here (`sameOrigin`).
 * - The zod schema validates the input; every field error is shown beside its field and in the error summary at the
 *   top, which links to the fields, in German: the field's label and the schema's reason.
 * - The service's refusal of a field (a Problem with `errors`) is shown the same way; a stale version (another person
 *   saved first) keeps the input and says so.
 * - The input is always kept. Success redirects (post/redirect/get).
 * - A file field passes its File to the schema (an empty file input is a field left out); a file is never kept.
 * - A "Vorschau" button (`name="vorschau"`) shows the input again with `preview` set, and saves nothing.
 */
import type { JSX } from "hono/jsx/jsx-runtime";
import type { z } from "zod";
import { Problem } from "../../errors";
import { serviceContext } from "../../http/context";
import { statusOf } from "../../http/problem";
import type { PageAccess } from "../../policies/pages";
import type { ServiceContext } from "../../services/context";
import { m } from "../messages";
import { type Ctx, html } from "./render";
import { type BodyScope, enter, errorPage } from "./page";
import { scopedPath } from "./urls";

export interface FormViewProps<T> {
  scope: BodyScope;
  data: T;
  /** The values to show: the user's input after a post, else the record's. */
  values: Record<string, string>;
  /** German messages by field name. */
  errors: Record<string, string>;
  notice?: string | undefined;
  /** After a stale save: the values someone else saved meanwhile, for the fields where they differ from the input. */
  stored?: Record<string, string> | undefined;
  /** The visitor asked for a preview of the input: nothing was saved. */
  preview?: boolean;
  /** After a save that came back to this form (post/redirect/get): what was done, from `confirmations`. */
  confirmation?: string | undefined;
  /** What `preview` answered for the input: what saving it would do, computed by the code that saves. */
  previewed?: unknown;
}

export interface FormSpec<S extends z.ZodType, T, R> {
  access: PageAccess;
  schema: S;
  /**
   * The German label of each field, as the messages name it; only these fields are read from the post. A form whose
   * fields depend on the record (one control per member) gives them from its data.
   */
  labels: Record<string, string> | ((data: T) => Record<string, string>);
  /** What the service's refusals may name beyond the fields ({ personId: "Die Person" }): shown in the summary only. */
  subjects?: Record<string, string>;
  /** The form's field for a field the service names otherwise ({ isPublic: "part" }): its refusal is shown there. */
  fieldsOf?: Record<string, string>;
  load: (c: Ctx, scope: BodyScope, ctx: ServiceContext) => Promise<T>;
  /** The values before any input, for an edit form the record's (with its version). */
  initial?: (data: T) => Record<string, string>;
  view: (props: FormViewProps<T>) => JSX.Element;
  submit: (input: z.infer<S>, ctx: ServiceContext, scope: BodyScope, data: T, c: Ctx) => Promise<R>;
  /**
   * For a "Vorschau" that checks the input: what saving it would do, without saving (shown as `previewed`; a refusal
   * is shown beside its fields as after a save). Without it, a preview shows the input again, unchecked.
   */
  preview?: (input: z.infer<S>, ctx: ServiceContext, scope: BodyScope, data: T, c: Ctx) => Promise<unknown>;
  /**
   * Where to go after success; or, for a result that may be shown only once (a set-password link), the page that
   * shows it, answered to the post itself and kept by no cache.
   */
  done: (result: R, scope: BodyScope, c: Ctx) => string | JSX.Element;
  /** Messages for the form's own address after a save, by query key: `{ gespeichert: "Gespeichert." }`. */
  confirmations?: Record<string, string>;
  /** What an empty field means: left out (a new record), or cleared (an edit: optional fields become null). */
  empty?: "absent" | "null";
  /**
   * The hidden fields that carry what the form was read at (default: `version`): after a stale save they take the
   * current values, so that the next save of the kept input is a deliberate overwrite, not another refusal.
   */
  versions?: string[];
}

/** A field's message: its label and the reason ("Nachname muss mindestens 1 Zeichen lang sein"). */
const message = (labels: Record<string, string>, field: string, reason: string) => `${labels[field] ?? field} ${reason}`;

export function form<S extends z.ZodType, T, R>(spec: FormSpec<S, T, R>) {
  const render = async (
    c: Ctx,
    scope: BodyScope,
    ctx: ServiceContext,
    status: 200 | 400 | 409,
    props: Omit<FormViewProps<T>, "scope" | "data">,
  ) => {
    const data = await spec.load(c, scope, ctx);
    return html(c, spec.view({ scope, data, ...props }), status);
  };
  const get = async (c: Ctx) => {
    const entered = await enter(c, spec.access);
    if ("response" in entered) return entered.response;
    const ctx = serviceContext(c);
    try {
      const data = await spec.load(c, entered.scope, ctx);
      const confirmation = Object.entries(spec.confirmations ?? {}).find(([key]) => c.req.query(key) !== undefined)?.[1];
      return await html(c, spec.view({ scope: entered.scope, data, values: spec.initial?.(data) ?? {}, errors: {}, confirmation }));
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      return errorPage(c, statusOf(error), entered.scope);
    }
  };
  const post = async (c: Ctx) => {
    const entered = await enter(c, spec.access);
    if ("response" in entered) return entered.response;
    const { scope } = entered;
    const ctx = serviceContext(c);
    const body = await c.req.parseBody();
    let loaded: T | undefined;
    const data = async () => {
      loaded ??= await spec.load(c, scope, ctx);
      return loaded;
    };
    const labels = typeof spec.labels === "function" ? spec.labels(await data()) : spec.labels;
    const values: Record<string, string> = {};
    const input: Record<string, string | File | null> = {};
    for (const field of [...Object.keys(labels), "version"]) {
      const value = body[field];
      if (typeof value === "string") values[field] = value;
      else if (value instanceof File && value.size > 0) input[field] = value;
    }
    const previewing = typeof body.vorschau === "string";
    if (previewing && !spec.preview) return render(c, scope, ctx, 200, { values, errors: {}, preview: true });
    // An empty field is a field left out: optional fields accept that, required ones name it.
    for (const [field, value] of Object.entries(values)) {
      if (value.trim() !== "") input[field] = value;
      else if (spec.empty === "null" && field !== "version") input[field] = null;
    }
    const parsed = spec.schema.safeParse(input);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        const text = issue.code === "invalid_type" && (input[field] ?? null) === null ? m.forms.missing : issue.message;
        errors[field] = errors[field] ? `${errors[field]}; ${text}` : message(labels, field, text);
      }
      return render(c, scope, ctx, 400, { values, errors });
    }
    try {
      if (previewing) {
        const previewed = await spec.preview!(parsed.data, ctx, scope, await data(), c);
        return render(c, scope, ctx, 200, { values, errors: {}, preview: true, previewed });
      }
      const result = await spec.submit(parsed.data, ctx, scope, await data(), c);
      const done = spec.done(result, scope, c);
      if (typeof done === "string") return c.redirect(scopedPath(done, scope), 303);
      const response = await html(c, done);
      response.headers.set("cache-control", "no-store");
      return response;
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      if (error.code === "precondition_failed") {
        // Someone saved first: the input stays, the form takes the new version, and shows what they saved.
        const versions = spec.versions ?? ["version"];
        const current = spec.initial?.(await spec.load(c, scope, ctx)) ?? {};
        const stored = Object.fromEntries(
          Object.keys(labels)
            .filter((field) => !versions.includes(field))
            .flatMap((field) => ((current[field] ?? "") !== (values[field] ?? "") ? [[field, current[field] ?? ""]] : [])),
        );
        const next = { ...values, ...Object.fromEntries(versions.flatMap((field) => (current[field] ? [[field, current[field]]] : []))) };
        return render(c, scope, ctx, 409, { values: next, errors: {}, notice: m.forms.stale, stored });
      }
      const fields = (error.extra.errors as { field: string; reason: string }[] | undefined) ?? [];
      const errors: Record<string, string> = {};
      for (const { field: named, reason } of fields) {
        const field = spec.fieldsOf?.[named] ?? named;
        const name = field.split(".").find((part) => part in labels) ?? field.split(".").pop() ?? field;
        if (name in labels) errors[name] = message(labels, name, reason);
        else errors[`_${name}`] = message(spec.subjects ?? {}, name, reason);
      }
      if (Object.keys(errors).length === 0) {
        // A refusal of the whole input (no quorum, a step not yet possible): said above the form, with the input kept.
        if (error.code === "unprocessable" || error.code === "conflict") {
          return render(c, scope, ctx, error.code === "conflict" ? 409 : 400, { values, errors: { _: error.detail } });
        }
        return errorPage(c, statusOf(error), scope);
      }
      return render(c, scope, ctx, error.code === "conflict" ? 409 : 400, { values, errors });
    }
  };
  return { get, post };
}
