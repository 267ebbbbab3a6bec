/**
 * Document settings in the secretariat's workspace: the letterhead and footer of the body's PDFs, its logo, and the
 * Mustache templates of each document (empty restores the default, which is shown for reference). A template that
 * does not parse is named beside its field; the preview links render the body's documents as they now stand.
 */
import { Hono } from "hono";
import { z } from "zod";
import { paths } from "../../addresses";
import { Problem, fieldProblem } from "../../errors";
import type { AppEnv } from "../../http/context";
import { requestSizeLimit } from "../../http/openapi";
import { TEMPLATE_NAMES, type TemplateName } from "../../documents/templates";
import { MAX_LOGO_BYTES, getDocumentSettings, setLogo, updateDocumentSettings } from "../../services/documents/document-settings";
import { listMeetings } from "../../services/meetings/meetings";
import { listPapers } from "../../services/papers/papers";
import type { ServiceContext } from "../../services/context";
import { ErrorSummary, FileField, Notice, SubmitButton, TextareaField } from "../components/ui";
import { form, type FormViewProps } from "../kit/form";
import { m } from "../messages";
import type { Ctx } from "../kit/render";
import { WorkspaceLayout } from "./layout";

const t = m.workspace.documents;
type FormState = Omit<FormViewProps<unknown>, "scope" | "data">;

interface DocumentsData {
  settings: Awaited<ReturnType<typeof getDocumentSettings>>;
  defaults: Record<TemplateName, string>;
  /** Documents to look at: the next meeting's invitation, the newest paper. */
  previews: { text: string; href: string }[];
}

async function loadDocuments(c: Ctx, bodyId: string, ctx: ServiceContext): Promise<DocumentsData> {
  const [settings, meetings, papers] = await Promise.all([
    getDocumentSettings(ctx, bodyId),
    listMeetings(ctx, { bodyId, from: ctx.now.toISOString(), limit: 1 }),
    listPapers(ctx, { bodyId, limit: 1 }),
  ]);
  const meeting = meetings.items[0];
  const paper = papers.items[0];
  return {
    settings,
    defaults: c.get("deps").documents.templates,
    previews: [
      ...(meeting ? [{ text: t.previewInvitation, href: paths.invitationPdf(meeting.id) }] : []),
      ...(paper ? [{ text: t.previewPaper, href: paths.paperPdf(paper.id) }] : []),
    ],
  };
}

