/**
 * The monitoring in the secretariat's workspace: the figures (indicators and key figures) with their latest values,
 * published once checked, their values imported from CSV all or nothing (the result names every bad line) and
 * exported; and the integration report of a year, its Markdown sections written in one form at a version.
 */
import { Hono } from "hono";
import { z } from "zod";
import { Problem } from "../../errors";
import { serviceContext, type AppEnv } from "../../http/context";
import { berlinDateOf } from "../../rules/calendar";
import { periodLabel } from "../../rules/figures";
import type { ServiceContext } from "../../services/context";
import { exportFigureValuesCsv, importFigureValues, listFigures, updateFigure } from "../../services/plan/figures";
import { getReportRecord, reportYears, saveReport } from "../../services/plan/integration-report";
import { listPlans } from "../../services/plan/plans";
import { Badge, CheckboxField, ErrorSummary, FileField, InputField, Notice, SubmitButton, Table, TextareaField } from "../components/ui";
import { form, type FormViewProps } from "../kit/form";
import { enter, errorPage } from "../kit/page";
import { html, type Ctx } from "../kit/render";
import { paths, type Scope } from "../kit/urls";
import { m } from "../messages";
import { WorkspaceLayout } from "./layout";
import { ImportResultPage } from "./import-result";
import { param } from "./plan-shared";

const w = () => m.workspace.monitoring;
const FIGURES_PATH = "/verwaltung/plan/kennzahlen";
const REPORTS_PATH = "/verwaltung/plan/integrationsbericht";

// --- Figures -----------------------------------------------------------------------------------------------------

async function loadFigures(_c: unknown, scope: { body: { id: string } }, ctx: ServiceContext) {
  return { figures: await listFigures(ctx, scope.body.id, { revisions: false }) };
}
type FiguresData = Awaited<ReturnType<typeof loadFigures>>;

function FiguresPage(props: FormViewProps<FiguresData>) {
  const { data, scope } = props;
  const latest = (figure: FiguresData["figures"][number]) => {
    const value = figure.values.at(-1);
    return value ? `${periodLabel(value.period)}: ${new Intl.NumberFormat("de-DE").format(value.value)} ${figure.unit}` : w().noValues;
  };
  return (
    <WorkspaceLayout title={w().figures} scope={scope} area="plan" trail={[{ text: w().figures }]}>
      <h1 class="kern-heading-large">{w().figures}</h1>
      <Notice text={props.confirmation} />
      <Notice text={props.notice} tone="warning" />
      <ErrorSummary errors={props.errors} />
      <p>{w().figuresText}</p>
      <ul class="inline-links">
        <li>
          <a href={`${FIGURES_PATH}/werte.csv?format=excel`}>{w().exportExcel}</a>
        </li>
        <li>
          <a href={REPORTS_PATH}>{w().reports}</a>
        </li>
      </ul>
      {data.figures.length === 0 ? (
        <p>{w().noFigures}</p>
      ) : (
        <Table
          label={w().figures}
          heads={[w().name, w().key, w().kind, w().latest, w().state]}
          rows={data.figures.map((figure) => [
            figure.name,
            <code>{figure.key}</code>,
            figure.kind === "key_figure" ? w().keyFigure : w().indicator,
            latest(figure),
            figure.published ? (
              <Badge tone="success">{w().published}</Badge>
            ) : (
              <form method="post" action={`${FIGURES_PATH}/${figure.id}/veroeffentlichen`} class="inline-form">
                <input type="hidden" name="version" value={String(figure.version)} />
                <Badge tone="warning">{w().internal}</Badge> <SubmitButton label={w().publish(figure.name)} />
              </form>
            ),
          ])}
        />
      )}
      <h2 class="kern-heading-medium">{w().import}</h2>
      <p>{w().importText}</p>
      <form method="post" action={`${FIGURES_PATH}/import`} enctype="multipart/form-data" class="form" novalidate>
        <FileField id="file" label={w().file} hint={w().fileHint} accept=".csv,text/csv" />
        <SubmitButton label={w().importButton} primary />
      </form>
    </WorkspaceLayout>
  );
}

const figuresForm = form({
  access: "secretariat",
  schema: z.object({ version: z.coerce.number().int().min(1) }),
  labels: {},
  load: loadFigures,
  view: (props) => <FiguresPage {...props} />,
  confirmations: { veroeffentlicht: m.workspace.monitoring.publishedDone },
  submit: (input, ctx, _scope, _data, c) => updateFigure(ctx, param(c, "id"), input.version, { published: true }),
  done: () => `${FIGURES_PATH}?veroeffentlicht`,
});

