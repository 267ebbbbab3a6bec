/**
 * A measure of the plan in the secretariat's workspace: edited with its version (a reason goes into its history), the
 * resolutions that concern it, and a resolution linked from this side.
 */
import { Hono } from "hono";
import { z } from "zod";
import { MEASURE_STATUS, RELATION, label } from "../../documents/labels";
import type { AppEnv } from "../../http/context";
import { dateOf } from "../../rules/calendar";
import { LINK_RELATIONS, MEASURE_STATUSES } from "../../rules/plan";
import { ZCalendarDate, ZId } from "../../schemas/common";
import { listResolutions } from "../../services/meetings/resolutions";
import { getMeasure, updateMeasure } from "../../services/plan/plans";
import { linkResolutionToMeasure, measureTrace } from "../../services/plan/trace";
import type { ServiceContext } from "../../services/context";
import { ChoiceField, DateField, ErrorSummary, InputField, Notice, SubmitButton, TextareaField } from "../components/ui";
import { form, type FormViewProps } from "../kit/form";
import { paths } from "../kit/urls";
import { WorkspaceLayout } from "./layout";
import { managedPlan, measurePath, p, param, planPath } from "./plan-shared";

async function loadMeasure(c: { req: { param: (name: string) => string | undefined } }, _scope: unknown, ctx: ServiceContext) {
  const measure = await getMeasure(ctx, param(c, "id"));
  const plan = await managedPlan(ctx, measure.planId);
  const [trace, resolutions] = await Promise.all([
    measureTrace(ctx, measure.id),
    listResolutions(ctx, { bodyId: plan.bodyId, limit: 200 }),
  ]);
  return { measure, plan, trace, resolutions: resolutions.items };
}
type MeasureData = Awaited<ReturnType<typeof loadMeasure>>;

const MEASURE_FIELDS = [
  "title",
  "responsible",
  "status",
  "progress",
  "startDate",
  "targetDate",
  "indicators",
  "evidence",
  "reason",
] as const;

function MeasureDeskPage(props: FormViewProps<MeasureData> & { which?: "bearbeiten" | "beschluss" }) {
  const { data, scope } = props;
  const { measure, plan } = data;
  const own = (which: string) => (props.which === which ? { values: props.values, errors: props.errors } : { values: {}, errors: {} });
  const edit = props.which === "beschluss" ? { values: measureValues(data), errors: {} } : own("bearbeiten");
  const link = own("beschluss");
  const f = p.fields;
  const title = `${measure.code} ${measure.title}`;
  return (
    <WorkspaceLayout
      title={title}
      scope={scope}
      area="plan"
      trail={[{ text: plan.title, href: planPath(plan.id) }, { text: measure.code }]}
    >
      <p class="kern-subline">{`${p.field} ${measure.actionField.number}: ${measure.actionField.title}`}</p>
      <h1 class="kern-heading-large">{title}</h1>
      <Notice text={props.confirmation} />
      <Notice text={props.notice} tone="warning" />
      <p>
        <a href={paths.measure(measure.id)}>{p.publicPage}</a>
      </p>
      <h2 class="kern-heading-medium">{p.trace}</h2>
      {data.trace.trace.length === 0 ? <p>{p.noTrace}</p> : null}
      <ul>
        {data.trace.trace.map((entry) => (
          <li>
            <a href={`/verwaltung/beschluesse/${entry.resolution.id}`}>{entry.resolution.number}</a>
            {` ${label(RELATION, entry.relation)} (${dateOf(`${entry.date}T12:00:00Z`)})`}
          </li>
        ))}
      </ul>
      <h3 class="kern-heading-small">{p.linkResolution}</h3>
      <ErrorSummary errors={link.errors} />
      <form method="post" action={`${measurePath(measure.id)}/beschluss`} class="form" novalidate>
        <ChoiceField
          id="resolutionId"
          label={f.resolutionId!}
          emptyLabel={p.choose}
          options={data.resolutions.map((r) => ({ value: r.id, label: `${r.number}: ${r.text.slice(0, 80)}` }))}
          value={link.values.resolutionId}
          error={link.errors.resolutionId}
        />
        <ChoiceField
          id="relation"
          label={f.relation!}
          options={LINK_RELATIONS.map((value) => ({ value, label: RELATION[value] }))}
          value={link.values.relation}
          error={link.errors.relation}
        />
        <ChoiceField
          id="linkStatus"
          label={f.linkStatus!}
          emptyLabel={p.statusFromRelation}
          options={MEASURE_STATUSES.map((value) => ({ value, label: MEASURE_STATUS[value] }))}
          value={link.values.linkStatus}
          error={link.errors.linkStatus}
        />
        <SubmitButton label={p.link} />
      </form>
      <h2 class="kern-heading-medium">{p.edit}</h2>
      <ErrorSummary errors={edit.errors} />
      <form method="post" action={measurePath(measure.id)} class="form" novalidate>
        <input type="hidden" name="version" value={edit.values.version ?? String(measure.version)} />
        <InputField id="title" label={f.title!} type="text" value={edit.values.title} error={edit.errors.title} />
        <InputField id="responsible" label={f.responsible!} type="text" value={edit.values.responsible} error={edit.errors.responsible} />
        <ChoiceField
          id="status"
          label={f.status!}
          options={MEASURE_STATUSES.map((value) => ({ value, label: MEASURE_STATUS[value] }))}
          value={edit.values.status}
          error={edit.errors.status}
        />
        <InputField id="progress" label={f.progress!} type="number" value={edit.values.progress} error={edit.errors.progress} />
        <DateField id="startDate" label={f.startDate!} value={edit.values.startDate} error={edit.errors.startDate} />
        <DateField id="targetDate" label={f.targetDate!} value={edit.values.targetDate} error={edit.errors.targetDate} />
        <TextareaField id="indicators" label={f.indicators!} value={edit.values.indicators} error={edit.errors.indicators} rows={3} />
        <TextareaField id="evidence" label={f.evidence!} value={edit.values.evidence} error={edit.errors.evidence} rows={3} />
        <InputField id="reason" label={f.reason!} type="text" hint={p.reasonHint} value={edit.values.reason} error={edit.errors.reason} />
        <SubmitButton label={p.save} primary />
      </form>
    </WorkspaceLayout>
  );
}

