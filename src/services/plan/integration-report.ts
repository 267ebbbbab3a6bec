/**
 * The integration report (Integrationsbericht) of a year: its Markdown sections as the secretariat wrote them, and
 * everything else read from the records for the reader at hand: the key figures with their trend, per action field
 * the measures by status, the indicators against baseline and target and the year's resolutions from the trace,
 * and the ideas of the year's integration forums with what became of them. Each record goes through its own policy.
 */
import type { Statement } from "../../db/database";
import { assertion, atVersion, deleteRow, insertRow, updateVersioned } from "../../db/sql";
import { Problem, fieldProblem, notFound } from "../../errors";
import * as paperPolicy from "../../policies/papers";
import * as reportPolicy from "../../policies/integration-reports";
import * as resolutionPolicy from "../../policies/resolutions";
import { berlinDateOf } from "../../rules/calendar";
import { periodYear, trendOf, shareOfTarget, type FigureDirection } from "../../rules/figures";
import { MEASURE_STATUSES, type MeasureStatus } from "../../rules/plan";
import { paperNumber } from "../../rules/papers";
import { resolutionNumber } from "../../rules/resolutions";
import type { TReportInput } from "../../schemas/figures";
import { bodyToManage, bodyToRead } from "../access";
import type { ServiceContext } from "../context";
import { auditStatement, expectVersion, newRecordColumns } from "../records";
import { listFigures } from "./figures";

/** The report record of a year with its sections; not found for whoever may not read it (a draft: the public). */
export async function getReportRecord(ctx: ServiceContext, bodyId: string, year: number) {
  const report = await ctx.db.prisma.integrationReport.findUnique({
    where: { bodyId_year: { bodyId, year } },
    include: { sections: { orderBy: { position: "asc" } } },
  });
  if (!report || !reportPolicy.canRead(ctx.actor, report))
    throw new Problem("not_found", `Für ${year} gibt es keinen Integrationsbericht.`);
  return report;
}

/** The years with a report the caller may read, newest first. */
export async function reportYears(ctx: ServiceContext, bodyId: string): Promise<number[]> {
  await bodyToRead(ctx, bodyId);
  const reports = await ctx.db.prisma.integrationReport.findMany({ where: { bodyId }, orderBy: { year: "desc" } });
  return reports.filter((report) => reportPolicy.canRead(ctx.actor, report)).map((report) => report.year);
}

/**
 * Creates a year's report, or replaces its title, state and sections at the version read (If-Match): all in one
 * write, so a reader never sees half the sections of an edit.
 */
export async function saveReport(ctx: ServiceContext, bodyId: string, year: number, input: TReportInput, version: number | null) {
  await bodyToManage(ctx, bodyId);
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw fieldProblem("year", "muss ein Jahr sein");
  const fieldIds = input.sections.flatMap((s) => (s.actionFieldId ? [s.actionFieldId] : []));
  const fields = await ctx.db.prisma.actionField.findMany({ where: { id: { in: fieldIds } }, include: { plan: true } });
  input.sections.forEach((section, index) => {
    if (section.kind !== "action_field" && input.sections.findIndex((s) => s.kind === section.kind) !== index)
      throw fieldProblem(`sections.${index}.kind`, `der Bericht hat schon einen Abschnitt „${section.kind}“`);
    if (!section.actionFieldId) return;
    const field = fields.find((f) => f.id === section.actionFieldId);
    if (!field || field.plan.bodyId !== bodyId)
      throw fieldProblem(`sections.${index}.actionFieldId`, "nennt kein Handlungsfeld eines Plans dieser Körperschaft");
    if (fieldIds.indexOf(section.actionFieldId) !== fieldIds.lastIndexOf(section.actionFieldId))
      throw fieldProblem(`sections.${index}.actionFieldId`, "das Handlungsfeld hat schon einen Abschnitt");
  });
  const existing = await ctx.db.prisma.integrationReport.findUnique({
    where: { bodyId_year: { bodyId, year } },
    include: { sections: true },
  });
  const sections = (reportId: string) =>
    input.sections.map((section, position) =>
      insertRow("IntegrationReportSection", {
        id: crypto.randomUUID(),
        reportId,
        position,
        kind: section.kind,
        actionFieldId: section.actionFieldId ?? null,
        markdown: section.markdown,
      }),
    );
  const statements: Statement[] = [];
  if (!existing) {
    const row = { ...newRecordColumns(ctx.now), bodyId, year, title: input.title, published: input.published };
    statements.push(
      insertRow("IntegrationReport", row),
      auditStatement(ctx, "create", "IntegrationReport", row.id, null, { ...row, sections: input.sections }),
      ...sections(row.id),
    );
  } else {
    if (version === null)
      throw new Problem("precondition_required", `Den Bericht ${year} gibt es schon; zum Ändern bitte sein ETag in If-Match senden.`);
    expectVersion(existing, version);
    const after = { title: input.title, published: input.published, updatedAt: ctx.now };
    statements.push(
      assertion(atVersion("IntegrationReport", existing.id, existing.version)),
      ...existing.sections.map((section) => deleteRow("IntegrationReportSection", section.id)),
      ...sections(existing.id),
      auditStatement(ctx, "update", "IntegrationReport", existing.id, existing, { ...existing, ...after, sections: input.sections }),
      updateVersioned("IntegrationReport", existing.id, existing.version, after),
    );
  }
  await ctx.db.batch(statements).catch((error) => {
    const constraint = (error as { constraint?: string }).constraint;
    if (constraint === "unique") throw new Problem("conflict", `Den Bericht ${year} hat eben jemand angelegt; bitte neu laden.`);
    if (constraint === "check") throw new Problem("precondition_failed", "Der Bericht wurde inzwischen geändert; bitte neu laden.");
    throw error;
  });
  return getReportRecord(ctx, bodyId, year);
}

