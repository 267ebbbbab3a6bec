/**
 * Papers (Vorlagen) in the secretariat's workspace: the list; a paper's text in Markdown with a preview; its
 * attachments, with the API's type and size checks; and its route through the committees (Beratungsfolge).
 * The paper page holds three forms; each answers a refusal on the same page, with its own input kept.
 */
import { Hono } from "hono";
import { z } from "zod";
import { CONSULTATION_ROLE, CONSULTATION_STATE, PAPER_TYPE, label } from "../../documents/labels";
import { renderMarkdown } from "../../documents/markdown";
import type { AppEnv } from "../../http/context";
import { requestSizeLimit } from "../../http/openapi";
import { MAX_ATTACHMENT_BYTES } from "../../rules/attachments";
import { CONSULTATION_ROLES, PAPER_TYPES, paperNumber } from "../../rules/papers";
import { ZCalendarDate, ZId } from "../../schemas/common";
import { listCommittees } from "../../services/people/committees";
import { addAttachment, addConsultation, createPaper, listPapers, updatePaper } from "../../services/papers/papers";
import { managedPaper } from "../../services/workspace";
import { paths } from "../../addresses";
import { Problem, fieldProblem } from "../../errors";
import {
  ChoiceField,
  CheckboxField,
  DateField,
  ErrorSummary,
  FileField,
  InputField,
  Notice,
  SubmitButton,
  TextareaField,
  trusted,
} from "../components/ui";
import { form, type FormViewProps } from "../kit/form";
import { page } from "../kit/page";
import { m } from "../messages";
import type { Scope } from "../kit/urls";
import { WorkspaceLayout } from "./layout";

const t = m.workspace.papers;
type Paper = Awaited<ReturnType<typeof managedPaper>>;
type FormState = Omit<FormViewProps<unknown>, "scope" | "data">;
const blank: FormState = { values: {}, errors: {} };
const TEXTS = ["proposedResolution", "factsAndReasons", "financialEffects"] as const;

const titleOf = (paper: Paper) => `${paperNumber(paper.year, paper.serial)}: ${paper.title}`;

function PapersPage({ scope, papers }: { scope: Scope; papers: Paper[] }) {
  return (
    <WorkspaceLayout title={m.workspace.areas.papers} scope={scope} area="papers">
      <h1 class="kern-heading-large">{m.workspace.areas.papers}</h1>
      <p>
        <a class="kern-btn kern-btn--primary" href="/verwaltung/vorlagen/neu">
          <span class="kern-label">{t.newPaper}</span>
        </a>
      </p>
      {papers.length === 0 ? (
        <p>{t.noPapers}</p>
      ) : (
        <ul class="due-list">
          {papers.map((paper) => (
            <li>
              <a href={`/verwaltung/vorlagen/${paper.id}`}>{titleOf(paper)}</a> ({label(PAPER_TYPE, paper.type)}
              {paper.isPublic ? "" : `, ${m.workspace.meetings.partNonPublic}`})
            </li>
          ))}
        </ul>
      )}
    </WorkspaceLayout>
  );
}

