/** The ideas of the integration forums in the secretariat's workspace: captured, and turned into a measure or a paper. */
import { Hono } from "hono";
import { z } from "zod";
import { PAPER_TYPE } from "../../documents/labels";
import { Problem } from "../../errors";
import type { AppEnv } from "../../http/context";
import { dateOf } from "../../rules/calendar";
import { PAPER_TYPES } from "../../rules/papers";
import { ZCalendarDate } from "../../schemas/common";
import { createForumIdea, ideaToMeasure, ideaToPaper, listForumIdeas } from "../../services/plan/plan-follow-up";
import { listPlans } from "../../services/plan/plans";
import type { ServiceContext } from "../../services/context";
import { Badge, ChoiceField, DateField, ErrorSummary, InputField, Notice, SubmitButton, TextareaField } from "../components/ui";
import { form, type FormViewProps } from "../kit/form";
import { WorkspaceLayout } from "./layout";
import { measurePath, p, param } from "./plan-shared";

async function loadIdeas(_c: unknown, scope: { body: { id: string } }, ctx: ServiceContext) {
  const [ideas, plans] = await Promise.all([listForumIdeas(ctx, scope.body.id), listPlans(ctx, scope.body.id)]);
  return { ideas, plans };
}
type IdeasData = Awaited<ReturnType<typeof loadIdeas>>;

function IdeasPage(props: FormViewProps<IdeasData>) {
  const { data, scope, values, errors } = props;
  const f = p.fields;
  const fields = data.plans.flatMap((plan) =>
    plan.actionFields.map((field) => ({ value: `${plan.id}:${field.number}`, label: `${plan.title}, ${field.number} ${field.title}` })),
  );
  return (
    <WorkspaceLayout title={p.ideas} scope={scope} area="plan" trail={[{ text: p.ideas }]}>
      <h1 class="kern-heading-large">{p.ideas}</h1>
      <Notice text={props.confirmation} />
      <Notice text={props.notice} tone="warning" />
      <ErrorSummary errors={errors} />
      {data.ideas.length === 0 ? <p>{p.noIdeas}</p> : null}
      {data.ideas.map((idea) => (
        <section class="idea" aria-labelledby={`idee-${idea.id}`}>
          <h2 class="kern-heading-small" id={`idee-${idea.id}`}>
            {`${idea.forum}, ${dateOf(`${idea.forumDate}T12:00:00Z`)}: ${idea.proposedBy}`}
          </h2>
          <p>{idea.text}</p>
          <p>
            <Badge>{p.ideaStatuses[idea.status] ?? idea.status}</Badge>{" "}
            {idea.measureId ? <a href={measurePath(idea.measureId)}>{p.becameMeasure}</a> : null}
            {idea.paperId ? <a href={`/verwaltung/vorlagen/${idea.paperId}`}>{p.becamePaper}</a> : null}
          </p>
          {idea.measureId || idea.paperId ? null : (
            <details class="kern-accordion">
              <summary class="kern-accordion__header">{p.turnInto}</summary>
              <div class="kern-accordion__body">
                <form method="post" action={`/verwaltung/plan/ideen/${idea.id}/massnahme`} class="form" novalidate>
                  <input type="hidden" name="version" value={String(idea.version)} />
                  <ChoiceField id={`field-${idea.id}`} label={f.actionField!} options={fields} value={values[`field-${idea.id}`]} />
                  <InputField
                    id={`code-${idea.id}`}
                    label={f.code!}
                    type="text"
                    hint={p.codeHint}
                    value={values[`code-${idea.id}`]}
                    error={errors[`code-${idea.id}`]}
                  />
                  <InputField
                    id={`title-${idea.id}`}
                    label={f.title!}
                    type="text"
                    value={values[`title-${idea.id}`] ?? idea.text.slice(0, 300)}
                    error={errors[`title-${idea.id}`]}
                  />
                  <SubmitButton label={p.toMeasure} />
                </form>
                <form method="post" action={`/verwaltung/plan/ideen/${idea.id}/vorlage`} class="form" novalidate>
                  <input type="hidden" name="version" value={String(idea.version)} />
                  <ChoiceField
                    id={`type-${idea.id}`}
                    label={f.paperType!}
                    options={PAPER_TYPES.map((value) => ({ value, label: PAPER_TYPE[value] }))}
                    value={values[`type-${idea.id}`]}
                  />
                  <InputField
                    id={`paper-${idea.id}`}
                    label={f.paperTitle!}
                    type="text"
                    value={values[`paper-${idea.id}`] ?? idea.text.slice(0, 300)}
                    error={errors[`paper-${idea.id}`]}
                  />
                  <SubmitButton label={p.toPaper} />
                </form>
              </div>
            </details>
          )}
        </section>
      ))}
      <h2 class="kern-heading-medium">{p.newIdea}</h2>
      <form method="post" action="/verwaltung/plan/ideen" class="form" novalidate>
        <InputField id="forum" label={f.forum!} type="text" value={values.forum} error={errors.forum} />
        <DateField id="forumDate" label={f.forumDate!} value={values.forumDate} error={errors.forumDate} />
        <InputField id="proposedBy" label={f.proposedBy!} type="text" value={values.proposedBy} error={errors.proposedBy} />
        <TextareaField id="text" label={f.text!} value={values.text} error={errors.text} rows={3} />
        <SubmitButton label={p.newIdea} />
      </form>
    </WorkspaceLayout>
  );
}

