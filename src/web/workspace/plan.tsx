/**
 * The integration plan in the secretariat's workspace: action fields and measures, the catalogue imported all or
 * nothing (the result page names every bad line and field, or counts what is new, changed and unchanged) and exported
 * for Excel, the progress report (Sachstandsbericht) as HTML and PDF, and the plan's updates (Fortschreibung). A
 * measure's page is in plan-measures.tsx, the forum ideas in plan-ideas.tsx.
 */
import { Hono } from "hono";
import { z } from "zod";
import { MEASURE_STATUS, RELATION, label } from "../../documents/labels";
import { Problem, fieldProblem } from "../../errors";
import { documentDeps, serviceContext, type AppEnv } from "../../http/context";
import { sendPdf } from "../../http/conditional";
import { berlinDateOf, dateOf } from "../../rules/calendar";
import { ZCalendarDate, ZId } from "../../schemas/common";
import { progressReportPdf } from "../../services/documents/documents";
import { listResolutions } from "../../services/meetings/resolutions";
import { exportMeasuresCsv, importMeasures } from "../../services/plan/measure-catalogue";
import { addPlanUpdate, progressReport } from "../../services/plan/plan-follow-up";
import { addActionField, createMeasure, listMeasures, listPlans, renameActionField } from "../../services/plan/plans";
import type { ServiceContext } from "../../services/context";
import { Badge, ChoiceField, DateField, ErrorSummary, Facts, FileField, InputField, Notice, SubmitButton } from "../components/ui";
import { form, type FormViewProps } from "../kit/form";
import { enter, errorPage, page } from "../kit/page";
import { html, type Ctx } from "../kit/render";
import { paths, type Scope } from "../kit/urls";
import { m } from "../messages";
import { WorkspaceLayout } from "./layout";
import { ImportResultPage } from "./import-result";
import { managedPlan, measurePath, p, param, planPath } from "./plan-shared";
import { ideaPages } from "./plan-ideas";
import { measurePages } from "./plan-measures";
import { monitoringPages } from "./plan-report";

// --- A plan: its action fields and measures, the new ones, import and export, the report -------------------------

async function loadPlan(c: { req: { param: (name: string) => string | undefined } }, _scope: unknown, ctx: ServiceContext) {
  const plan = await managedPlan(ctx, param(c, "id"));
  const [measures, resolutions] = await Promise.all([
    listMeasures(ctx, plan.id),
    listResolutions(ctx, { bodyId: plan.bodyId, limit: 200 }),
  ]);
  return { plan, measures, resolutions: resolutions.items };
}
type PlanData = Awaited<ReturnType<typeof loadPlan>>;