export type ReportFigure = Awaited<ReturnType<typeof listFigures>>[number];

/** A figure as the report shows it: its values up to the report's year, the latest, the one before, the trend. */
function figureInYear(figure: ReportFigure, year: number) {
  const values = figure.values.filter((v) => periodYear(v.period) <= year);
  const latest = values.at(-1) ?? null;
  const previous = values.at(-2) ?? null;
  return {
    id: figure.id,
    key: figure.key,
    name: figure.name,
    unit: figure.unit,
    category: figure.category,
    source: figure.source,
    description: figure.description,
    published: figure.published,
    direction: figure.direction as FigureDirection,
    values: values.map((v) => ({ period: v.period, value: v.value, source: v.source, note: v.note })),
    baseline:
      figure.baselineValue !== null && figure.baselinePeriod ? { period: figure.baselinePeriod, value: figure.baselineValue } : null,
    target: figure.targetValue !== null && figure.targetPeriod ? { period: figure.targetPeriod, value: figure.targetValue } : null,
    latest: latest ? { period: latest.period, value: latest.value } : null,
    previous: previous ? { period: previous.period, value: previous.value } : null,
    trend: trendOf(figure.direction as FigureDirection, previous?.value ?? null, latest?.value ?? null),
    shareOfTarget: latest ? shareOfTarget(latest.value, figure.baselineValue, figure.targetValue) : null,
  };
}

export type ReportFigureView = ReturnType<typeof figureInYear>;