function DocumentsPage({
  scope,
  data,
  settings: state,
  logo,
}: {
  scope: FormViewProps<unknown>["scope"];
  data: DocumentsData;
  settings: FormState;
  logo?: FormState;
}) {
  const { values, errors } = state;
  return (
    <WorkspaceLayout title={m.workspace.areas.documents} scope={scope} area="documents">
      <h1 class="kern-heading-large">{m.workspace.areas.documents}</h1>
      <Notice text={state.confirmation} />
      <Notice text={state.notice} tone="warning" />
      {data.previews.length > 0 ? (
        <ul class="inline-links">
          {data.previews.map((preview) => (
            <li>
              <a href={preview.href}>{preview.text}</a>
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorSummary errors={errors} />
      <form method="post" action="/verwaltung/dokumente" class="form" novalidate>
        <input type="hidden" name="version" value={values.version ?? String(data.settings.version)} />
        <TextareaField
          id="letterhead"
          label={t.fields.letterhead!}
          hint={t.letterheadHint}
          value={values.letterhead}
          error={errors.letterhead}
          rows={3}
        />
        <TextareaField id="footer" label={t.fields.footer!} value={values.footer} error={errors.footer} rows={2} />
        <h2 class="kern-heading-medium">{t.templates}</h2>
        <p>{t.templatesIntro}</p>
        {TEMPLATE_NAMES.map((name) => (
          <>
            <TextareaField id={name} label={t.fields[name]!} hint={t.templateHint} value={values[name]} error={errors[name]} rows={10} />
            <details class="kern-accordion default-template">
              <summary class="kern-accordion__header">
                <span class="kern-label">{t.defaultOf(t.fields[name]!)}</span>
              </summary>
              <div class="kern-accordion__body">
                <pre>{data.defaults[name]}</pre>
              </div>
            </details>
          </>
        ))}
        <SubmitButton label={m.workspace.save} primary />
      </form>
      <h2 class="kern-heading-medium" id="logo">
        {t.logo}
      </h2>
      <p>{data.settings.hasLogo ? t.hasLogo : t.noLogo}</p>
      <ErrorSummary errors={logo?.errors ?? {}} />
      <form method="post" action="/verwaltung/dokumente/logo" enctype="multipart/form-data" class="form" novalidate>
        <FileField id="file" label={t.fields.file!} hint={t.logoHint} accept="image/png,image/jpeg" error={logo?.errors.file} />
        <SubmitButton label={t.uploadLogo} />
      </form>
    </WorkspaceLayout>
  );
}

const settingsValues = (data: DocumentsData): Record<string, string> => ({
  version: String(data.settings.version),
  letterhead: data.settings.letterhead ?? "",
  footer: data.settings.footer ?? "",
  ...Object.fromEntries(TEMPLATE_NAMES.map((name) => [name, data.settings.templates[name] ?? ""])),
});

const ZTemplate = z.string().max(100_000).nullable().optional();
const saveSettings = form({
  access: "secretariat",
  schema: z.object({
    version: z.coerce.number().int().min(0),
    letterhead: z.string().max(2000).nullable().optional(),
    footer: z.string().max(2000).nullable().optional(),
    ...Object.fromEntries(TEMPLATE_NAMES.map((name) => [name, ZTemplate])),
  }),
  labels: t.fields,
  empty: "null",
  load: (c, scope, ctx) => loadDocuments(c, scope.body.id, ctx),
  initial: settingsValues,
  view: ({ scope, data, ...state }) => <DocumentsPage scope={scope} data={data} settings={state} />,
  submit: (input, ctx, scope) => {
    const { version, letterhead, footer } = input as { version: number; letterhead?: string | null; footer?: string | null };
    const fields = input as unknown as Record<string, string | null | undefined>;
    const templates = Object.fromEntries(TEMPLATE_NAMES.map((name) => [name, fields[name] ?? null]));
    return updateDocumentSettings(ctx, scope.body.id, version, { letterhead: letterhead ?? null, footer: footer ?? null, templates });
  },
  confirmations: { gespeichert: t.saved, logo: t.logoSaved },
  done: () => "/verwaltung/dokumente?gespeichert",
});

const uploadLogo = form({
  access: "secretariat",
  schema: z.object({ file: z.instanceof(File) }),
  labels: { file: t.fields.file! },
  load: (c, scope, ctx) => loadDocuments(c, scope.body.id, ctx),
  view: ({ scope, data, ...state }) => (
    <DocumentsPage scope={scope} data={data} settings={{ values: settingsValues(data), errors: {} }} logo={state} />
  ),
  submit: async ({ file }, ctx, scope, _data, c) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return setLogo(ctx, c.get("deps").attachments, scope.body.id, file.type, bytes).catch((error: unknown) => {
      if (!(error instanceof Problem) || !["unsupported_media_type", "payload_too_large", "unprocessable"].includes(error.code))
        throw error;
      throw fieldProblem("file", error.extra.errors?.[0]?.reason ?? t.logoHint);
    });
  },
  done: () => "/verwaltung/dokumente?logo#logo",
});

export const documentPages = new Hono<AppEnv>()
  .get("/verwaltung/dokumente", saveSettings.get)
  .post("/verwaltung/dokumente", saveSettings.post)
  .post("/verwaltung/dokumente/logo", requestSizeLimit(MAX_LOGO_BYTES + 64 * 1024), uploadLogo.post);
