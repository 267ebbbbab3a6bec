/**
 * The demo's monitoring: a second plan in the style of Schwäbisch Gmünd's "Gmünder Weg für alle", whose action
 * fields 4 and 5 belong to the integration office; indicators of both plans with values from 2019 on; key figures
 * on immigration from 2015 on, as the Fachgruppe Zuwanderung collects them; two years of integration forums; and the
 * integration report of the past year. All figures are invented, shaped like those of a town of 60,000.
 */
import type { Statement } from "../db/database";
import { insertRow } from "../db/sql";
import { berlinDateOf } from "../rules/calendar";
import type { DemoPlanIds } from "./demo-plan";

export interface DemoFiguresInput {
  now: Date;
  bodyId: string;
  actorName: string;
  plan: DemoPlanIds;
}

const GMUEND_FIELDS: [string, [string, string, number][]][] = [
  ["Wohnen und Stadtentwicklung", [["Bezahlbarer Wohnraum in der Innenstadt", "in_progress", 35]]],
  ["Bildung und Ausbildung", [["Bildungsberatung für Familien", "ongoing", 60]]],
  ["Arbeit und Wirtschaft", [["Netzwerk Ausbildung für Geflüchtete", "implemented", 100]]],
  [
    "Soziales, Gesundheit und Sport",
    [
      ["Gesundheitssprechstunde in mehreren Sprachen", "in_progress", 55],
      ["Sport im Quartier für alle Generationen", "ongoing", 70],
      ["Mehrsprachige Pflegeberatung", "planned", 0],
      ["Seniorinnen und Senioren mit Migrationsgeschichte erreichen", "in_progress", 30],
    ],
  ],
  [
    "Aktives Zusammenleben",
    [
      ["Nachbarschaftsfeste in allen Stadtteilen", "ongoing", 80],
      ["Patenschaften für Neuzugewanderte", "in_progress", 65],
      ["Interkultureller Kalender", "implemented", 100],
      ["Beteiligung von Migrantenorganisationen an Stadtteilforen", "paused", 20],
    ],
  ],
];

/** A figure's values by year from its first year, up to the report's year. */
const series = (from: number, to: number, values: number[]) =>
  values.slice(0, Math.max(0, to - from + 1)).map((value, index) => ({ period: String(from + index), value }));

interface DemoFigure {
  key: string;
  kind: "indicator" | "key_figure";
  name: string;
  unit: string;
  direction: "up" | "down" | "none";
  category?: string;
  field?: { plan: "integration" | "gmuend"; number: number };
  measure?: string;
  baseline?: [string, number];
  target?: [string, number];
  source: string;
  published: boolean;
  from: number;
  values: number[];
}