function PlanDeskPage(props: FormViewProps<PlanData> & { which?: "feld" | "massnahme" | "fortschreibung" }) {
  const { data, scope } = props;
  const { plan } = data;
  const own = (which: string) => (props.which === which ? { values: props.values, errors: props.errors } : { values: {}, errors: {} });
  const field = own("feld");
  const measure = own("massnahme");
  const update = own("fortschreibung");
  return (
    <WorkspaceLayout title={plan.title} scope={scope} area="plan" trail={[{ text: plan.title }]}>
      <h1 class="kern-heading-large">{plan.title}</h1>
      <Notice text={props.confirmation} />
      <ul class="inline-links">
        <li>
          <a href={`${planPath(plan.id)}/massnahmen.csv?format=excel`}>{p.exportExcel}</a>
        </li>
        <li>
          <a href={`${planPath(plan.id)}/massnahmen.csv`}>{p.exportCsv}</a>
        </li>
        <li>
          <a href={`${planPath(plan.id)}/bericht`}>{p.report}</a>
        </li>
        <li>
          <a href="/verwaltung/plan/ideen">{p.ideas}</a>
        </li>
        <li>
          <a href={paths.plan(plan.id)}>{p.publicPage}</a>
        </li>
      </ul>
      {plan.actionFields.map((f) => (
        <section aria-labelledby={`feld-${f.number}`}>
          <h2 class="kern-heading-medium" id={`feld-${f.number}`}>
            {`${p.field} ${f.number}: ${f.title}`}
          </h2>
          <details class="kern-accordion" {...(props.errors[`field-${f.id}`] ? { open: true } : {})}>
            <summary class="kern-accordion__header">{p.renameField(f.number)}</summary>
            <div class="kern-accordion__body">
              <form method="post" action={`${planPath(plan.id)}/handlungsfelder/${f.id}`} class="form" novalidate>
                <input type="hidden" name="version" value={String(f.version)} />
                <InputField
                  id={`field-${f.id}`}
                  label={p.fields.fieldTitle!}
                  type="text"
                  value={props.values[`field-${f.id}`] ?? f.title}
                  error={props.errors[`field-${f.id}`]}
                />
                <SubmitButton label={p.rename} />
              </form>
            </div>
          </details>
          <ul>
            {data.measures
              .filter((x) => x.actionField.number === f.number)
              .map((x) => (
                <li>
                  <a href={measurePath(x.id)}>{`${x.code} ${x.title}`}</a> <Badge>{label(MEASURE_STATUS, x.status)}</Badge>
                  {` ${x.progress} %`}
                </li>
              ))}
          </ul>
        </section>
      ))}

      <h2 class="kern-heading-medium" id="import">
        {p.import}
      </h2>
      <p>{p.importText}</p>
      <form method="post" action={`${planPath(plan.id)}/import`} enctype="multipart/form-data" class="form" novalidate>
        <FileField id="file" label={p.fields.file!} hint={p.fileHint} accept=".csv,.json,text/csv,application/json" />
        <SubmitButton label={p.importButton} primary />
      </form>

      <h2 class="kern-heading-medium">{p.newMeasure}</h2>
      <ErrorSummary errors={measure.errors} />
      <form method="post" action={`${planPath(plan.id)}/massnahmen`} class="form" novalidate>
        <ChoiceField
          id="actionField"
          label={p.fields.actionField!}
          options={plan.actionFields.map((f) => ({ value: String(f.number), label: `${f.number} ${f.title}` }))}
          value={measure.values.actionField}
          error={measure.errors.actionField}
        />
        <InputField
          id="code"
          label={p.fields.code!}
          type="text"
          hint={p.codeHint}
          value={measure.values.code}
          error={measure.errors.code}
        />
        <InputField id="title" label={p.fields.title!} type="text" value={measure.values.title} error={measure.errors.title} />
        <InputField
          id="responsible"
          label={p.fields.responsible!}
          type="text"
          value={measure.values.responsible}
          error={measure.errors.responsible}
        />
        <SubmitButton label={p.newMeasure} />
      </form>

      <h2 class="kern-heading-medium">{p.newField}</h2>
      <ErrorSummary errors={field.errors} />
      <form method="post" action={`${planPath(plan.id)}/handlungsfelder`} class="form" novalidate>
        <InputField id="number" label={p.fields.number!} type="number" value={field.values.number} error={field.errors.number} />
        <InputField
          id="fieldTitle"
          label={p.fields.fieldTitle!}
          type="text"
          value={field.values.fieldTitle}
          error={field.errors.fieldTitle}
        />
        <SubmitButton label={p.newField} />
      </form>

      <h2 class="kern-heading-medium">{p.updates}</h2>
      {plan.updates.length === 0 ? <p>{p.noUpdates}</p> : null}
      <ul>
        {plan.updates.map((u) => (
          <li>{`${dateOf(`${u.date}T12:00:00Z`)}${u.note ? `: ${u.note}` : ""}`}</li>
        ))}
      </ul>
      <ErrorSummary errors={update.errors} />
      <form method="post" action={`${planPath(plan.id)}/fortschreibung`} class="form" novalidate>
        <DateField id="date" label={p.fields.date!} value={update.values.date} error={update.errors.date} />
        <ChoiceField
          id="resolutionId"
          label={p.fields.resolutionId!}
          emptyLabel={p.noResolution}
          options={data.resolutions.map((r) => ({ value: r.id, label: `${r.number}: ${r.text.slice(0, 80)}` }))}
          value={update.values.resolutionId}
          error={update.errors.resolutionId}
        />
        <InputField id="note" label={p.fields.note!} type="text" value={update.values.note} error={update.errors.note} />
        <SubmitButton label={p.recordUpdate} />
      </form>
    </WorkspaceLayout>
  );
}