function measureValues(data: MeasureData): Record<string, string> {
  const { measure } = data;
  return {
    version: String(measure.version),
    title: measure.title,
    responsible: measure.responsible ?? "",
    status: measure.status,
    progress: String(measure.progress),
    startDate: measure.startDate ?? "",
    targetDate: measure.targetDate ?? "",
    indicators: measure.indicators ?? "",
    evidence: measure.evidence ?? "",
  };
}

const measureConfirmations = { angelegt: p.measureCreated, gespeichert: p.saved, verknuepft: p.linked };

const editMeasure = form({
  access: "secretariat",
  schema: z.object({
    version: z.coerce.number().int().min(1),
    title: z.string().trim().min(1).max(300),
    responsible: z.string().trim().max(300).nullable().optional(),
    status: z.enum(MEASURE_STATUSES),
    progress: z.coerce.number().int().min(0).max(100),
    startDate: ZCalendarDate.nullable().optional(),
    targetDate: ZCalendarDate.nullable().optional(),
    indicators: z.string().max(5000).nullable().optional(),
    evidence: z.string().max(5000).nullable().optional(),
    reason: z.string().trim().max(2000).nullable().optional(),
  }),
  labels: Object.fromEntries(MEASURE_FIELDS.map((field) => [field, p.fields[field]!])),
  empty: "null",
  load: loadMeasure,
  initial: measureValues,
  view: (props) => <MeasureDeskPage {...props} which="bearbeiten" />,
  confirmations: measureConfirmations,
  submit: ({ version, reason, ...input }, ctx, _scope, data) =>
    updateMeasure(ctx, data.measure.id, version, { ...input, title: input.title, ...(reason ? { reason } : {}) }),
  done: (measure) => `${measurePath(measure.id)}?gespeichert`,
});

const linkFromMeasure = form({
  access: "secretariat",
  schema: z.object({ resolutionId: ZId, relation: z.enum(LINK_RELATIONS), linkStatus: z.enum(MEASURE_STATUSES).optional() }),
  labels: { resolutionId: p.fields.resolutionId!, relation: p.fields.relation!, linkStatus: p.fields.linkStatus! },
  fieldsOf: { status: "linkStatus" },
  load: loadMeasure,
  view: (props) => <MeasureDeskPage {...props} which="beschluss" />,
  submit: async ({ resolutionId, relation, linkStatus }, ctx, _scope, data) => {
    await linkResolutionToMeasure(ctx, resolutionId, {
      measureId: data.measure.id,
      relation,
      ...(linkStatus ? { status: linkStatus } : {}),
    });
    return data.measure;
  },
  done: (measure) => `${measurePath(measure.id)}?verknuepft`,
});

export const measurePages = new Hono<AppEnv>()
  .get("/verwaltung/plan/massnahmen/:id", editMeasure.get)
  .post("/verwaltung/plan/massnahmen/:id", editMeasure.post)
  .post("/verwaltung/plan/massnahmen/:id/beschluss", linkFromMeasure.post);