/** The whole report of a year, for the reader at hand. */
export async function integrationReport(ctx: ServiceContext, bodyId: string, year: number) {
  const report = await getReportRecord(ctx, bodyId, year);
  const body = await ctx.db.prisma.body.findFirst({ where: { id: bodyId, deletedAt: null } });
  if (!body) throw notFound("Body", bodyId);
  const readership = await ctx.readership();
  const figures = await listFigures(ctx, bodyId, { revisions: false });
  const textOf = (kind: string) => report.sections.find((s) => s.kind === kind)?.markdown ?? null;

  const fieldSections = report.sections.filter((s) => s.kind === "action_field" && s.actionFieldId);
  const fields = await ctx.db.prisma.actionField.findMany({
    where: { id: { in: fieldSections.map((s) => s.actionFieldId!) } },
    include: { plan: true, measures: true },
  });
  const measureIds = fields.flatMap((f) => f.measures.map((m) => m.id));
  const links = await ctx.db.prisma.measureLink.findMany({ where: { measureId: { in: measureIds } }, orderBy: { createdAt: "asc" } });
  const resolutions = await ctx.db.prisma.resolution.findMany({ where: { id: { in: [...new Set(links.map((l) => l.resolutionId))] } } });
  const committees = await ctx.db.prisma.committee.findMany({ where: { id: { in: [...new Set(resolutions.map((r) => r.committeeId))] } } });
  const meetings = await ctx.db.prisma.meeting.findMany({
    where: { id: { in: resolutions.flatMap((r) => (r.meetingId ? [r.meetingId] : [])) } },
    select: { id: true, startsAt: true },
  });
  const resolutionsOfYear = new Map(
    resolutions.flatMap((resolution) => {
      const committee = committees.find((c) => c.id === resolution.committeeId)!;
      if (!resolutionPolicy.canRead(ctx.actor, readership, resolution, committee)) return [];
      const meeting = meetings.find((m) => m.id === resolution.meetingId);
      const date = berlinDateOf(meeting?.startsAt ?? resolution.createdAt);
      if (!date.startsWith(`${year}-`)) return [];
      const number = resolutionNumber(committee.shortName, resolution.year, resolution.serial);
      return [[resolution.id, { id: resolution.id, number, date, text: resolution.text, committee: committee.name }] as const];
    }),
  );

  const actionFields = fieldSections.flatMap((section) => {
    const field = fields.find((f) => f.id === section.actionFieldId);
    if (!field) return [];
    const measures = [...field.measures]
      .sort((a, b) => a.code.localeCompare(b.code, "de", { numeric: true }))
      .map((m) => ({ id: m.id, code: m.code, title: m.title, status: m.status as MeasureStatus, progress: m.progress }));
    const byStatus = MEASURE_STATUSES.map((status) => ({ status, count: measures.filter((m) => m.status === status).length }));
    const fieldResolutions = new Map<
      string,
      { id: string; number: string; date: string; text: string; committee: string; measures: string[] }
    >();
    for (const link of links) {
      const resolution = resolutionsOfYear.get(link.resolutionId);
      const measure = measures.find((m) => m.id === link.measureId);
      if (!resolution || !measure) continue;
      const entry = fieldResolutions.get(resolution.id) ?? { ...resolution, measures: [] };
      if (!entry.measures.includes(measure.code)) entry.measures.push(measure.code);
      fieldResolutions.set(resolution.id, entry);
    }
    return [
      {
        id: field.id,
        number: field.number,
        title: field.title,
        planId: field.planId,
        planTitle: field.plan.title,
        markdown: section.markdown,
        measures,
        byStatus,
        indicators: figures.filter((f) => f.kind === "indicator" && f.actionFieldId === field.id).map((f) => figureInYear(f, year)),
        resolutions: [...fieldResolutions.values()].sort((a, b) => a.date.localeCompare(b.date)),
      },
    ];
  });

  const ideas = await ctx.db.prisma.forumIdea.findMany({
    where: { bodyId, forumDate: { gte: `${year}-01-01`, lte: `${year}-12-31` } },
    orderBy: [{ forumDate: "asc" }, { createdAt: "asc" }],
  });
  const ideaMeasures = await ctx.db.prisma.measure.findMany({
    where: { id: { in: ideas.flatMap((i) => (i.measureId ? [i.measureId] : [])) } },
  });
  const ideaPapers = await ctx.db.prisma.paper.findMany({
    where: { id: { in: ideas.flatMap((i) => (i.paperId ? [i.paperId] : [])) }, deletedAt: null },
    include: { consultations: { select: { committeeId: true } } },
  });
  const forums = new Map<
    string,
    {
      forum: string;
      date: string;
      ideas: {
        text: string;
        status: string;
        measure: { id: string; code: string; title: string } | null;
        paper: { id: string; number: string; title: string } | null;
      }[];
    }
  >();
  for (const idea of ideas) {
    const forum = forums.get(`${idea.forumDate} ${idea.forum}`) ?? { forum: idea.forum, date: idea.forumDate, ideas: [] };
    const measure = ideaMeasures.find((m) => m.id === idea.measureId);
    const paper = ideaPapers.find((p) => p.id === idea.paperId);
    forum.ideas.push({
      text: idea.text,
      status: idea.status,
      measure: measure ? { id: measure.id, code: measure.code, title: measure.title } : null,
      paper:
        paper && paperPolicy.canRead(ctx.actor, readership, paper)
          ? { id: paper.id, number: paperNumber(paper.year, paper.serial), title: paper.title }
          : null,
    });
    forums.set(`${idea.forumDate} ${idea.forum}`, forum);
  }

  return {
    body: { id: body.id, name: body.name },
    year,
    title: report.title,
    published: report.published,
    version: report.version,
    updatedAt: report.updatedAt,
    introduction: textOf("introduction"),
    outlook: textOf("outlook"),
    keyFigures: figures.filter((f) => f.kind === "key_figure").map((f) => figureInYear(f, year)),
    actionFields,
    forums: [...forums.values()],
  };
}

export type IntegrationReportData = Awaited<ReturnType<typeof integrationReport>>;