const planConfirmations = { angelegt: p.measureCreated, feld: p.fieldCreated, fortgeschrieben: p.updateRecorded, umbenannt: p.renamed };

const newMeasure = form({
  access: "secretariat",
  schema: z.object({
    actionField: z.coerce.number().int().min(1).max(99),
    code: z
      .string()
      .trim()
      .regex(/^\d{1,2}(\.\d{1,3}){1,2}$/, "muss eine Kennung wie 4.3 sein"),
    title: z.string().trim().min(1).max(300),
    responsible: z.string().trim().max(300).optional(),
  }),
  labels: p.fields,
  load: loadPlan,
  view: (props) => <PlanDeskPage {...props} which="massnahme" />,
  confirmations: planConfirmations,
  submit: (input, ctx, _scope, data) => createMeasure(ctx, data.plan.id, { ...input, partners: [], status: "planned", progress: 0 }),
  done: (measure) => `${measurePath(measure.id)}?angelegt`,
});

const newField = form({
  access: "secretariat",
  schema: z.object({ number: z.coerce.number().int().min(1).max(99), fieldTitle: z.string().trim().min(1).max(200) }),
  labels: p.fields,
  load: loadPlan,
  view: (props) => <PlanDeskPage {...props} which="feld" />,
  fieldsOf: { title: "fieldTitle" },
  submit: async ({ number, fieldTitle }, ctx, _scope, data) => {
    await addActionField(ctx, data.plan.id, { number, title: fieldTitle });
    return data.plan;
  },
  done: (plan) => `${planPath(plan.id)}?feld`,
});

const renameField = form({
  access: "secretariat",
  schema: z.object({ version: z.coerce.number().int().min(1) }).catchall(z.string().trim().min(1).max(200)),
  labels: (data: PlanData) => Object.fromEntries(data.plan.actionFields.map((f) => [`field-${f.id}`, p.fields.fieldTitle!])),
  load: loadPlan,
  view: (props) => <PlanDeskPage {...props} />,
  submit: async ({ version, ...titles }, ctx, _scope, data, c) => {
    const id = param(c, "field");
    const title = titles[`field-${id}`];
    if (!title) throw fieldProblem(`field-${id}`, "fehlt");
    await renameActionField(ctx, id, version, title);
    return data.plan;
  },
  done: (plan) => `${planPath(plan.id)}?umbenannt`,
});

const planUpdate = form({
  access: "secretariat",
  schema: z.object({ date: ZCalendarDate, resolutionId: ZId.optional(), note: z.string().trim().max(2000).optional() }),
  labels: p.fields,
  load: loadPlan,
  view: (props) => <PlanDeskPage {...props} which="fortschreibung" />,
  submit: (input, ctx, _scope, data) => addPlanUpdate(ctx, data.plan.id, input),
  done: (plan) => `${planPath(plan.id)}?fortgeschrieben`,
});

/** The result of an import: every bad line and field, or the counts. Nothing is written when a line is bad. */
function CatalogueImportResult(props: {
  scope: Scope;
  plan: { id: string; title: string };
  result: { counts: { created: number; updated: number; unchanged: number } } | { errors: { field: string; reason: string }[] };
}) {
  const { plan, result } = props;
  return (
    <ImportResultPage
      scope={props.scope}
      title={`${p.importResult}: ${plan.title}`}
      from={{ text: plan.title, href: planPath(plan.id), back: p.back(plan.title) }}
      result={
        "errors" in result
          ? result
          : {
              counts: [
                [p.created, result.counts.created],
                [p.updated, result.counts.updated],
                [p.unchanged, result.counts.unchanged],
              ],
            }
      }
    />
  );
}

/** The largest catalogue file a page takes: 2 MB (a catalogue of a few hundred measures is far below). */
const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