/** The paper's own fields: title, kind, public or not, date, and the three Markdown texts, with a preview. */
function PaperFields({ state, action }: { state: FormState; action: string }) {
  const { values, errors } = state;
  const f = t.fields;
  return (
    <>
      <Notice text={state.notice} tone="warning" />
      {state.stored && Object.keys(state.stored).length > 0 ? (
        <section aria-labelledby="gespeichert">
          <h2 class="kern-heading-small" id="gespeichert">
            {m.forms.storedMeanwhile}
          </h2>
          <ul>
            {Object.entries(state.stored).map(([field, value]) => (
              <li>{`${f[field] ?? field}: ${value || m.common.none}`}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <ErrorSummary errors={errors} />
      {state.preview ? (
        <section aria-labelledby="vorschau" class="preview">
          <h2 class="kern-heading-medium" id="vorschau">
            {t.previewTitle}
          </h2>
          {TEXTS.map((field) =>
            values[field]?.trim() ? (
              <>
                <h3 class="kern-heading-small">{f[field]}</h3>
                <div class="prose">{trusted(renderMarkdown(values[field]!) ?? "")}</div>
              </>
            ) : null,
          )}
        </section>
      ) : null}
      <form method="post" action={action} class="form" novalidate>
        {values.version ? <input type="hidden" name="version" value={values.version} /> : null}
        <InputField id="title" label={f.title!} type="text" value={values.title} error={errors.title} />
        <ChoiceField
          id="type"
          label={f.type!}
          options={PAPER_TYPES.map((type) => ({ value: type, label: PAPER_TYPE[type]! }))}
          value={values.type ?? "proposal"}
          error={errors.type}
        />
        <CheckboxField id="isPublic" label={f.isPublic!} hint={t.isPublicHint} checked={values.isPublic === "ja"} error={errors.isPublic} />
        <DateField id="date" label={f.date!} value={values.date} error={errors.date} />
        {TEXTS.map((field) => (
          <TextareaField id={field} label={f[field]!} hint={t.markdownHint} value={values[field]} error={errors[field]} rows={8} />
        ))}
        <div class="button-row">
          <SubmitButton label={m.workspace.save} primary />
          <button class="kern-btn kern-btn--secondary" type="submit" name="vorschau" value="ja">
            <span class="kern-label">{t.preview}</span>
          </button>
        </div>
      </form>
    </>
  );
}

function NewPaperPage({ scope, ...state }: FormViewProps<null>) {
  return (
    <WorkspaceLayout title={t.newPaper} scope={scope} area="papers" trail={[{ text: t.newPaper }]}>
      <h1 class="kern-heading-large">{t.newPaper}</h1>
      <PaperFields state={state} action="/verwaltung/vorlagen/neu" />
    </WorkspaceLayout>
  );
}

interface PaperData {
  paper: Paper;
  committees: { id: string; name: string }[];
}

function PaperPage(props: { scope: Scope; data: PaperData; edit: FormState; upload?: FormState; route?: FormState; notice?: string }) {
  const { paper, committees } = props.data;
  const upload = props.upload ?? blank;
  const route = props.route ?? blank;
  const number = paperNumber(paper.year, paper.serial);
  return (
    <WorkspaceLayout title={titleOf(paper)} scope={props.scope} area="papers" trail={[{ text: number }]}>
      <p class="kern-subline">{`${label(PAPER_TYPE, paper.type)} ${number}`}</p>
      <h1 class="kern-heading-large">{paper.title}</h1>
      <Notice text={props.notice} />
      <p>
        <a href={paths.paper(paper.id)}>{t.publicPage}</a>
      </p>
      <PaperFields state={props.edit} action={`/verwaltung/vorlagen/${paper.id}`} />

      <h2 class="kern-heading-medium" id="anlagen">
        {t.attachments}
      </h2>
      {paper.attachments.length === 0 ? (
        <p>{t.noAttachments}</p>
      ) : (
        <ul>
          {paper.attachments.map((file) => (
            <li>
              <a href={paths.attachment(paper.id, file.id)}>{file.filename}</a>
            </li>
          ))}
        </ul>
      )}
      <ErrorSummary errors={upload.errors} />
      <form method="post" action={`/verwaltung/vorlagen/${paper.id}/anlagen`} enctype="multipart/form-data" class="form" novalidate>
        <FileField id="file" label={t.fields.file!} hint={t.fileHint} error={upload.errors.file} />
        <SubmitButton label={t.upload} />
      </form>

      <h2 class="kern-heading-medium" id="beratungsfolge">
        {t.route}
      </h2>
      {paper.consultations.length === 0 ? (
        <p>{t.noRoute}</p>
      ) : (
        <ol>
          {paper.consultations.map((step) => (
            <li>{`${step.committee.name}: ${label(CONSULTATION_ROLE, step.role)}, ${label(CONSULTATION_STATE, step.state)}`}</li>
          ))}
        </ol>
      )}
      <ErrorSummary errors={route.errors} />
      <form method="post" action={`/verwaltung/vorlagen/${paper.id}/beratungsfolge`} class="form" novalidate>
        <ChoiceField
          id="committeeId"
          label={t.fields.committeeId!}
          emptyLabel={m.workspace.seats.noneChosen}
          options={committees.map((c) => ({ value: c.id, label: c.name }))}
          value={route.values.committeeId}
          error={route.errors.committeeId}
        />
        <ChoiceField
          id="role"
          label={t.fields.role!}
          options={CONSULTATION_ROLES.map((role) => ({ value: role, label: CONSULTATION_ROLE[role]! }))}
          value={route.values.role ?? "deciding"}
          error={route.errors.role}
        />
        <SubmitButton label={t.addToRoute} />
      </form>
    </WorkspaceLayout>
  );
}

/** The paper's fields as the form shows them. */
const paperValues = (paper: Paper): Record<string, string> => ({
  version: String(paper.version),
  title: paper.title,
  type: paper.type,
  isPublic: paper.isPublic ? "ja" : "nein",
  date: paper.date ?? "",
  proposedResolution: paper.proposedResolution ?? "",
  factsAndReasons: paper.factsAndReasons ?? "",
  financialEffects: paper.financialEffects ?? "",
});

const ZMarkdownField = z.string().max(100_000);
const paperSchema = {
  title: z.string().trim().min(1, "fehlt").max(500),
  type: z.enum(PAPER_TYPES),
  // A checkbox posts nothing when unticked.
  isPublic: z.literal("ja").optional(),
  // Optional, and emptied to null on an edit (the form's `empty: "null"`).
  date: ZCalendarDate.nullable().optional(),
  proposedResolution: ZMarkdownField.nullable().optional(),
  factsAndReasons: ZMarkdownField.nullable().optional(),
  financialEffects: ZMarkdownField.nullable().optional(),
};
const paperLabels = Object.fromEntries(["title", "type", "isPublic", "date", ...TEXTS].map((field) => [field, t.fields[field]!])) as Record<
  string,
  string
>;

async function loadPaper(id: string, scopeBody: string, ctx: Parameters<typeof managedPaper>[0]): Promise<PaperData> {
  const [paper, committees] = await Promise.all([managedPaper(ctx, id), listCommittees(ctx, { bodyId: scopeBody, limit: 200 })]);
  return { paper, committees: committees.items.map((c) => ({ id: c.id, name: c.name })) };
}

const newPaper = form({
  access: "secretariat",
  schema: z.object(paperSchema),
  labels: paperLabels,
  load: async () => null,
  initial: () => ({ type: "proposal", isPublic: "ja" }),
  view: (props) => <NewPaperPage {...props} />,
  submit: ({ isPublic, ...input }, ctx, scope) => createPaper(ctx, { ...input, bodyId: scope.body.id, isPublic: isPublic === "ja" }),
  done: (paper) => `/verwaltung/vorlagen/${paper.id}?gespeichert`,
});

const editPaper = form({
  access: "secretariat",
  schema: z.object({ ...paperSchema, version: z.coerce.number().int().min(1) }),
  labels: paperLabels,
  empty: "null",
  load: (c, scope, ctx) => loadPaper(c.req.param("id") ?? "", scope.body.id, ctx),
  initial: (data) => paperValues(data.paper),
  view: ({ scope, data, ...edit }) => <PaperPage scope={scope} data={data} edit={edit} />,
  submit: ({ version, isPublic, ...input }, ctx, _scope, data) =>
    updatePaper(ctx, data.paper.id, version, { ...input, title: input.title!, type: input.type!, isPublic: isPublic === "ja" }),
  done: (paper) => `/verwaltung/vorlagen/${paper.id}?gespeichert`,
});

const upload = form({
  access: "secretariat",
  schema: z.object({ file: z.instanceof(File) }),
  labels: { file: t.fields.file! },
  load: (c, scope, ctx) => loadPaper(c.req.param("id") ?? "", scope.body.id, ctx),
  view: ({ scope, data, ...state }) => (
    <PaperPage scope={scope} data={data} edit={{ values: paperValues(data.paper), errors: {} }} upload={state} />
  ),
  submit: async ({ file }, ctx, _scope, data, c) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return addAttachment(ctx, c.get("deps").attachments, data.paper.id, { filename: file.name, contentType: file.type, bytes }).catch(
      (error: unknown) => {
        // The service names the header, the body or nothing (too large); on the page it is all the file's fault.
        if (
          !(error instanceof Problem) ||
          !["unsupported_media_type", "payload_too_large", "unprocessable", "invalid_request"].includes(error.code)
        )
          throw error;
        const reason = error.extra.errors?.[0]?.reason ?? `darf höchstens ${Math.round(MAX_ATTACHMENT_BYTES / 1024 / 1024)} MB groß sein`;
        throw fieldProblem("file", reason);
      },
    );
  },
  done: (paper) => `/verwaltung/vorlagen/${paper.id}?anlage#anlagen`,
});

const addToRoute = form({
  access: "secretariat",
  schema: z.object({ committeeId: ZId, role: z.enum(CONSULTATION_ROLES) }),
  labels: { committeeId: t.fields.committeeId!, role: t.fields.role! },
  load: (c, scope, ctx) => loadPaper(c.req.param("id") ?? "", scope.body.id, ctx),
  view: ({ scope, data, ...state }) => (
    <PaperPage scope={scope} data={data} edit={{ values: paperValues(data.paper), errors: {} }} route={state} />
  ),
  submit: (input, ctx, _scope, data) => addConsultation(ctx, data.paper.id, { ...input, state: "pending" }),
  done: (paper) => `/verwaltung/vorlagen/${paper.id}?beratungsfolge#beratungsfolge`,
});

const NOTICES: [string, string][] = [
  ["gespeichert", t.saved],
  ["anlage", t.uploaded],
  ["beratungsfolge", t.routeAdded],
];

export const paperPages = new Hono<AppEnv>()
  .get(
    "/verwaltung/vorlagen",
    page({
      access: "secretariat",
      load: async (_c, scope, ctx) => (await listPapers(ctx, { bodyId: scope.body.id, limit: 200 })).items,
      view: (papers, scope) => <PapersPage scope={scope} papers={papers} />,
    }),
  )
  .get("/verwaltung/vorlagen/neu", newPaper.get)
  .post("/verwaltung/vorlagen/neu", newPaper.post)
  .get(
    "/verwaltung/vorlagen/:id",
    page({
      access: "secretariat",
      load: async (c, scope, ctx) => ({
        data: await loadPaper(c.req.param("id") ?? "", scope.body.id, ctx),
        notice: NOTICES.find(([key]) => c.req.query(key) !== undefined)?.[1],
      }),
      view: ({ data, notice }, scope) => (
        <PaperPage scope={scope} data={data} edit={{ values: paperValues(data.paper), errors: {} }} {...(notice ? { notice } : {})} />
      ),
    }),
  )
  .post("/verwaltung/vorlagen/:id", editPaper.post)
  .post("/verwaltung/vorlagen/:id/anlagen", requestSizeLimit(MAX_ATTACHMENT_BYTES + 64 * 1024), upload.post)
  .post("/verwaltung/vorlagen/:id/beratungsfolge", addToRoute.post);