const ideaConfirmations = { erfasst: p.ideaCreated, massnahme: p.ideaMeasure, vorlage: p.ideaPaper };
const ideaLabels = (data: IdeasData) => ({
  ...Object.fromEntries(
    data.ideas.flatMap((idea) => [
      [`field-${idea.id}`, p.fields.actionField!],
      [`code-${idea.id}`, p.fields.code!],
      [`title-${idea.id}`, p.fields.title!],
      [`type-${idea.id}`, p.fields.paperType!],
      [`paper-${idea.id}`, p.fields.paperTitle!],
    ]),
  ),
});
/** The service names the measure's fields; the form names them per idea. */
const perIdea = (id: string, names: Record<string, string>) => (error: unknown) => {
  if (error instanceof Problem && error.extra.errors)
    error.extra.errors = error.extra.errors.map((e) => (names[e.field] ? { ...e, field: `${names[e.field]}-${id}` } : e));
  throw error;
};

const newIdea = form({
  access: "secretariat",
  schema: z.object({
    forum: z.string().trim().min(1).max(200),
    forumDate: ZCalendarDate,
    proposedBy: z.string().trim().min(1).max(200),
    text: z.string().trim().min(1).max(5000),
  }),
  labels: { forum: p.fields.forum!, forumDate: p.fields.forumDate!, proposedBy: p.fields.proposedBy!, text: p.fields.text! },
  load: loadIdeas,
  view: (props) => <IdeasPage {...props} />,
  confirmations: ideaConfirmations,
  submit: (input, ctx, scope) => createForumIdea(ctx, scope.body.id, input),
  done: () => "/verwaltung/plan/ideen?erfasst",
});

const ideaMeasure = form({
  access: "secretariat",
  schema: z.object({ version: z.coerce.number().int().min(1) }).catchall(z.string().max(5000)),
  labels: ideaLabels,
  load: loadIdeas,
  view: (props) => <IdeasPage {...props} />,
  submit: async (input, ctx, _scope, _data, c) => {
    const id = param(c, "id");
    const [planId, field] = String(input[`field-${id}`] ?? "").split(":");
    return ideaToMeasure(ctx, id, input.version, planId ?? "", {
      actionField: Number(field),
      code: String(input[`code-${id}`] ?? ""),
      title: String(input[`title-${id}`] ?? ""),
      partners: [],
      status: "planned",
      progress: 0,
    }).catch(perIdea(id, { code: "code", title: "title", actionField: "field", planId: "field" }));
  },
  done: () => "/verwaltung/plan/ideen?massnahme",
});

const ideaPaper = form({
  access: "secretariat",
  schema: z.object({ version: z.coerce.number().int().min(1) }).catchall(z.string().max(5000)),
  labels: ideaLabels,
  load: loadIdeas,
  view: (props) => <IdeasPage {...props} />,
  submit: async (input, ctx, _scope, _data, c) => {
    const id = param(c, "id");
    const type = z.enum(PAPER_TYPES).catch("proposal").parse(input[`type-${id}`]);
    const title = String(input[`paper-${id}`] ?? "").trim();
    if (!title)
      perIdea(id, { title: "paper" })(new Problem("unprocessable", "Der Titel fehlt.", { errors: [{ field: "title", reason: "fehlt" }] }));
    return ideaToPaper(ctx, id, input.version, { title, type }).catch(perIdea(id, { title: "paper" }));
  },
  done: () => "/verwaltung/plan/ideen?vorlage",
});

export const ideaPages = new Hono<AppEnv>()
  .get("/verwaltung/plan/ideen", newIdea.get)
  .post("/verwaltung/plan/ideen", newIdea.post)
  .post("/verwaltung/plan/ideen/:id/massnahme", ideaMeasure.post)
  .post("/verwaltung/plan/ideen/:id/vorlage", ideaPaper.post);
