/**
 * Written procedures (Umlaufverfahren, §37 (1) GemO) in the secretariat's workspace: start one for a committee (its
 * members are mailed and object in their area), see the objections, and conclude it after the deadline: adopted
 * with a numbered resolution if nobody objected, failed otherwise.
 */
import { Hono } from "hono";
import { z } from "zod";
import { mailContext, type AppEnv } from "../../http/context";
import { berlinWallClockToInstant, dateOf, timeOf } from "../../rules/calendar";
import { ZCalendarDate, ZId } from "../../schemas/common";
import { listCommittees } from "../../services/people/committees";
import { concludeWrittenProcedure, listWrittenProcedures, startWrittenProcedure } from "../../services/meetings/written-procedures";
import type { ServiceContext } from "../../services/context";
import { Badge, ChoiceField, DateField, ErrorSummary, InputField, Notice, SubmitButton, TextareaField } from "../components/ui";
import { form, type FormViewProps } from "../kit/form";
import { m } from "../messages";
import { WorkspaceLayout } from "./layout";
import { ZTime } from "./meeting-shared";

const w = m.workspace.procedures;
const PATH = "/verwaltung/umlaufverfahren";

async function load(_c: unknown, scope: { body: { id: string } }, ctx: ServiceContext) {
  const [procedures, committees] = await Promise.all([
    listWrittenProcedures(ctx, scope.body.id),
    listCommittees(ctx, { bodyId: scope.body.id, limit: 200 }),
  ]);
  return { procedures, committees: committees.items };
}

function ProceduresPage(props: FormViewProps<Awaited<ReturnType<typeof load>>>) {
  const { data, scope, values, errors } = props;
  return (
    <WorkspaceLayout title={w.title} scope={scope} area="meetings" trail={[{ text: w.title }]}>
      <h1 class="kern-heading-large">{w.title}</h1>
      <p>{w.intro}</p>
      <Notice text={props.confirmation} />
      <Notice text={props.notice} tone="warning" />
      {data.procedures.length === 0 ? <p>{w.none}</p> : null}
      {data.procedures.map((procedure) => (
        <section class="meeting-row" aria-labelledby={`uv-${procedure.id}`}>
          <h2 class="kern-heading-small" id={`uv-${procedure.id}`}>
            {`${procedure.committee}: ${procedure.motion}`}
          </h2>
          <p>
            {`${w.deadline} ${dateOf(procedure.deadline)}, ${timeOf(procedure.deadline)}; ${w.objections(procedure.objections.length)} `}
            <Badge tone={procedure.outcome === "adopted" ? "success" : procedure.outcome === "failed" ? "danger" : "info"}>
              {w.outcomes[procedure.outcome]!}
            </Badge>
            {procedure.resolutionId ? (
              <>
                {" "}
                <a href={`/verwaltung/beschluesse/${procedure.resolutionId}`}>{w.resolution}</a>
              </>
            ) : null}
          </p>
          {procedure.outcome === "adopted" && !procedure.resolutionId ? (
            <form method="post" action={`${PATH}/${procedure.id}/abschluss`} class="form">
              <SubmitButton label={w.conclude} />
            </form>
          ) : null}
        </section>
      ))}
      <h2 class="kern-heading-medium">{w.start}</h2>
      <ErrorSummary errors={errors} />
      <form method="post" action={PATH} class="form" novalidate>
        <ChoiceField
          id="committeeId"
          label={w.fields.committeeId!}
          emptyLabel={w.choose}
          options={data.committees.map((c) => ({ value: c.id, label: c.name }))}
          value={values.committeeId}
          error={errors.committeeId}
        />
        <InputField id="motion" label={w.fields.motion!} type="text" value={values.motion} error={errors.motion} />
        <TextareaField id="text" label={w.fields.text!} value={values.text} error={errors.text} rows={4} />
        <DateField id="date" label={w.fields.date!} value={values.date} error={errors.date} />
        <InputField id="time" label={w.fields.time!} type="time" value={values.time ?? "12:00"} error={errors.time} />
        <SubmitButton label={w.start} primary />
      </form>
    </WorkspaceLayout>
  );
}

const start = form({
  access: "secretariat",
  schema: z.object({
    committeeId: ZId,
    motion: z.string().trim().min(1).max(2000),
    text: z.string().trim().min(1).max(50_000),
    date: ZCalendarDate,
    time: ZTime,
  }),
  labels: w.fields,
  // The service speaks of the deadline; the form asks for its date and time.
  fieldsOf: { deadline: "date" },
  load,
  view: (props) => <ProceduresPage {...props} />,
  confirmations: { begonnen: w.started, abgeschlossen: w.concluded },
  submit: ({ committeeId, motion, text, date, time }, ctx, _scope, _data, c) =>
    startWrittenProcedure(ctx, committeeId, { motion, text, deadline: berlinWallClockToInstant(date, time).toISOString() }, mailContext(c)),
  done: () => `${PATH}?begonnen`,
});

const conclude = form({
  access: "secretariat",
  schema: z.object({}),
  labels: {},
  load,
  view: (props) => <ProceduresPage {...props} />,
  submit: (_input, ctx, _scope, _data, c) => concludeWrittenProcedure(ctx, c.req.param("id") ?? ""),
  done: () => `${PATH}?abgeschlossen`,
});

export const procedurePages = new Hono<AppEnv>().get(PATH, start.get).post(PATH, start.post).post(`${PATH}/:id/abschluss`, conclude.post);