/** The result of an import: every bad line, or what was added, corrected and left as it was. */
function FiguresImportResult(props: {
  scope: Scope;
  result: { counts: { created: number; corrected: number; unchanged: number } } | { errors: { field: string; reason: string }[] };
}) {
  const { result } = props;
  return (
    <ImportResultPage
      scope={props.scope}
      title={m.workspace.planDesk.importResult}
      from={{ text: w().figures, href: FIGURES_PATH, back: w().back }}
      result={
        "errors" in result
          ? result
          : {
              counts: [
                [w().created, result.counts.created],
                [w().corrected, result.counts.corrected],
                [w().unchanged, result.counts.unchanged],
              ],
            }
      }
    />
  );
}

/** The largest file of figures a page takes: 1 MB (ten years of a hundred figures are far below). */
const MAX_IMPORT_BYTES = 1024 * 1024;

async function importFigures(c: Ctx) {
  const entered = await enter(c, "secretariat");
  if ("response" in entered) return entered.response;
  const ctx = serviceContext(c);
  const file = (await c.req.parseBody()).file;
  const refused = (reason: string) =>
    html(c, <FiguresImportResult scope={entered.scope} result={{ errors: [{ field: w().file, reason }] }} />, 400);
  if (!(file instanceof File) || file.size === 0) return refused(w().noFile);
  if (file.size > MAX_IMPORT_BYTES) return refused(w().tooLarge);
  try {
    const counts = await importFigureValues(ctx, entered.scope.body.id, await file.text());
    return html(c, <FiguresImportResult scope={entered.scope} result={{ counts }} />);
  } catch (error) {
    if (!(error instanceof Problem) || !error.extra.errors) throw error;
    return html(c, <FiguresImportResult scope={entered.scope} result={{ errors: error.extra.errors }} />, 400);
  }
}

// --- The integration report ----------------------------------------------------------------------------------------

const yearOf = (c: { req: { param: (name: string) => string | undefined } }) => {
  const year = Number(param(c, "year"));
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw new Problem("not_found", "Dieses Jahr gibt es nicht.");
  return year;
};

async function loadReport(c: Ctx, scope: { body: { id: string } }, ctx: ServiceContext) {
  const year = yearOf(c);
  const plans = await listPlans(ctx, scope.body.id);
  const report = await getReportRecord(ctx, scope.body.id, year).catch((error) => {
    if (error instanceof Problem && error.code === "not_found") return null;
    throw error;
  });
  const fields = plans.flatMap((plan) => plan.actionFields.map((field) => ({ ...field, planTitle: plan.title })));
  return { year, report, fields };
}
type ReportData = Awaited<ReturnType<typeof loadReport>>;

const fieldKey = (id: string) => `feld-${id}`;

function reportValues(data: ReportData): Record<string, string> {
  const { report } = data;
  if (!report) return { title: `Integrationsbericht ${data.year}`, version: "0" };
  const text = (kind: string) => report.sections.find((s) => s.kind === kind)?.markdown ?? "";
  return {
    title: report.title,
    version: String(report.version),
    ...(report.published ? { published: "ja" } : {}),
    introduction: text("introduction"),
    outlook: text("outlook"),
    ...Object.fromEntries(report.sections.filter((s) => s.actionFieldId).map((s) => [fieldKey(s.actionFieldId!), s.markdown])),
  };
}

function ReportPage(props: FormViewProps<ReportData>) {
  const { data, scope, values, errors } = props;
  const title = `${w().report} ${data.year}`;
  return (
    <WorkspaceLayout title={title} scope={scope} area="plan" trail={[{ text: w().reports, href: REPORTS_PATH }, { text: title }]}>
      <h1 class="kern-heading-large">{title}</h1>
      <Notice text={props.confirmation} />
      <Notice text={props.notice} tone="warning" />
      <ErrorSummary errors={errors} />
      {data.report ? (
        <ul class="inline-links">
          <li>
            <a href={paths.integrationReport(data.year)}>{data.report.published ? w().publicPage : w().draftPage}</a>
          </li>
          <li>
            <a href={paths.integrationReportPdf(data.year)}>{w().pdf}</a>
          </li>
        </ul>
      ) : (
        <p>{w().newReport}</p>
      )}
      <form method="post" class="form" novalidate>
        <input type="hidden" name="version" value={values.version ?? "0"} />
        <InputField id="title" label={w().fields.title} type="text" value={values.title} error={errors.title} />
        <CheckboxField id="published" label={w().fields.published} checked={values.published === "ja"} hint={w().publishedHint} />
        <TextareaField
          id="introduction"
          label={w().fields.introduction}
          value={values.introduction}
          error={errors.introduction}
          hint={w().markdownHint}
        />
        {data.fields.map((field) => (
          <TextareaField
            id={fieldKey(field.id)}
            label={`${w().fields.field} ${field.number}: ${field.title} (${field.planTitle})`}
            value={values[fieldKey(field.id)]}
            error={errors[fieldKey(field.id)]}
            hint={w().fieldHint}
            rows={4}
          />
        ))}
        <TextareaField id="outlook" label={w().fields.outlook} value={values.outlook} error={errors.outlook} hint={w().markdownHint} />
        <SubmitButton label={w().save} primary />
      </form>
    </WorkspaceLayout>
  );
}