async function importCatalogue(c: Ctx) {
  const entered = await enter(c, "secretariat");
  if ("response" in entered) return entered.response;
  const ctx = serviceContext(c);
  const plan = await managedPlan(ctx, param(c, "id")).catch(() => null);
  if (!plan) return errorPage(c, 404, entered.scope);
  const body = await c.req.parseBody();
  const file = body.file;
  const refused = (reason: string) =>
    html(c, <CatalogueImportResult scope={entered.scope} plan={plan} result={{ errors: [{ field: p.fields.file!, reason }] }} />, 400);
  if (!(file instanceof File) || file.size === 0) return refused(p.noFile);
  if (file.size > MAX_IMPORT_BYTES) return refused(p.tooLarge);
  const format = file.name.toLowerCase().endsWith(".json") || file.type === "application/json" ? "json" : "csv";
  try {
    const counts = await importMeasures(ctx, plan.id, format, await file.text());
    return html(c, <CatalogueImportResult scope={entered.scope} plan={plan} result={{ counts }} />);
  } catch (error) {
    if (!(error instanceof Problem) || !error.extra.errors) throw error;
    return html(c, <CatalogueImportResult scope={entered.scope} plan={plan} result={{ errors: error.extra.errors }} />, 400);
  }
}

// --- The progress report -----------------------------------------------------------------------------------------

const ZReportQuery = z
  .object({
    von: ZCalendarDate.optional(),
    bis: ZCalendarDate.optional(),
    handlungsfeld: z.coerce.number().int().min(1).max(99).optional(),
  })
  .refine((q) => !q.von || !q.bis || q.von <= q.bis);

/** The report's period from the query: the current year unless asked otherwise. */
function periodOf(c: Ctx, year: number) {
  const query = ZReportQuery.safeParse({
    von: c.req.query("von") || undefined,
    bis: c.req.query("bis") || undefined,
    handlungsfeld: c.req.query("handlungsfeld") || undefined,
  });
  const values = query.success ? query.data : {};
  return {
    from: values.von ?? `${year}-01-01`,
    to: values.bis ?? `${year}-12-31`,
    ...(values.handlungsfeld ? { actionField: values.handlungsfeld } : {}),
    valid: query.success,
  };
}

function ReportPage({ scope, data }: { scope: Scope; data: Awaited<ReturnType<typeof loadReport>> }) {
  const { report, plan, period } = data;
  const query = `von=${period.from}&bis=${period.to}${period.actionField ? `&handlungsfeld=${period.actionField}` : ""}`;
  return (
    <WorkspaceLayout
      title={`${p.report}: ${plan.title}`}
      scope={scope}
      area="plan"
      trail={[{ text: plan.title, href: planPath(plan.id) }, { text: p.report }]}
    >
      <h1 class="kern-heading-large">{p.report}</h1>
      <p class="kern-subline">
        {`${plan.title}, `}
        {report.actionField ? `${p.field} ${report.actionField.number}: ${report.actionField.title}` : p.allFields}
      </p>
      {!period.valid ? <Notice text={p.badPeriod} tone="warning" /> : null}
      <form method="get" action={`${planPath(plan.id)}/bericht`} class="form filter-form">
        <DateField id="von" label={p.from} value={period.from} />
        <DateField id="bis" label={p.to} value={period.to} />
        <ChoiceField
          id="handlungsfeld"
          label={p.field}
          emptyLabel={p.allFields}
          options={plan.actionFields.map((f) => ({ value: String(f.number), label: `${f.number} ${f.title}` }))}
          value={period.actionField ? String(period.actionField) : undefined}
        />
        <SubmitButton label={p.show} />
      </form>
      <p>
        <a href={`${planPath(plan.id)}/bericht.pdf?${query}`}>{p.reportPdf}</a>
      </p>
      <h2 class="kern-heading-medium">{p.byStatus}</h2>
      <Facts rows={Object.entries(report.byStatus).map(([status, count]) => [label(MEASURE_STATUS, status), String(count)])} />
      <h2 class="kern-heading-medium">{p.measures}</h2>
      {report.measures.map((x) => (
        <section class="report-measure" aria-labelledby={`m-${x.id}`}>
          <h3 class="kern-heading-small" id={`m-${x.id}`}>
            {`${x.code} ${x.title}`}
          </h3>
          <p>{`${label(MEASURE_STATUS, x.status)}, ${x.progress} %${x.responsible ? `, ${x.responsible}` : ""}`}</p>
          {x.changes.length > 0 ? (
            <ul>
              {x.changes.map((change) => (
                <li>
                  {`${dateOf(change.at)}: ${change.fromStatus ? label(MEASURE_STATUS, change.fromStatus) : p.new} → `}
                  {`${label(MEASURE_STATUS, change.toStatus)}, ${change.toProgress} %${change.reason ? ` (${change.reason})` : ""}`}
                </li>
              ))}
            </ul>
          ) : null}
          {x.resolutions.map((r) => (
            <p>{`${r.number} ${label(RELATION, r.relation)}: ${r.text.slice(0, 200)}`}</p>
          ))}
        </section>
      ))}
    </WorkspaceLayout>
  );
}