const FIGURES: DemoFigure[] = [
  // Key figures on immigration, 2015 on.
  {
    key: "auslaendische-einwohner",
    kind: "key_figure",
    name: "Einwohnerinnen und Einwohner mit ausländischer Staatsangehörigkeit",
    unit: "Personen",
    direction: "none",
    category: "Bevölkerung",
    source: "Statistisches Landesamt Baden-Württemberg",
    published: true,
    from: 2015,
    values: [7480, 8320, 8590, 8710, 8850, 8900, 9040, 9870, 10210, 10390, 10520],
  },
  {
    key: "auslaenderanteil",
    kind: "key_figure",
    name: "Anteil an der Bevölkerung",
    unit: "Prozent",
    direction: "none",
    category: "Bevölkerung",
    source: "Statistisches Landesamt Baden-Württemberg",
    published: true,
    from: 2015,
    values: [12.6, 13.9, 14.3, 14.5, 14.7, 14.8, 15, 16.3, 16.8, 17.1, 17.3],
  },
  {
    key: "staatsangehoerigkeit-eu",
    kind: "key_figure",
    name: "Staatsangehörige anderer EU-Staaten",
    unit: "Personen",
    direction: "none",
    category: "Bevölkerung nach Staatsangehörigkeit",
    source: "Ausländerbehörde",
    published: true,
    from: 2015,
    values: [3120, 3290, 3410, 3520, 3600, 3610, 3650, 3690, 3720, 3760, 3790],
  },
  {
    key: "staatsangehoerigkeit-tuerkei",
    kind: "key_figure",
    name: "Staatsangehörige der Türkei",
    unit: "Personen",
    direction: "none",
    category: "Bevölkerung nach Staatsangehörigkeit",
    source: "Ausländerbehörde",
    published: true,
    from: 2015,
    values: [1890, 1870, 1850, 1820, 1800, 1790, 1770, 1760, 1790, 1810, 1820],
  },
  {
    key: "staatsangehoerigkeit-ukraine",
    kind: "key_figure",
    name: "Staatsangehörige der Ukraine",
    unit: "Personen",
    direction: "none",
    category: "Bevölkerung nach Staatsangehörigkeit",
    source: "Ausländerbehörde",
    published: true,
    from: 2015,
    values: [40, 45, 48, 52, 55, 60, 64, 690, 760, 790, 805],
  },
  {
    key: "zuzuege-ausland",
    kind: "key_figure",
    name: "Zuzüge aus dem Ausland",
    unit: "Personen",
    direction: "none",
    category: "Zuwanderung",
    source: "Statistisches Landesamt Baden-Württemberg",
    published: true,
    from: 2015,
    values: [1650, 1320, 890, 820, 790, 520, 610, 1480, 980, 860, 810],
  },
  {
    key: "schutzsuchende",
    kind: "key_figure",
    name: "Schutzsuchende in der Anschlussunterbringung",
    unit: "Personen",
    direction: "none",
    category: "Schutzsuchende",
    source: "Amt für Integration und Migration",
    published: true,
    from: 2015,
    values: [210, 640, 710, 680, 620, 590, 560, 930, 1010, 960, 900],
  },
  {
    key: "integrationskurse-teilnehmende",
    kind: "key_figure",
    name: "Teilnehmende an Integrationskursen",
    unit: "Personen",
    direction: "none",
    category: "Integrationskurse",
    source: "Bundesamt für Migration und Flüchtlinge",
    published: true,
    from: 2015,
    values: [280, 460, 520, 430, 390, 240, 310, 590, 620, 540, 505],
  },
  {
    key: "einbuergerungen",
    kind: "key_figure",
    name: "Einbürgerungen",
    unit: "Personen",
    direction: "none",
    category: "Einbürgerung",
    source: "Standesamt (noch nicht abgeglichen)",
    // Kept internal until the registry office has checked the figures against the state's.
    published: false,
    from: 2015,
    values: [98, 104, 112, 109, 121, 96, 118, 140, 176, 251, 268],
  },
  // Indicators of the integration plan, 2019 on.
  {
    key: "sprachkurse-eltern",
    kind: "indicator",
    name: "Teilnehmende an Sprachkursen für Eltern",
    unit: "Personen",
    direction: "up",
    field: { plan: "integration", number: 1 },
    measure: "1.1",
    baseline: ["2019", 412],
    target: ["2028", 700],
    source: "Volkshochschule",
    published: true,
    from: 2019,
    values: [412, 298, 355, 486, 542, 601, 631],
  },
  {
    key: "kita-sprachfoerderung",
    kind: "indicator",
    name: "Kinder mit Sprachförderung in Kitas",
    unit: "Prozent der Kinder mit Förderbedarf",
    direction: "up",
    field: { plan: "integration", number: 1 },
    measure: "1.2",
    baseline: ["2019", 58],
    target: ["2028", 90],
    source: "Amt für Bildung und Sport",
    published: true,
    from: 2019,
    values: [58, 55, 61, 66, 72, 77, 81],
  },
  {
    key: "arbeitslosenquote-auslaender",
    kind: "indicator",
    name: "Arbeitslosenquote von Ausländerinnen und Ausländern",
    unit: "Prozent",
    direction: "down",
    field: { plan: "integration", number: 2 },
    baseline: ["2019", 11.8],
    target: ["2028", 9],
    source: "Agentur für Arbeit",
    published: true,
    from: 2019,
    values: [11.8, 13.4, 12.9, 12.1, 11.6, 11.2, 10.7],
  },
  {
    key: "anerkennungen",
    kind: "indicator",
    name: "Anerkannte Berufsabschlüsse nach Anerkennungsberatung",
    unit: "Anerkennungen",
    direction: "up",
    field: { plan: "integration", number: 2 },
    measure: "2.1",
    baseline: ["2019", 36],
    target: ["2028", 80],
    source: "Anerkennungsberatung der Stadt",
    published: false,
    from: 2019,
    values: [36, 29, 41, 47, 55, 58, 64],
  },
  {
    key: "schwimmkurse-maedchen",
    kind: "indicator",
    name: "Mädchen in Schwimmkursen",
    unit: "Teilnehmerinnen",
    direction: "up",
    field: { plan: "integration", number: 4 },
    measure: "4.2",
    baseline: ["2019", 24],
    target: ["2028", 120],
    source: "Amt für Bildung und Sport",
    published: true,
    from: 2019,
    values: [24, 0, 18, 46, 71, 88, 97],
  },
  {
    key: "migrantenorganisationen-netzwerk",
    kind: "indicator",
    name: "Migrantenorganisationen im Integrationsnetzwerk",
    unit: "Organisationen",
    direction: "up",
    field: { plan: "integration", number: 5 },
    measure: "5.2",
    baseline: ["2019", 14],
    target: ["2028", 30],
    source: "Stabsstelle Integration",
    published: true,
    from: 2019,
    values: [14, 15, 17, 19, 22, 24, 26],
  },
  // Indicators of the "Gmünder Weg für alle", fields 4 and 5.
  {
    key: "gesundheitssprechstunde",
    kind: "indicator",
    name: "Beratungen in der mehrsprachigen Gesundheitssprechstunde",
    unit: "Beratungen",
    direction: "up",
    field: { plan: "gmuend", number: 4 },
    baseline: ["2021", 120],
    target: ["2027", 600],
    source: "Gesundheitsamt",
    published: true,
    from: 2021,
    values: [120, 260, 340, 410, 488],
  },
  {
    key: "patenschaften",
    kind: "indicator",
    name: "Aktive Patenschaften für Neuzugewanderte",
    unit: "Patenschaften",
    direction: "up",
    field: { plan: "gmuend", number: 5 },
    baseline: ["2021", 45],
    target: ["2027", 150],
    source: "Freiwilligenagentur",
    published: true,
    from: 2021,
    values: [45, 92, 118, 131, 137],
  },
];