const MARKDOWN = z.string().max(50_000, "darf höchstens 50000 Zeichen haben").optional();

const reportForm = form({
  access: "secretariat",
  schema: z
    .object({
      version: z.coerce.number().int().min(0),
      title: z.string().trim().min(1, "darf nicht leer sein").max(200),
      published: z.literal("ja").optional(),
      introduction: MARKDOWN,
      outlook: MARKDOWN,
    })
    .catchall(MARKDOWN),
  labels: (data: ReportData) => ({
    title: w().fields.title,
    published: w().fields.published,
    introduction: w().fields.introduction,
    outlook: w().fields.outlook,
    ...Object.fromEntries(data.fields.map((field) => [fieldKey(field.id), `${w().fields.field} ${field.number}`])),
  }),
  load: loadReport,
  initial: reportValues,
  view: (props) => <ReportPage {...props} />,
  confirmations: { gespeichert: m.workspace.monitoring.saved },
  submit: async (input, ctx, scope, data) => {
    const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");
    const sections = [
      ...(text(input.introduction) ? [{ kind: "introduction" as const, markdown: text(input.introduction) }] : []),
      // An action field without text is left out of the report.
      ...data.fields.flatMap((field) => {
        const markdown = text(input[fieldKey(field.id)]);
        return markdown ? [{ kind: "action_field" as const, actionFieldId: field.id, markdown }] : [];
      }),
      ...(text(input.outlook) ? [{ kind: "outlook" as const, markdown: text(input.outlook) }] : []),
    ];
    const version = input.version > 0 ? input.version : null;
    return saveReport(ctx, scope.body.id, data.year, { title: input.title, published: input.published === "ja", sections }, version);
  },
  done: (report) => `${REPORTS_PATH}/${report.year}?gespeichert`,
});

function ReportsPage({ scope, years, next }: { scope: Scope; years: number[]; next: number }) {
  return (
    <WorkspaceLayout title={w().reports} scope={scope} area="plan" trail={[{ text: w().reports }]}>
      <h1 class="kern-heading-large">{w().reports}</h1>
      {years.length === 0 ? <p>{w().noReports}</p> : null}
      <ul>
        {years.map((year) => (
          <li>
            <a href={`${REPORTS_PATH}/${year}`}>{`${w().report} ${year}`}</a>
          </li>
        ))}
      </ul>
      <p>
        <a href={`${REPORTS_PATH}/${next}`}>{w().write(next)}</a>
      </p>
      <p>
        <a href={FIGURES_PATH}>{w().figures}</a>
      </p>
    </WorkspaceLayout>
  );
}

async function reportsList(c: Ctx) {
  const entered = await enter(c, "secretariat");
  if ("response" in entered) return entered.response;
  const ctx = serviceContext(c);
  const years = await reportYears(ctx, entered.scope.body.id);
  // The report written next: the year after the newest, or the past year.
  const next = years.length ? Math.max(...years) + 1 : Number(berlinDateOf(ctx.now).slice(0, 4)) - 1;
  return html(c, <ReportsPage scope={entered.scope} years={years} next={next} />);
}

async function reportGet(c: Ctx) {
  try {
    yearOf(c);
  } catch {
    const entered = await enter(c, "secretariat");
    return "response" in entered ? entered.response : errorPage(c, 404, entered.scope);
  }
  return reportForm.get(c);
}

/** The values as CSV, with the internal figures the staff read: the import's columns, for Excel with `format=excel`. */
async function exportFigures(c: Ctx) {
  const entered = await enter(c, "secretariat");
  if ("response" in entered) return entered.response;
  const dialect = c.req.query("format") === "excel" ? "excel" : "csv";
  return c.body(await exportFigureValuesCsv(serviceContext(c), entered.scope.body.id, dialect), 200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": 'attachment; filename="kennzahlen.csv"',
  });
}

export const monitoringPages = new Hono<AppEnv>()
  .get(FIGURES_PATH, figuresForm.get)
  .get(`${FIGURES_PATH}/werte.csv`, exportFigures)
  .post(`${FIGURES_PATH}/import`, importFigures)
  .post(`${FIGURES_PATH}/:id/veroeffentlichen`, figuresForm.post)
  .get(REPORTS_PATH, reportsList)
  .get(`${REPORTS_PATH}/:year`, reportGet)
  .post(`${REPORTS_PATH}/:year`, reportForm.post);
