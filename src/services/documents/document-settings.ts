import Mustache from "mustache";
import { TEMPLATE_NAMES, type TemplateName, type Templates } from "../../documents/templates";
import { Problem, fieldProblem, type FieldError } from "../../errors";
import { ATTACHMENT_TYPES, essenceOf, matchesSignature } from "../../rules/attachments";
import type { AttachmentStore, Bytes } from "../../storage";
import { bodyToManage } from "../access";
import type { ServiceContext } from "../context";
import { expectVersion, insertAudited, newRecordColumns, updateAudited } from "../records";

export const MAX_LOGO_BYTES = 1024 * 1024;

export interface DocumentSettingsInput {
  letterhead?: string | null;
  footer?: string | null;
  templates?: Partial<Record<TemplateName, string | null>>;
}

/** A body's settings, or the defaults when it has none, for those who manage it; 404 for a body that does not exist. */
export async function getDocumentSettings(ctx: ServiceContext, bodyId: string) {
  await bodyToManage(ctx, bodyId);
  return settingsOf(ctx, bodyId);
}

/** The settings of a body already known to exist (after a write, or for a document of its records). */
async function settingsOf(ctx: ServiceContext, bodyId: string) {
  const row = await ctx.db.prisma.bodyDocumentSettings.findUnique({ where: { bodyId } });
  return {
    bodyId,
    version: row?.version ?? 0,
    letterhead: row?.letterhead ?? null,
    footer: row?.footer ?? null,
    hasLogo: Boolean(row?.logoKey),
    logoKey: row?.logoKey ?? null,
    templates: (row ? JSON.parse(row.templates) : {}) as Partial<Templates>,
  };
}

/** Checks that every overriding template is valid Mustache; answers 422 naming the template otherwise. */
function checkTemplates(templates: Partial<Record<TemplateName, string | null>>) {
  const errors: FieldError[] = [];
  for (const [name, source] of Object.entries(templates)) {
    if (!(TEMPLATE_NAMES as readonly string[]).includes(name))
      errors.push({ field: `templates.${name}`, reason: `ist keine Vorlage; möglich sind ${TEMPLATE_NAMES.join(", ")}` });
    else if (source && name.startsWith("mail-") && !/^Betreff:[ \t]*\S/.test(source))
      errors.push({ field: `templates.${name}`, reason: "muss mit der Zeile „Betreff: …“ beginnen" });
    else if (source) {
      try {
        Mustache.parse(source);
      } catch (error) {
        errors.push({ field: `templates.${name}`, reason: (error as Error).message });
      }
    }
  }
  if (errors.length) throw new Problem("unprocessable", "Eine Dokumentvorlage ist nicht verwendbar.", { errors });
}

/** Sets the letterhead, footer and template overrides of a body (null restores a default). */
export async function updateDocumentSettings(ctx: ServiceContext, bodyId: string, version: number, input: DocumentSettingsInput) {
  await bodyToManage(ctx, bodyId);
  if (input.templates) checkTemplates(input.templates);
  const current = await ctx.db.prisma.bodyDocumentSettings.findUnique({ where: { bodyId } });
  const templates = Object.fromEntries(
    Object.entries({ ...(current ? (JSON.parse(current.templates) as object) : {}), ...input.templates }).filter(([, source]) => source),
  );
  const values = {
    ...(input.letterhead !== undefined ? { letterhead: input.letterhead } : {}),
    ...(input.footer !== undefined ? { footer: input.footer } : {}),
    templates: JSON.stringify(templates),
  };
  if (!current) {
    if (version !== 0) throw new Problem("precondition_failed", 'Die Einstellungen gibt es noch nicht; bitte If-Match: "0" senden.');
    await insertAudited(ctx, "BodyDocumentSettings", {
      ...newRecordColumns(ctx.now),
      bodyId,
      letterhead: null,
      footer: null,
      logoKey: null,
      ...values,
    });
  } else {
    expectVersion(current, version);
    await updateAudited(ctx, "BodyDocumentSettings", current, values);
  }
  return settingsOf(ctx, bodyId);
}

/** Stores the body's logo (PNG or JPEG, at most 1 MiB) for its documents. */
export async function setLogo(ctx: ServiceContext, store: AttachmentStore, bodyId: string, contentType: string | undefined, bytes: Bytes) {
  await bodyToManage(ctx, bodyId);
  const type = essenceOf(contentType);
  if (type !== "image/png" && type !== "image/jpeg") {
    throw new Problem("unsupported_media_type", "Ein Logo ist ein PNG- oder JPEG-Bild.", {
      errors: [{ field: "Content-Type", reason: "muss image/png oder image/jpeg sein" }],
    });
  }
  if (bytes.byteLength > MAX_LOGO_BYTES)
    throw new Problem("payload_too_large", `Ein Logo darf höchstens ${MAX_LOGO_BYTES} Bytes groß sein.`);
  if (!matchesSignature(type, bytes)) throw fieldProblem("body", `der Inhalt ist kein ${ATTACHMENT_TYPES[type]}-Bild`);
  const key = `bodies/${bodyId}/logo`;
  await store.put(key, bytes, type);
  const current = await ctx.db.prisma.bodyDocumentSettings.findUnique({ where: { bodyId } });
  if (current) await updateAudited(ctx, "BodyDocumentSettings", current, { logoKey: key });
  else
    await insertAudited(ctx, "BodyDocumentSettings", {
      ...newRecordColumns(ctx.now),
      bodyId,
      letterhead: null,
      footer: null,
      logoKey: key,
      templates: "{}",
    });
  return settingsOf(ctx, bodyId);
}

const overDefaults = (defaults: Templates, overrides: Partial<Templates>): Templates => ({ ...defaults, ...overrides });

/** The templates of a body's documents and mails: its own over Gremium's. */
export async function bodyTemplates(ctx: ServiceContext, bodyId: string, defaults: Templates): Promise<Templates> {
  return overDefaults(defaults, (await settingsOf(ctx, bodyId)).templates);
}

/** What the documents of a body use: its templates over the defaults, its letterhead, footer and logo. */
export async function documentLook(ctx: ServiceContext, store: AttachmentStore, bodyId: string, defaults: Templates) {
  const settings = await settingsOf(ctx, bodyId);
  return {
    templates: overDefaults(defaults, settings.templates),
    letterhead: settings.letterhead,
    footer: settings.footer,
    logo: settings.logoKey ? ((await store.get(settings.logoKey)) ?? undefined) : undefined,
  };
}