const FORUM_IDEAS: { proposedBy: string; text: string; status: string; measure?: string }[][] = [
  [
    {
      proposedBy: "Arbeitskreis Asyl",
      text: "Eine Sprechstunde für Neuzugewanderte im Bürgerbüro, mit Dolmetschenden.",
      status: "implemented",
      measure: "2.8",
    },
    { proposedBy: "Jugendgemeinderat", text: "Ein Sportangebot am Abend für junge Geflüchtete.", status: "adopted", measure: "4.3" },
    { proposedBy: "Stadtteilverein Oststadt", text: "Ein mehrsprachiger Stadtplan mit den Beratungsstellen.", status: "rejected" },
  ],
  [
    {
      proposedBy: "Türkisch-Deutscher Elternverein",
      text: "Elterncafés auch an weiterführenden Schulen.",
      status: "adopted",
      measure: "1.5",
    },
    { proposedBy: "Seniorenrat", text: "Seniorentreffs mit Sprachmittlung in den Stadtteilen.", status: "under_review" },
    { proposedBy: "Integrationsbeirat", text: "Ein jährlicher Empfang für alle neu Eingebürgerten.", status: "new" },
  ],
];

export function demoFigures(input: DemoFiguresInput): { statements: Statement[]; measures: number; reportYear: number } {
  const { now, bodyId } = input;
  const stamp = { version: 1, createdAt: now, updatedAt: now };
  const year = Number(berlinDateOf(now).slice(0, 4));
  const reportYear = year - 1;
  const statements: Statement[] = [];

  // The second plan.
  const gmuendId = crypto.randomUUID();
  const gmuendFields = new Map<number, string>();
  let measures = 0;
  statements.push(
    insertRow("Plan", {
      id: gmuendId,
      ...stamp,
      bodyId,
      title: "Gmünder Weg für alle",
      adoptedOn: "2021-07-21",
      adoptedByResolutionId: null,
      description:
        "Das Konzept der Stadt für Teilhabe und Zusammenhalt. Die Handlungsfelder 4 (Soziales, Gesundheit und Sport) und " +
        "5 (Aktives Zusammenleben) verantwortet die Stabsstelle Integration; über sie berichtet der Integrationsbericht.",
    }),
  );
  GMUEND_FIELDS.forEach(([title, fieldMeasures], index) => {
    const fieldId = crypto.randomUUID();
    gmuendFields.set(index + 1, fieldId);
    statements.push(insertRow("ActionField", { id: fieldId, planId: gmuendId, number: index + 1, title, version: 1 }));
    fieldMeasures.forEach(([measureTitle, status, progress], measureIndex) => {
      measures++;
      const id = crypto.randomUUID();
      statements.push(
        insertRow("Measure", {
          id,
          ...stamp,
          planId: gmuendId,
          actionFieldId: fieldId,
          code: `${index + 1}.${measureIndex + 1}`,
          title: measureTitle,
          description: `${measureTitle}: Teil des Handlungsfelds „${title}“ im Gmünder Weg für alle.`,
          responsible: index >= 3 ? "Stabsstelle Integration" : "Amt für Stadtentwicklung",
          partners: JSON.stringify(["Caritas", "Diakonie"].slice(0, 1 + (measureIndex % 2))),
          status,
          progress,
          startDate: "2021-09-01",
          targetDate: "2027-12-31",
          indicators: null,
          evidence: null,
        }),
        insertRow("MeasureHistory", {
          measureId: id,
          at: now,
          actorName: input.actorName,
          fromStatus: null,
          toStatus: status,
          fromProgress: null,
          toProgress: progress,
          reason: "Übernahme aus dem Gmünder Weg für alle",
          resolutionId: null,
          source: "import",
        }),
      );
    });
  });

  // Figures and their values up to the report's year.
  for (const [position, figure] of FIGURES.entries()) {
    const id = crypto.randomUUID();
    const fieldId = figure.field
      ? (figure.field.plan === "integration" ? input.plan.fieldIds : gmuendFields).get(figure.field.number)!
      : null;
    statements.push(
      insertRow("Figure", {
        id,
        ...stamp,
        bodyId,
        kind: figure.kind,
        key: figure.key,
        name: figure.name,
        unit: figure.unit,
        direction: figure.direction,
        category: figure.category ?? null,
        planId: figure.field ? (figure.field.plan === "integration" ? input.plan.planId : gmuendId) : null,
        actionFieldId: fieldId,
        measureId: figure.measure ? input.plan.measureIds.get(figure.measure)! : null,
        baselineValue: figure.baseline?.[1] ?? null,
        baselinePeriod: figure.baseline?.[0] ?? null,
        targetValue: figure.target?.[1] ?? null,
        targetPeriod: figure.target?.[0] ?? null,
        source: figure.source,
        description: null,
        published: figure.published,
        position,
      }),
    );
    for (const value of series(figure.from, reportYear, figure.values)) {
      statements.push(
        insertRow("FigureValue", {
          id: crypto.randomUUID(),
          ...stamp,
          figureId: id,
          period: value.period,
          value: value.value,
          source: null,
          note: value.period === "2020" && figure.kind === "indicator" ? "Kurse wegen der Corona-Pandemie eingeschränkt" : null,
        }),
      );
    }
  }

  // Two years of integration forums.
  FORUM_IDEAS.forEach((ideas, index) => {
    const forumYear = reportYear - 1 + index;
    for (const idea of ideas) {
      statements.push(
        insertRow("ForumIdea", {
          id: crypto.randomUUID(),
          ...stamp,
          bodyId,
          forum: `Integrationsforum ${forumYear}`,
          forumDate: `${forumYear}-10-${index === 0 ? "17" : "16"}`,
          proposedBy: idea.proposedBy,
          text: idea.text,
          status: idea.status,
          measureId: idea.measure ? input.plan.measureIds.get(idea.measure)! : null,
          paperId: null,
        }),
      );
    }
  });

  // The report of the past year.
  const reportId = crypto.randomUUID();
  statements.push(
    insertRow("IntegrationReport", {
      id: reportId,
      ...stamp,
      bodyId,
      year: reportYear,
      title: `Integrationsbericht ${reportYear}`,
      published: true,
    }),
  );
  const sections: { kind: string; field?: string; markdown: string }[] = [
    {
      kind: "introduction",
      markdown:
        `Der Integrationsbericht ${reportYear} zeigt, wie sich die Zuwanderung in unserer Stadt entwickelt hat und wie weit ` +
        "die Maßnahmen des Integrationsplans und des *Gmünder Wegs für alle* gekommen sind.\n\n" +
        "Die Zahlen der Zuwanderung stellt die **Fachgruppe Zuwanderung** zusammen, eine Arbeitsgruppe der Verwaltung. " +
        "Die Indikatoren messen, ob die Maßnahmen wirken; jeder hat einen Ausgangswert und ein Ziel.",
    },
    ...[1, 2, 3, 4, 5].map((number) => ({
      kind: "action_field",
      field: input.plan.fieldIds.get(number)!,
      markdown: FIELD_TEXTS[number - 1]!,
    })),
    ...[4, 5].map((number) => ({
      kind: "action_field",
      field: gmuendFields.get(number)!,
      markdown:
        number === 4
          ? "Die mehrsprachige Gesundheitssprechstunde ist gut angenommen; die Pflegeberatung beginnt im kommenden Jahr."
          : "Die Patenschaften wachsen langsamer als geplant. " +
            "Die Beteiligung an den Stadtteilforen ruht, bis die Foren neu aufgestellt sind.",
    })),
    {
      kind: "outlook",
      markdown:
        "Im kommenden Jahr schreibt die Stadt den Integrationsplan fort. Schwerpunkte sind:\n\n" +
        "- Sprachförderung vom Kindergarten bis zum Beruf,\n- Gesundheit und Pflege in mehreren Sprachen,\n" +
        "- die Beteiligung der Migrantenorganisationen.",
    },
  ];
  for (const [position, section] of sections.entries()) {
    statements.push(
      insertRow("IntegrationReportSection", {
        id: crypto.randomUUID(),
        reportId,
        position,
        kind: section.kind,
        actionFieldId: section.field ?? null,
        markdown: section.markdown,
      }),
    );
  }
  return { statements, measures, reportYear };
}

const FIELD_TEXTS = [
  "Die Sprachkurse für Eltern haben wieder mehr Teilnehmende als vor der Pandemie. In den Kitas erreicht die " +
    "Sprachförderung vier von fünf Kindern mit Förderbedarf.",
  "Die Arbeitslosigkeit von Ausländerinnen und Ausländern sinkt weiter. Die Anerkennungsberatung ist ausgelastet.",
  "Das Quartiersmanagement in der Oststadt ist verstetigt; die Wohnraumvermittlung bleibt schwierig.",
  "Die Schwimmkurse für Mädchen sind ausgebucht; ein weiterer Kurs startet im Frühjahr.",
  "Das Netzwerk der Migrantenorganisationen wächst. Die Interkulturelle Woche fand mit über 40 Veranstaltungen statt.",
];