async function loadReport(c: Ctx, ctx: ServiceContext) {
  const plan = await managedPlan(ctx, param(c, "id"));
  const { valid, ...period } = periodOf(c, Number(berlinDateOf(ctx.now).slice(0, 4)));
  const report = await progressReport(ctx, plan.id, period);
  return { plan, report, period: { ...period, valid } };
}

export const planPages = new Hono<AppEnv>()
  .get(
    "/verwaltung/plan",
    page({
      access: "secretariat",
      load: async (_c, scope, ctx) => listPlans(ctx, scope.body.id),
      view: (plans, scope) => (
        <WorkspaceLayout title={m.workspace.areas.plan} scope={scope} area="plan">
          <h1 class="kern-heading-large">{m.workspace.areas.plan}</h1>
          {plans.length === 0 ? <p>{p.noPlans}</p> : null}
          <ul>
            {plans.map((plan) => (
              <li>
                <a href={planPath(plan.id)}>{plan.title}</a>
              </li>
            ))}
          </ul>
          <ul>
            <li>
              <a href="/verwaltung/plan/ideen">{p.ideas}</a>
            </li>
            <li>
              <a href="/verwaltung/plan/kennzahlen">{m.workspace.monitoring.figures}</a>
            </li>
            <li>
              <a href="/verwaltung/plan/integrationsbericht">{m.workspace.monitoring.reports}</a>
            </li>
          </ul>
        </WorkspaceLayout>
      ),
    }),
  )
  // The ideas' and the measures' addresses before the plan's own (/verwaltung/plan/:id).
  .route("/", ideaPages)
  .route("/", measurePages)
  .route("/", monitoringPages)
  .get("/verwaltung/plan/:id", newMeasure.get)
  .post("/verwaltung/plan/:id/massnahmen", newMeasure.post)
  .post("/verwaltung/plan/:id/handlungsfelder", newField.post)
  .post("/verwaltung/plan/:id/handlungsfelder/:field", renameField.post)
  .post("/verwaltung/plan/:id/fortschreibung", planUpdate.post)
  .post("/verwaltung/plan/:id/import", importCatalogue)
  .get("/verwaltung/plan/:id/massnahmen.csv", async (c) => {
    const entered = await enter(c, "secretariat");
    if ("response" in entered) return entered.response;
    const ctx = serviceContext(c);
    const plan = await managedPlan(ctx, param(c, "id"));
    const excel = c.req.query("format") === "excel";
    return c.body(await exportMeasuresCsv(ctx, plan.id, excel ? "excel" : "csv"), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="massnahmen${excel ? "-excel" : ""}.csv"`,
      "cache-control": "private, no-store",
    });
  })
  .get(
    "/verwaltung/plan/:id/bericht",
    page({
      access: "secretariat",
      load: (c, _scope, ctx) => loadReport(c, ctx),
      view: (data, scope) => <ReportPage scope={scope} data={data} />,
    }),
  )
  .get("/verwaltung/plan/:id/bericht.pdf", async (c) => {
    const entered = await enter(c, "secretariat");
    if ("response" in entered) return entered.response;
    const ctx = serviceContext(c);
    const plan = await managedPlan(ctx, param(c, "id"));
    const { valid: _valid, ...period } = periodOf(c, Number(berlinDateOf(ctx.now).slice(0, 4)));
    return sendPdf(c, await progressReportPdf(ctx, documentDeps(c), plan.id, period), "sachstandsbericht.pdf");
  });
